import { brandsAllowed, isAllowed, isAllowedOnAny, isUuid, type AccessServices, type Principal } from '../access/index.js';
import { alertsOfActor, findAlert, setAlertStatus, type StoredAlert } from '../anomalies/index.js';
import { authorize, eventContext, recordAlone, type ChainedAuditLog } from '../audit/index.js';
import type { IncidentSettings } from '../config.js';
import type { Db, Queryable } from '../db/types.js';
import type { Alert } from '../detection/index.js';
import type { Vault } from '../vault/index.js';
import { blastRadius, type BlastRadius } from './blast-radius.js';
import { CLOCK_LABEL, clockState, dueReminders, planClocks, type ClockKind } from './clocks.js';
import { incidentErrors } from './errors.js';
import * as data from './incidents-data.js';
import { canMove, severityRank, type IncidentSeverity, type IncidentStatus } from './lifecycle.js';
import type { Notifier } from './notifier.js';
import { PLAYBOOK, playbookForRules, type PlaybookKind } from './playbooks.js';
import type { IncidentView } from './report.js';
import { buildTimeline, type TimelineEntry } from './timeline.js';

export interface NewIncident {
  title: string;
  summary?: string;
  playbook: PlaybookKind;
  severity: IncidentSeverity;
  brandIds: string[];
  suspect?: { kind: 'user' | 'api_key'; id: string };
  windowFrom?: Date;
  windowTo?: Date;
  /** When the organisation became aware (the clocks start here); default now. */
  awareAt?: Date;
  ownerId?: string;
}

export type ContainmentAction = 'suspend_user' | 'end_sessions' | 'revoke_api_key';

export interface IncidentDeps {
  db: Db;
  vault: Vault;
  audit: ChainedAuditLog;
  access: AccessServices;
  settings: IncidentSettings;
  notifier: Notifier;
  publicUrl: string;
  now?: () => Date;
}

/** How far back an incident opened from an alert looks at the suspect's trail before the first signal. */
const LOOKBACK_MS = 24 * 3_600_000;
export const DETECTION_PRINCIPAL: Principal = { actor: { kind: 'system', id: 'detection' }, isSecurityAdmin: false, roles: new Map() };

export interface IncidentService {
  open(principal: Principal, input: NewIncident): Promise<IncidentView>;
  /** One click from an alert: playbook from its rules, severity, suspect, window and brands from it. */
  openFromAlert(principal: Principal, alertId: string, opts?: { playbook?: PlaybookKind }): Promise<IncidentView>;
  /** Called by detection with new alerts: opens incidents for those at or above the configured severity. */
  autoOpen(alerts: readonly Alert[]): Promise<string[]>;
  list(principal: Principal, filter: { status?: IncidentStatus; limit?: number; offset?: number }): Promise<IncidentView[]>;
  get(principal: Principal, id: string): Promise<IncidentView>;
  timeline(principal: Principal, id: string): Promise<TimelineEntry[]>;
  blastRadius(principal: Principal, id: string): Promise<BlastRadius>;
  update(principal: Principal, id: string, change: { status?: IncidentStatus; severity?: IncidentSeverity; ownerId?: string | null; windowFrom?: Date; windowTo?: Date | null }): Promise<IncidentView>;
  addNote(principal: Principal, id: string, text: string): Promise<void>;
  setTask(principal: Principal, id: string, position: number, done: boolean): Promise<IncidentView>;
  meetClock(principal: Principal, id: string, kind: ClockKind): Promise<IncidentView>;
  contain(principal: Principal, id: string, action: ContainmentAction): Promise<{ action: ContainmentAction; sessionsEnded?: number }>;
  /** Everything a report needs, read once (and audited as a read). */
  reportInput(principal: Principal, id: string): Promise<{ incident: IncidentView; timeline: TimelineEntry[]; blast: BlastRadius | null }>;
  /** Sends reminders now due on every running clock (periodic; safe on several nodes). */
  sendReminders(): Promise<number>;
}

const actorRef = (p: Principal) => `${p.actor.kind}:${p.actor.id}`;

export function createIncidentService(deps: IncidentDeps): IncidentService {
  const { db, vault, audit, access, settings, notifier } = deps;
  const now = deps.now ?? (() => new Date());

  /** Brands of the incident the principal may see (null: all). */
  const visibleBrands = (p: Principal, brandIds: readonly string[]) => (isAllowed(p, 'incident.read', null) ? null : brandIds.filter((b) => isAllowed(p, 'incident.read', b)));

  async function deny(p: Principal, verb: string, brandId: string | null, id?: string): Promise<never> {
    await recordAlone({ db, audit }, { ...eventContext(p), action: verb, brandId, outcome: 'denied', ...(id && { target: { type: 'incident', id } }) });
    throw incidentErrors.not_found();
  }

  /** Loads an incident the principal may act on; others' incidents look not found (ids are not confirmed). */
  async function load(p: Principal, id: string, action: 'incident.read' | 'incident.manage', verb: string): Promise<data.IncidentRecord> {
    const i = isUuid(id) ? await data.findIncident(vault, db, id) : null;
    if (!i) throw incidentErrors.not_found();
    if (!isAllowedOnAny(p, action, i.brandIds)) return deny(p, verb, i.brandIds[0] ?? null, id);
    return i;
  }

  async function view(q: Queryable, i: data.IncidentRecord): Promise<IncidentView> {
    const t = now();
    const clocks = (await data.clocksOf(q, i.id)).map((c) => ({
      ...c,
      label: CLOCK_LABEL[c.kind],
      state: clockState({ startedAt: new Date(c.startedAt), dueAt: new Date(c.dueAt), metAt: c.metAt ? new Date(c.metAt) : null }, t),
    }));
    return { ...i, playbookTitle: PLAYBOOK[i.playbook].title, tasks: await data.tasksOf(q, i.id), clocks, alertIds: await data.alertIdsOf(q, i.id) };
  }

  /** Appends the incident's event to each brand's chain it concerns (in brand order), or the installation chain. */
  async function record(tx: Queryable, p: Principal, i: { id: string; brandIds: string[] }, action: string, details: Record<string, string | number | boolean | null> = {}): Promise<void> {
    const brands = i.brandIds.length > 0 ? [...i.brandIds].sort() : [null];
    for (const brandId of brands) await audit.append(tx, { ...eventContext(p), action, brandId, outcome: 'success', target: { type: 'incident', id: i.id }, details });
  }

  async function checkSuspect(s: NewIncident['suspect']): Promise<void> {
    if (!s) return;
    const sql = s.kind === 'user' ? 'SELECT 1 FROM users WHERE id = $1' : 'SELECT 1 FROM api_keys WHERE id = $1';
    const found = isUuid(s.id) && (await db.query(sql, [s.id])).rows.length > 0;
    if (!found) throw incidentErrors.suspect_not_found();
  }

  async function checkOwner(ownerId: string | null | undefined): Promise<void> {
    if (!ownerId) return;
    const found = isUuid(ownerId) && (await db.query('SELECT 1 FROM users WHERE id = $1', [ownerId])).rows.length > 0;
    if (!found) throw incidentErrors.owner_not_found();
  }

  async function insert(p: Principal, input: NewIncident, source: data.IncidentRecord['source'], alerts: StoredAlert[]): Promise<string> {
    const t = now();
    const awareAt = input.awareAt ?? t;
    const playbook = PLAYBOOK[input.playbook];
    const windowFrom = input.windowFrom ?? new Date(awareAt.getTime() - LOOKBACK_MS);
    if (input.windowTo && input.windowTo <= windowFrom) throw incidentErrors.bad_window();
    return db.transaction(async (tx) => {
      for (const a of alerts) {
        const locked = await findAlert(tx, a.id, true);
        if (!locked) throw incidentErrors.alert_not_found();
        if (locked.status === 'incident') throw incidentErrors.alert_taken();
      }
      const id = await data.insertIncident(
        vault,
        tx,
        {
          title: input.title,
          summary: input.summary ?? null,
          playbook: input.playbook,
          severity: input.severity,
          source,
          ownerId: input.ownerId ?? null,
          suspect: input.suspect ?? null,
          windowFrom,
          windowTo: input.windowTo ?? null,
          brandIds: [...new Set(input.brandIds)].sort(),
          awareAt,
          openedBy: actorRef(p),
          tasks: playbook.tasks,
          clocks: planClocks(playbook.clocks, awareAt, settings),
        },
        t,
      );
      await data.addLog(vault, tx, id, { kind: 'opened', actor: actorRef(p), details: { source, playbook: input.playbook, severity: input.severity } }, t);
      for (const a of alerts) {
        await data.linkAlert(tx, id, a.id);
        await setAlertStatus(tx, a.id, 'incident', actorRef(p), t, id);
      }
      await record(tx, p, { id, brandIds: input.brandIds }, 'incident.open', { playbook: input.playbook, severity: input.severity, source, alerts: alerts.length });
      return id;
    });
  }

  async function announce(i: data.IncidentRecord): Promise<void> {
    if (notifier.channels.length === 0) return;
    const id = i.id;
    // Ids and deadlines only: the title may name a customer, so it is not sent.
    await notifier
      .send({
        event: 'incident.opened',
        incidentId: id,
        number: i.number,
        subject: `[callvault] Incident ${i.number} opened (${i.severity}, ${PLAYBOOK[i.playbook].title})`,
        text: `Incident ${i.number} was opened (${i.source}). Severity ${i.severity}. Playbook: ${PLAYBOOK[i.playbook].title}.\n${deps.publicUrl}/#/incidents/${id}`,
        data: { severity: i.severity, playbook: i.playbook, source: i.source, url: `${deps.publicUrl}/#/incidents/${id}` },
      })
      .catch(() => undefined);
  }

  /** A new incident, read once: announced on the notification channel and returned as a view. */
  async function openedView(id: string): Promise<IncidentView> {
    const i = (await data.findIncident(vault, db, id))!;
    await announce(i);
    return view(db, i);
  }

  async function alertBrands(a: StoredAlert): Promise<string[]> {
    if (a.brandIds.length > 0) return a.brandIds;
    // An alert about sign-ins concerns no brand yet: the brands of the person are the ones at risk.
    if (a.actor.kind === 'user') return (await db.query<{ brand_id: string }>('SELECT brand_id FROM user_brand_roles WHERE user_id = $1', [a.actor.id])).rows.map((r) => r.brand_id);
    if (a.actor.kind === 'api_key') return (await db.query<{ brand_id: string }>('SELECT brand_id FROM api_keys WHERE id = $1', [a.actor.id])).rows.map((r) => r.brand_id);
    return [];
  }

  function fromAlert(a: StoredAlert, brandIds: string[], playbook?: PlaybookKind): NewIncident {
    const kind = playbook ?? playbookForRules(a.rules);
    return {
      title: `${PLAYBOOK[kind].title}: ${a.actor.kind} ${a.actor.id}`,
      playbook: kind,
      severity: a.severity,
      brandIds,
      ...((a.actor.kind === 'user' || a.actor.kind === 'api_key') && { suspect: { kind: a.actor.kind, id: a.actor.id } }),
      windowFrom: new Date(new Date(a.firstEventAt).getTime() - LOOKBACK_MS),
    };
  }

  const service: IncidentService = {
    async open(p, input) {
      const brands = input.brandIds.length > 0 ? input.brandIds : [null];
      for (const b of brands) if (!isAllowed(p, 'incident.manage', b)) await deny(p, 'incident.open', b);
      await checkSuspect(input.suspect);
      await checkOwner(input.ownerId);
      return openedView(await insert(p, input, 'reported', []));
    },

    async openFromAlert(p, alertId, opts = {}) {
      const a = await findAlert(db, alertId);
      if (!a) throw incidentErrors.alert_not_found();
      if (!isAllowedOnAny(p, 'incident.manage', a.brandIds)) await deny(p, 'incident.open', a.brandIds[0] ?? null);
      if (a.status === 'incident') throw incidentErrors.alert_taken();
      return openedView(await insert(p, fromAlert(a, await alertBrands(a), opts.playbook), 'alert', [a]));
    },

    async autoOpen(alerts) {
      const threshold = settings.autoOpenSeverity;
      if (!threshold) return [];
      const opened: string[] = [];
      for (const raised of alerts) {
        if (severityRank(raised.severity) < severityRank(threshold)) continue;
        const a = await findAlert(db, raised.id);
        if (!a || a.status === 'incident') continue;
        const id = await insert(DETECTION_PRINCIPAL, fromAlert(a, await alertBrands(a)), 'automatic', [a]).catch((err: unknown) => {
          if ((err as { code?: string }).code === 'incident.alert_taken') return null; // a person was quicker
          throw err;
        });
        if (id) {
          opened.push(id);
          await openedView(id);
        }
      }
      return opened;
    },

    async list(p, filter) {
      const brands = brandsAllowed(p, 'incident.read');
      if (brands !== null && brands.length === 0) await authorize({ db, audit }, p, 'incident.read', null, { action: 'incident.list' });
      const rows = await data.listIncidents(vault, db, { brands, limit: Math.min(Math.max(filter.limit ?? 50, 1), 200), offset: Math.max(filter.offset ?? 0, 0), ...(filter.status && { status: filter.status }) });
      return Promise.all(rows.map((i) => view(db, i)));
    },

    async get(p, id) {
      const i = await load(p, id, 'incident.read', 'incident.read');
      await recordAlone({ db, audit }, { ...eventContext(p), action: 'incident.read', brandId: i.brandIds[0] ?? null, outcome: 'success', target: { type: 'incident', id } });
      return view(db, i);
    },

    async timeline(p, id) {
      const i = await load(p, id, 'incident.read', 'incident.timeline');
      return timelineOf(p, i);
    },

    async blastRadius(p, id) {
      const i = await load(p, id, 'incident.read', 'incident.blast_radius');
      const b = await radiusOf(p, i);
      await recordAlone({ db, audit }, { ...eventContext(p), action: 'incident.blast_radius', brandId: i.brandIds[0] ?? null, outcome: 'success', target: { type: 'incident', id }, details: { records: b.totalRecords } });
      return b;
    },

    async update(p, id, change) {
      const i = await load(p, id, 'incident.manage', 'incident.update');
      if (i.status === 'closed') throw incidentErrors.closed();
      if (change.status && change.status !== i.status && !canMove(i.status, change.status)) throw incidentErrors.bad_transition();
      if (change.ownerId !== undefined) await checkOwner(change.ownerId);
      const from = change.windowFrom ?? new Date(i.windowFrom);
      const to = change.windowTo === undefined ? (i.windowTo ? new Date(i.windowTo) : null) : change.windowTo;
      if (to && to <= from) throw incidentErrors.bad_window();
      const t = now();
      const who = actorRef(p);
      await db.transaction(async (tx) => {
        if (change.status && change.status !== i.status) {
          await data.updateIncident(tx, id, { status: change.status, ...(change.status === 'closed' && { closedAt: t }) }, t);
          await data.addLog(vault, tx, id, { kind: 'status', actor: who, details: { from: i.status, to: change.status } }, t);
          await record(tx, p, i, 'incident.status', { from: i.status, to: change.status });
        }
        if (change.severity && change.severity !== i.severity) {
          await data.updateIncident(tx, id, { severity: change.severity }, t);
          await data.addLog(vault, tx, id, { kind: 'severity', actor: who, details: { from: i.severity, to: change.severity } }, t);
          await record(tx, p, i, 'incident.severity', { from: i.severity, to: change.severity });
        }
        if (change.ownerId !== undefined && change.ownerId !== i.ownerId) {
          await data.updateIncident(tx, id, { ownerId: change.ownerId }, t);
          await data.addLog(vault, tx, id, { kind: 'owner', actor: who, details: { ownerId: change.ownerId } }, t);
          await record(tx, p, i, 'incident.assign', { ownerId: change.ownerId });
        }
        if (change.windowFrom !== undefined || change.windowTo !== undefined) {
          await tx.query('UPDATE incidents SET window_from = $2, window_to = $3, updated_at = $4 WHERE id = $1', [id, from, to, t]);
          await data.addLog(vault, tx, id, { kind: 'window', actor: who, details: { from: from.toISOString(), to: to?.toISOString() ?? null } }, t);
          await record(tx, p, i, 'incident.window');
        }
      });
      return view(db, (await data.findIncident(vault, db, id))!);
    },

    async addNote(p, id, text) {
      const i = await load(p, id, 'incident.manage', 'incident.note');
      const t = now();
      await db.transaction(async (tx) => {
        await data.addLog(vault, tx, id, { kind: 'note', actor: actorRef(p), note: text }, t);
        await record(tx, p, i, 'incident.note', { length: text.length });
      });
    },

    async setTask(p, id, position, done) {
      const i = await load(p, id, 'incident.manage', 'incident.task');
      if (i.status === 'closed') throw incidentErrors.closed();
      const t = now();
      await db.transaction(async (tx) => {
        if (!(await data.setTaskDone(tx, id, position, done, actorRef(p), t))) throw incidentErrors.task_not_found();
        const title = (await data.tasksOf(tx, id)).find((x) => x.position === position)?.title ?? '';
        await data.addLog(vault, tx, id, { kind: 'task', actor: actorRef(p), details: { position, done, title } }, t);
        await record(tx, p, i, 'incident.task', { position, done });
      });
      return view(db, (await data.findIncident(vault, db, id))!);
    },

    async meetClock(p, id, kind) {
      const i = await load(p, id, 'incident.manage', 'incident.deadline');
      const t = now();
      await db.transaction(async (tx) => {
        const clock = (await data.clocksOf(tx, id)).find((c) => c.kind === kind);
        if (!clock || !(await data.meetClock(tx, id, kind, actorRef(p), t))) throw incidentErrors.clock_not_found();
        const late = t > new Date(clock.dueAt);
        await data.addLog(vault, tx, id, { kind: 'clock', actor: actorRef(p), details: { kind, label: CLOCK_LABEL[kind], late } }, t);
        await record(tx, p, i, 'incident.deadline_met', { kind, late });
      });
      return view(db, (await data.findIncident(vault, db, id))!);
    },

    async contain(p, id, action) {
      const i = await load(p, id, 'incident.manage', 'incident.contain');
      if (i.status === 'closed') throw incidentErrors.closed();
      const s = i.suspect;
      if (!s) throw incidentErrors.no_suspect();
      if ((action === 'revoke_api_key') !== (s.kind === 'api_key')) throw incidentErrors.bad_containment();
      // The access services check the caller's own permission (user.manage, apikey.manage) and audit the act.
      let sessionsEnded: number | undefined;
      if (action === 'suspend_user') sessionsEnded = (await access.users.suspend(p, s.id)).sessionsEnded;
      else if (action === 'end_sessions') sessionsEnded = (await access.users.endSessions(p, s.id)).sessionsEnded;
      else await access.apiKeys.revoke(p, s.id);
      const t = now();
      await db.transaction(async (tx) => {
        const details = { action, targetKind: s.kind, targetId: s.id, outcome: 'success', ...(sessionsEnded !== undefined && { sessionsEnded }) };
        await data.addLog(vault, tx, id, { kind: 'action', actor: actorRef(p), details }, t);
        await record(tx, p, i, 'incident.contain', { action, targetKind: s.kind, targetId: s.id });
      });
      return { action, ...(sessionsEnded !== undefined && { sessionsEnded }) };
    },

    async reportInput(p, id) {
      const i = await load(p, id, 'incident.read', 'incident.report');
      const [incident, timeline, blast] = await Promise.all([view(db, i), timelineOf(p, i), i.suspect ? radiusOf(p, i) : Promise.resolve(null)]);
      await recordAlone({ db, audit }, { ...eventContext(p), action: 'incident.report', brandId: i.brandIds[0] ?? null, outcome: 'success', target: { type: 'incident', id } });
      return { incident, timeline, blast };
    },

    async sendReminders() {
      let sent = 0;
      const t = now();
      for (const c of await data.runningClocks(db)) {
        const clock = { startedAt: new Date(c.startedAt), dueAt: new Date(c.dueAt), metAt: null };
        for (const fraction of dueReminders(clock, settings.reminderFractions, new Set(c.sent), t)) {
          const ok = await db
            .transaction(async (tx) => {
              const channels = notifier.channels.length > 0 ? notifier.channels.join('+') : 'none';
              if (!(await data.claimReminder(tx, c.incidentId, c.kind, fraction, channels, t))) return false;
              const left = clock.dueAt.getTime() - t.getTime();
              const overdue = fraction >= 1;
              const result = await notifier.send({
                event: overdue ? 'incident.overdue' : 'incident.reminder',
                incidentId: c.incidentId,
                number: c.number,
                subject: `[callvault] Incident ${c.number}: ${overdue ? 'deadline passed' : `${Math.round(fraction * 100)} % of the time used`} — ${CLOCK_LABEL[c.kind]}`,
                text: `${CLOCK_LABEL[c.kind]}\nDue ${c.dueAt} (${overdue ? 'passed' : `${Math.round(left / 60_000)} minutes left`}).\n${deps.publicUrl}/#/incidents/${c.incidentId}`,
                data: { clock: c.kind, dueAt: c.dueAt, fraction, url: `${deps.publicUrl}/#/incidents/${c.incidentId}` },
              });
              // Every configured channel failed: roll back the claim so the next pass tries again.
              if (notifier.channels.length > 0 && result.sent.length === 0) throw new ReminderUndelivered();
              await data.addLog(vault, tx, c.incidentId, { kind: 'reminder', actor: 'system:incidents', details: { kind: c.kind, fraction, channels: result.sent.join('+') || 'none' } }, t);
              return true;
            })
            .catch((err: unknown) => {
              if (err instanceof ReminderUndelivered) return false;
              throw err;
            });
          if (ok) sent++;
        }
      }
      return sent;
    },
  };

  async function timelineOf(p: Principal, i: data.IncidentRecord): Promise<TimelineEntry[]> {
    const from = new Date(i.windowFrom);
    const to = i.windowTo ? new Date(i.windowTo) : now();
    const linked = await Promise.all((await data.alertIdsOf(db, i.id)).map((a) => findAlert(db, a)));
    const alerts = new Map<string, StoredAlert>();
    for (const a of linked) if (a) alerts.set(a.id, a);
    if (i.suspect) for (const a of await alertsOfActor(db, i.suspect, from, to)) alerts.set(a.id, a);
    return buildTimeline(db, { suspect: i.suspect, from, to, alerts: [...alerts.values()], log: await data.logOf(vault, db, i.id), brands: visibleBrands(p, i.brandIds) });
  }

  async function radiusOf(p: Principal, i: data.IncidentRecord): Promise<BlastRadius> {
    if (!i.suspect) throw incidentErrors.no_suspect();
    const b = await blastRadius(db, i.suspect, new Date(i.windowFrom), i.windowTo ? new Date(i.windowTo) : now());
    const visible = visibleBrands(p, i.brandIds);
    if (visible === null) return b;
    // An auditor of one brand sees that brand's part only.
    const brands = b.brands.filter((x) => visible.includes(x.brandId));
    return { ...b, brands, totalRecords: brands.reduce((n, x) => n + x.records.length, 0) };
  }

  return service;
}

class ReminderUndelivered extends Error {}
