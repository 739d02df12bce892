/**
 * Regulatory and contractual clocks, pure. A clock is a number of elapsed hours from the moment
 * of awareness, counted in UTC milliseconds: "72 hours" is 72 hours of real time whatever the
 * wall clock does (a daylight-saving change makes it 71 or 73 local hours, never 72 ± 1 real).
 */
export const CLOCK_KINDS = ['gdpr_authority', 'brand_notice', 'ccpa_notice', 'pci_acquirer'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

export interface ClockSettings {
  brandNoticeHours: number;
  ccpaHours: number;
  pciHours: number;
}

export const CLOCK_LABEL: Readonly<Record<ClockKind, string>> = {
  gdpr_authority: 'GDPR Art. 33: notify the supervisory authority (72 hours)',
  brand_notice: 'Notify the affected brands (processor to controller, without undue delay)',
  ccpa_notice: 'CCPA / California: notify affected residents and the Attorney General if over 500',
  pci_acquirer: 'PCI: notify the acquirer and card brands immediately',
};

export function clockHours(kind: ClockKind, s: ClockSettings): number {
  switch (kind) {
    case 'gdpr_authority':
      return 72;
    case 'brand_notice':
      return s.brandNoticeHours;
    case 'ccpa_notice':
      return s.ccpaHours;
    case 'pci_acquirer':
      return s.pciHours;
  }
}

export interface ClockPlan {
  kind: ClockKind;
  label: string;
  hours: number;
  startedAt: Date;
  dueAt: Date;
}

export function planClocks(kinds: readonly ClockKind[], awareAt: Date, s: ClockSettings): ClockPlan[] {
  return kinds.map((kind) => {
    const hours = clockHours(kind, s);
    return { kind, label: CLOCK_LABEL[kind], hours, startedAt: awareAt, dueAt: new Date(awareAt.getTime() + hours * 3_600_000) };
  });
}

export type ClockStatus = 'running' | 'overdue' | 'met' | 'met_late';

export interface ClockState {
  status: ClockStatus;
  /** Negative when overdue; 0 once met. */
  remainingMs: number;
  /** Share of the clock's time gone (0 at awareness, 1 at the deadline, capped at 1). */
  elapsed: number;
}

export function clockState(c: { startedAt: Date; dueAt: Date; metAt: Date | null }, now: Date): ClockState {
  const span = Math.max(1, c.dueAt.getTime() - c.startedAt.getTime());
  if (c.metAt) {
    return { status: c.metAt <= c.dueAt ? 'met' : 'met_late', remainingMs: 0, elapsed: Math.min(1, (c.metAt.getTime() - c.startedAt.getTime()) / span) };
  }
  const remainingMs = c.dueAt.getTime() - now.getTime();
  return { status: remainingMs < 0 ? 'overdue' : 'running', remainingMs, elapsed: Math.min(1, Math.max(0, (now.getTime() - c.startedAt.getTime()) / span)) };
}

/**
 * Reminder points now due and not yet sent: each configured fraction once, and the deadline
 * itself (1) once it has passed unmet.
 */
export function dueReminders(c: { startedAt: Date; dueAt: Date; metAt: Date | null }, fractions: readonly number[], sent: ReadonlySet<number>, now: Date): number[] {
  if (c.metAt) return [];
  const { elapsed } = clockState(c, now);
  const points = [...fractions, 1];
  // A point behind one already sent is never sent late (it was skipped on purpose).
  const latestSent = Math.max(0, ...sent);
  const due = points.filter((f) => elapsed >= f && f > latestSent);
  // After a long outage, only the latest point is worth sending.
  return due.length > 1 ? [due[due.length - 1]!] : due;
}

/** "2 d 03 h 20 m" or "overdue by 1 h 05 m": how long is left, for people. */
export function formatRemaining(ms: number): string {
  const abs = Math.abs(ms);
  const d = Math.floor(abs / 86_400_000);
  const h = Math.floor((abs % 86_400_000) / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  const text = `${d > 0 ? `${d} d ` : ''}${String(h).padStart(2, '0')} h ${String(m).padStart(2, '0')} m`;
  return ms < 0 ? `overdue by ${text}` : text;
}

/** A deadline in a time zone, with its offset: "2026-03-30 13:00 GMT+2". */
export function formatInZone(d: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'shortOffset' }).formatToParts(d);
  const p = (t: string) => parts.find((x) => x.type === t)?.value ?? '';
  return `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')} ${p('timeZoneName')}`;
}
