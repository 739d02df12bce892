/**
 * Incident response: incidents opened from alerts (by a person, or automatically above a
 * severity) or reported, playbook tasks, regulatory clocks with reminders, containment through
 * the access services, blast radius from the audit trail, and a report.
 */
export { createIncidentService, DETECTION_PRINCIPAL, type IncidentService, type NewIncident, type ContainmentAction } from './service.js';
export { createNotifier, type Notifier, type Notification } from './notifier.js';
export { incidentRoutes, IncidentOut } from './routes.js';
export { blastRadius, blastRadiusCsv, type BlastRadius } from './blast-radius.js';
export { reportHtml, reportMarkdown, type IncidentView } from './report.js';
export { PLAYBOOK, PLAYBOOKS, type PlaybookKind } from './playbooks.js';
export { CLOCK_KINDS, planClocks, clockState, dueReminders, formatInZone, formatRemaining, type ClockKind } from './clocks.js';
export { incidentErrors } from './errors.js';
