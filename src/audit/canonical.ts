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

/** The object whose canonical JSON is hashed (the reference definition of the event bytes). */
export function canonicalEventObject(e: ChainedEvent): Record<string, unknown> {
  return {
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
  };
}

const str = JSON.stringify;

/**
 * canonicalJson(canonicalEventObject(e)) written out with the keys already in sorted order: the
 * append path hashes every event, so this avoids sorting the fixed keys each time (a test checks
 * both give the same bytes).
 */
export function canonicalEventBytes(e: ChainedEvent): Buffer {
  const target = e.target === null ? 'null' : `{"id":${str(e.target.id)},"type":${str(e.target.type)}}`;
  return Buffer.from(
    `{"action":${str(e.action)},"actor":{"id":${str(e.actor.id)},"kind":${str(e.actor.kind)}},"at":${str(e.at.toISOString())},` +
      `"brandId":${str(e.brandId)},"chain":${str(e.chainId)},"details":${canonicalJson(e.details)},"format":${str(EVENT_FORMAT)},` +
      `"ip":${str(e.ip)},"outcome":${str(e.outcome)},"prev":${str(e.prevHash.toString('hex'))},"requestId":${str(e.requestId)},` +
      `"seq":${canonicalJson(e.seq)},"target":${target},"userAgent":${str(e.userAgent)}}`,
    'utf8',
  );
}

/** SHA-256 of the canonical event: binds its content, its position (chain, seq) and its predecessor. */
export function eventHash(e: ChainedEvent): Buffer {
  return createHash('sha256').update(canonicalEventBytes(e)).digest();
}

/** prev_hash of the first event of every chain. */
export const GENESIS_HASH = Buffer.alloc(32);
