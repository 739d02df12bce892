import { eventSummariesAfter, type EventSummary } from '../audit/index.js';
import type { Db } from '../db/types.js';
import type { DetectionEvent } from '../detection/index.js';

/** An audit event as the detector reads it (the documented export schema: ids, codes, addresses). */
export function toDetectionEvent(e: EventSummary): DetectionEvent {
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
  private buffer: EventSummary[] = [];
  private index = 0;
  private done = false;
  constructor(
    private readonly db: Db,
    readonly chainId: string,
    public after: number,
    private readonly toSeq: number,
    private readonly since: Date | null,
    private readonly page: number,
  ) {}

  /** The next event without waiting, or undefined when the page is used up (call fill). */
  peek(): EventSummary | undefined {
    return this.buffer[this.index];
  }

  /** Reads the next page if this one is used up; false when the chain has no more. */
  async fill(): Promise<boolean> {
    if (this.index < this.buffer.length) return true;
    if (this.done) return false;
    this.buffer = await eventSummariesAfter(this.db, this.chainId, this.after, this.toSeq, this.since, this.page);
    this.index = 0;
    if (this.buffer.length < this.page) this.done = true;
    return this.buffer.length > 0;
  }

  take(): EventSummary {
    const e = this.buffer[this.index++]!;
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
export async function* mergedEvents(db: Db, ranges: readonly ChainRange[], opts: { since?: Date; page?: number } = {}): AsyncGenerator<EventSummary> {
  let readers = ranges.map((r) => new ChainReader(db, r.chainId, r.after, r.toSeq ?? Number.MAX_SAFE_INTEGER, opts.since ?? null, opts.page ?? 5000));
  for (;;) {
    // Only a used-up page waits on the database; the rest of the merge is synchronous.
    const live: ChainReader[] = [];
    for (const r of readers) if (r.peek() !== undefined || (await r.fill())) live.push(r);
    readers = live;
    if (readers.length === 0) return;
    let best = readers[0]!;
    let bestAt = best.peek()!.at.getTime();
    for (let k = 1; k < readers.length; k++) {
      const at = readers[k]!.peek()!.at.getTime();
      if (at < bestAt) {
        best = readers[k]!;
        bestAt = at;
      }
    }
    yield best.take();
  }
}
