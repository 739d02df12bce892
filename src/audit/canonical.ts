import { createHash } from 'node:crypto';
import type { Actor, Outcome } from './types.js';

/** The fields an event's hash covers: everything stored about it except the hash itself. */
export interface ChainedEvent {
  chainId: string;
  seq: number;
  at: Date;
  brandId: string | null;
  actor: Actor;
  action: string;
  target: { type: string; id: string } | null;
  outcome: Outcome;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  details: Record<string, string | number | boolean | null>;
  prevHash: Buffer;
}

/**
 * JSON with object keys sorted at every level and no whitespace, so the same event always gives
 * the same bytes whatever order a database (JSONB) hands its keys back in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('non-finite number in audit event');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Version tag in the hashed bytes, so a future format can never collide with this one. */
const EVENT_FORMAT = 'callvault.audit.event.v1';

export function canonicalEventBytes(e: ChainedEvent): Buffer {
  return Buffer.from(
    canonicalJson({
      format: EVENT_FORMAT,
      chain: e.chainId,
      seq: e.seq,
      at: e.at.toISOString(),
      brandId: e.brandId,
      actor: { kind: e.actor.kind, id: e.actor.id },
      action: e.action,
      target: e.target,
      outcome: e.outcome,
      ip: e.ip,
      userAgent: e.userAgent,
      requestId: e.requestId,
      details: e.details,
      prev: e.prevHash.toString('hex'),
    }),
    'utf8',
  );
}

/** SHA-256 of the canonical event: binds its content, its position (chain, seq) and its predecessor. */
export function eventHash(e: ChainedEvent): Buffer {
  return createHash('sha256').update(canonicalEventBytes(e)).digest();
}

/** prev_hash of the first event of every chain. */
export const GENESIS_HASH = Buffer.alloc(32);
