import { discardOriginal, recordingOf } from './calls-data.js';
import type { CallsContext } from './context.js';
import { notHeldSql } from '../retention/holds.js';

const SYSTEM = { kind: 'system', id: 'retention' } as const;

/**
 * Purges kept originals whose days have run out (the brand's `keep_original` days): the sealed
 * transcript and recording are deleted and the original's key shredded, so copies in backups are
 * unreadable too. Each purge is audited. Returns how many calls were purged. A call under a legal
 * hold (src/retention/holds.ts) is skipped, at selection and again at the claim, and purged by a
 * later run once the hold is released. `brandId` limits the run to one brand (retention reports).
 */
export async function purgeExpiredOriginals(ctx: CallsContext, batch = 100, brandId?: string): Promise<number> {
  const now = ctx.now();
  const { rows } = await ctx.db.query<{ id: string; brand_id: string }>(
    `SELECT id, brand_id FROM calls WHERE original_until IS NOT NULL AND original_until <= $1 AND ($3::uuid IS NULL OR brand_id = $3::uuid)
       AND ${notHeldSql('calls')} ORDER BY original_until LIMIT $2`,
    [now, batch, brandId ?? null],
  );
  let purged = 0;
  for (const call of rows) {
    const objectKey = await ctx.db.transaction(async (tx) => {
      // Claim the row: another node's purge of the same call finds nothing left to do.
      const claimed = await tx.query(`UPDATE calls SET original_until = NULL, original_purged_at = $2, updated_at = $2 WHERE id = $1 AND original_until IS NOT NULL AND ${notHeldSql('calls')} RETURNING id`, [call.id, now]);
      if (claimed.rows.length === 0) return null;
      const rec = await recordingOf(tx, call.id, 'original');
      await discardOriginal(tx, call.id);
      await ctx.audit.append(tx, { actor: SYSTEM, action: 'call.original.purge', brandId: call.brand_id, target: { type: 'call', id: call.id }, outcome: 'success', details: { recording: rec !== undefined } });
      purged++;
      return rec?.objectKey ?? '';
    });
    if (objectKey) await ctx.store.delete(objectKey);
  }
  return purged;
}
