/** Shapes of the retention API (docs/retention.md). */
export type DataClass = 'originals' | 'redacted_calls' | 'qa_notes' | 'payment_tokens' | 'audit_events';

export interface ClassPolicy {
  dataClass: DataClass;
  days: number | null;
  source: 'policy' | 'default';
  updatedAt: string | null;
}
export interface BrandRetention {
  brandId: string;
  classes: ClassPolicy[];
}
export type RetentionUpdate = Partial<Record<'originals' | 'redactedCalls' | 'qaNotes' | 'paymentTokens' | 'auditEvents', number | null>>;

export interface LegalHold {
  id: string;
  brandId: string;
  callId: string | null;
  caseRef: string;
  placedBy: string;
  placedAt: string;
  releasedBy: string | null;
  releasedAt: string | null;
}

export interface RunItem {
  brandId: string;
  dataClass: DataClass;
  days: number | null;
  purged: number;
  skippedHold: number;
  errors: number;
  note: string | null;
}
export interface PurgeRun {
  id: string;
  trigger: 'schedule' | 'manual';
  triggeredBy: string;
  status: 'running' | 'done' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  purged: number;
  skippedHold: number;
  errors: number;
  items: RunItem[];
}

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
