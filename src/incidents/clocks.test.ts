import { describe, expect, it } from 'vitest';
import { clockState, dueReminders, formatInZone, formatRemaining, planClocks } from './clocks.js';

const settings = { brandNoticeHours: 24, ccpaHours: 72, pciHours: 24 };

describe('regulatory clocks', () => {
  it('GDPR 72 hours across the spring change in Berlin are 72 real hours: the local deadline is an hour later on the wall clock', () => {
    // Aware Friday 27 March 2026 at 12:00 CET; clocks go forward on Sunday 29 March.
    const aware = new Date('2026-03-27T11:00:00Z');
    const [gdpr] = planClocks(['gdpr_authority'], aware, settings);
    expect(gdpr!.dueAt.toISOString()).toBe('2026-03-30T11:00:00.000Z');
    expect(formatInZone(aware, 'Europe/Berlin')).toBe('2026-03-27 12:00 GMT+1');
    expect(formatInZone(gdpr!.dueAt, 'Europe/Berlin')).toBe('2026-03-30 13:00 GMT+2');
  });

  it('across the autumn change in Berlin the local deadline is an hour earlier; in Los Angeles the change a week later is crossed too', () => {
    const aware = new Date('2026-10-23T10:00:00Z'); // Friday 12:00 CEST; back to CET on Sunday 25 October
    const [gdpr, brand] = planClocks(['gdpr_authority', 'brand_notice'], aware, settings);
    expect(formatInZone(gdpr!.dueAt, 'Europe/Berlin')).toBe('2026-10-26 11:00 GMT+1');
    expect(brand!.dueAt.getTime() - aware.getTime()).toBe(24 * 3_600_000);
    const la = new Date('2026-10-30T19:00:00Z'); // Friday 12:00 PDT; PST from Sunday 1 November
    const [ccpa] = planClocks(['ccpa_notice'], la, settings);
    expect(formatInZone(ccpa!.dueAt, 'America/Los_Angeles')).toBe('2026-11-02 11:00 GMT-8');
  });

  it('counts down, turns overdue, and records met on time or late', () => {
    const aware = new Date('2026-03-27T11:00:00Z');
    const [c] = planClocks(['gdpr_authority'], aware, settings);
    const clock = { startedAt: c!.startedAt, dueAt: c!.dueAt, metAt: null };
    const half = new Date(aware.getTime() + 36 * 3_600_000);
    expect(clockState(clock, half)).toMatchObject({ status: 'running', remainingMs: 36 * 3_600_000, elapsed: 0.5 });
    expect(formatRemaining(clockState(clock, half).remainingMs)).toBe('1 d 12 h 00 m');
    const late = new Date(c!.dueAt.getTime() + 65 * 60_000);
    expect(clockState(clock, late).status).toBe('overdue');
    expect(formatRemaining(clockState(clock, late).remainingMs)).toBe('overdue by 01 h 05 m');
    expect(clockState({ ...clock, metAt: half }, late).status).toBe('met');
    expect(clockState({ ...clock, metAt: late }, late).status).toBe('met_late');
  });

  it('reminders fire once at each fraction and at the deadline, never after the clock is met', () => {
    const aware = new Date('2026-03-27T11:00:00Z');
    const [c] = planClocks(['gdpr_authority'], aware, settings);
    const clock = { startedAt: c!.startedAt, dueAt: c!.dueAt, metAt: null };
    const at = (h: number) => new Date(aware.getTime() + h * 3_600_000);
    const sent = new Set<number>();
    expect(dueReminders(clock, [0.5, 0.8], sent, at(30))).toEqual([]);
    expect(dueReminders(clock, [0.5, 0.8], sent, at(36))).toEqual([0.5]);
    sent.add(0.5);
    expect(dueReminders(clock, [0.5, 0.8], sent, at(40))).toEqual([]);
    // A server that was down past 80 % and the deadline sends only the latest point.
    expect(dueReminders(clock, [0.5, 0.8], sent, at(73))).toEqual([1]);
    expect(dueReminders(clock, [0.5, 0.8], new Set([0.5, 1]), at(74))).toEqual([]);
    expect(dueReminders({ ...clock, metAt: at(50) }, [0.5, 0.8], sent, at(73))).toEqual([]);
  });
});
