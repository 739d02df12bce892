/**
 * The compliance report: PCI DSS v4.0.1, ISO/IEC 27001:2022 Annex A and GDPR controls callvault
 * supports, each with live evidence read from the system at the time of the report and the gaps it
 * shows. JSON for the console, a printable HTML document for auditors.
 *
 *   const compliance = createComplianceService({ db, audit, now });
 *   const report = await compliance.report(principal, brandId);
 */
export { createComplianceService, type ComplianceService, type ComplianceDeps } from './service.js';
export { complianceRoutes, ComplianceReportOut } from './routes.js';
export { complianceHtml } from './html.js';
export { CONTROLS } from './controls.js';
export { complianceErrors } from './errors.js';
export type { ComplianceReport, Control, ControlResult, ControlStatus, Evidence, EvidenceKey, Framework } from './types.js';
