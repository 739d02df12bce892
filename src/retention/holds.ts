import type { Queryable } from '../db/types.js';

/**
 * Legal holds: a hold on a brand covers every call of it, a hold on a call covers that call. While
 * one is active, nothing it covers is purged or erased (retention purges, the calls module's purge
 * of kept originals, data-subject erasure).
 */

/** The active hold covering the brand or (when given) that call, or null. */
export async function activeHold(q: Queryable, brandId: string, callId?: string): Promise<{ id: string } | null> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT id FROM legal_holds WHERE brand_id = $1 AND released_at IS NULL AND (call_id IS NULL OR call_id = $2)
     ORDER BY placed_at LIMIT 1`,
    [brandId, callId ?? null],
  );
  return rows[0] ? { id: rows[0].id } : null;
}

/**
 * A SQL condition, true when no active hold covers the call: `alias` names a table with `id` and
 * `brand_id` columns of calls. For batch queries (SELECT … WHERE <notHeldSql('c')>), so a held call
 * is never even picked up.
 */
export function notHeldSql(alias: string): string {
  return `NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.brand_id = ${alias}.brand_id AND h.released_at IS NULL AND (h.call_id IS NULL OR h.call_id = ${alias}.id))`;
}

/** Whether an active hold covers the whole brand (brand-level classes: payment tokens). */
export async function brandHeld(q: Queryable, brandId: string): Promise<boolean> {
  const { rows } = await q.query('SELECT 1 FROM legal_holds WHERE brand_id = $1 AND call_id IS NULL AND released_at IS NULL LIMIT 1', [brandId]);
  return rows.length > 0;
}
