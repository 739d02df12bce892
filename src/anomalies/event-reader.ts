import { eventsAfter, eventsSince, type StoredEvent } from '../audit/index.js';
import type { Db } from '../db/types.js';
import type { DetectionEvent } from '../detection/index.js';

/** An audit event as the detector reads it (the documented export schema: ids, codes, addresses). */
export function toDetectionEvent(e: StoredEvent): DetectionEvent {
  return {
    id: `${e.chainId}:${e.seq}`,
    at: e.at.getTime(),
    brandId: e.brandId,
    actor: e.actor,
    action: e.action,
    target: e.target,
    outcome: e.outcome,
    ip: e.ip,
    details: e.details,
  };
}

/** One chain read page by page, from `after` (exclusive) up to `toSeq`, optionally only since a time. */
class ChainReader {
  private buffer: StoredEvent[] = [];
  private done = false;
  constructor(
    private readonly db: Db,
    readonly chainId: string,
    public after: number,
    private readonly toSeq: number,
    private readonly since: Date | null,
    private readonly page: number,
  ) {}

  async head(): Promise<StoredEvent | undefined> {
    if (this.buffer.length === 0 && !this.done) {
      this.buffer = this.since
        ? await eventsSince(this.db, this.chainId, this.since, this.after, this.toSeq, this.page)
        : await eventsAfter(this.db, this.chainId, this.after, this.page, this.toSeq);
      if (this.buffer.length < this.page) this.done = true;
    }
    return this.buffer[0];
  }

  take(): StoredEvent {
    const e = this.buffer.shift()!;
    this.after = e.seq;
    return e;
  }
}

export interface ChainRange {
  chainId: string;
  /** Exclusive. */
  after: number;
  toSeq?: number;
}

/**
 * Every chain's events merged into one time-ordered stream (a k-way merge over pages, so memory
 * stays one page per chain however long the range). Within a chain seq order is kept.
 */
export async function* mergedEvents(db: Db, ranges: readonly ChainRange[], opts: { since?: Date; page?: number } = {}): AsyncGenerator<StoredEvent> {
  const readers = ranges.map((r) => new ChainReader(db, r.chainId, r.after, r.toSeq ?? Number.MAX_SAFE_INTEGER, opts.since ?? null, opts.page ?? 1000));
  for (;;) {
    let best: ChainReader | null = null;
    let bestAt = Infinity;
    for (const r of readers) {
      const h = await r.head();
      if (h && h.at.getTime() < bestAt) {
        best = r;
        bestAt = h.at.getTime();
      }
    }
    if (!best) return;
    yield best.take();
  }
}
