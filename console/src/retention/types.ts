/** Shapes of the retention API (docs/retention.md): the server's own types, so the two cannot drift. */
import type { DataClass, RetentionUpdate } from '../../../src/retention/types.js';

export type { DataClass, ClassPolicy, BrandRetention, RetentionUpdate, LegalHold, RunItem, PurgeRun } from '../../../src/retention/types.js';

export const CLASS_LABEL: Record<DataClass, string> = {
  originals: 'Original transcripts and recordings',
  redacted_calls: 'Redacted calls (transcript, audio, index)',
  qa_notes: 'QA scorecard notes',
  payment_tokens: 'Kept payment tokens',
  audit_events: 'Audit events',
};
/** The API field for each class. */
export const CLASS_FIELD: Record<DataClass, keyof RetentionUpdate> = {
  originals: 'originals',
  redacted_calls: 'redactedCalls',
  qa_notes: 'qaNotes',
  payment_tokens: 'paymentTokens',
  audit_events: 'auditEvents',
};
