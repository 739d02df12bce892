import type { Queryable } from '../../db/types.js';
import { clockState } from '../../incidents/index.js';
import type { Evidence } from '../types.js';

/** How far back the report looks at incidents (a year of response history). */
const WINDOW_DAYS = 365;

/**
 * The brand's incidents of the last year and their regulatory clocks (PCI DSS 10.7/12.10, ISO
 * A.5.24–A.5.28, GDPR Art. 33): open and closed, clocks met on time, met late, and overdue now.
 */
export async function incidentEvidence(q: Queryable, brandId: string, now: Date): Promise<Evidence> {
  const since = new Date(now.getTime() - WINDOW_DAYS * 86_400_000).toISOString();
  const { rows: incidents } = await q.query<{ id: string; number: string; status: string; closed_at: Date | null }>(
    `SELECT id, number, status, closed_at FROM incidents WHERE $1 = ANY(brand_ids) AND (closed_at IS NULL OR closed_at >= $2) ORDER BY number`,
    [brandId, since],
  );
  const ids = incidents.map((i) => i.id);
  const { rows: clocks } = ids.length
    ? await q.query<{ incident_id: string; kind: string; started_at: Date; due_at: Date; met_at: Date | null }>(
        'SELECT incident_id, kind, started_at, due_at, met_at FROM incident_clocks WHERE incident_id = ANY($1::uuid[])',
        [ids],
      )
    : { rows: [] };
  const states = clocks.map((c) => ({ ...c, state: clockState({ startedAt: new Date(c.started_at), dueAt: new Date(c.due_at), metAt: c.met_at ? new Date(c.met_at) : null }, now).status }));
  const count = (s: string) => states.filter((c) => c.state === s).length;
  const numberOf = (id: string) => incidents.find((i) => i.id === id)?.number ?? '?';
  const overdue = states.filter((c) => c.state === 'overdue');
  const late = states.filter((c) => c.state === 'met_late');
  const gdpr = states.filter((c) => c.kind === 'gdpr_authority');
  const gaps = [
    ...overdue.map((c) => `incident ${numberOf(c.incident_id)}: ${c.kind} deadline passed unmet`),
    ...late.map((c) => `incident ${numberOf(c.incident_id)}: ${c.kind} met late`),
  ];
  return {
    key: 'incidents',
    title: 'Incidents and their clocks',
    source: 'incidents: incidents, incident_clocks (last 12 months)',
    // No incident is not a failing: the process exists; nothing to show is "met" with zero figures.
    status: overdue.length > 0 ? 'gap' : late.length > 0 ? 'partial' : 'met',
    readAt: now.toISOString(),
    summary: `${incidents.length} incident(s) in the last 12 months (${incidents.filter((i) => i.status !== 'closed').length} open); ${count('met')} clock(s) met on time, ${late.length} late, ${overdue.length} overdue, ${count('running')} running`,
    figures: {
      incidents: incidents.length,
      open: incidents.filter((i) => i.status !== 'closed').length,
      closed: incidents.filter((i) => i.status === 'closed').length,
      clocksMetOnTime: count('met'),
      clocksMetLate: late.length,
      clocksOverdue: overdue.length,
      clocksRunning: count('running'),
      gdpr72hMetOnTime: gdpr.filter((c) => c.state === 'met').length,
      gdpr72hMissed: gdpr.filter((c) => c.state === 'overdue' || c.state === 'met_late').length,
    },
    gaps,
  };
}
