import type { Queryable } from '../db/types.js';
import type { CallStatus, CallSummary } from './types.js';

/** Data access for the calls tables: the one place that writes their SQL. */

export interface CallRow {
  id: string;
  brand_id: string;
  external_id: string;
  agent_ref: string | null;
  started_at: Date | null;
  ended_at: Date | null;
  channels: number;
  source_format: string;
  has_recording: boolean;
  status: CallStatus;
  failure_code: string | null;
  turn_count: number | null;
  redaction_count: number | null;
  redaction_types: string[] | null;
  sentiment: number | null;
  duration_seconds: number | null;
  policy_version: number | null;
  original_until: Date | null;
  request_hash: Uint8Array | null;
  created_at: Date;
}

export const CALL_COLUMNS = `id, brand_id, external_id, agent_ref, started_at, ended_at, channels, source_format, has_recording, status,
  failure_code, turn_count, redaction_count, redaction_types, sentiment, duration_seconds, policy_version, original_until, request_hash, created_at`;

const date = (d: Date | null) => (d === null ? null : new Date(d));

export function toSummary(r: CallRow): CallSummary {
  return {
    id: r.id,
    brandId: r.brand_id,
    externalId: r.external_id,
    agentRef: r.agent_ref,
    startedAt: date(r.started_at),
    endedAt: date(r.ended_at),
    channels: r.channels,
    sourceFormat: r.source_format,
    hasRecording: r.has_recording,
    status: r.status,
    failureCode: r.failure_code,
    turnCount: r.turn_count,
    redactionCount: r.redaction_count,
    redactionTypes: r.redaction_types ?? [],
    sentiment: r.sentiment === null ? null : Number(r.sentiment),
    durationSeconds: r.duration_seconds === null ? null : Number(r.duration_seconds),
    originalKeptUntil: date(r.original_until),
    createdAt: new Date(r.created_at),
  };
}

export async function findCall(q: Queryable, callId: string): Promise<CallRow | undefined> {
  return (await q.query<CallRow>(`SELECT ${CALL_COLUMNS} FROM calls WHERE id = $1`, [callId])).rows[0];
}

export async function findByIdempotencyKey(q: Queryable, brandId: string, key: string): Promise<CallRow | undefined> {
  return (await q.query<CallRow>(`SELECT ${CALL_COLUMNS} FROM calls WHERE brand_id = $1 AND idempotency_key = $2`, [brandId, key])).rows[0];
}

export async function putContent(q: Queryable, callId: string, kind: string, sealed: Buffer, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO call_content (call_id, kind, sealed, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (call_id, kind) DO UPDATE SET sealed = EXCLUDED.sealed, created_at = EXCLUDED.created_at`,
    [callId, kind, sealed, now],
  );
}

/** Several sealed pieces of one call in one statement (the redaction job writes two at once). */
export async function putContents(q: Queryable, callId: string, pieces: readonly { kind: string; sealed: Buffer }[], now: Date): Promise<void> {
  await q.query(
    `INSERT INTO call_content (call_id, kind, sealed, created_at) SELECT $1, k, s, $4 FROM unnest($2::text[], $3::bytea[]) AS u(k, s)
     ON CONFLICT (call_id, kind) DO UPDATE SET sealed = EXCLUDED.sealed, created_at = EXCLUDED.created_at`,
    [callId, pieces.map((p) => p.kind), pieces.map((p) => p.sealed), now],
  );
}

export async function getContent(q: Queryable, callId: string, kind: string): Promise<Buffer | undefined> {
  const { rows } = await q.query<{ sealed: Uint8Array }>('SELECT sealed FROM call_content WHERE call_id = $1 AND kind = $2', [callId, kind]);
  return rows[0] ? Buffer.from(rows[0].sealed) : undefined;
}

export async function recordingOf(q: Queryable, callId: string, kind: 'original' | 'redacted'): Promise<{ objectKey: string; bytes: number } | undefined> {
  const { rows } = await q.query<{ object_key: string; bytes: string | number }>('SELECT object_key, bytes FROM call_recordings WHERE call_id = $1 AND kind = $2', [callId, kind]);
  return rows[0] ? { objectKey: rows[0].object_key, bytes: Number(rows[0].bytes) } : undefined;
}

export async function putRecording(q: Queryable, callId: string, kind: 'original' | 'redacted', objectKey: string, bytes: number, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO call_recordings (call_id, kind, object_key, bytes, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (call_id, kind) DO UPDATE SET object_key = EXCLUDED.object_key, bytes = EXCLUDED.bytes, created_at = EXCLUDED.created_at`,
    [callId, kind, objectKey, bytes, now],
  );
}

/**
 * Deletes the original transcript, the original recording's row and the original's key in one
 * statement. Deleting the key crypto-shreds the original, in backups too; the caller deletes the
 * recording object itself after commit.
 */
export async function discardOriginal(tx: Queryable, callId: string): Promise<void> {
  await tx.query(
    `WITH transcript AS (DELETE FROM call_content WHERE call_id = $1 AND kind = 'original_transcript'),
          recording AS (DELETE FROM call_recordings WHERE call_id = $1 AND kind = 'original')
     DELETE FROM call_keys WHERE call_id = $1 AND purpose = 'original'`,
    [callId],
  );
}

/** Marks a call `processing` unless it is already done; the row, or undefined when there is nothing to do. */
export async function startProcessing(q: Queryable, callId: string, now: Date): Promise<CallRow | undefined> {
  const { rows } = await q.query<CallRow>(
    `UPDATE calls SET status = 'processing', failure_code = NULL, updated_at = $2 WHERE id = $1 AND status NOT IN ('ready', 'failed') RETURNING ${CALL_COLUMNS}`,
    [callId, now],
  );
  return rows[0];
}

export async function setStatus(q: Queryable, callId: string, status: CallStatus, now: Date, failureCode: string | null = null): Promise<void> {
  await q.query('UPDATE calls SET status = $2, failure_code = $3, updated_at = $4 WHERE id = $1', [callId, status, failureCode, now]);
}

/** The object key of a call's recording: brand and call ids only, never a name from the upload. */
export const recordingKey = (brandId: string, callId: string, kind: 'original' | 'redacted') => `recordings/${brandId}/${callId}/${kind}.wav.sealed`;
