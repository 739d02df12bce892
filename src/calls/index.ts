/**
 * Calls: ingest from the contact-center platform, redaction per brand policy (a durable job),
 * QA review of the redacted call, break-glass access to originals, retention of originals.
 *
 *   const calls = createCallServices({ db, vault, audit, store, clock?, limits? }, recordingRedactor)
 *   calls.ingest.ingest(p, brandId, { metadata, transcript, recording?, idempotencyKey? }) -> { call, duplicate }
 *   calls.review.list(p, filter) / get(p, callId) / transcript(p, callId) / audio(p, callId, range?) / score(p, callId, input)
 *   calls.policies.get(p, brandId) / put(p, brandId, update) / preview(p, brandId, { text, policy? })
 *   calls.breakGlass.request(p, callId, reason) / originalTranscript(p, callId) / originalAudio(p, callId, range?)
 *   calls.jobHandlers  -> { 'call.redact': handler } for the worker;  calls.purgeExpiredOriginals()
 */
import { createGroupCommit } from '../audit/group-commit.js';
import type { AuditLog } from '../audit/types.js';
import type { Db } from '../db/types.js';
import type { JobHandler } from '../jobs/index.js';
import type { ObjectStore } from '../storage/index.js';
import type { Vault } from '../vault/index.js';
import { createBreakGlassService, type BreakGlassService } from './break-glass.js';
import { DEFAULT_CALLS_LIMITS, type CallsContext, type CallsLimits } from './context.js';
import { createIngestService, REDACT_CALL_JOB, type IngestService } from './ingest.js';
import { createPolicyService, type PolicyService } from './policies.js';
import type { RecordingRedactor } from './recording.js';
import { redactCallJob } from './redact-job.js';
import { purgeExpiredOriginals } from './retention.js';
import { createReviewService, type ReviewService } from './review.js';

export interface CallServices {
  limits: CallsLimits;
  ingest: IngestService;
  review: ReviewService;
  policies: PolicyService;
  breakGlass: BreakGlassService;
  jobHandlers: Record<string, JobHandler>;
  purgeExpiredOriginals(): Promise<number>;
}

export interface CallDeps {
  db: Db;
  vault: Vault;
  audit: AuditLog;
  store: ObjectStore;
  clock?: () => Date;
  limits?: Partial<CallsLimits>;
}

export function createCallServices(deps: CallDeps, recordings: RecordingRedactor): CallServices {
  const commit = createGroupCommit({ db: deps.db, audit: deps.audit });
  const ctx: CallsContext = { db: deps.db, vault: deps.vault, audit: deps.audit, commit, store: deps.store, limits: { ...DEFAULT_CALLS_LIMITS, ...deps.limits }, now: deps.clock ?? (() => new Date()) };
  return {
    limits: ctx.limits,
    ingest: createIngestService(ctx),
    review: createReviewService(ctx),
    policies: createPolicyService(ctx),
    breakGlass: createBreakGlassService(ctx),
    jobHandlers: { [REDACT_CALL_JOB]: redactCallJob(ctx, recordings) },
    purgeExpiredOriginals: () => purgeExpiredOriginals(ctx),
  };
}

export { REDACT_CALL_JOB } from './ingest.js';
export type { CallsLimits } from './context.js';
export { callErrors } from './errors.js';
export { valueHash, callsMatching } from './blind-index.js';
export { subjectValueHashes, callSummaries, callHoldings, eraseCall, type CallHoldings, type ErasedCall } from './subject-data.js';
export type { RecordingRedactor, RecordingJob, RecordingResult } from './recording.js';
export { UnusableRecordingError } from './recording.js';
export type * from './types.js';
