import { z } from 'zod';

/**
 * One audit event as the detector reads it: the documented export schema of `callvault audit
 * export --format jsonl` (docs/detection.md). Ids, codes and network addresses only — the audit
 * trail never holds customer data, so neither does anything the detector derives from it.
 */
export interface DetectionEvent {
  /** `chainId:seq` for exported events, or the event's own `id`. */
  id: string;
  /** Milliseconds since the epoch (UTC). */
  at: number;
  brandId: string | null;
  actor: { kind: string; id: string };
  action: string;
  target: { type: string; id: string } | null;
  outcome: string;
  ip: string | null;
  details: Record<string, string | number | boolean | null>;
}

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const eventSchema = z
  .object({
    id: z.string().min(1).max(200).optional(),
    chainId: z.string().min(1).max(200).optional(),
    seq: z.number().int().nonnegative().optional(),
    at: z.string().datetime({ offset: true }),
    brandId: z.string().max(200).nullable().optional(),
    actor: z.object({ kind: z.string().min(1).max(50), id: z.string().min(1).max(200) }),
    action: z.string().min(1).max(100),
    target: z.object({ type: z.string().max(100), id: z.string().max(200) }).nullable().optional(),
    outcome: z.string().min(1).max(50),
    ip: z.string().max(100).nullable().optional(),
    details: z.record(z.string(), scalar).optional(),
  })
  .refine((e) => e.id !== undefined || (e.chainId !== undefined && e.seq !== undefined), { message: 'needs id, or chainId and seq' });

export class EventFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EventFormatError';
  }
}

/**
 * Reads one exported audit event (already JSON-parsed). Throws EventFormatError naming the field
 * that is wrong — never echoing its value.
 *
 *   parseEvent(JSON.parse(line))
 */
export function parseEvent(raw: unknown): DetectionEvent {
  const r = eventSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new EventFormatError(`${issue?.path.join('.') || 'event'}: ${issue?.message ?? 'invalid'}`);
  }
  const e = r.data;
  return {
    id: e.id ?? `${e.chainId}:${e.seq}`,
    at: Date.parse(e.at),
    brandId: e.brandId ?? null,
    actor: e.actor,
    action: e.action,
    target: e.target ?? null,
    outcome: e.outcome,
    ip: e.ip ?? null,
    details: e.details ?? {},
  };
}
