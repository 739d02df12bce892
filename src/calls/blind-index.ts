import { createHmac } from 'node:crypto';
import type { Queryable } from '../db/types.js';
import { canonicalValue, type EntityType, type Finding } from '../redaction/index.js';

/**
 * Blind index (keyed hashes of detected values): HMAC-SHA256 under the brand's secret of
 * `type:canonical value`. A data-subject request hashes the subject's phone or email the same way
 * and finds every call that mentions it, while the index reveals nothing without the brand key
 * (a plain hash of a phone number could be reversed by trying every number).
 */
export function valueHash(secret: Buffer, type: EntityType, value: string): Buffer {
  return createHmac('sha256', secret).update(`${type}:${canonicalValue(type, value)}`).digest();
}

/** The distinct hashes of a call's findings; a value split over turns (one entityId) is hashed whole. */
export function findingHashes(secret: Buffer, turns: readonly { text: string }[], findings: readonly Finding[]): { type: EntityType; hash: Buffer }[] {
  const values = new Map<string, { type: EntityType; text: string }>();
  findings.forEach((f, i) => {
    const piece = turns[f.turn]?.text.slice(f.start, f.end) ?? '';
    const key = f.entityId ?? `#${i}`;
    const seen = values.get(key);
    values.set(key, { type: f.type, text: seen ? `${seen.text} ${piece}` : piece });
  });
  const out = new Map<string, { type: EntityType; hash: Buffer }>();
  for (const { type, text } of values.values()) {
    if (canonicalValue(type, text) === '') continue;
    const hash = valueHash(secret, type, text);
    out.set(`${type}:${hash.toString('hex')}`, { type, hash });
  }
  return [...out.values()];
}

/**
 * Writes a call's index. Only the redaction job does, in the transaction that makes the call ready,
 * and a ready call is never redacted again: there are no older rows of the call to replace.
 */
export async function writeBlindIndex(tx: Queryable, brandId: string, callId: string, entries: readonly { type: EntityType; hash: Buffer }[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.query(
    `INSERT INTO call_blind_index (brand_id, call_id, entity_type, value_hash)
     SELECT $1, $2, t, h FROM unnest($3::text[], $4::bytea[]) AS u(t, h) ON CONFLICT DO NOTHING`,
    [brandId, callId, entries.map((e) => e.type), entries.map((e) => e.hash)],
  );
}

/** Calls of a brand whose index holds any of the hashes (ids only). */
export async function callsMatching(q: Queryable, brandId: string, hashes: readonly Buffer[]): Promise<string[]> {
  if (hashes.length === 0) return [];
  const { rows } = await q.query<{ call_id: string }>('SELECT DISTINCT call_id FROM call_blind_index WHERE brand_id = $1 AND value_hash = ANY($2::bytea[])', [brandId, hashes]);
  return rows.map((r) => r.call_id);
}
