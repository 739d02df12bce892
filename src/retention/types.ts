/**
 * Data classes a brand sets days for. `originals`: kept original transcripts and recordings (days
 * live in the calls module's keep_original_days); `redacted_calls`: the whole redacted call
 * (transcript, audio, index, keys); `qa_notes`: scorecard notes (the score stays);
 * `payment_tokens`: kept card tokens; `audit_events`: the audit trail (policy only, never purged).
 */
export const DATA_CLASSES = ['originals', 'redacted_calls', 'qa_notes', 'payment_tokens', 'audit_events'] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

/** PCI DSS 10.5.1: audit log history is retained for at least 12 months. */
export const AUDIT_FLOOR_DAYS = 365;

export interface ClassPolicy {
  dataClass: DataClass;
  /** Days after which it is purged; null: kept (originals: deleted right after redaction). */
  days: number | null;
  /** 'policy' when the brand set it, 'default' otherwise. */
  source: 'policy' | 'default';
  updatedAt: string | null;
}

export interface BrandRetention {
  brandId: string;
  classes: ClassPolicy[];
}

/** A change: a class left out is unchanged; null clears it back to its default. */
export type RetentionUpdate = Partial<Record<'originals' | 'redactedCalls' | 'qaNotes' | 'paymentTokens' | 'auditEvents', number | null>>;

export interface LegalHold {
  id: string;
  brandId: string;
  /** null: the hold covers the whole brand. */
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
  /** Totals over the items shown (the brands the reader may see). */
  purged: number;
  skippedHold: number;
  errors: number;
  items: RunItem[];
}
