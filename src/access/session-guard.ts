import { authErrors } from './errors.js';
import type { AccessContext } from './context.js';
import { registerFailure, lockedForSeconds } from './lockout.js';
import { touchSession, type LiveSession, type SessionStage } from './sessions.js';
import type { RequestContext } from './types.js';
import { findUserById, type UserRecord } from './users-data.js';

/**
 * The live session and its user, provided the session is at one of `stages`; anything else is
 * refused (an MFA-pending session cannot enroll a new factor, a password-pending one cannot act).
 */
export async function sessionAt(
  ctx: AccessContext,
  sessionId: string,
  stages: readonly SessionStage[],
): Promise<{ session: LiveSession; user: UserRecord }> {
  const session = await touchSession(ctx.db, sessionId, ctx.now(), ctx.limits);
  if (!session) throw authErrors.session_expired();
  const user = await findUserById(ctx.db, session.userId);
  if (!user) throw authErrors.session_expired();
  if (!stages.includes(session.stage)) throw authErrors.wrong_step();
  return { session, user };
}

/**
 * Before checking an MFA code: per-user rate limit, then the lockout. Both refusals are audited.
 */
export async function guardMfaAttempt(ctx: AccessContext, user: UserRecord, method: string, from: RequestContext): Promise<void> {
  const limit = await ctx.rateLimiter.hit(`mfa:user:${user.id}`, ctx.limits.mfaPerUser, ctx.limits.mfaWindowSeconds);
  const actor = { kind: 'user', id: user.id } as const;
  if (!limit.allowed) {
    await ctx.recordAlone({ actor, action: 'auth.mfa', brandId: null, outcome: 'failure', details: { method, reason: 'rate_limited' } }, from);
    throw authErrors.rate_limited(undefined, limit.retryAfterSeconds);
  }
  const locked = lockedForSeconds(user.lockedUntil, ctx.now());
  if (locked > 0) {
    await ctx.recordAlone({ actor, action: 'auth.mfa', brandId: null, outcome: 'failure', details: { method, reason: 'locked' } }, from);
    throw authErrors.locked(undefined, locked);
  }
}

/** A wrong code: counts toward the lockout and is audited, both committed although the step fails. */
export async function failAttempt(
  ctx: AccessContext,
  user: UserRecord,
  action: string,
  details: Record<string, string>,
  from: RequestContext,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const lockedUntil = await registerFailure(tx, user.id, ctx.now(), ctx.limits);
    await ctx.record(
      tx,
      { actor: { kind: 'user', id: user.id }, action, brandId: null, outcome: 'failure', details: { ...details, locked: lockedUntil !== null } },
      from,
    );
  });
}

