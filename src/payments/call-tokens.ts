import type { Queryable } from '../db/types.js';

/**
 * Kept payment tokens linked to a call: a token's session names the call by the platform's call
 * reference (calls.external_id). For data-subject requests: existence for an access request (never
 * the card), destruction for an erasure (the sealed number goes with the row).
 */
export async function tokensOfCall(q: Queryable, brandId: string, callRef: string): Promise<{ id: string; createdAt: string; revoked: boolean }[]> {
  const { rows } = await q.query<{ id: string; created_at: Date | string; revoked_at: Date | string | null }>(
    `SELECT t.id, t.created_at, t.revoked_at FROM payment_tokens t JOIN payment_sessions s ON s.id = t.session_id
      WHERE t.brand_id = $1 AND s.brand_id = $1 AND s.call_ref = $2 ORDER BY t.created_at`,
    [brandId, callRef],
  );
  return rows.map((r) => ({ id: r.id, createdAt: new Date(r.created_at).toISOString(), revoked: r.revoked_at !== null }));
}

/** Deletes the call's tokens (sealed card numbers included) inside the caller's transaction; their ids. */
export async function destroyTokensOfCall(tx: Queryable, brandId: string, callRef: string): Promise<string[]> {
  const { rows } = await tx.query<{ id: string }>(
    `DELETE FROM payment_tokens t USING payment_sessions s
      WHERE s.id = t.session_id AND t.brand_id = $1 AND s.brand_id = $1 AND s.call_ref = $2 RETURNING t.id`,
    [brandId, callRef],
  );
  return rows.map((r) => r.id);
}
