import type { AuditEventInput, AuditLog } from '../audit/types.js';
import type { Queryable } from '../db/types.js';
import { canonicalValue, type EntityType } from '../redaction/index.js';
import { openWithRecordKey } from '../vault/record-key.js';
import type { Vault } from '../vault/index.js';
import { valueHash } from './blind-index.js';
import { brandSecret } from './brand-secrets.js';
import { contentPurpose, openCallKey } from './call-keys.js';
import { CALL_COLUMNS, findCall, getContent, toSummary, type CallRow } from './calls-data.js';
import type { CallSummary } from './types.js';

/**
 * What a data-subject request needs of the calls module, which owns the calls tables: the subject's
 * identifiers hashed exactly as the blind index hashes detected values, what is held about a call
 * (for an access request), and erasure of a call (for an erasure request).
 */

/** The keyed hashes of the subject's identifiers under the brand's blind-index secret (the values are not kept). */
export async function subjectValueHashes(tx: Queryable, vault: Vault, brandId: string, identifiers: readonly { type: EntityType; value: string }[], now: Date): Promise<{ type: EntityType; hash: Buffer }[]> {
  const secret = await brandSecret(tx, vault, brandId, 'blind_index', now);
  const out = new Map<string, { type: EntityType; hash: Buffer }>();
  for (const { type, value } of identifiers) {
    if (canonicalValue(type, value) === '') continue;
    const hash = valueHash(secret, type, value);
    out.set(`${type}:${hash.toString('hex')}`, { type, hash });
  }
  return [...out.values()];
}

/** Metadata of the brand's calls among `callIds` (ids that are gone or another brand's are left out). */
export async function callSummaries(q: Queryable, brandId: string, callIds: readonly string[]): Promise<CallSummary[]> {
  if (callIds.length === 0) return [];
  const { rows } = await q.query<CallRow>(`SELECT ${CALL_COLUMNS} FROM calls WHERE brand_id = $1 AND id = ANY($2::uuid[]) ORDER BY created_at, id`, [brandId, callIds]);
  return rows.map(toSummary);
}

export interface CallHoldings {
  call: CallSummary;
  /** The redacted transcript in the format it arrived in; null while the call is not ready. */
  redactedTranscript: { format: string; content: string } | null;
  /** How many QA scorecards the call has (their notes are staff's words, not the subject's data). */
  scorecards: number;
  breakGlassGrants: number;
  hasRedactedRecording: boolean;
  /** Whether the original is still kept (it is never exported). */
  originalKept: boolean;
}

/** What is held about one call of `brandId`, the redacted content opened with the call's own key; undefined when no such call. */
export async function callHoldings(q: Queryable, vault: Vault, brandId: string, callId: string): Promise<CallHoldings | undefined> {
  const row = await findCall(q, callId);
  if (!row || row.brand_id !== brandId) return undefined;
  let redactedTranscript: CallHoldings['redactedTranscript'] = null;
  const sealed = row.status === 'ready' ? await getContent(q, callId, 'redacted_transcript') : undefined;
  if (sealed) {
    const key = await openCallKey(q, vault, brandId, callId, 'content');
    redactedTranscript = { format: row.source_format, content: openWithRecordKey(key, contentPurpose(callId, 'redacted_transcript'), sealed).toString('utf8') };
  }
  const count = async (sql: string) => Number((await q.query<{ n: string | number }>(sql, [callId])).rows[0]?.n ?? 0);
  return {
    call: toSummary(row),
    redactedTranscript,
    scorecards: await count('SELECT count(*) AS n FROM call_scorecards WHERE call_id = $1'),
    breakGlassGrants: await count('SELECT count(*) AS n FROM call_break_glass WHERE call_id = $1'),
    hasRedactedRecording: (await count("SELECT count(*) AS n FROM call_recordings WHERE call_id = $1 AND kind = 'redacted'")) > 0,
    originalKept: (await count("SELECT count(*) AS n FROM call_content WHERE call_id = $1 AND kind = 'original_transcript'")) > 0,
  };
}

export interface ErasedCall {
  callId: string;
  externalId: string;
  /** call_keys rows destroyed: with them every sealed piece of the call, in backups too, is unreadable. */
  keysDestroyed: number;
  /** Object-store keys of the call's recordings: the caller deletes them once the transaction commits. */
  objectKeys: string[];
}

/**
 * Erases one call inside the caller's transaction: its keys first (crypto-shredding: a copy of any
 * sealed row in a backup can no longer be opened), then the call row, whose foreign keys cascade to
 * its content, recordings, blind index, scorecards and break-glass grants. Audited as `call.erase`
 * with `context` (the request that asked for it). Undefined when the call is not the brand's.
 */
export async function eraseCall(tx: Queryable, audit: AuditLog, brandId: string, callId: string, context: Pick<AuditEventInput, 'actor' | 'ip' | 'userAgent' | 'requestId'>, details: Record<string, string>): Promise<ErasedCall | undefined> {
  const { rows } = await tx.query<{ external_id: string }>('SELECT external_id FROM calls WHERE id = $1 AND brand_id = $2 FOR UPDATE', [callId, brandId]);
  const row = rows[0];
  if (!row) return undefined;
  const objectKeys = (await tx.query<{ object_key: string }>('SELECT object_key FROM call_recordings WHERE call_id = $1', [callId])).rows.map((r) => r.object_key);
  const keys = await tx.query('DELETE FROM call_keys WHERE call_id = $1 RETURNING id', [callId]);
  await tx.query('DELETE FROM calls WHERE id = $1', [callId]);
  await audit.append(tx, { ...context, action: 'call.erase', brandId, target: { type: 'call', id: callId }, outcome: 'success', details: { ...details, keysDestroyed: keys.rows.length, recordings: objectKeys.length } });
  return { callId, externalId: row.external_id, keysDestroyed: keys.rows.length, objectKeys };
}
