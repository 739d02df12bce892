import type { Db, Queryable } from '../db/types.js';
import type { AuditEventInput, AuditLog } from './types.js';

/**
 * Group commit for busy audited writes. Each caller's change and its audit events still commit
 * together, but the changes of callers arriving at the same moment share one transaction, one
 * lock of each chain head and one commit. A chain head is a single row every event of a brand
 * must lock, so 200 agents' payment steps landing in the same half second would otherwise queue
 * behind one another (and hold the pool's connections while they wait).
 *
 * No caller waits for a timer. A batch starts as soon as none is running, and what arrives while
 * it runs forms the next batch, so an idle system commits at once and a busy one in larger
 * batches. If a batch fails, each of its callers is retried alone, so one bad change fails only
 * its own caller.
 */
export interface GroupCommit {
  /** `events` may depend on what `work` returned (the id of a row it wrote, say). */
  run<T>(events: readonly AuditEventInput[] | ((out: T) => readonly AuditEventInput[]), work: (tx: Queryable) => Promise<T>): Promise<T>;
}

interface Job {
  events: readonly AuditEventInput[] | ((out: unknown) => readonly AuditEventInput[]);
  work: (tx: Queryable) => Promise<unknown>;
  resolve: (v: unknown) => void;
  reject: (err: unknown) => void;
}

const eventsOf = (job: Job, out: unknown): readonly AuditEventInput[] => (typeof job.events === 'function' ? job.events(out) : job.events);

export function createGroupCommit(deps: { db: Db; audit: AuditLog; maxBatch?: number }): GroupCommit {
  const maxBatch = deps.maxBatch ?? 100;
  const queue: Job[] = [];
  let running = false;

  async function alone(job: Job): Promise<void> {
    try {
      job.resolve(
        await deps.db.transaction(async (tx) => {
          const out = await job.work(tx);
          await deps.audit.appendMany(tx, eventsOf(job, out));
          return out;
        }),
      );
    } catch (err) {
      job.reject(err);
    }
  }

  async function drain(): Promise<void> {
    running = true;
    try {
      while (queue.length > 0) {
        const batch = queue.splice(0, maxBatch);
        if (batch.length === 1) {
          await alone(batch[0]!);
          continue;
        }
        let results: unknown[];
        try {
          results = await deps.db.transaction(async (tx) => {
            const out: unknown[] = [];
            for (const job of batch) out.push(await job.work(tx));
            await deps.audit.appendMany(tx, batch.flatMap((j, i) => eventsOf(j, out[i])));
            return out;
          });
        } catch {
          for (const job of batch) await alone(job);
          continue;
        }
        batch.forEach((job, i) => job.resolve(results[i]));
      }
    } finally {
      running = false;
    }
  }

  return {
    run<T>(events: readonly AuditEventInput[] | ((out: T) => readonly AuditEventInput[]), work: (tx: Queryable) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ events: events as Job['events'], work, resolve: resolve as (v: unknown) => void, reject });
        // A macrotask's delay lets the callers of this moment join the first batch.
        if (!running) setImmediate(() => void (running || drain()));
      });
    },
  };
}
