import type { Queryable } from '../db/types.js';

/** Who did it: a person (user id), an integration (API key id) or the system itself (CLI, jobs). */
export type Actor =
  | { kind: 'user'; id: string }
  | { kind: 'api_key'; id: string }
  | { kind: 'system'; id: string };

export type Outcome = 'success' | 'failure' | 'denied';

/**
 * One audit event (PCI DSS 10.2.1-10.2.2): who, what, when, where, which brand and record, outcome.
 * Never the data itself: `details` holds ids, counts and codes only.
 */
export interface AuditEventInput {
  /** Also a questionnaire link: a vendor contact answering through it has no account (the link's id). */
  actor: Actor | { kind: 'questionnaire_link'; id: string };
  /** Dotted verb, e.g. `auth.login`, `user.create`, `audit.read`, `key.rotate`. */
  action: string;
  /** Brand the event belongs to; null for installation-wide events (BPO-level users, logins). */
  brandId: string | null;
  /** Kind and id of the record touched, e.g. { type: 'user', id }. */
  target?: { type: string; id: string };
  outcome: Outcome;
  ip?: string;
  userAgent?: string;
  requestId?: string;
  details?: Record<string, string | number | boolean | null>;
}

/**
 * Appends events to the per-brand hash chain. `append` runs inside the caller's transaction, so
 * the event commits or rolls back with the change it records.
 */
export interface AuditLog {
  append(tx: Queryable, event: AuditEventInput): Promise<void>;
  /** Appends many events with one lock and one INSERT per chain (group commit, bulk imports). */
  appendMany(tx: Queryable, events: readonly AuditEventInput[]): Promise<void>;
}
