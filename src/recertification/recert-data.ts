import type { Queryable } from '../db/types.js';

/** The one place that writes SQL for the recertification tables. */
export type AtDeadline = 'remove' | 'keep';
export type Decision = 'confirmed' | 'removed' | 'removed_at_deadline' | 'kept_unanswered';
export type ItemKind = 'user_role' | 'api_key';

export interface CampaignRecord {
  id: string;
  status: 'open' | 'completed';
  atDeadline: AtDeadline;
  deadline: Date;
  openedBy: string;
  openedAt: Date;
  closedAt: Date | null;
  closedBy: string | null;
  brandIds: string[];
}
export interface ItemRecord {
  id: string;
  campaignId: string;
  brandId: string;
  kind: ItemKind;
  subjectId: string;
  role: string | null;
  decision: Decision | null;
  note: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
}

interface CampaignRow {
  id: string;
  status: 'open' | 'completed';
  at_deadline: AtDeadline;
  deadline: Date;
  opened_by: string;
  opened_at: Date;
  closed_at: Date | null;
  closed_by: string | null;
  brand_ids: string[];
}
const CAMPAIGN_SELECT = `SELECT c.id, c.status, c.at_deadline, c.deadline, c.opened_by, c.opened_at, c.closed_at, c.closed_by,
       ARRAY(SELECT b.brand_id::text FROM recert_campaign_brands b WHERE b.campaign_id = c.id ORDER BY b.brand_id) AS brand_ids
  FROM recert_campaigns c`;
const toCampaign = (r: CampaignRow): CampaignRecord => ({
  id: r.id,
  status: r.status,
  atDeadline: r.at_deadline,
  deadline: new Date(r.deadline),
  openedBy: r.opened_by,
  openedAt: new Date(r.opened_at),
  closedAt: r.closed_at === null ? null : new Date(r.closed_at),
  closedBy: r.closed_by,
  brandIds: r.brand_ids,
});

interface ItemRow {
  id: string;
  campaign_id: string;
  brand_id: string;
  kind: ItemKind;
  subject_id: string;
  role: string | null;
  decision: Decision | null;
  note: string | null;
  answered_by: string | null;
  answered_at: Date | null;
}
const ITEM_COLUMNS = 'id, campaign_id, brand_id, kind, subject_id, role, decision, note, answered_by, answered_at';
const toItem = (r: ItemRow): ItemRecord => ({
  id: r.id,
  campaignId: r.campaign_id,
  brandId: r.brand_id,
  kind: r.kind,
  subjectId: r.subject_id,
  role: r.role,
  decision: r.decision,
  note: r.note,
  answeredBy: r.answered_by,
  answeredAt: r.answered_at === null ? null : new Date(r.answered_at),
});

export async function insertCampaign(q: Queryable, c: Omit<CampaignRecord, 'status' | 'closedAt' | 'closedBy'>): Promise<void> {
  await q.query('INSERT INTO recert_campaigns (id, at_deadline, deadline, opened_by, opened_at) VALUES ($1, $2, $3, $4, $5)', [c.id, c.atDeadline, c.deadline, c.openedBy, c.openedAt]);
  for (const b of c.brandIds) await q.query('INSERT INTO recert_campaign_brands (campaign_id, brand_id) VALUES ($1, $2)', [c.id, b]);
}

export async function insertItem(q: Queryable, i: Pick<ItemRecord, 'id' | 'campaignId' | 'brandId' | 'kind' | 'subjectId' | 'role'>): Promise<void> {
  await q.query('INSERT INTO recert_items (id, campaign_id, brand_id, kind, subject_id, role) VALUES ($1, $2, $3, $4, $5, $6)', [i.id, i.campaignId, i.brandId, i.kind, i.subjectId, i.role]);
}

/** An open campaign already covering one of the brands, if any. */
export async function openCampaignOn(q: Queryable, brandIds: string[]): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT c.id FROM recert_campaigns c JOIN recert_campaign_brands b ON b.campaign_id = c.id WHERE c.status = 'open' AND b.brand_id = ANY($1::uuid[]) LIMIT 1`,
    [brandIds],
  );
  return rows[0]?.id ?? null;
}

export async function findCampaign(q: Queryable, id: string, forUpdate = false): Promise<CampaignRecord | null> {
  const { rows } = await q.query<CampaignRow>(`${CAMPAIGN_SELECT} WHERE c.id = $1${forUpdate ? ' FOR UPDATE OF c' : ''}`, [id]);
  return rows[0] ? toCampaign(rows[0]) : null;
}

/** Campaigns touching any of `brandIds` (null: all), newest first. */
export async function listCampaigns(q: Queryable, brandIds: string[] | null, limit: number): Promise<CampaignRecord[]> {
  const { rows } = await q.query<CampaignRow>(
    `${CAMPAIGN_SELECT} WHERE $1::uuid[] IS NULL OR EXISTS (SELECT 1 FROM recert_campaign_brands b WHERE b.campaign_id = c.id AND b.brand_id = ANY($1::uuid[]))
      ORDER BY c.opened_at DESC, c.id LIMIT $2`,
    [brandIds, limit],
  );
  return rows.map(toCampaign);
}

/** Open campaigns due to close: past their deadline, or with nothing left to answer. */
export async function dueCampaignIds(q: Queryable, now: Date): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT c.id FROM recert_campaigns c WHERE c.status = 'open'
        AND (c.deadline <= $1 OR NOT EXISTS (SELECT 1 FROM recert_items i WHERE i.campaign_id = c.id AND i.decision IS NULL))
      ORDER BY c.deadline`,
    [now],
  );
  return rows.map((r) => r.id);
}

export async function itemsOf(q: Queryable, campaignId: string, brandIds: string[] | null, onlyOpen = false): Promise<ItemRecord[]> {
  const { rows } = await q.query<ItemRow>(
    `SELECT ${ITEM_COLUMNS} FROM recert_items WHERE campaign_id = $1 AND ($2::uuid[] IS NULL OR brand_id = ANY($2::uuid[]))${onlyOpen ? ' AND decision IS NULL' : ''}
      ORDER BY brand_id, kind DESC, subject_id`,
    [campaignId, brandIds],
  );
  return rows.map(toItem);
}

export async function findItem(q: Queryable, id: string): Promise<ItemRecord | null> {
  const { rows } = await q.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM recert_items WHERE id = $1`, [id]);
  return rows[0] ? toItem(rows[0]) : null;
}

/** Answers an unanswered item of an open campaign; false if someone (or the deadline) answered first. */
export async function answerItem(q: Queryable, id: string, decision: Decision, note: string | null, by: string | null, at: Date): Promise<boolean> {
  const { rows } = await q.query(
    `UPDATE recert_items i SET decision = $2, note = $3, answered_by = $4, answered_at = $5
      WHERE i.id = $1 AND i.decision IS NULL
        AND EXISTS (SELECT 1 FROM recert_campaigns c WHERE c.id = i.campaign_id AND c.status = 'open')
      RETURNING i.id`,
    [id, decision, note, by, at],
  );
  return rows.length > 0;
}

export async function completeCampaign(q: Queryable, id: string, by: string, at: Date, summaries: Map<string, unknown>): Promise<void> {
  for (const [brandId, summary] of summaries) {
    await q.query('UPDATE recert_campaign_brands SET summary = $3::jsonb WHERE campaign_id = $1 AND brand_id = $2', [id, brandId, JSON.stringify(summary)]);
  }
  await q.query(`UPDATE recert_campaigns SET status = 'completed', closed_at = $2, closed_by = $3 WHERE id = $1`, [id, at, by]);
}

export async function summariesOf(q: Queryable, id: string, brandIds: string[] | null): Promise<unknown[]> {
  const { rows } = await q.query<{ summary: unknown }>(
    'SELECT summary FROM recert_campaign_brands WHERE campaign_id = $1 AND summary IS NOT NULL AND ($2::uuid[] IS NULL OR brand_id = ANY($2::uuid[])) ORDER BY brand_id',
    [id, brandIds],
  );
  return rows.map((r) => (typeof r.summary === 'string' ? (JSON.parse(r.summary) as unknown) : r.summary));
}

/** The brand's last completed campaign and any open one. */
export async function brandState(q: Queryable, brandId: string): Promise<{ last: CampaignRecord | null; lastSummary: unknown; openId: string | null }> {
  const last = await q.query<CampaignRow & { summary: unknown }>(
    `${CAMPAIGN_SELECT.replace('FROM recert_campaigns c', ', b.summary FROM recert_campaigns c JOIN recert_campaign_brands b ON b.campaign_id = c.id')}
      WHERE b.brand_id = $1 AND c.status = 'completed' ORDER BY c.closed_at DESC LIMIT 1`,
    [brandId],
  );
  const open = await openCampaignOn(q, [brandId]);
  const row = last.rows[0];
  const summary = row ? (typeof row.summary === 'string' ? (JSON.parse(row.summary) as unknown) : row.summary) : null;
  return { last: row ? toCampaign(row) : null, lastSummary: summary, openId: open };
}

export async function existingBrands(q: Queryable, brandIds: string[]): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>('SELECT id FROM brands WHERE id = ANY($1::uuid[])', [brandIds]);
  return rows.map((r) => r.id);
}
export async function allBrandIds(q: Queryable): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>('SELECT id FROM brands ORDER BY id');
  return rows.map((r) => r.id);
}
