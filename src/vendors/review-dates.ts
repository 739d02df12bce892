import type { Queryable } from '../db/types.js';

const DAY_MS = 86_400_000;

/**
 * The longest a vendor may go between reviews for a given risk (0–100, higher is riskier): a risky
 * vendor is looked at more often than its configured interval says (third-party risk management:
 * review frequency follows risk, PCI DSS 12.8.4 asks for at least annual monitoring).
 */
export function maxIntervalForRisk(riskScore: number | null): number | null {
  if (riskScore === null) return null;
  if (riskScore >= 70) return 90;
  if (riskScore >= 40) return 180;
  return null;
}

/**
 * When the next review is due: `intervalDays` after `from`, shortened for risky vendors.
 * @example nextReviewAt(new Date('2026-01-01'), 365, 75) // 2026-04-01 (90 days)
 */
export function nextReviewAt(from: Date, intervalDays: number, riskScore: number | null): Date {
  const cap = maxIntervalForRisk(riskScore);
  const days = cap === null ? intervalDays : Math.min(intervalDays, cap);
  return new Date(from.getTime() + days * DAY_MS);
}

/**
 * Records an accepted review (called by the questionnaire flow inside its transaction): sets the risk,
 * the review date and the next due date. The caller audits it; a missing vendor is an error.
 */
export async function markVendorReviewed(tx: Queryable, vendorId: string, riskScore: number, at: Date): Promise<{ nextReviewAt: Date }> {
  if (!Number.isInteger(riskScore) || riskScore < 0 || riskScore > 100) throw new RangeError('riskScore must be an integer from 0 to 100');
  const { rows } = await tx.query<{ review_interval_days: number }>('SELECT review_interval_days FROM vendors WHERE id = $1 FOR UPDATE', [vendorId]);
  const row = rows[0];
  if (!row) throw new Error(`vendor ${vendorId} not found`);
  const next = nextReviewAt(at, Number(row.review_interval_days), riskScore);
  await tx.query('UPDATE vendors SET risk_score = $2, last_reviewed_at = $3, next_review_at = $4, updated_at = $3 WHERE id = $1', [vendorId, riskScore, at, next]);
  return { nextReviewAt: next };
}
