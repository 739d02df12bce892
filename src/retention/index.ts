/**
 * Retention: days per brand and data class, purge runs (hourly and on demand) with a stored report,
 * and legal holds on a brand or a call that suspend every purge of what they cover.
 *
 *   const retention = createRetentionService({ db, vault, audit, store, now? })
 *   retention.policies(p, brandId) / updatePolicies(p, brandId, { originals?, redactedCalls?, qaNotes?, paymentTokens?, auditEvents? })
 *   retention.placeHold(p, brandId, { caseRef, callId? }) / releaseHold(p, brandId, holdId) / holds(p, brandId, { includeReleased })
 *   retention.runNow(p) / runScheduled() / runs(p, limit)
 *   activeHold(q, brandId, callId?)  -> { id } | null   (calls' purge of originals, data-subject erasure)
 *   retentionEvidence(q, brandId, now)
 */
export { activeHold, notHeldSql, brandHeld } from './holds.js';
export { createRetentionService, type RetentionService, type RetentionDeps } from './service.js';
export { retentionRoutes } from './routes.js';
export { retentionEvidence, type RetentionEvidence } from './evidence.js';
export { retentionErrors } from './errors.js';
export { AUDIT_KEPT_NOTE } from './runs.js';
export { DEFAULT_DAYS } from './policies.js';
export * from './types.js';
