/**
 * Vendors: the partner companies that reach the brands' data (sub-processors, telephony and CCaaS
 * providers, QA outsourcers), with their contacts (sealed), brands touched, API keys and console
 * users, certifications and evidence files (sealed in the object store), review dates with alerts,
 * and revocation of all their access in one audited action.
 */
export { createVendorService, type VendorService } from './service.js';
export type { VendorDeps } from './context.js';
export { markVendorReviewed, nextReviewAt, maxIntervalForRisk } from './review-dates.js';
export { vendorEvidence, type VendorEvidence } from './evidence-report.js';
export { vendorRoutes } from './routes.js';
export { vendorErrors } from './errors.js';
export { REVIEW_OVERDUE_RULE, CERTIFICATION_EXPIRED_RULE, conditionAlertId } from './review-check.js';
export * from './types.js';
