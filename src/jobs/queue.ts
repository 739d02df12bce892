import type { Db, Queryable } from '../db/types.js';
import { CallvaultError } from '../errors.js';
import type { EnqueueOptions, Job, JobPayload, JobStatus } from './types.js';

/** Data access for the jobs table: the one place that writes its SQL. */

interface JobRow {
  id: number;
  type: string;
  payload: JobPayload;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  run_after: Date;
  locked_by: string | null;
  progress_done: number | null;
  progress_total: number | null;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
  finished_at: Date | null;
}

const toJob = (r: JobRow): Job => ({
  id: Number(r.id),
  type: r.type,
  payload: r.payload,
  status: r.status,
  attempts: r.attempts,
  maxAttempts: r.max_attempts,
  runAfter: r.run_after,
  lockedBy: r.locked_by,
  progress: r.progress_done === null ? null : { done: Number(r.progress_done), total: r.progress_total === null ? null : Number(r.progress_total) },
  lastError: r.last_error,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  finishedAt: r.finished_at,
});

/** Adds a job inside the caller's transaction (it exists only if the caller commits). */
export async function enqueueJob(tx: Queryable, type: string, payload: JobPayload, opts: EnqueueOptions = {}): Promise<number> {
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO jobs (type, payload, run_after, max_attempts, dedupe_key)
     VALUES ($1, $2, COALESCE($3::timestamptz, now()), $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
    [type, JSON.stringify(payload), opts.runAfter?.toISOString() ?? null, opts.maxAttempts ?? 8, opts.dedupeKey ?? null],
  );
  if (rows[0]) return Number(rows[0].id);
  const existing = await tx.query<{ id: number }>(
    `SELECT id FROM jobs WHERE dedupe_key = $1 AND status IN ('queued', 'running')`,
    [opts.dedupeKey ?? null],
  );
  if (!existing.rows[0]) throw new CallvaultError('conflict', 'jobs.enqueue_conflict', 'the job could not be enqueued; retry');
  return Number(existing.rows[0].id);
}

/**
 * Claims the next ready job: queued and due, or running with an expired lease (its worker died).
 * SKIP LOCKED lets many workers on many nodes poll the same table without waiting on each other.
 */
export async function claimJob(db: Db, workerId: string, types: readonly string[], leaseSeconds: number): Promise<Job | undefined> {
  const { rows } = await db.query<JobRow>(
    `UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = $1,
            locked_until = now() + make_interval(secs => $2), updated_at = now()
     WHERE id = (
       SELECT id FROM jobs
       WHERE type = ANY($3::text[])
         AND ((status = 'queued' AND run_after <= now()) OR (status = 'running' AND locked_until < now()))
       ORDER BY run_after, id LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING *`,
    [workerId, leaseSeconds, [...types]],
  );
  return rows[0] && toJob(rows[0]);
}

export async function reportProgress(db: Queryable, id: number, workerId: string, done: number, total: number | null, leaseSeconds: number): Promise<void> {
  await db.query(
    `UPDATE jobs SET progress_done = $3, progress_total = COALESCE($4, progress_total), updated_at = now(),
            locked_until = now() + make_interval(secs => $5)
     WHERE id = $1 AND locked_by = $2 AND status = 'running'`,
    [id, workerId, done, total, leaseSeconds],
  );
}

export async function completeJob(db: Queryable, id: number, workerId: string): Promise<void> {
  await db.query(
    `UPDATE jobs SET status = 'succeeded', locked_by = NULL, locked_until = NULL, finished_at = now(), updated_at = now(),
            last_error = NULL
     WHERE id = $1 AND locked_by = $2`,
    [id, workerId],
  );
}

/** Requeues with a delay, or marks failed once the attempts are spent. */
export async function failJob(db: Queryable, job: Job, workerId: string, error: string, retryDelayMs: number): Promise<JobStatus> {
  const failed = job.attempts >= job.maxAttempts;
  await db.query(
    `UPDATE jobs SET status = $3, locked_by = NULL, locked_until = NULL, last_error = $4, updated_at = now(),
            run_after = now() + make_interval(secs => $5), finished_at = CASE WHEN $3 = 'failed' THEN now() END
     WHERE id = $1 AND locked_by = $2`,
    [job.id, workerId, failed ? 'failed' : 'queued', error.slice(0, 200), retryDelayMs / 1000],
  );
  return failed ? 'failed' : 'queued';
}

export async function listJobs(db: Queryable, filter: { status?: JobStatus; type?: string; limit?: number } = {}): Promise<Job[]> {
  const { rows } = await db.query<JobRow>(
    `SELECT * FROM jobs WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR type = $2)
     ORDER BY id DESC LIMIT $3`,
    [filter.status ?? null, filter.type ?? null, Math.min(Math.max(filter.limit ?? 50, 1), 1000)],
  );
  return rows.map(toJob);
}

export async function getJob(db: Queryable, id: number): Promise<Job | undefined> {
  const { rows } = await db.query<JobRow>(`SELECT * FROM jobs WHERE id = $1`, [id]);
  return rows[0] && toJob(rows[0]);
}
