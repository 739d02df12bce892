import type { Queryable } from '../db/types.js';
import type { Alert, Severity } from '../detection/index.js';

export const ALERT_STATUSES = ['new', 'acknowledged', 'dismissed', 'incident'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** An alert as stored: the detector's alert and what people did with it. */
export interface StoredAlert extends Alert {
  status: AlertStatus;
  statusBy: string | null;
  incidentId: string | null;
  updatedAt: string;
}

export interface AlertQuery {
  /** Brands the reader may see; null: all, including alerts that concern no brand. */
  brands: string[] | null;
  status?: AlertStatus;
  actorId?: string;
  limit: number;
  /** Cursor: raisedAt|id of the last row of the previous page. */
  before?: { raisedAt: string; id: string };
}

const iso = (v: unknown): string => new Date(v as string | Date).toISOString();

function toAlert(r: Record<string, unknown>): StoredAlert {
  return {
    id: r.id as string,
    raisedAt: iso(r.raised_at),
    actor: { kind: r.actor_kind as string, id: r.actor_id as string },
    role: r.role as string,
    brandIds: r.brand_ids as string[],
    severity: r.severity as Severity,
    score: Number(r.score),
    rules: r.rules as string[],
    reasons: r.reasons as string[],
    evidence: r.evidence as string[],
    firstEventAt: iso(r.first_event_at),
    lastEventAt: iso(r.last_event_at),
    status: r.status as AlertStatus,
    statusBy: (r.status_by as string | null) ?? null,
    incidentId: (r.incident_id as string | null) ?? null,
    updatedAt: iso(r.updated_at),
  };
}

/**
 * Writes alerts raised or grown by the detector. An alert keeps its status (a dismissed alert that
 * grows stays dismissed, and says so by its new score). Returns the ids that are new.
 */
export async function upsertAlerts(tx: Queryable, alerts: readonly Alert[], now: Date): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (const a of alerts) {
    const { rows } = await tx.query<{ id: string; inserted: boolean }>(
      `INSERT INTO alerts (id, raised_at, actor_kind, actor_id, role, brand_ids, severity, score, rules, reasons, evidence, first_event_at, last_event_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (id) DO UPDATE SET brand_ids = EXCLUDED.brand_ids, severity = EXCLUDED.severity, score = EXCLUDED.score,
         rules = EXCLUDED.rules, reasons = EXCLUDED.reasons, evidence = EXCLUDED.evidence,
         last_event_at = EXCLUDED.last_event_at, updated_at = EXCLUDED.updated_at
       RETURNING id, (xmax = 0) AS inserted`,
      [a.id, a.raisedAt, a.actor.kind, a.actor.id, a.role, a.brandIds, a.severity, a.score, a.rules, a.reasons, a.evidence, a.firstEventAt, a.lastEventAt, now],
    );
    if (rows[0]?.inserted) inserted.add(a.id);
  }
  return inserted;
}

export async function listAlerts(q: Queryable, query: AlertQuery): Promise<StoredAlert[]> {
  const { rows } = await q.query<Record<string, unknown>>(
    `SELECT * FROM alerts
      WHERE ($1::text[] IS NULL OR brand_ids && $1::text[])
        AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR actor_id = $3)
        AND ($4::timestamptz IS NULL OR (raised_at, id) < ($4, $5))
      ORDER BY raised_at DESC, id DESC LIMIT $6`,
    [query.brands, query.status ?? null, query.actorId ?? null, query.before?.raisedAt ?? null, query.before?.id ?? null, query.limit],
  );
  return rows.map(toAlert);
}

export async function findAlert(q: Queryable, id: string, forUpdate = false): Promise<StoredAlert | null> {
  const { rows } = await q.query<Record<string, unknown>>(`SELECT * FROM alerts WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ? toAlert(rows[0]) : null;
}

export async function setAlertStatus(tx: Queryable, id: string, status: AlertStatus, by: string, now: Date, incidentId: string | null = null): Promise<void> {
  await tx.query(`UPDATE alerts SET status = $2, status_by = $3, incident_id = COALESCE($4, incident_id), updated_at = $5 WHERE id = $1`, [id, status, by, incidentId, now]);
}

/** Alerts about one actor in a time window (an incident's timeline). */
export async function alertsOfActor(q: Queryable, actor: { kind: string; id: string }, from: Date, to: Date): Promise<StoredAlert[]> {
  const { rows } = await q.query<Record<string, unknown>>(
    `SELECT * FROM alerts WHERE actor_kind = $1 AND actor_id = $2 AND last_event_at >= $3 AND first_event_at <= $4 ORDER BY raised_at`,
    [actor.kind, actor.id, from, to],
  );
  return rows.map(toAlert);
}
