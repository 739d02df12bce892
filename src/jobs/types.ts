export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** Job payloads are JSON of ids and counts (never customer data: the jobs table is not encrypted). */
export type JobPayload = Record<string, string | number | boolean | null>;

export interface Job {
  id: number;
  type: string;
  payload: JobPayload;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  runAfter: Date;
  lockedBy: string | null;
  progress: { done: number; total: number | null } | null;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

export interface EnqueueOptions {
  runAfter?: Date;
  maxAttempts?: number;
  /** While a job with this key is queued or running, enqueueing again returns that job's id. */
  dedupeKey?: string;
}

export interface JobContext {
  /** Records progress (shown by `callvault jobs list`) and extends the lease. */
  progress(done: number, total?: number | null): Promise<void>;
  /** Aborted when the worker stops; long handlers should return at a safe point. */
  signal: AbortSignal;
}

/** A handler is idempotent: after a crash the job runs again from the start (at-least-once). */
export type JobHandler = (job: Job, ctx: JobContext) => Promise<void>;
