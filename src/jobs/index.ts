/** Durable job queue in PostgreSQL: enqueue in a transaction, any node's worker runs it. */
export type { EnqueueOptions, Job, JobContext, JobHandler, JobPayload, JobStatus } from './types.js';
export { claimJob, enqueueJob, getJob, listJobs } from './queue.js';
export { backoffDelay, createWorker, errorSummary, type Worker, type WorkerOptions } from './worker.js';
