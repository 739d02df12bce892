import { createGroupCommit } from '../audit/group-commit.js';
import type { AuditLog } from '../audit/types.js';
import { DEFAULT_CALLS_LIMITS } from '../calls/context.js';
import type { CallsContext } from '../calls/context.js';
import type { Db } from '../db/types.js';
import type { ObjectStore } from '../storage/index.js';
import type { Vault } from '../vault/index.js';

/** What the retention services share; the clock is injected so purges are testable. */
export interface RetentionContext {
  db: Db;
  vault: Vault;
  audit: AuditLog;
  store: ObjectStore;
  now(): Date;
  /** Rows purged per transaction-sized batch, and batches per class and brand in one run. */
  batch: number;
  maxBatches: number;
}

/** The calls module's context, for its purge of kept originals (which respects legal holds). */
export const callsContextOf = (ctx: RetentionContext): CallsContext => ({
  db: ctx.db,
  vault: ctx.vault,
  audit: ctx.audit,
  commit: createGroupCommit({ db: ctx.db, audit: ctx.audit }),
  store: ctx.store,
  limits: DEFAULT_CALLS_LIMITS,
  now: ctx.now,
});
