import type { Queryable } from '../db/types.js';
import { GENESIS_HASH, type ChainedEvent } from './canonical.js';
import type { Outcome } from './types.js';

/** Data access for audit_chains / audit_events / audit_checkpoints: the one place with their SQL. */

export interface ChainHead {
  chainId: string;
  headSeq: number;
  headHash: Buffer;
  checkpointSeq: number;
  checkpointAt: Date;
  /** Peaks of the chain's Merkle tree (see merkle.ts frontierAppend); may be stale on old rows. */
  frontier: Buffer[];
}

export interface StoredEvent extends ChainedEvent {
  hash: Buffer;
}

export interface CheckpointRow {
  chainId: string;
  fromSeq: number;
  toSeq: number;
  root: Buffer;
  at: Date;
  prevDigest: Buffer;
  keyId: string;
  signature: Buffer;
  /** Root of the tree over events 1..toSeq (null on checkpoints written before tree heads). */
  treeRoot: Buffer | null;
}

const buf = (v: unknown): Buffer => Buffer.from(v as Uint8Array);
const peaks = (v: unknown): Buffer[] => {
  const b = buf(v);
  return Array.from({ length: Math.floor(b.length / 32) }, (_, i) => b.subarray(i * 32, i * 32 + 32));
};
const toHead = (chainId: string, r: Record<string, unknown>): ChainHead => ({
  chainId,
  headSeq: Number(r.head_seq),
  headHash: buf(r.head_hash),
  checkpointSeq: Number(r.checkpoint_seq),
  checkpointAt: r.checkpoint_at as Date,
  frontier: peaks(r.frontier),
});

/** Locks the chain head for this transaction (creating it on first use): appenders queue here. */
export async function lockHead(tx: Queryable, chainId: string): Promise<ChainHead> {
  for (let i = 0; i < 2; i++) {
    const { rows } = await tx.query<Record<string, unknown>>(
      `SELECT chain_id, head_seq, head_hash, checkpoint_seq, checkpoint_at, frontier FROM audit_chains WHERE chain_id = $1 FOR UPDATE`,
      [chainId],
    );
    const r = rows[0];
    if (r) return toHead(chainId, r);
    await tx.query(`INSERT INTO audit_chains (chain_id, head_hash) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [chainId, GENESIS_HASH]);
  }
  throw new Error('audit chain head could not be created');
}

export async function readHead(q: Queryable, chainId: string): Promise<ChainHead | undefined> {
  const { rows } = await q.query<Record<string, unknown>>(
    `SELECT head_seq, head_hash, checkpoint_seq, checkpoint_at, frontier FROM audit_chains WHERE chain_id = $1`,
    [chainId],
  );
  const r = rows[0];
  return r && toHead(chainId, r);
}

/**
 * Appends a run of events and moves the chain head past them in one statement (the UPDATE rides
 * in a CTE): one round trip instead of two on every audited write. One multi-row INSERT per batch
 * (unnest of column arrays) is the batched path's throughput.
 */
export async function appendEvents(tx: Queryable, chainId: string, events: readonly StoredEvent[], frontier: readonly Buffer[]): Promise<void> {
  const last = events[events.length - 1];
  if (!last) return;
  const col = <T>(f: (e: StoredEvent) => T): T[] => events.map(f);
  await tx.query(
    `WITH head AS (UPDATE audit_chains SET head_seq = $18, head_hash = $19, frontier = $20 WHERE chain_id = $17)
     INSERT INTO audit_events (chain_id, seq, at, brand_id, actor_kind, actor_id, action, target_type, target_id,
                               outcome, ip, user_agent, request_id, details, prev_hash, hash)
     SELECT c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, decode(c15, 'hex'), decode(c16, 'hex')
     FROM unnest($1::text[], $2::bigint[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[],
                 $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::jsonb[],
                 $15::text[], $16::text[]) AS t(c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16)`,
    [
      col((e) => e.chainId),
      col((e) => e.seq),
      col((e) => e.at.toISOString()),
      col((e) => e.brandId),
      col((e) => e.actor.kind),
      col((e) => e.actor.id),
      col((e) => e.action),
      col((e) => e.target?.type ?? null),
      col((e) => e.target?.id ?? null),
      col((e) => e.outcome),
      col((e) => e.ip),
      col((e) => e.userAgent),
      col((e) => e.requestId),
      col((e) => JSON.stringify(e.details)),
      // Hashes travel as hex text: cheaper for the driver than arrays of bytea.
      col((e) => e.prevHash.toString('hex')),
      col((e) => e.hash.toString('hex')),
      chainId,
      last.seq,
      last.hash,
      Buffer.concat(frontier),
    ],
  );
}

export function rowToEvent(r: Record<string, unknown>): StoredEvent {
  return {
    chainId: r.chain_id as string,
    seq: Number(r.seq),
    at: r.at as Date,
    brandId: (r.brand_id as string | null) ?? null,
    actor: { kind: r.actor_kind, id: r.actor_id } as StoredEvent['actor'],
    action: r.action as string,
    target: r.target_type === null || r.target_type === undefined ? null : { type: r.target_type as string, id: (r.target_id as string | null) ?? '' },
    outcome: r.outcome as Outcome,
    ip: (r.ip as string | null) ?? null,
    userAgent: (r.user_agent as string | null) ?? null,
    requestId: (r.request_id as string | null) ?? null,
    details: (r.details as StoredEvent['details'] | null) ?? {},
    prevHash: buf(r.prev_hash),
    hash: buf(r.hash),
  };
}

/** Events of a chain in seq order, from `afterSeq` (exclusive), at most `limit`. */
export async function eventsAfter(q: Queryable, chainId: string, afterSeq: number, limit: number, toSeq = Number.MAX_SAFE_INTEGER): Promise<StoredEvent[]> {
  const { rows } = await q.query<Record<string, unknown>>(
    `SELECT * FROM audit_events WHERE chain_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq LIMIT $4`,
    [chainId, afterSeq, toSeq, limit],
  );
  return rows.map(rowToEvent);
}

export async function eventHashesBetween(q: Queryable, chainId: string, fromSeq: number, toSeq: number): Promise<{ seq: number; hash: Buffer }[]> {
  const { rows } = await q.query<{ seq: number; hash: Uint8Array }>(
    `SELECT seq, hash FROM audit_events WHERE chain_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq`,
    [chainId, fromSeq, toSeq],
  );
  return rows.map((r) => ({ seq: Number(r.seq), hash: buf(r.hash) }));
}

export async function insertCheckpoint(tx: Queryable, c: CheckpointRow): Promise<void> {
  await tx.query(
    `INSERT INTO audit_checkpoints (chain_id, to_seq, from_seq, root, at, prev_digest, key_id, signature, tree_root)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [c.chainId, c.toSeq, c.fromSeq, c.root, c.at.toISOString(), c.prevDigest, c.keyId, c.signature, c.treeRoot],
  );
  await tx.query(`UPDATE audit_chains SET checkpoint_seq = $2, checkpoint_at = $3 WHERE chain_id = $1`, [c.chainId, c.toSeq, c.at.toISOString()]);
}

export async function checkpointsOf(q: Queryable, chainId: string): Promise<CheckpointRow[]> {
  const { rows } = await q.query<Record<string, unknown>>(`SELECT * FROM audit_checkpoints WHERE chain_id = $1 ORDER BY to_seq`, [chainId]);
  return rows.map(toCheckpoint);
}

export async function lastCheckpoint(q: Queryable, chainId: string): Promise<CheckpointRow | undefined> {
  const { rows } = await q.query<Record<string, unknown>>(
    `SELECT * FROM audit_checkpoints WHERE chain_id = $1 ORDER BY to_seq DESC LIMIT 1`,
    [chainId],
  );
  return rows[0] && toCheckpoint(rows[0]);
}

function toCheckpoint(r: Record<string, unknown>): CheckpointRow {
  return {
    chainId: r.chain_id as string,
    toSeq: Number(r.to_seq),
    fromSeq: Number(r.from_seq),
    root: buf(r.root),
    at: r.at as Date,
    prevDigest: buf(r.prev_digest),
    keyId: r.key_id as string,
    signature: buf(r.signature),
    treeRoot: r.tree_root === null || r.tree_root === undefined ? null : buf(r.tree_root),
  };
}

/** Chains with events not yet covered by a checkpoint whose last checkpoint is older than `seconds`. */
export async function staleChains(q: Queryable, seconds: number): Promise<string[]> {
  const { rows } = await q.query<{ chain_id: string }>(
    `SELECT chain_id FROM audit_chains WHERE head_seq > checkpoint_seq AND checkpoint_at <= now() - make_interval(secs => $1)`,
    [seconds],
  );
  return rows.map((r) => r.chain_id);
}

export async function allChainIds(q: Queryable): Promise<string[]> {
  const { rows } = await q.query<{ chain_id: string }>(
    `SELECT chain_id FROM audit_chains UNION SELECT DISTINCT chain_id FROM audit_events ORDER BY 1`,
  );
  return rows.map((r) => r.chain_id);
}

/** An event as followers that only read it need it (no hashes, user agent or request id). */
export interface EventSummary {
  chainId: string;
  seq: number;
  at: Date;
  brandId: string | null;
  actor: { kind: string; id: string };
  action: string;
  target: { type: string; id: string } | null;
  outcome: string;
  ip: string | null;
  details: Record<string, string | number | boolean | null>;
}

/** Events of a chain after `afterSeq` up to `toSeq` (and at or after `since`), lean columns, in seq order. */
export async function eventSummariesAfter(q: Queryable, chainId: string, afterSeq: number, toSeq: number, since: Date | null, limit: number): Promise<EventSummary[]> {
  const { rows } = await q.query<Record<string, unknown>>(
    `SELECT seq, at, brand_id, actor_kind, actor_id, action, target_type, target_id, outcome, ip, details FROM audit_events
      WHERE chain_id = $1 AND seq > $2 AND seq <= $3 AND ($4::timestamptz IS NULL OR at >= $4) ORDER BY seq LIMIT $5`,
    [chainId, afterSeq, toSeq, since, limit],
  );
  return rows.map((r) => ({
    chainId,
    seq: Number(r.seq),
    at: r.at as Date,
    brandId: (r.brand_id as string | null) ?? null,
    actor: { kind: r.actor_kind as string, id: r.actor_id as string },
    action: r.action as string,
    target: r.target_type === null || r.target_type === undefined ? null : { type: r.target_type as string, id: (r.target_id as string | null) ?? '' },
    outcome: r.outcome as string,
    ip: (r.ip as string | null) ?? null,
    details: (r.details as EventSummary['details'] | null) ?? {},
  }));
}
