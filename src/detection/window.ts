/**
 * The events of one kind in a sliding time span (e.g. the denials of the last 30 minutes): times,
 * event ids and one label each (a brand, a reason). Amortised O(1) per event.
 */
export class TimeWindow {
  private at: number[] = [];
  private ids: string[] = [];
  private labels: (string | null)[] = [];
  private head = 0;

  constructor(readonly spanMs: number) {}

  push(at: number, id: string, label: string | null = null): void {
    this.at.push(at);
    this.ids.push(id);
    this.labels.push(label);
  }

  /** Drops what is older than the span before `now`. */
  prune(now: number): void {
    const from = now - this.spanMs;
    while (this.head < this.at.length && this.at[this.head]! < from) this.head++;
    if (this.head > 1024 && this.head * 2 > this.at.length) {
      this.at = this.at.slice(this.head);
      this.ids = this.ids.slice(this.head);
      this.labels = this.labels.slice(this.head);
      this.head = 0;
    }
  }

  get size(): number {
    return this.at.length - this.head;
  }

  /** The newest `n` event ids (evidence), oldest first. */
  lastIds(n: number): string[] {
    return this.ids.slice(Math.max(this.head, this.ids.length - n));
  }

  distinctLabels(): Set<string> {
    const s = new Set<string>();
    for (let i = this.head; i < this.labels.length; i++) {
      const l = this.labels[i];
      if (l !== null && l !== undefined) s.add(l);
    }
    return s;
  }

  countSince(from: number): number {
    let n = 0;
    for (let i = this.at.length - 1; i >= this.head && this.at[i]! >= from; i--) n++;
    return n;
  }
}
