import { describe, expect, it } from 'vitest';
import { certificationState } from './records-data.js';
import { nextReviewAt } from './review-dates.js';

const from = new Date('2026-01-01T00:00:00Z');
const days = (d: Date) => Math.round((d.getTime() - from.getTime()) / 86_400_000);

describe('nextReviewAt', () => {
  it.each([
    [365, null, 365],
    [365, 0, 365],
    [365, 39, 365],
    [365, 40, 180],
    [365, 69, 180],
    [365, 70, 90],
    [365, 100, 90],
    // A shorter configured interval is kept: risk only ever brings the review closer.
    [60, 80, 60],
    [120, 50, 120],
  ])('interval %i days, risk %s → due in %i days', (interval, risk, expected) => {
    expect(days(nextReviewAt(from, interval, risk))).toBe(expected);
  });
});

describe('certificationState', () => {
  it('is expired from the expiry date on, expiring within 30 days, valid before', () => {
    expect(certificationState('2026-01-01', from)).toBe('expired');
    expect(certificationState('2026-01-02', from)).toBe('expiring');
    expect(certificationState('2026-01-31', from)).toBe('expiring');
    expect(certificationState('2026-02-01', from)).toBe('valid');
  });
});
