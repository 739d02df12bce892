import { describe, expect, it } from 'vitest';
import { addMonths, deadlineClock, extendedDeadline, firstDeadline } from './deadlines.js';

describe('subject-request deadlines', () => {
  it('GDPR: one calendar month, the 31st falling on the last day of a short month', () => {
    expect(firstDeadline('gdpr', new Date('2026-03-15T10:00:00Z')).toISOString()).toBe('2026-04-15T10:00:00.000Z');
    expect(firstDeadline('gdpr', new Date('2026-01-31T10:00:00Z')).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(addMonths(new Date('2028-01-31T00:00:00Z'), 1).toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(addMonths(new Date('2026-12-10T00:00:00Z'), 1).toISOString()).toBe('2027-01-10T00:00:00.000Z');
  });

  it('GDPR: two more months at most; CCPA: 45 days and one more 45', () => {
    const due = new Date('2026-04-15T00:00:00Z');
    expect(extendedDeadline('gdpr', due, 0)?.toISOString()).toBe('2026-05-15T00:00:00.000Z');
    expect(extendedDeadline('gdpr', due, 1)?.toISOString()).toBe('2026-05-15T00:00:00.000Z');
    expect(extendedDeadline('gdpr', due, 2)).toBeNull();
    expect(firstDeadline('ccpa', new Date('2026-01-01T00:00:00Z')).toISOString()).toBe('2026-02-15T00:00:00.000Z');
    expect(extendedDeadline('ccpa', new Date('2026-02-15T00:00:00Z'), 0)?.toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(extendedDeadline('ccpa', new Date('2026-02-15T00:00:00Z'), 1)).toBeNull();
  });

  it('clock: running, overdue, met on time or late', () => {
    const due = new Date('2026-02-01T00:00:00Z');
    expect(deadlineClock(due, null, new Date('2026-01-31T00:00:00Z'))).toEqual({ status: 'running', remainingMs: 86_400_000 });
    expect(deadlineClock(due, null, new Date('2026-02-02T00:00:00Z')).status).toBe('overdue');
    expect(deadlineClock(due, new Date('2026-01-20T00:00:00Z'), new Date('2026-03-01T00:00:00Z')).status).toBe('met');
    expect(deadlineClock(due, new Date('2026-02-03T00:00:00Z'), new Date('2026-03-01T00:00:00Z')).status).toBe('met_late');
  });
});
