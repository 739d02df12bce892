/** A small seeded generator (mulberry32): the same seed gives the same traffic on every machine. */
export class Random {
  private state: number;
  private serial = 0;

  /** `tag` keeps the record ids of two generators apart. */
  constructor(seed: number, private readonly tag = 'r') {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** A fresh record id shaped like callvault's (`call_r0000a1`), deterministic for the seed. */
  recordId(prefix: string): string {
    return `${prefix}_${this.tag}${(this.serial++).toString(36).padStart(6, '0')}`;
  }

  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  between(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Waiting time of a Poisson process with `perHour` events an hour, in milliseconds. */
  gapMs(perHour: number): number {
    return (-Math.log(1 - this.next()) / perHour) * 3_600_000;
  }

  /** A weighted choice: [[value, weight], ...]. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [v, w] of choices) if ((r -= w) < 0) return v;
    return choices[choices.length - 1]![0];
  }
}
