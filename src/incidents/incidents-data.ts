import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/types.js';
import type { Vault } from '../vault/index.js';
import type { ClockKind, ClockPlan } from './clocks.js';
import type { IncidentSeverity, IncidentStatus } from './lifecycle.js';
import type { PlaybookKind } from './playbooks.js';

const SYSTEM = { system: true } as const;

export interface IncidentRecord {
  id: string;
  number: number;
  title: string;
  summary: string | null;
  playbook: PlaybookKind;
  severity: IncidentSeverity;
  status: IncidentStatus;
  source: 'alert' | 'automatic' | 'reported';
  ownerId: string | null;
  suspect: { kind: 'user' | 'api_key'; id: string } | null;
  windowFrom: string;
  windowTo: string | null;
  brandIds: string[];
  awareAt: string;
  openedBy: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface TaskRecord {
  position: number;
  title: string;
  doneAt: string | null;
  doneBy: string | null;
}

export interface ClockRecord {
  kind: ClockKind;
  hours: number;
  startedAt: string;
  dueAt: string;
  metAt: string | null;
  metBy: string | null;
}

export interface LogRecord {
  id: string;
  at: string;
  kind: string;
  actor: string;
  details: Record<string, unknown>;
  note: string | null;
}

const iso = (v: unknown): string => new Date(v as string | Date).toISOString();
const isoOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : iso(v));

async function open(vault: Vault, q: Queryable, id: string, sealed: unknown): Promise<string | null> {
  if (sealed === null || sealed === undefined) return null;
  return (await vault.decrypt(q, SYSTEM, id, Buffer.from(sealed as Uint8Array))).toString('utf8');
}

export const seal = (vault: Vault, q: Queryable, id: string, text: string): Promise<Buffer> => vault.encrypt(q, SYSTEM, id, Buffer.from(text, 'utf8'));

async function toIncident(vault: Vault, q: Queryable, r: Record<string, unknown>): Promise<IncidentRecord> {
  const id = r.id as string;
  return {
    id,
    number: Number(r.number),
    title: (await open(vault, q, id, r.title_sealed)) ?? '',
    summary: await open(vault, q, id, r.summary_sealed),
    playbook: r.playbook as PlaybookKind,
    severity: r.severity as IncidentSeverity,
    status: r.status as IncidentStatus,
    source: r.source as IncidentRecord['source'],
    ownerId: (r.owner_id as string | null) ?? null,
    suspect: r.suspect_kind ? { kind: r.suspect_kind as 'user' | 'api_key', id: r.suspect_id as string } : null,
    windowFrom: iso(r.window_from),
    windowTo: isoOrNull(r.window_to),
    brandIds: r.brand_ids as string[],
    awareAt: iso(r.aware_at),
    openedBy: r.opened_by as string,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    closedAt: isoOrNull(r.closed_at),
  };
}

export interface NewIncidentRow {
  title: string;
  summary: string | null;
  playbook: PlaybookKind;
  severity: IncidentSeverity;
  source: IncidentRecord['source'];
  ownerId: string | null;
  suspect: IncidentRecord['suspect'];
  windowFrom: Date;
  windowTo: Date | null;
  brandIds: string[];
  awareAt: Date;
  openedBy: string;
  tasks: readonly string[];
  clocks: readonly ClockPlan[];
}

export async function insertIncident(vault: Vault, tx: Queryable, n: NewIncidentRow, now: Date): Promise<string> {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO incidents (id, title_sealed, summary_sealed, playbook, severity, status, source, owner_id, suspect_kind, suspect_id,
                            window_from, window_to, brand_ids, aware_at, opened_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, 'open', $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)`,
    [
      id,
      await seal(vault, tx, id, n.title),
      n.summary === null ? null : await seal(vault, tx, id, n.summary),
      n.playbook,
      n.severity,
      n.source,
      n.ownerId,
      n.suspect?.kind ?? null,
      n.suspect?.id ?? null,
      n.windowFrom,
      n.windowTo,
      n.brandIds,
      n.awareAt,
      n.openedBy,
      now,
    ],
  );
  for (const [i, title] of n.tasks.entries()) {
    await tx.query('INSERT INTO incident_tasks (incident_id, position, title) VALUES ($1, $2, $3)', [id, i + 1, title]);
  }
  for (const c of n.clocks) {
    await tx.query('INSERT INTO incident_clocks (incident_id, kind, hours, started_at, due_at) VALUES ($1, $2, $3, $4, $5)', [id, c.kind, c.hours, c.startedAt, c.dueAt]);
  }
  return id;
}

export async function findIncident(vault: Vault, q: Queryable, id: string, forUpdate = false): Promise<IncidentRecord | null> {
  const { rows } = await q.query<Record<string, unknown>>(`SELECT * FROM incidents WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ? toIncident(vault, q, rows[0]) : null;
}

export async function listIncidents(vault: Vault, q: Queryable, opts: { brands: string[] | null; status?: IncidentStatus; limit: number; offset: number }): Promise<IncidentRecord[]> {
  const { rows } = await q.query<Record<string, unknown>>(
    `SELECT * FROM incidents WHERE ($1::text[] IS NULL OR brand_ids && $1::text[]) AND ($2::text IS NULL OR status = $2)
      ORDER BY created_at DESC, id DESC LIMIT $3 OFFSET $4`,
    [opts.brands, opts.status ?? null, opts.limit, opts.offset],
  );
  // One row after another: `q` may be a transaction's single connection (pg refuses overlapping queries there).
  const out = [];
  for (const r of rows) out.push(await toIncident(vault, q, r));
  return out;
}

export async function updateIncident(
  tx: Queryable,
  id: string,
  set: { status?: IncidentStatus; severity?: IncidentSeverity; ownerId?: string | null; windowTo?: Date | null; closedAt?: Date },
  now: Date,
): Promise<void> {
  await tx.query(
    `UPDATE incidents SET status = COALESCE($2, status), severity = COALESCE($3, severity),
            owner_id = CASE WHEN $4::boolean THEN $5::uuid ELSE owner_id END,
            window_to = CASE WHEN $6::boolean THEN $7::timestamptz ELSE window_to END,
            closed_at = COALESCE($8, closed_at), updated_at = $9
      WHERE id = $1`,
    [id, set.status ?? null, set.severity ?? null, 'ownerId' in set, set.ownerId ?? null, 'windowTo' in set, set.windowTo ?? null, set.closedAt ?? null, now],
  );
}

export async function tasksOf(q: Queryable, id: string): Promise<TaskRecord[]> {
  const { rows } = await q.query<Record<string, unknown>>('SELECT * FROM incident_tasks WHERE incident_id = $1 ORDER BY position', [id]);
  return rows.map((r) => ({ position: Number(r.position), title: r.title as string, doneAt: isoOrNull(r.done_at), doneBy: (r.done_by as string | null) ?? null }));
}

export async function setTaskDone(tx: Queryable, id: string, position: number, done: boolean, by: string, now: Date): Promise<boolean> {
  const { rows } = await tx.query<{ position: number }>(
    `UPDATE incident_tasks SET done_at = CASE WHEN $3 THEN $5::timestamptz ELSE NULL END, done_by = CASE WHEN $3 THEN $4 ELSE NULL END
      WHERE incident_id = $1 AND position = $2 RETURNING position`,
    [id, position, done, by, now],
  );
  return rows.length > 0;
}

export async function clocksOf(q: Queryable, id: string): Promise<ClockRecord[]> {
  const { rows } = await q.query<Record<string, unknown>>('SELECT * FROM incident_clocks WHERE incident_id = $1 ORDER BY due_at, kind', [id]);
  return rows.map((r) => ({
    kind: r.kind as ClockKind,
    hours: Number(r.hours),
    startedAt: iso(r.started_at),
    dueAt: iso(r.due_at),
    metAt: isoOrNull(r.met_at),
    metBy: (r.met_by as string | null) ?? null,
  }));
}

export async function meetClock(tx: Queryable, id: string, kind: ClockKind, by: string, now: Date): Promise<boolean> {
  const { rows } = await tx.query<{ kind: string }>(
    'UPDATE incident_clocks SET met_at = $3, met_by = $4 WHERE incident_id = $1 AND kind = $2 AND met_at IS NULL RETURNING kind',
    [id, kind, now, by],
  );
  return rows.length > 0;
}

export async function alertIdsOf(q: Queryable, id: string): Promise<string[]> {
  const { rows } = await q.query<{ alert_id: string }>('SELECT alert_id FROM incident_alerts WHERE incident_id = $1 ORDER BY alert_id', [id]);
  return rows.map((r) => r.alert_id);
}

export async function linkAlert(tx: Queryable, id: string, alertId: string): Promise<void> {
  await tx.query('INSERT INTO incident_alerts (incident_id, alert_id) VALUES ($1, $2)', [id, alertId]);
}

export async function addLog(vault: Vault, tx: Queryable, incidentId: string, entry: { kind: string; actor: string; details?: Record<string, unknown>; note?: string }, now: Date): Promise<void> {
  const id = randomUUID();
  await tx.query('INSERT INTO incident_log (id, incident_id, at, kind, actor, details, note_sealed) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    id,
    incidentId,
    now,
    entry.kind,
    entry.actor,
    JSON.stringify(entry.details ?? {}),
    entry.note === undefined ? null : await seal(vault, tx, id, entry.note),
  ]);
}

export async function logOf(vault: Vault, q: Queryable, incidentId: string): Promise<LogRecord[]> {
  const { rows } = await q.query<Record<string, unknown>>('SELECT * FROM incident_log WHERE incident_id = $1 ORDER BY seq', [incidentId]);
  const out: LogRecord[] = [];
  for (const r of rows) {
    const id = r.id as string;
    out.push({ id, at: iso(r.at), kind: r.kind as string, actor: r.actor as string, details: (r.details as Record<string, unknown>) ?? {}, note: await open(vault, q, id, r.note_sealed) });
  }
  return out;
}

/** Unmet clocks of incidents not closed, with the reminder points already sent. */
export async function runningClocks(q: Queryable): Promise<(ClockRecord & { incidentId: string; number: number; sent: number[] })[]> {
  const { rows } = await q.query<Record<string, unknown>>(
    `SELECT c.*, i.number, COALESCE(array_agg(r.fraction) FILTER (WHERE r.fraction IS NOT NULL), '{}') AS sent
       FROM incident_clocks c JOIN incidents i ON i.id = c.incident_id
       LEFT JOIN incident_reminders r ON r.incident_id = c.incident_id AND r.kind = c.kind
      WHERE c.met_at IS NULL AND i.status <> 'closed'
      GROUP BY c.incident_id, c.kind, i.number`,
  );
  return rows.map((r) => ({
    incidentId: r.incident_id as string,
    number: Number(r.number),
    kind: r.kind as ClockKind,
    hours: Number(r.hours),
    startedAt: iso(r.started_at),
    dueAt: iso(r.due_at),
    metAt: null,
    metBy: null,
    sent: (r.sent as number[]).map(Number),
  }));
}

/** Claims a reminder point (false if another node sent it already). */
export async function claimReminder(tx: Queryable, incidentId: string, kind: ClockKind, fraction: number, channels: string, now: Date): Promise<boolean> {
  const { rows } = await tx.query<{ kind: string }>(
    `INSERT INTO incident_reminders (incident_id, kind, fraction, sent_at, channels) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT DO NOTHING RETURNING kind`,
    [incidentId, kind, fraction, now, channels],
  );
  return rows.length > 0;
}
