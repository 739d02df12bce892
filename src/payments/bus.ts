import { z } from 'zod';
import { FIELDS } from './capture.js';
import { SESSION_STATES, type SessionView } from './lifecycle.js';

/**
 * What server nodes tell each other about payment sessions, over LISTEN/NOTIFY. `ops` carries a
 * step to the node that holds a session (a key arrives sealed to that node's in-memory key, so
 * the payload is unreadable to anyone else and nothing legible reaches PostgreSQL's notification
 * queue); `progress` carries a session's new masked view to every node with a screen watching it.
 */
export const OPS_CHANNEL = 'callvault_payment_ops';
export const PROGRESS_CHANNEL = 'callvault_payment_progress';

const Actor = z.object({ kind: z.enum(['user', 'api_key', 'system']), id: z.string().max(200) });

export const OpMessage = z.discriminatedUnion('op', [
  z.object({ op: z.literal('key'), to: z.string(), session: z.uuid(), eventId: z.string().max(100), sealed: z.base64().max(400), actor: Actor, requestId: z.string().max(200).optional() }),
  z.object({ op: z.literal('reenter'), to: z.string(), session: z.uuid(), field: z.enum(FIELDS), actor: Actor, requestId: z.string().max(200).optional() }),
  z.object({ op: z.enum(['cancel', 'charge']), to: z.string(), session: z.uuid(), actor: Actor, requestId: z.string().max(200).optional() }),
]);
export type OpMessage = z.infer<typeof OpMessage>;

export interface ProgressMessage {
  id: string;
  brandId: string;
  version: number;
  view: SessionView;
}

const ProgressSchema = z.object({
  id: z.uuid(),
  brandId: z.string(),
  version: z.number().int(),
  view: z.object({ state: z.enum(SESSION_STATES) }).passthrough(),
});

/** Parses a notification payload; anything malformed is dropped (null), never thrown at a listener. */
export function parseOp(payload: string): OpMessage | null {
  try {
    const r = OpMessage.safeParse(JSON.parse(payload));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

export function parseProgress(payload: string): ProgressMessage | null {
  try {
    const r = ProgressSchema.safeParse(JSON.parse(payload));
    return r.success ? (r.data as unknown as ProgressMessage) : null;
  } catch {
    return null;
  }
}
