/** Incident statuses in the order of the response (NIST SP 800-61r2: detect, contain, eradicate, recover). */
export const STATUSES = ['open', 'triage', 'contained', 'eradicated', 'recovered', 'closed'] as const;
export type IncidentStatus = (typeof STATUSES)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type IncidentSeverity = (typeof SEVERITIES)[number];

/**
 * An incident moves forward only (a step may be skipped: a false alarm goes from triage to
 * closed); a closed incident stays closed — a new finding opens a new incident.
 */
export function canMove(from: IncidentStatus, to: IncidentStatus): boolean {
  if (from === 'closed') return false;
  return STATUSES.indexOf(to) > STATUSES.indexOf(from);
}

export const severityRank = (s: string): number => ['low', 'medium', 'high', 'critical'].indexOf(s);
