import type { Queryable } from '../db/types.js';
import { daysBetween } from './deadlines.js';

/** Data-subject requests of a brand for the compliance report: counts, dates and ids only. */
export interface SubjectRequestEvidence {
  open: number;
  /** Open past their deadline (extensions included), with their ids. */
  overdue: number;
  overdueIds: string[];
  closedOnTime: number;
  closedLate: number;
  rejected: number;
  /** Mean days from receipt to closing (closed and rejected requests); null when none. */
  averageDaysToClose: number | null;
  oldestOpenReceivedAt: string | null;
}

export async function subjectRequestEvidence(q: Queryable, brandId: string, now: Date): Promise<SubjectRequestEvidence> {
  const { rows } = await q.query<{ id: string; status: string; received_at: Date; due_at: Date; closed_at: Date | null }>(
    'SELECT id, status, received_at, due_at, closed_at FROM subject_requests WHERE brand_id = $1 ORDER BY received_at',
    [brandId],
  );
  const open = rows.filter((r) => r.status !== 'closed' && r.status !== 'rejected');
  const overdue = open.filter((r) => new Date(r.due_at) < now);
  const finished = rows.filter((r) => r.closed_at !== null && (r.status === 'closed' || r.status === 'rejected'));
  const closed = finished.filter((r) => r.status === 'closed');
  const onTime = closed.filter((r) => new Date(r.closed_at!) <= new Date(r.due_at)).length;
  const days = finished.map((r) => daysBetween(new Date(r.received_at), new Date(r.closed_at!)));
  return {
    open: open.length,
    overdue: overdue.length,
    overdueIds: overdue.map((r) => r.id),
    closedOnTime: onTime,
    closedLate: closed.length - onTime,
    rejected: finished.length - closed.length,
    averageDaysToClose: days.length === 0 ? null : Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10,
    oldestOpenReceivedAt: open[0] ? new Date(open[0].received_at).toISOString() : null,
  };
}
