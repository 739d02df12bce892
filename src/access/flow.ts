import type { Queryable } from '../db/types.js';
import { clearFailures } from './lockout.js';
import type { Role } from './permissions.js';
import type { Principal } from './principal.js';
import { closeSession, openSession, STATUS_OF_STAGE, type SessionStage } from './sessions.js';
import type { AccessLimits, AuthStep, MfaMethod, RequestContext } from './types.js';
import { mfaFactors, mfaRequired, type UserRecord } from './users-data.js';

/**
 * The sign-in sequence as one rule: an enrolled second factor is checked first, then a one-time
 * password must be replaced, then MFA enrollment if the user's roles require it.
 */
export async function nextStage(q: Queryable, user: UserRecord, mfaVerified: boolean): Promise<{ stage: SessionStage; methods: MfaMethod[] }> {
  const f = await mfaFactors(q, user.id);
  const methods: MfaMethod[] = [];
  if (f.totp) methods.push('totp');
  if (f.passkeys > 0) methods.push('webauthn');
  if (methods.length > 0 && f.recoveryCodes > 0) methods.push('recovery');
  const enrolled = f.totp || f.passkeys > 0;
  if (enrolled && !mfaVerified) return { stage: 'mfa', methods };
  if (user.passwordChangeRequired) return { stage: 'password_change', methods: [] };
  if (!enrolled && (await mfaRequired(q, user))) return { stage: 'mfa_enrollment', methods: [] };
  return { stage: 'active', methods: [] };
}

/**
 * Moves a sign-in forward: the old session (if any) is closed and a NEW id issued for the next
 * stage (session fixation: an id known before a privilege change is worthless after it).
 */
export async function advance(
  q: Queryable,
  user: UserRecord,
  oldSessionHash: Buffer | null,
  mfaVerified: boolean,
  now: Date,
  limits: AccessLimits,
): Promise<AuthStep> {
  if (oldSessionHash) await closeSession(q, oldSessionHash);
  const { stage, methods } = await nextStage(q, user, mfaVerified);
  if (stage === 'active') await clearFailures(q, user.id);
  const sessionId = await openSession(q, user.id, stage, mfaVerified, now, limits);
  return { sessionId, status: STATUS_OF_STAGE[stage], ...(stage === 'mfa' && { methods }) };
}

/** The Principal of a signed-in user: roles per brand, read fresh on every request. */
export async function principalForUser(q: Queryable, userId: string, from?: RequestContext): Promise<Principal | null> {
  const { rows } = await q.query<{ is_security_admin: boolean }>('SELECT is_security_admin FROM users WHERE id = $1', [userId]);
  const u = rows[0];
  if (!u) return null;
  const roles = await q.query<{ brand_id: string; role: Role }>('SELECT brand_id, role FROM user_brand_roles WHERE user_id = $1', [userId]);
  return {
    actor: { kind: 'user', id: userId },
    isSecurityAdmin: u.is_security_admin,
    roles: new Map(roles.rows.map((r) => [r.brand_id, r.role])),
    ...(from?.ip !== undefined && { ip: from.ip }),
    ...(from?.userAgent !== undefined && { userAgent: from.userAgent }),
    ...(from?.requestId !== undefined && { requestId: from.requestId }),
  };
}
