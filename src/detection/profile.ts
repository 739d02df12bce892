import { Ewma } from './stats.js';
import { TimeWindow } from './window.js';
import type { DirectoryEntry } from './directory.js';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
const RATE_BUCKET_MS = 10 * 60_000;
/** How many clock hours of per-hour counts an actor keeps (the volume windows look back two). */
const RING_HOURS = 4;
/** How many days of daily totals an actor keeps (the widest breadth window). */
const RING_DAYS = 7;
const ALPHA = 0.02;
/** Daily baselines move by a tenth of a day's difference (half-life about a week of work). */
const DAY_ALPHA = 0.1;
/** Baselines take in values up to this many standard deviations above their mean (see Ewma.add). */
const CLIP_SD = 2;

/** What one peer group (same role and brand) does in an active hour, and when it works. */
export class PeerGroup {
  readonly readsPerHour = new Ewma(ALPHA);
  readonly distinctPerHour = new Ewma(ALPHA);
  readonly distinctRatePerDay = new Ewma(DAY_ALPHA);
  /** Per hour of day (UTC): member-days with activity in that hour. */
  readonly hourDays = new Float64Array(24);
  memberDays = 0;
  readonly members = new Set<string>();
  /** Which members have ever done an action: "do peers ever export?" */
  readonly doneBy = new Map<string, Set<string>>();
  readonly breakGlassPerWeek = new Ewma(ALPHA);
  readonly abandonedPerDay = new Ewma(ALPHA);

  constructor(readonly key: string) {}

  fractionDone(action: string): number {
    return this.members.size === 0 ? 0 : (this.doneBy.get(action)?.size ?? 0) / this.members.size;
  }
}

/**
 * Everything the detector remembers about one actor (user or API key): counts, not content.
 * `push*` methods record the current event in the sliding windows; `learn` folds it into the
 * baselines after the rules have looked at it, so "first time" means first before this event.
 */
export class ActorProfile {
  readonly firstAt: number;
  lastAt: number;
  role: string;
  /** Assigned brands from the directory; null when unknown (then the brands seen stand in). */
  readonly assignedBrands: ReadonlySet<string> | null;

  // Activity days and hours of day.
  activeDays = 0;
  private lastDay = -1;
  private lastMarkedHour = -1;
  readonly hourDays = new Float64Array(24);

  // Per clock hour: record reads and distinct records, current and closed (active hours only).
  currentHour = -1;
  currentReads = 0;
  currentTargets = new Set<string>();
  readonly closedHours: number[] = [];
  readonly closedReads: number[] = [];
  readonly closedDistinct: number[] = [];
  readonly readsPerHour = new Ewma(ALPHA);
  readonly distinctPerHour = new Ewma(ALPHA);
  readonly currentReadIds: string[] = [];

  // Per active day: distinct records per active hour (a rate, so a double shift is not breadth).
  currentDayDistinct = 0;
  currentDayHours = 0;
  readonly closedDays: number[] = [];
  readonly closedDayDistinct: number[] = [];
  readonly closedDayHours: number[] = [];
  readonly distinctRatePerDay = new Ewma(DAY_ALPHA);

  // Request rate per 10 minutes (API keys).
  currentBucket = -1;
  bucketCount = 0;
  readonly bucketIds: string[] = [];
  readonly perBucket = new Ewma(ALPHA);
  /** The busiest 10 minutes of the recent past (decays by e over about a week of buckets). */
  peakBucket = 0;

  readonly networksWide = new Set<string>();
  readonly networksNarrow = new Set<string>();
  readonly actions = new Set<string>();
  readonly brands = new Set<string>();

  readonly denials = new TimeWindow(30 * 60_000);
  readonly denialsDay = new TimeWindow(DAY_MS);
  readonly passwordFailures = new TimeWindow(15 * 60_000);
  readonly mfaFailures = new TimeWindow(15 * 60_000);
  readonly recentFailures = new TimeWindow(30 * 60_000);
  readonly breakGlassDay = new TimeWindow(DAY_MS);
  readonly breakGlassWeek = new TimeWindow(7 * DAY_MS);
  readonly paymentStarts = new TimeWindow(DAY_MS);
  readonly paymentsAbandoned = new TimeWindow(DAY_MS);
  private weekOfBreakGlass = -1;
  private breakGlassThisWeek = 0;
  private dayOfPayments = -1;
  private abandonedToday = 0;

  /** Until when learning is paused: an open alert's activity must not become the new normal. */
  frozenUntil = 0;

  constructor(
    readonly key: string,
    readonly kind: string,
    readonly id: string,
    entry: DirectoryEntry | undefined,
    at: number,
  ) {
    this.firstAt = at;
    this.lastAt = at;
    this.role = entry?.role ?? (kind === 'api_key' ? 'integration' : 'user');
    this.assignedBrands = entry ? new Set(entry.brands) : null;
  }

  /** The brands this actor belongs to: assigned ones, else the ones it has used. */
  memberBrands(): Iterable<string> {
    return this.assignedBrands ?? this.brands;
  }

  /** Own baselines are trusted after this much history. */
  get matureHours(): boolean {
    return this.readsPerHour.count >= 16;
  }

  get matureDayRates(): boolean {
    return this.distinctRatePerDay.count >= 5;
  }

  get matureDays(): boolean {
    return this.activeDays >= 5;
  }

  /** Moves the hour and 10-minute buckets to `at`, closing the finished ones into the baselines. */
  advance(at: number, groups: PeerGroup[]): void {
    const hour = Math.floor(at / HOUR_MS);
    if (hour > this.currentHour) {
      if (this.currentHour >= 0) this.closeHour(groups);
      this.currentHour = hour;
      this.currentReads = 0;
      this.currentTargets = new Set();
      this.currentReadIds.length = 0;
    }
    const bucket = Math.floor(at / RATE_BUCKET_MS);
    if (bucket > this.currentBucket) {
      if (this.currentBucket >= 0 && this.bucketCount > 0 && at >= this.frozenUntil) {
        this.perBucket.add(this.bucketCount);
        this.peakBucket = Math.max(this.bucketCount, this.peakBucket * 0.999);
      }
      this.currentBucket = bucket;
      this.bucketCount = 0;
      this.bucketIds.length = 0;
    }
    const day = Math.floor(at / DAY_MS);
    if (day !== this.lastDay) {
      if (this.lastDay >= 0) this.closeDay(groups);
      this.lastDay = day;
      this.activeDays++;
      for (const g of groups) g.memberDays++;
    }
    if (hour !== this.lastMarkedHour) {
      this.lastMarkedHour = hour;
      this.currentDayHours++;
      const h = hour % 24;
      this.hourDays[h]!++;
      for (const g of groups) g.hourDays[h]!++;
    }
    this.lastAt = Math.max(this.lastAt, at);
  }

  private closeHour(groups: PeerGroup[]): void {
    this.closedHours.push(this.currentHour);
    this.closedReads.push(this.currentReads);
    this.closedDistinct.push(this.currentTargets.size);
    while (this.closedHours.length > 0 && this.closedHours[0]! <= this.currentHour - RING_HOURS) {
      this.closedHours.shift();
      this.closedReads.shift();
      this.closedDistinct.shift();
    }
    if (this.currentHour * HOUR_MS < this.frozenUntil) return;
    this.readsPerHour.add(this.currentReads);
    this.distinctPerHour.add(this.currentTargets.size);
    for (const g of groups) {
      g.readsPerHour.add(this.currentReads);
      g.distinctPerHour.add(this.currentTargets.size);
    }
  }

  private closeDay(groups: PeerGroup[]): void {
    const distinct = this.currentDayDistinct;
    const hours = this.currentDayHours;
    this.currentDayDistinct = 0;
    this.currentDayHours = 0;
    // A day an alert was open on is left out of the baselines and of later windows: the attack
    // must neither become normal nor be counted again once its alert is closed.
    if (this.lastDay * DAY_MS < this.frozenUntil) return;
    this.closedDays.push(this.lastDay);
    this.closedDayDistinct.push(distinct);
    this.closedDayHours.push(hours);
    while (this.closedDays.length > 0 && this.closedDays[0]! <= this.lastDay - RING_DAYS) {
      this.closedDays.shift();
      this.closedDayDistinct.shift();
      this.closedDayHours.shift();
    }
    if (hours === 0) return;
    this.distinctRatePerDay.add(distinct / hours, CLIP_SD);
    for (const g of groups) g.distinctRatePerDay.add(distinct / hours, CLIP_SD);
  }

  /** Sums over today and the active days of the last `days` calendar days: [distinct, active hours, days]. */
  daySums(days: number): [number, number, number] {
    let distinct = this.currentDayDistinct;
    let hours = this.currentDayHours;
    let n = 1;
    for (let i = this.closedDays.length - 1; i >= 0 && this.closedDays[i]! > this.lastDay - days; i--) {
      distinct += this.closedDayDistinct[i]!;
      hours += this.closedDayHours[i]!;
      n++;
    }
    return [distinct, hours, n];
  }

  countRequest(id: string): void {
    this.bucketCount++;
    if (this.bucketIds.length < 20) this.bucketIds.push(id);
  }

  /** Whether the last counted read opened a record not yet opened this hour. */
  newTarget = false;

  countRead(target: string, id: string): void {
    this.currentReads++;
    this.newTarget = !this.currentTargets.has(target);
    if (this.newTarget) this.currentDayDistinct++;
    this.currentTargets.add(target);
    if (this.currentReadIds.length < 20) this.currentReadIds.push(id);
  }

  /** Sums over the last `hours` clock hours (current one included): [reads, distinct, active hours]. */
  windowSums(hours: number): [number, number, number] {
    let reads = this.currentReads;
    let distinct = this.currentTargets.size;
    let active = 1;
    for (let i = this.closedHours.length - 1; i >= 0 && this.closedHours[i]! > this.currentHour - hours; i--) {
      reads += this.closedReads[i]!;
      distinct += this.closedDistinct[i]!;
      active++;
    }
    return [reads, distinct, active];
  }

  /** Share of this actor's active days with activity at hour `h` or the hours beside it. */
  hourShare(h: number): number {
    return (this.hourDays[(h + 23) % 24]! + this.hourDays[h]! + this.hourDays[(h + 1) % 24]!) / Math.max(1, this.activeDays);
  }

  noteBreakGlass(at: number, groups: PeerGroup[]): void {
    const week = Math.floor(at / (7 * DAY_MS));
    if (week !== this.weekOfBreakGlass) {
      if (this.weekOfBreakGlass >= 0) for (const g of groups) g.breakGlassPerWeek.add(this.breakGlassThisWeek);
      this.weekOfBreakGlass = week;
      this.breakGlassThisWeek = 0;
    }
    this.breakGlassThisWeek++;
  }

  noteAbandoned(at: number, groups: PeerGroup[]): void {
    const day = Math.floor(at / DAY_MS);
    if (day !== this.dayOfPayments) {
      if (this.dayOfPayments >= 0) for (const g of groups) g.abandonedPerDay.add(this.abandonedToday);
      this.dayOfPayments = day;
      this.abandonedToday = 0;
    }
    this.abandonedToday++;
  }
}
