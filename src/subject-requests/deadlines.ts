/**
 * Statutory deadlines of a data-subject request. GDPR Art. 12(3): one month from receipt,
 * extendable by two further months; CCPA (Cal. Civ. Code 1798.130(a)(2)): 45 days, extendable
 * once by another 45 days. Each extension here adds one step (GDPR one month, CCPA 45 days).
 */
export type Regime = 'gdpr' | 'ccpa';

export const MAX_EXTENSIONS: Record<Regime, number> = { gdpr: 2, ccpa: 1 };

const DAY_MS = 86_400_000;

/** `months` calendar months later (UTC); the 31st of a short month falls on its last day. */
export function addMonths(from: Date, months: number): Date {
  const d = new Date(from.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

export function firstDeadline(regime: Regime, receivedAt: Date): Date {
  return regime === 'gdpr' ? addMonths(receivedAt, 1) : new Date(receivedAt.getTime() + 45 * DAY_MS);
}

/** The deadline after one more extension, or null when the regime allows no more. */
export function extendedDeadline(regime: Regime, dueAt: Date, extensionsSoFar: number): Date | null {
  if (extensionsSoFar >= MAX_EXTENSIONS[regime]) return null;
  return regime === 'gdpr' ? addMonths(dueAt, 1) : new Date(dueAt.getTime() + 45 * DAY_MS);
}

export type ClockStatus = 'running' | 'overdue' | 'met' | 'met_late';

/** Where the request stands against its deadline: met when closed or rejected (late if after it). */
export function deadlineClock(dueAt: Date, finishedAt: Date | null, now: Date): { status: ClockStatus; remainingMs: number } {
  if (finishedAt) return { status: finishedAt <= dueAt ? 'met' : 'met_late', remainingMs: dueAt.getTime() - finishedAt.getTime() };
  const remainingMs = dueAt.getTime() - now.getTime();
  return { status: remainingMs >= 0 ? 'running' : 'overdue', remainingMs };
}

export const daysBetween = (a: Date, b: Date) => (b.getTime() - a.getTime()) / DAY_MS;
