import type { Queryable } from '../db/types.js';
import type { EntityType } from '../redaction/index.js';
import { brandScope, type Vault } from '../vault/index.js';
import type { Regime } from './deadlines.js';

/** Data access for the subject-request tables: the one place that writes their SQL. */

export type RequestKind = 'access' | 'erasure' | 'know' | 'delete';
export type RequestStatus = 'open' | 'found' | 'exported' | 'erased' | 'closed' | 'rejected';
export type CallOutcome = 'found' | 'exported' | 'erased' | 'held';
export const IDENTIFIER_TYPES = ['PHONE', 'EMAIL', 'PERSON', 'BANK_ACCOUNT'] as const satisfies readonly EntityType[];
export type IdentifierType = (typeof IDENTIFIER_TYPES)[number];

export interface RequestRow {
  id: string;
  brand_id: string;
  number: string | number;
  regime: Regime;
  kind: RequestKind;
  status: RequestStatus;
  received_at: Date;
  base_due_at: Date;
  due_at: Date;
  rejection_sealed: Uint8Array | null;
  found_count: number | null;
  found_at: Date | null;
  exported_at: Date | null;
  erased_at: Date | null;
  closed_at: Date | null;
  closed_by: string | null;
  created_by: string;
  created_at: Date;
}

export interface ExtensionRow {
  id: string;
  position: number;
  reason_sealed: Uint8Array;
  previous_due_at: Date;
  new_due_at: Date;
  extended_by: string;
  extended_at: Date;
}

export interface RequestCallRow {
  call_id: string;
  outcome: CallOutcome;
  hold_id: string | null;
  found_at: Date;
  acted_at: Date | null;
  keys_destroyed: number | null;
  tokens_destroyed: number | null;
}

export async function insertRequest(
  tx: Queryable,
  r: { id: string; brandId: string; regime: Regime; kind: RequestKind; receivedAt: Date; dueAt: Date; createdBy: string; now: Date },
  hashes: readonly { type: string; hash: Buffer }[],
): Promise<void> {
  await tx.query(
    `INSERT INTO subject_requests (id, brand_id, regime, kind, status, received_at, base_due_at, due_at, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, 'open', $5, $6, $6, $7, $8, $8)`,
    [r.id, r.brandId, r.regime, r.kind, r.receivedAt, r.dueAt, r.createdBy, r.now],
  );
  await tx.query(
    'INSERT INTO subject_request_identifiers (request_id, entity_type, value_hash) SELECT $1, t, h FROM unnest($2::text[], $3::bytea[]) AS u(t, h) ON CONFLICT DO NOTHING',
    [r.id, hashes.map((h) => h.type), hashes.map((h) => h.hash)],
  );
}

export async function findRequest(q: Queryable, id: string, lock = false): Promise<RequestRow | undefined> {
  return (await q.query<RequestRow>(`SELECT * FROM subject_requests WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id])).rows[0];
}

export async function listRequests(q: Queryable, brands: string[] | null, f: { status?: RequestStatus; limit: number }): Promise<RequestRow[]> {
  const { rows } = await q.query<RequestRow>(
    `SELECT * FROM subject_requests WHERE ($1::uuid[] IS NULL OR brand_id = ANY($1::uuid[])) AND ($2::text IS NULL OR status = $2)
      ORDER BY received_at DESC, id DESC LIMIT $3`,
    [brands, f.status ?? null, f.limit],
  );
  return rows;
}

export async function identifierHashes(q: Queryable, id: string): Promise<{ type: IdentifierType; hash: Buffer }[]> {
  const { rows } = await q.query<{ entity_type: IdentifierType; value_hash: Uint8Array }>('SELECT entity_type, value_hash FROM subject_request_identifiers WHERE request_id = $1', [id]);
  return rows.map((r) => ({ type: r.entity_type, hash: Buffer.from(r.value_hash) }));
}

export async function extensionsOf(q: Queryable, id: string): Promise<ExtensionRow[]> {
  return (await q.query<ExtensionRow>('SELECT id, position, reason_sealed, previous_due_at, new_due_at, extended_by, extended_at FROM subject_request_extensions WHERE request_id = $1 ORDER BY position', [id])).rows;
}

export async function callsOf(q: Queryable, id: string): Promise<RequestCallRow[]> {
  return (await q.query<RequestCallRow>('SELECT call_id, outcome, hold_id, found_at, acted_at, keys_destroyed, tokens_destroyed FROM subject_request_calls WHERE request_id = $1 ORDER BY found_at, call_id', [id])).rows;
}

/** Replaces the calls still only 'found' by `callIds`; calls already exported, erased or held keep their record. */
export async function setFound(tx: Queryable, id: string, callIds: readonly string[], now: Date): Promise<void> {
  await tx.query("DELETE FROM subject_request_calls WHERE request_id = $1 AND outcome = 'found'", [id]);
  await tx.query(
    "INSERT INTO subject_request_calls (request_id, call_id, outcome, found_at) SELECT $1, c, 'found', $3 FROM unnest($2::uuid[]) AS u(c) ON CONFLICT DO NOTHING",
    [id, callIds, now],
  );
}

export async function setCallOutcome(tx: Queryable, id: string, callId: string, outcome: CallOutcome, now: Date, extra: { holdId?: string | null; keys?: number; tokens?: number } = {}): Promise<void> {
  await tx.query(
    `UPDATE subject_request_calls SET outcome = $3, acted_at = $4, hold_id = $5, keys_destroyed = COALESCE($6, keys_destroyed), tokens_destroyed = COALESCE($7, tokens_destroyed)
      WHERE request_id = $1 AND call_id = $2`,
    [id, callId, outcome, now, extra.holdId ?? null, extra.keys ?? null, extra.tokens ?? null],
  );
}

/** Sets the status and the columns given (a fixed list: no column name comes from input). */
export async function updateRequest(
  tx: Queryable,
  id: string,
  now: Date,
  change: { status?: RequestStatus; found_count?: number; found_at?: Date; exported_at?: Date; erased_at?: Date; closed_at?: Date; closed_by?: string; due_at?: Date; rejection_sealed?: Buffer },
): Promise<void> {
  const cols = Object.keys(change) as (keyof typeof change)[];
  const sets = cols.map((c, i) => `${c} = $${i + 3}`);
  await tx.query(`UPDATE subject_requests SET ${[...sets, 'updated_at = $2'].join(', ')} WHERE id = $1`, [id, now, ...cols.map((c) => change[c])]);
}

export async function insertExtension(vault: Vault, tx: Queryable, e: { requestId: string; brandId: string; position: number; reason: string; previousDueAt: Date; newDueAt: Date; by: string; now: Date }): Promise<void> {
  const id = `${e.requestId}:${e.position}`;
  const sealed = await vault.encrypt(tx, brandScope(e.brandId), id, Buffer.from(e.reason, 'utf8'));
  await tx.query(
    `INSERT INTO subject_request_extensions (id, request_id, brand_id, position, reason_sealed, previous_due_at, new_due_at, extended_by, extended_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [id, e.requestId, e.brandId, e.position, sealed, e.previousDueAt, e.newDueAt, e.by, e.now],
  );
}

export const openText = async (vault: Vault, q: Queryable, brandId: string, recordId: string, sealed: Uint8Array | null) =>
  sealed ? (await vault.decrypt(q, brandScope(brandId), recordId, Buffer.from(sealed))).toString('utf8') : null;

/** The audit events that record a request (its own, and the erasure of its calls), in chain order. */
export async function auditTrailOf(q: Queryable, brandId: string, id: string): Promise<{ chain_id: string; seq: string | number; at: Date; action: string; actor_kind: string; actor_id: string; target_type: string | null; target_id: string | null; hash: Uint8Array }[]> {
  const { rows } = await q.query<{ chain_id: string; seq: string | number; at: Date; action: string; actor_kind: string; actor_id: string; target_type: string | null; target_id: string | null; hash: Uint8Array }>(
    `SELECT chain_id, seq, at, action, actor_kind, actor_id, target_type, target_id, hash FROM audit_events
      WHERE chain_id = $1 AND ((target_type = 'subject_request' AND target_id = $2) OR details->>'subjectRequest' = $2) ORDER BY seq`,
    [brandId, id],
  );
  return rows;
}
