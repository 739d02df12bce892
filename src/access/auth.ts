import type { AccessContext } from './context.js';
import { authErrors } from './errors.js';
import { advance, nextStage, principalForUser } from './flow.js';
import { lockedForSeconds } from './lockout.js';
import { hashPassword, needsRehash, passwordProblem, PASSWORD_MAX_LENGTH, verifyAgainstDummy, verifyPassword } from './passwords.js';
import type { Principal } from './principal.js';
import { sha256 } from './secrets.js';
import { createMfaVerification, type MfaVerification } from './mfa-verify.js';
import { failAttempt, sessionAt } from './session-guard.js';
import { closeSession, closeUserSessions, purgeDeadSessions, STATUS_OF_STAGE, touchSession } from './sessions.js';
import type { AuthStep, LoginStatus, Me, MfaMethod, RequestContext } from './types.js';
import { findUserByEmail, findUserById, loadAssignments, mfaFactors, type UserRecord } from './users-data.js';

export interface AuthService extends MfaVerification {
  login(credentials: { email: string; password: string }, from: RequestContext, previousSessionId?: string): Promise<AuthStep>;
  changePassword(sessionId: string, body: { currentPassword: string; newPassword: string }, from: RequestContext): Promise<AuthStep>;
  status(sessionId: string): Promise<{ status: LoginStatus; methods?: MfaMethod[] }>;
  logout(sessionId: string, from: RequestContext): Promise<void>;
  logoutAll(principal: Principal): Promise<void>;
  resolveSession(sessionId: string, from?: RequestContext): Promise<Principal>;
  me(principal: Principal): Promise<Me>;
}

const anonymous = { kind: 'system', id: 'unauthenticated' } as const;

export function createAuthService(ctx: AccessContext): AuthService {
  let lastPurge = 0; // dead sessions are swept at most once a minute per server
  const actorOf = (user: UserRecord) => ({ kind: 'user', id: user.id }) as const;

  async function rateLimitLogin(email: string, from: RequestContext): Promise<void> {
    const { limits } = ctx;
    // Emails are hashed in the key: counters are not a list of who tried to sign in.
    const keys: [string, number][] = [[`login:email:${sha256(email.toLowerCase()).toString('hex')}`, limits.loginPerEmail]];
    if (from.ip) keys.push([`login:ip:${from.ip}`, limits.loginPerIp]);
    for (const [key, limit] of keys) {
      const r = await ctx.rateLimiter.hit(key, limit, limits.loginWindowSeconds);
      if (!r.allowed) {
        await ctx.recordAlone({ actor: anonymous, action: 'auth.login', brandId: null, outcome: 'failure', details: { reason: 'rate_limited' } }, from);
        throw authErrors.rate_limited(undefined, r.retryAfterSeconds);
      }
    }
  }

  return {
    async login({ email, password }, from, previousSessionId) {
      if (typeof email !== 'string' || typeof password !== 'string' || email.length > 320 || password.length > PASSWORD_MAX_LENGTH) {
        throw authErrors.invalid_credentials();
      }
      await rateLimitLogin(email, from);
      const now = ctx.now();
      const user = await findUserByEmail(ctx.db, email);
      if (!user) {
        await verifyAgainstDummy(password); // same time as a real check: no account enumeration
        await ctx.recordAlone({ actor: anonymous, action: 'auth.login', brandId: null, outcome: 'failure', details: { reason: 'unknown_user' } }, from);
        throw authErrors.invalid_credentials();
      }
      const locked = lockedForSeconds(user.lockedUntil, now);
      if (locked > 0) {
        await ctx.recordAlone({ actor: actorOf(user), action: 'auth.login', brandId: null, outcome: 'failure', details: { reason: 'locked' } }, from);
        throw authErrors.locked(undefined, locked);
      }
      if (!(await verifyPassword(user.passwordHash, password))) {
        await failAttempt(ctx, user, 'auth.login', { reason: 'bad_password' }, from);
        throw authErrors.invalid_credentials();
      }
      // Told only to someone who knows the password: suspension is not learned by guessing.
      if (user.suspendedAt) {
        await ctx.recordAlone({ actor: actorOf(user), action: 'auth.login', brandId: null, outcome: 'denied', details: { reason: 'suspended' } }, from);
        throw authErrors.suspended();
      }
      const rehashed = needsRehash(user.passwordHash) ? await hashPassword(password) : null;
      return ctx.db.transaction(async (tx) => {
        if (rehashed) await tx.query('UPDATE users SET password_hash = $2 WHERE id = $1', [user.id, rehashed]);
        if (now.getTime() - lastPurge > 60_000) {
          lastPurge = now.getTime();
          await purgeDeadSessions(tx, now, ctx.limits);
        }
        const old = previousSessionId ? sha256(previousSessionId) : null;
        const step = await advance(tx, user, old, false, now, ctx.limits);
        await ctx.record(tx, { actor: actorOf(user), action: 'auth.login', brandId: null, outcome: 'success', details: { status: step.status } }, from);
        return step;
      });
    },

    async changePassword(sessionId, { currentPassword, newPassword }, from) {
      const { session, user } = await sessionAt(ctx, sessionId, ['password_change', 'active']);
      const locked = lockedForSeconds(user.lockedUntil, ctx.now());
      if (locked > 0) throw authErrors.locked(undefined, locked);
      if (typeof currentPassword !== 'string' || !(await verifyPassword(user.passwordHash, currentPassword))) {
        await failAttempt(ctx, user, 'auth.password_change', { reason: 'bad_password' }, from);
        throw authErrors.invalid_credentials();
      }
      const problem = typeof newPassword === 'string' ? passwordProblem(newPassword, user.email) : 'missing';
      if (problem) throw authErrors.weak_password(`The new password does not meet the password rules (${problem})`);
      if (newPassword === currentPassword) throw authErrors.weak_password('The new password must differ from the current one');
      const hash = await hashPassword(newPassword);
      return ctx.db.transaction(async (tx) => {
        await tx.query('UPDATE users SET password_hash = $2, password_change_required = false WHERE id = $1', [user.id, hash]);
        // A changed password ends every other session (someone else may have known the old one).
        await closeUserSessions(tx, user.id, session.idHash);
        const updated = { ...user, passwordChangeRequired: false };
        const step = await advance(tx, updated, session.idHash, session.mfaVerified, ctx.now(), ctx.limits);
        await ctx.record(tx, { actor: actorOf(user), action: 'auth.password_change', brandId: null, outcome: 'success', target: { type: 'user', id: user.id } }, from);
        return step;
      });
    },

    ...createMfaVerification(ctx),

    async status(sessionId) {
      const session = await touchSession(ctx.db, sessionId, ctx.now(), ctx.limits);
      const user = session && (await findUserById(ctx.db, session.userId));
      if (!session || !user) throw authErrors.session_expired();
      const { methods } = await nextStage(ctx.db, user, session.mfaVerified);
      const status = STATUS_OF_STAGE[session.stage];
      return status === 'mfa_required' ? { status, methods } : { status };
    },

    async logout(sessionId, from) {
      if (!sessionId) return;
      await ctx.db.transaction(async (tx) => {
        const { rows } = await tx.query<{ user_id: string }>('DELETE FROM sessions WHERE id_hash = $1 RETURNING user_id', [sha256(sessionId)]);
        const userId = rows[0]?.user_id;
        if (userId) await ctx.record(tx, { actor: { kind: 'user', id: userId }, action: 'auth.logout', brandId: null, outcome: 'success' }, from);
      });
    },

    async logoutAll(principal) {
      if (principal.actor.kind !== 'user') throw authErrors.unauthenticated();
      const userId = principal.actor.id;
      await ctx.db.transaction(async (tx) => {
        const n = await closeUserSessions(tx, userId);
        await ctx.record(tx, { actor: principal.actor, action: 'auth.logout_all', brandId: null, outcome: 'success', details: { sessions: n } }, principal);
      });
    },

    async resolveSession(sessionId, from) {
      const session = await touchSession(ctx.db, sessionId, ctx.now(), ctx.limits);
      if (!session) throw authErrors.session_expired();
      if (session.stage !== 'active') throw authErrors.unauthenticated('Finish signing in first');
      const principal = await principalForUser(ctx.db, session.userId, from);
      if (!principal) throw authErrors.session_expired();
      return principal;
    },

    async me(principal) {
      if (principal.actor.kind !== 'user') throw authErrors.unauthenticated();
      const user = await findUserById(ctx.db, principal.actor.id);
      if (!user) throw authErrors.session_expired();
      const assignments = (await loadAssignments(ctx.db, [user.id], null)).get(user.id) ?? [];
      const f = await mfaFactors(ctx.db, user.id);
      return {
        user: { id: user.id, email: user.email, displayName: user.displayName, isSecurityAdmin: user.isSecurityAdmin, assignments },
        mfa: { totp: f.totp, passkeys: f.passkeys },
      };
    },
  };
}

