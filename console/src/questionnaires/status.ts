import type { QuestionnaireStatus, Severity } from './adminTypes.js';

export const STATUS_LABEL: Record<QuestionnaireStatus, string> = {
  sent: 'Waiting for answers',
  submitted: 'Submitted, to review',
  accepted: 'Accepted',
  rejected: 'Rejected',
};

/** Badge classes by severity, worst first in lists (the server's riskLevel uses the same scale). */
export const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };
