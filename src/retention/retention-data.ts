import type { Queryable } from '../db/types.js';
import type { DataClass, LegalHold, PurgeRun, RunItem } from './types.js';

/** Data access for the retention tables: the one place that writes their SQL. */

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export async function brandExists(q: Queryable, brandId: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM brands WHERE id = $1', [brandId])).rows.length > 0;
}

export async function allBrandIds(q: Queryable): Promise<string[]> {
  return (await q.query<{ id: string }>('SELECT id FROM brands ORDER BY id')).rows.map((r) => r.id);
}

/** The brand's stored days per class (classes without a row are absent). */
export async function storedPolicies(q: Queryable, brandId: string): Promise<Map<DataClass, { days: number; updatedAt: string }>> {
  const { rows } = await q.query<{ data_class: DataClass; days: number; updated_at: Date }>('SELECT data_class, days, updated_at FROM retention_policies WHERE brand_id = $1', [brandId]);
  return new Map(rows.map((r) => [r.data_class, { days: r.days, updatedAt: new Date(r.updated_at).toISOString() }]));
}

export async function setPolicy(tx: Queryable, brandId: string, dataClass: DataClass, days: number | null, updatedBy: string, now: Date): Promise<void> {
  if (days === null) {
    await tx.query('DELETE FROM retention_policies WHERE brand_id = $1 AND data_class = $2', [brandId, dataClass]);
    return;
  }
  await tx.query(
    `INSERT INTO retention_policies (brand_id, data_class, days, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (brand_id, data_class) DO UPDATE SET days = EXCLUDED.days, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
    [brandId, dataClass, days, updatedBy, now],
  );
}

interface HoldRow {
  id: string;
  brand_id: string;
  call_id: string | null;
  case_ref: string;
  placed_by: string;
  placed_at: Date;
  released_by: string | null;
  released_at: Date | null;
}
const toHold = (r: HoldRow): LegalHold => ({
  id: r.id,
  brandId: r.brand_id,
  callId: r.call_id,
  caseRef: r.case_ref,
  placedBy: r.placed_by,
  placedAt: iso(r.placed_at)!,
  releasedBy: r.released_by,
  releasedAt: iso(r.released_at),
});

export async function insertHold(tx: Queryable, h: { id: string; brandId: string; callId: string | null; caseRef: string; placedBy: string; now: Date }): Promise<LegalHold | null> {
  const { rows } = await tx.query<HoldRow>(
    `INSERT INTO legal_holds (id, brand_id, call_id, case_ref, placed_by, placed_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT DO NOTHING RETURNING *`,
    [h.id, h.brandId, h.callId, h.caseRef, h.placedBy, h.now],
  );
  return rows[0] ? toHold(rows[0]) : null;
}

export async function findHold(q: Queryable, brandId: string, holdId: string): Promise<LegalHold | undefined> {
  const { rows } = await q.query<HoldRow>('SELECT * FROM legal_holds WHERE id = $1 AND brand_id = $2', [holdId, brandId]);
  return rows[0] ? toHold(rows[0]) : undefined;
}

/** Marks the hold released; null when it already was (another admin's release won). */
export async function releaseHold(tx: Queryable, holdId: string, by: string, now: Date): Promise<LegalHold | null> {
  const { rows } = await tx.query<HoldRow>('UPDATE legal_holds SET released_by = $2, released_at = $3 WHERE id = $1 AND released_at IS NULL RETURNING *', [holdId, by, now]);
  return rows[0] ? toHold(rows[0]) : null;
}

export async function listHolds(q: Queryable, brandId: string, includeReleased: boolean): Promise<LegalHold[]> {
  const { rows } = await q.query<HoldRow>(
    `SELECT * FROM legal_holds WHERE brand_id = $1 AND ($2 OR released_at IS NULL) ORDER BY placed_at DESC, id LIMIT 500`,
    [brandId, includeReleased],
  );
  return rows.map(toHold);
}

export async function countActiveHolds(q: Queryable, brandId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM legal_holds WHERE brand_id = $1 AND released_at IS NULL', [brandId]);
  return rows[0]?.n ?? 0;
}

export async function insertRun(q: Queryable, r: { id: string; trigger: 'schedule' | 'manual'; triggeredBy: string; now: Date }): Promise<void> {
  await q.query(`INSERT INTO retention_runs (id, trigger, triggered_by, status, started_at) VALUES ($1, $2, $3, 'running', $4)`, [r.id, r.trigger, r.triggeredBy, r.now]);
}

export async function insertRunItem(q: Queryable, runId: string, item: RunItem): Promise<void> {
  await q.query(
    'INSERT INTO retention_run_items (run_id, brand_id, data_class, days, purged, skipped_hold, errors, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
    [runId, item.brandId, item.dataClass, item.days, item.purged, item.skippedHold, item.errors, item.note],
  );
}

export async function finishRun(q: Queryable, runId: string, status: 'done' | 'failed', totals: { purged: number; skippedHold: number; errors: number }, now: Date): Promise<void> {
  await q.query('UPDATE retention_runs SET status = $2, finished_at = $3, purged = $4, skipped_hold = $5, errors = $6 WHERE id = $1', [runId, status, now, totals.purged, totals.skippedHold, totals.errors]);
}

interface RunRow {
  id: string;
  trigger: 'schedule' | 'manual';
  triggered_by: string;
  status: 'running' | 'done' | 'failed';
  started_at: Date;
  finished_at: Date | null;
}
interface ItemRow {
  run_id: string;
  brand_id: string;
  data_class: DataClass;
  days: number | null;
  purged: number;
  skipped_hold: number;
  errors: number;
  note: string | null;
}

/**
 * Recent runs with their items for `brandIds` (null: every brand). Totals are summed over the items
 * returned, so a reader of one brand never learns counts of another.
 */
export async function listRuns(q: Queryable, brandIds: string[] | null, limit: number, runId?: string): Promise<PurgeRun[]> {
  const runs = (
    await q.query<RunRow>('SELECT id, trigger, triggered_by, status, started_at, finished_at FROM retention_runs WHERE ($2::uuid IS NULL OR id = $2::uuid) ORDER BY started_at DESC, id DESC LIMIT $1', [limit, runId ?? null])
  ).rows;
  if (runs.length === 0) return [];
  const { rows: items } = await q.query<ItemRow>(
    `SELECT run_id, brand_id, data_class, days, purged, skipped_hold, errors, note FROM retention_run_items
     WHERE run_id = ANY($1::uuid[]) AND ($2::uuid[] IS NULL OR brand_id = ANY($2::uuid[])) ORDER BY brand_id, data_class`,
    [runs.map((r) => r.id), brandIds],
  );
  return runs.map((r) => {
    const mine = items.filter((i) => i.run_id === r.id).map((i): RunItem => ({ brandId: i.brand_id, dataClass: i.data_class, days: i.days, purged: i.purged, skippedHold: i.skipped_hold, errors: i.errors, note: i.note }));
    return {
      id: r.id,
      trigger: r.trigger,
      triggeredBy: r.triggered_by,
      status: r.status,
      startedAt: iso(r.started_at)!,
      finishedAt: iso(r.finished_at),
      purged: mine.reduce((n, i) => n + i.purged, 0),
      skippedHold: mine.reduce((n, i) => n + i.skippedHold, 0),
      errors: mine.reduce((n, i) => n + i.errors, 0),
      items: mine,
    };
  });
}

export const listRunsById = (q: Queryable, runId: string, brandIds: string[] | null = null) => listRuns(q, brandIds, 1, runId);

/** The latest finished run's item totals for one brand (evidence). */
export async function lastRunOfBrand(q: Queryable, brandId: string): Promise<PurgeRun | null> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT r.id FROM retention_runs r WHERE r.status <> 'running' AND EXISTS (SELECT 1 FROM retention_run_items i WHERE i.run_id = r.id AND i.brand_id = $1)
     ORDER BY r.started_at DESC, r.id DESC LIMIT 1`,
    [brandId],
  );
  if (!rows[0]) return null;
  return (await listRunsById(q, rows[0].id, [brandId]))[0] ?? null;
}
