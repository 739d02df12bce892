/**
 * Data-subject requests (GDPR Art. 15/17, CCPA right to know / to delete): the subject's
 * identifiers kept only as blind-index hashes, the calls that mention them found, exported
 * (redacted content) or erased (keys destroyed, held calls kept), deadlines with extensions, and a
 * closing certificate tied to the audit trail.
 */
export { createSubjectRequestService, type SubjectRequestDeps, type SubjectRequestService } from './service.js';
export { subjectRequestRoutes } from './routes.js';
export { subjectRequestEvidence, type SubjectRequestEvidence } from './evidence.js';
export { certificateHtml, type Certificate } from './certificate.js';
export { addMonths, firstDeadline, extendedDeadline, deadlineClock, MAX_EXTENSIONS, type Regime } from './deadlines.js';
export { subjectRequestErrors } from './errors.js';
export type * from './types.js';
