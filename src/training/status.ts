/**
 * Where a person stands on one module at a moment. Pure: the service and the evidence share it.
 * A completion is current until it expires; in its last 30 days it is `expiring` (still counts
 * for the assignment gate and coverage, but the page shows it so it is renewed in time).
 */
export type TrainingStatus = 'current' | 'expiring' | 'expired' | 'missing';
export const TRAINING_STATUSES = ['current', 'expiring', 'expired', 'missing'] as const;
export const EXPIRING_WINDOW_DAYS = 30;

export function trainingStatus(expiresAt: Date | null, now: Date): TrainingStatus {
  if (expiresAt === null) return 'missing';
  const left = expiresAt.getTime() - now.getTime();
  if (left <= 0) return 'expired';
  return left <= EXPIRING_WINDOW_DAYS * 86_400_000 ? 'expiring' : 'current';
}

/** Counts for the gate and coverage: still valid, expiring or not. */
export const isValid = (s: TrainingStatus): boolean => s === 'current' || s === 'expiring';

/** `from` plus whole calendar months (UTC), clamped to the month's last day: 31 Jan + 1 → 28/29 Feb. */
export function addMonths(from: Date, months: number): Date {
  const d = new Date(from.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}
