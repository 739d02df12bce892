import { describe, expect, it } from 'vitest';
import { addMonths, trainingStatus } from './status.js';
import { nextDue } from '../recertification/summary.js';

const d = (s: string) => new Date(s);

describe('training status and due dates', () => {
  it.each([
    [null, 'missing'],
    ['2026-12-31T00:00:00Z', 'current'], // 31 days left
    ['2026-12-30T00:00:00Z', 'expiring'], // exactly 30 days: renew now
    ['2026-11-30T00:00:01Z', 'expiring'],
    ['2026-11-30T00:00:00Z', 'expired'], // expires at that instant
    ['2025-01-01T00:00:00Z', 'expired'],
  ] as const)('expiresAt %s on 30 Nov 2026 → %s', (expiresAt, status) => {
    expect(trainingStatus(expiresAt === null ? null : d(expiresAt), d('2026-11-30T00:00:00Z'))).toBe(status);
  });

  it.each([
    ['2026-01-15T09:00:00Z', 12, '2027-01-15T09:00:00.000Z'],
    ['2026-01-31T09:00:00Z', 1, '2026-02-28T09:00:00.000Z'], // clamped to the month's end
    ['2027-08-31T00:00:00Z', 6, '2028-02-29T00:00:00.000Z'], // leap year
    ['2026-12-07T10:00:00Z', 3, '2027-03-07T10:00:00.000Z'],
  ] as const)('%s + %i months = %s', (from, months, expected) => {
    expect(addMonths(d(from), months).toISOString()).toBe(expected);
  });

  it('recertification is due six calendar months after the last campaign closed (PCI DSS 7.2.4)', () => {
    expect(nextDue(d('2026-08-31T12:00:00Z')).toISOString()).toBe('2027-02-28T12:00:00.000Z');
    expect(nextDue(d('2026-12-07T10:00:00Z')).toISOString()).toBe('2027-06-07T10:00:00.000Z');
  });
});
