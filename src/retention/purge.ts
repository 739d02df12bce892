import { purgeExpiredOriginals } from '../calls/retention.js';
import type { Queryable } from '../db/types.js';
import { callsContextOf, type RetentionContext } from './context.js';
import { brandHeld, notHeldSql } from './holds.js';

/**
 * One purge per data class, for one brand. Each works in batches and claims its rows in the
 * statement that removes them (DELETE/UPDATE … RETURNING), so two nodes running at once never
 * purge the same row twice; each purge is audited with ids and counts only. A row under a legal
 * hold is never selected: it is counted as skipped instead.
 */
export interface ClassResult {
  purged: number;
  skippedHold: number;
}

const SYSTEM = { kind: 'system', id: 'retention' } as const;
const DAY_MS = 86_400_000;
const cutoffOf = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

async function count(q: Queryable, sql: string, params: unknown[]): Promise<number> {
  return (await q.query<{ n: number }>(sql, params)).rows[0]?.n ?? 0;
}

/** Kept originals past their days: the calls module's own purge, limited to the brand. */
export async function purgeOriginals(ctx: RetentionContext, brandId: string): Promise<ClassResult> {
  let purged = 0;
  for (let i = 0; i < ctx.maxBatches; i++) {
    const n = await purgeExpiredOriginals(callsContextOf(ctx), ctx.batch, brandId);
    purged += n;
    if (n < ctx.batch) break;
  }
  const skippedHold = await count(ctx.db, `SELECT count(*)::int AS n FROM calls c WHERE c.brand_id = $1 AND c.original_until IS NOT NULL AND c.original_until <= $2 AND NOT ${notHeldSql('c')}`, [brandId, ctx.now()]);
  return { purged, skippedHold };
}

/**
 * Whole redacted calls older than `days` (from ingest): the call row goes and with it, by cascade,
 * its sealed content, blind index, scorecards, break-glass grants and its data keys (so copies in
 * backups no longer decrypt); then its objects (redacted and any kept original recording).
 */
export async function purgeRedactedCalls(ctx: RetentionContext, brandId: string, days: number): Promise<ClassResult> {
  const now = ctx.now();
  const cutoff = cutoffOf(now, days);
  let purged = 0;
  for (let i = 0; i < ctx.maxBatches; i++) {
    const { rows } = await ctx.db.query<{ id: string }>(
      `SELECT c.id FROM calls c WHERE c.brand_id = $1 AND c.created_at <= $2 AND c.status IN ('ready', 'failed') AND ${notHeldSql('c')} ORDER BY c.created_at LIMIT $3`,
      [brandId, cutoff, ctx.batch],
    );
    for (const { id } of rows) {
      const objects = await ctx.db.transaction(async (tx) => {
        const recs = await tx.query<{ object_key: string }>('SELECT object_key FROM call_recordings WHERE call_id = $1', [id]);
        // The claim: whoever deletes the row purges the call; a hold placed meanwhile wins.
        const claimed = await tx.query(`DELETE FROM calls c WHERE c.id = $1 AND c.brand_id = $2 AND ${notHeldSql('c')} RETURNING c.id`, [id, brandId]);
        if (claimed.rows.length === 0) return null;
        await ctx.audit.append(tx, { actor: SYSTEM, action: 'retention.purge', brandId, target: { type: 'call', id }, outcome: 'success', details: { dataClass: 'redacted_calls', days, recordings: recs.rows.length } });
        return recs.rows.map((r) => r.object_key);
      });
      if (objects === null) continue;
      purged++;
      // After commit: a failed object delete leaves sealed bytes whose key is already shredded.
      for (const key of objects) await ctx.store.delete(key);
    }
    if (rows.length < ctx.batch) break;
  }
  const skippedHold = await count(ctx.db, `SELECT count(*)::int AS n FROM calls c WHERE c.brand_id = $1 AND c.created_at <= $2 AND c.status IN ('ready', 'failed') AND NOT ${notHeldSql('c')}`, [brandId, cutoff]);
  return { purged, skippedHold };
}

/** Scorecard notes older than `days`: the sealed note is cleared, the score stays. */
export async function purgeQaNotes(ctx: RetentionContext, brandId: string, days: number): Promise<ClassResult> {
  const now = ctx.now();
  const cutoff = cutoffOf(now, days);
  let purged = 0;
  for (let i = 0; i < ctx.maxBatches; i++) {
    const ids = await ctx.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: string }>(
        `UPDATE call_scorecards SET notes_sealed = NULL WHERE notes_sealed IS NOT NULL AND id IN (
           SELECT s.id FROM call_scorecards s JOIN calls c ON c.id = s.call_id
           WHERE s.brand_id = $1 AND s.notes_sealed IS NOT NULL AND s.created_at <= $2 AND ${notHeldSql('c')} ORDER BY s.created_at LIMIT $3)
         RETURNING id`,
        [brandId, cutoff, ctx.batch],
      );
      for (const r of rows) {
        await ctx.audit.append(tx, { actor: SYSTEM, action: 'retention.purge', brandId, target: { type: 'scorecard', id: r.id }, outcome: 'success', details: { dataClass: 'qa_notes', days } });
      }
      return rows.map((r) => r.id);
    });
    purged += ids.length;
    if (ids.length < ctx.batch) break;
  }
  const skippedHold = await count(
    ctx.db,
    `SELECT count(*)::int AS n FROM call_scorecards s JOIN calls c ON c.id = s.call_id WHERE s.brand_id = $1 AND s.notes_sealed IS NOT NULL AND s.created_at <= $2 AND NOT ${notHeldSql('c')}`,
    [brandId, cutoff],
  );
  return { purged, skippedHold };
}

/**
 * Kept card tokens older than `days`: the row with its sealed number is deleted. Tokens belong to
 * the brand, not to a call, so only a brand-level hold suspends this class.
 */
export async function purgePaymentTokens(ctx: RetentionContext, brandId: string, days: number): Promise<ClassResult> {
  const cutoff = cutoffOf(ctx.now(), days);
  if (await brandHeld(ctx.db, brandId)) {
    return { purged: 0, skippedHold: await count(ctx.db, 'SELECT count(*)::int AS n FROM payment_tokens WHERE brand_id = $1 AND created_at <= $2', [brandId, cutoff]) };
  }
  let purged = 0;
  for (let i = 0; i < ctx.maxBatches; i++) {
    const ids = await ctx.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: string }>(
        `DELETE FROM payment_tokens WHERE id IN (SELECT id FROM payment_tokens WHERE brand_id = $1 AND created_at <= $2 ORDER BY created_at LIMIT $3)
           AND NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.brand_id = $1 AND h.call_id IS NULL AND h.released_at IS NULL)
         RETURNING id`,
        [brandId, cutoff, ctx.batch],
      );
      // Token ids are opaque random references (tok_…), derived from nothing: safe in the trail.
      for (const r of rows) {
        await ctx.audit.append(tx, { actor: SYSTEM, action: 'retention.purge', brandId, target: { type: 'payment_token', id: r.id }, outcome: 'success', details: { dataClass: 'payment_tokens', days } });
      }
      return rows.map((r) => r.id);
    });
    purged += ids.length;
    if (ids.length < ctx.batch) break;
  }
  return { purged, skippedHold: 0 };
}
