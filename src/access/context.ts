import type { AuditEventInput, AuditLog } from '../audit/types.js';
import type { Db, Queryable } from '../db/types.js';
import type { Vault } from '../vault/types.js';
import { accessErrors } from './errors.js';
import type { Action } from './permissions.js';
import { isAllowed, type Principal } from './principal.js';
import { createRateLimiter, type RateLimiter } from './rate-limit.js';
import type { AccessDeps, AccessLimits, AssignmentGate, RequestContext } from './types.js';
import { isUuid } from './validate.js';

export const DEFAULT_LIMITS: AccessLimits = {
  sessionIdleSeconds: 15 * 60,
  sessionAbsoluteSeconds: 12 * 60 * 60,
  pendingSessionSeconds: 10 * 60,
  lockoutThreshold: 10,
  lockoutSeconds: 30 * 60,
  loginPerIp: 30,
  loginPerEmail: 20,
  loginWindowSeconds: 5 * 60,
  mfaPerUser: 10,
  mfaWindowSeconds: 5 * 60,
};

/** What every access service shares: collaborators, limits, the clock and the audit helpers. */
export interface AccessContext {
  db: Db;
  vault: Vault;
  audit: AuditLog;
  publicUrl: string;
  limits: AccessLimits;
  now(): Date;
  rateLimiter: RateLimiter;
  /** Optional check before a role on a brand is granted (the brand's required training). */
  assignmentGate?: AssignmentGate;
  /** Appends an event in the caller's transaction, with where-from taken from the principal/context. */
  record(tx: Queryable, event: Omit<AuditEventInput, 'ip' | 'userAgent' | 'requestId'>, from?: RequestContext): Promise<void>;
  /** Commits an event on its own (failures and denials must persist although the action fails). */
  recordAlone(event: Omit<AuditEventInput, 'ip' | 'userAgent' | 'requestId'>, from?: RequestContext): Promise<void>;
  /**
   * A service's first line: throws access.forbidden unless allowed, after auditing the denial in
   * its own transaction.
   */
  require(principal: Principal, action: Action, brandId: string | null, target?: { type: string; id: string }): Promise<void>;
}

export function createAccessContext(deps: AccessDeps): AccessContext {
  const now = deps.clock ?? (() => new Date());
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const where = (from?: RequestContext) => ({
    ...(from?.ip !== undefined && { ip: from.ip }),
    ...(from?.userAgent !== undefined && { userAgent: from.userAgent }),
    ...(from?.requestId !== undefined && { requestId: from.requestId }),
  });
  const ctx: AccessContext = {
    db: deps.db,
    vault: deps.vault,
    audit: deps.audit,
    publicUrl: deps.config.publicUrl,
    limits,
    now,
    rateLimiter: createRateLimiter(deps.db, now),
    ...(deps.assignmentGate && { assignmentGate: deps.assignmentGate }),
    async record(tx, event, from) {
      await deps.audit.append(tx, { ...event, ...where(from) });
    },
    async recordAlone(event, from) {
      await deps.db.transaction((tx) => ctx.record(tx, event, from));
    },
    async require(principal, action, brandId, target) {
      if (isAllowed(principal, action, brandId)) return;
      // The brand id may come straight from a URL: only a real brand gets the event in its chain,
      // anything else goes to the installation chain (callers cannot invent audit chains).
      const known = brandId !== null && isUuid(brandId) && (await deps.db.query('SELECT 1 FROM brands WHERE id = $1', [brandId])).rows.length > 0;
      await ctx.recordAlone(
        {
          actor: principal.actor,
          action,
          brandId: known ? brandId : null,
          outcome: 'denied',
          ...(target && { target }),
          ...(!known && brandId !== null && { details: { brandKnown: false } }),
        },
        principal,
      );
      throw accessErrors.forbidden();
    },
  };
  return ctx;
}
