import type { GroupCommit } from '../audit/group-commit.js';
import type { AuditLog } from '../audit/types.js';
import type { Db } from '../db/types.js';
import type { ObjectStore } from '../storage/index.js';
import type { Vault } from '../vault/index.js';

export interface CallsLimits {
  /** Largest transcript accepted (bytes). */
  maxTranscriptBytes: number;
  /** Largest recording accepted (bytes). */
  maxRecordingBytes: number;
  /** How long a break-glass grant lasts (seconds). */
  breakGlassSeconds: number;
}

export const DEFAULT_CALLS_LIMITS: CallsLimits = {
  maxTranscriptBytes: 20 * 1024 * 1024,
  maxRecordingBytes: 2 * 1024 * 1024 * 1024,
  breakGlassSeconds: 30 * 60,
};

/** What the calls services share. The clock is injected so retention and grant expiry are testable. */
export interface CallsContext {
  db: Db;
  vault: Vault;
  audit: AuditLog;
  /** Ingest and redaction commits arriving together share one transaction and one audit append. */
  commit: GroupCommit;
  store: ObjectStore;
  limits: CallsLimits;
  now(): Date;
}
