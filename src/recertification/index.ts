/**
 * Access recertification (PCI DSS 7.2.4, every six months): a security admin opens a campaign
 * for brands; it snapshots every role assignment and live API key; each brand's supervisors
 * confirm or remove each item (removal goes through access's own functions, audited); the
 * periodic task closes campaigns at their deadline (unanswered items removed or kept, per the
 * campaign) and writes each brand's summary as evidence.
 *
 *   const recertification = createRecertService({ db, audit, now })
 *   recertificationEvidence(q, brandId, now) -> RecertificationEvidence (compliance report)
 */
export { createRecertService, type RecertService, type RecertDeps, type NewCampaign, type CampaignView, type ItemView, type Counts } from './service.js';
export { recertificationEvidence, type RecertificationEvidence } from './evidence.js';
export { recertRoutes } from './routes.js';
export { recertErrors } from './errors.js';
export { nextDue, RECERT_INTERVAL_MONTHS, type BrandSummary } from './summary.js';
