import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../db/types.js';
import { CallvaultError } from '../errors.js';
import { claimJob, completeJob, failJob, reportProgress } from './queue.js';
import type { Job, JobHandler } from './types.js';

export interface WorkerOptions {
  db: Db;
  handlers: Readonly<Record<string, JobHandler>>;
  workerId?: string;
  /** Idle wait between polls (default 1000 ms). */
  pollMs?: number;
  /** A claimed job is retaken by another worker if not renewed within this (default 120 s). */
  leaseSeconds?: number;
  /** First retry delay, doubled per attempt up to maxBackoffMs (defaults 2 s, 10 min). */
  backoffMs?: number;
  maxBackoffMs?: number;
  /**
   * Jobs run at once by this worker (default 1). A redaction job spends most of its time waiting
   * on database commits, so a few lanes keep the CPU busy while others wait.
   */
  concurrency?: number;
  /** Periodic tasks run by the same loop (e.g. audit checkpoints on a timer). */
  periodic?: ReadonlyArray<{ name: string; everyMs: number; run: () => Promise<void> }>;
  /** Called with the job (or task name) and a safe error summary; never with payload contents. */
  onError?: (what: string, summary: string) => void;
}

export interface Worker {
  readonly workerId: string;
  /** Runs ready jobs until none is left (tests, `callvault jobs work --until-idle`). Returns how many ran. */
  runUntilIdle(): Promise<number>;
  /** Starts polling in the background. */
  start(): void;
  /** Stops polling and waits for the running job to reach a safe point. */
  stop(): Promise<void>;
}

/** Summary safe to store and log: our error code, else the error class and SQLSTATE only. */
export function errorSummary(err: unknown): string {
  if (err instanceof CallvaultError) return `${err.code}: ${err.message}`;
  const e = err as { name?: string; code?: string };
  return [e?.name ?? 'Error', e?.code].filter(Boolean).join(' ');
}

export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  const exp = Math.min(baseMs * 2 ** Math.max(attempt - 1, 0), maxMs);
  return Math.round(exp / 2 + (random() * exp) / 2); // "equal jitter": spreads retries of many workers
}

export function createWorker(opts: WorkerOptions): Worker {
  const workerId = opts.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const lease = opts.leaseSeconds ?? 120;
  const types = Object.keys(opts.handlers);
  const abort = new AbortController();
  const lastRun = new Map<string, number>();
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;

  async function runJob(job: Job): Promise<void> {
    const handler = opts.handlers[job.type];
    try {
      if (!handler) throw new CallvaultError('internal', 'jobs.no_handler', `no handler for job type ${job.type}`);
      await handler(job, {
        progress: (done, total = null) => reportProgress(opts.db, job.id, workerId, done, total, lease),
        signal: abort.signal,
      });
      await completeJob(opts.db, job.id, workerId);
    } catch (err) {
      const summary = errorSummary(err);
      opts.onError?.(`job ${job.id} (${job.type})`, summary);
      const delay = backoffDelay(job.attempts, opts.backoffMs ?? 2000, opts.maxBackoffMs ?? 600_000);
      await failJob(opts.db, job, workerId, summary, delay);
    }
  }

  async function runPeriodic(): Promise<void> {
    for (const task of opts.periodic ?? []) {
      const last = lastRun.get(task.name) ?? 0;
      if (Date.now() - last < task.everyMs) continue;
      lastRun.set(task.name, Date.now());
      await task.run().catch((err: unknown) => opts.onError?.(task.name, errorSummary(err)));
    }
  }

  async function runUntilIdle(): Promise<number> {
    let ran = 0;
    const lane = async () => {
      while (!abort.signal.aborted && types.length > 0) {
        const job = await claimJob(opts.db, workerId, types, lease);
        if (!job) break;
        await runJob(job);
        ran++;
      }
    };
    // allSettled: a lane that loses the database must not leave the others running unseen.
    const lanes = await Promise.allSettled(Array.from({ length: Math.max(1, opts.concurrency ?? 1) }, lane));
    const failed = lanes.find((l) => l.status === 'rejected');
    if (failed) throw failed.reason;
    return ran;
  }

  return {
    workerId,
    runUntilIdle,
    start() {
      if (loop) return;
      loop = (async () => {
        while (!abort.signal.aborted) {
          try {
            await runPeriodic();
            await runUntilIdle();
          } catch (err) {
            opts.onError?.('poll', errorSummary(err)); // database briefly away: keep polling
          }
          if (abort.signal.aborted) break;
          await new Promise<void>((resolve) => {
            const t = setTimeout(resolve, opts.pollMs ?? 1000);
            wake = () => {
              clearTimeout(t);
              resolve();
            };
          });
        }
      })();
    },
    async stop() {
      abort.abort();
      wake?.();
      await loop;
    },
  };
}
