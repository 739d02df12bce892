import type { StoredAlert } from '../anomalies/index.js';
import type { Queryable } from '../db/types.js';
import type { LogRecord } from './incidents-data.js';

export interface TimelineEntry {
  at: string;
  /** alert | event (the suspect's audit trail) | the incident's own entries (opened, status, note, task, action, clock, owner, severity, reminder). */
  kind: string;
  text: string;
  actor: string | null;
  /** The alert id or audit event id (chain:seq) behind the entry. */
  ref: string | null;
}

/** How many of the suspect's audit events a timeline shows (the blast radius covers them all). */
export const TIMELINE_EVENTS = 500;

const CONTAINMENT_VERB: Record<string, string> = { suspend_user: 'suspended', end_sessions: 'ended the sessions of', revoke_api_key: 'revoked' };

function logText(e: LogRecord): string {
  const d = e.details;
  switch (e.kind) {
    case 'opened':
      return `Incident opened (${String(d.source)}, playbook ${String(d.playbook)}, severity ${String(d.severity)})`;
    case 'status':
      return `Status ${String(d.from)} → ${String(d.to)}`;
    case 'severity':
      return `Severity ${String(d.from)} → ${String(d.to)}`;
    case 'owner':
      return d.ownerId ? `Owner set to user ${String(d.ownerId)}` : 'Owner removed';
    case 'task':
      return `${d.done ? 'Done' : 'Reopened'}: task ${String(d.position)} — ${String(d.title)}`;
    case 'action':
      return `Containment: ${CONTAINMENT_VERB[String(d.action)] ?? String(d.action)} ${String(d.targetKind).replace('_', ' ')} ${String(d.targetId)}${d.outcome === 'success' ? '' : ` (${String(d.outcome)})`}${typeof d.sessionsEnded === 'number' ? `, ${d.sessionsEnded} session(s) ended` : ''}`;
    case 'clock':
      return `Deadline met: ${String(d.label)}${d.late ? ' (late)' : ''}`;
    case 'reminder':
      return `Reminder sent for ${String(d.kind)} at ${Math.round(Number(d.fraction) * 100)} % (${String(d.channels)})`;
    case 'alert':
      return `Alert ${String(d.alertId)} added`;
    case 'window':
      return `Window set to ${String(d.from)} – ${String(d.to ?? 'now')}`;
    case 'note':
      return e.note ?? '';
    default:
      return e.kind;
  }
}

function eventText(r: Record<string, unknown>): string {
  const target = r.target_type ? ` on ${String(r.target_type)} ${String(r.target_id ?? '')}` : '';
  const brand = r.brand_id ? ` in brand ${String(r.brand_id)}` : '';
  const ip = r.ip ? ` from ${String(r.ip)}` : '';
  return `${String(r.action)} (${String(r.outcome)})${target}${brand}${ip}`;
}

/**
 * The incident's story in time order: the alerts that raised it, what the suspect did according
 * to the audit trail in the window, and what responders did (notes, status, tasks, containment).
 */
export async function buildTimeline(
  q: Queryable,
  input: { suspect: { kind: string; id: string } | null; from: Date; to: Date; alerts: StoredAlert[]; log: LogRecord[]; brands: string[] | null },
): Promise<TimelineEntry[]> {
  const out: TimelineEntry[] = [];
  for (const a of input.alerts) {
    out.push({ at: a.raisedAt, kind: 'alert', text: `Alert (${a.severity}, score ${a.score}): ${a.reasons.join('; ')}`, actor: `${a.actor.kind}:${a.actor.id}`, ref: a.id });
  }
  if (input.suspect) {
    const { rows } = await q.query<Record<string, unknown>>(
      `SELECT chain_id, seq, at, brand_id, action, outcome, target_type, target_id, ip FROM audit_events
        WHERE actor_kind = $1 AND actor_id = $2 AND at >= $3 AND at <= $4
          AND ($5::text[] IS NULL OR brand_id = ANY($5::text[]) OR brand_id IS NULL)
        ORDER BY at DESC, chain_id, seq DESC LIMIT $6`,
      [input.suspect.kind, input.suspect.id, input.from, input.to, input.brands, TIMELINE_EVENTS],
    );
    for (const r of rows) {
      out.push({ at: new Date(r.at as Date).toISOString(), kind: 'event', text: eventText(r), actor: `${input.suspect.kind}:${input.suspect.id}`, ref: `${String(r.chain_id)}:${String(r.seq)}` });
    }
  }
  for (const e of input.log) out.push({ at: e.at, kind: e.kind, text: logText(e), actor: e.actor, ref: null });
  return out.sort((a, b) => a.at.localeCompare(b.at));
}
