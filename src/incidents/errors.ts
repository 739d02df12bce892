import { errorCodes } from '../errors.js';

export const incidentErrors = errorCodes('incident', {
  not_found: ['not_found', 'Incident not found'],
  alert_not_found: ['not_found', 'Alert not found'],
  alert_taken: ['conflict', 'The alert is already part of an incident'],
  bad_transition: ['conflict', 'An incident moves forward only, and a closed incident stays closed'],
  closed: ['conflict', 'The incident is closed'],
  task_not_found: ['not_found', 'Task not found'],
  clock_not_found: ['not_found', 'This deadline does not apply to the incident, or was already met'],
  no_suspect: ['invalid_input', 'The incident has no suspect actor'],
  suspect_not_found: ['invalid_input', 'suspect: no such user or API key'],
  owner_not_found: ['invalid_input', 'ownerId: no such user'],
  bad_window: ['invalid_input', 'window: from must be before to'],
  bad_containment: ['invalid_input', 'This containment action does not apply to the suspect (suspend and end sessions: users; revoke: API keys)'],
});
