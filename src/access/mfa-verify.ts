import type { AuthenticationResponseJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import type { Queryable } from '../db/types.js';
import type { CallvaultError } from '../errors.js';
import type { AccessContext } from './context.js';
import { authErrors } from './errors.js';
import { advance } from './flow.js';
import { redeemRecoveryCode } from './recovery-codes.js';
import { failAttempt, guardMfaAttempt, sessionAt } from './session-guard.js';
import { burnTotpStep, loadTotpSecret, matchTotp } from './totp.js';
import type { AuthStep, MfaMethod, RequestContext } from './types.js';
import { mfaFactors, type UserRecord } from './users-data.js';
import { authenticationOptions, burnChallenge, verifyAssertion } from './webauthn.js';

/** The MFA step of sign-in, for a session at stage `mfa_required`. Each success issues a new session id. */
export interface MfaVerification {
  verifyTotp(sessionId: string, code: string, from: RequestContext): Promise<AuthStep>;
  verifyRecoveryCode(sessionId: string, code: string, from: RequestContext): Promise<AuthStep>;
  webauthnOptions(sessionId: string, from: RequestContext): Promise<PublicKeyCredentialRequestOptionsJSON>;
  verifyWebauthn(sessionId: string, response: AuthenticationResponseJSON, from: RequestContext): Promise<AuthStep>;
}

export function createMfaVerification(ctx: AccessContext): MfaVerification {
  const actorOf = (user: UserRecord) => ({ kind: 'user', id: user.id }) as const;

  /**
   * Completes an MFA step: `burn` (the single-use check) and the new session id commit together
   * with the audit event; if `burn` refuses, the attempt counts as a failure.
   */
  async function mfaPassed(
    user: UserRecord,
    oldHash: Buffer,
    method: MfaMethod,
    from: RequestContext,
    burn: (tx: Queryable) => Promise<boolean>,
    failure: { reason: string; error: () => CallvaultError },
  ): Promise<AuthStep> {
    const step = await ctx.db.transaction(async (tx) => {
      if (!(await burn(tx))) return null;
      const next = await advance(tx, user, oldHash, true, ctx.now(), ctx.limits);
      await ctx.record(tx, { actor: actorOf(user), action: 'auth.mfa', brandId: null, outcome: 'success', details: { method, status: next.status } }, from);
      return next;
    });
    if (step) return step;
    await failAttempt(ctx, user, 'auth.mfa', { method, reason: failure.reason }, from);
    throw failure.error();
  }

  return {
    async verifyTotp(sessionId, code, from) {
      const { session, user } = await sessionAt(ctx, sessionId, ['mfa']);
      await guardMfaAttempt(ctx, user, 'totp', from);
      const secret = await loadTotpSecret(ctx.db, ctx.vault, user.id, 'confirmed');
      if (!secret) throw authErrors.mfa_not_enrolled();
      const step = typeof code === 'string' ? await matchTotp(secret, code, ctx.now()) : null;
      if (step === null) {
        await failAttempt(ctx, user, 'auth.mfa', { method: 'totp', reason: 'wrong_code' }, from);
        throw authErrors.mfa_invalid();
      }
      return mfaPassed(user, session.idHash, 'totp', from, (tx) => burnTotpStep(tx, user.id, step), { reason: 'reused', error: authErrors.mfa_invalid });
    },

    async verifyRecoveryCode(sessionId, code, from) {
      const { session, user } = await sessionAt(ctx, sessionId, ['mfa']);
      await guardMfaAttempt(ctx, user, 'recovery', from);
      const left = typeof code === 'string' ? await redeemRecoveryCode(ctx.db, user.id, code, ctx.now()) : null;
      if (left === null) {
        await failAttempt(ctx, user, 'auth.mfa', { method: 'recovery', reason: 'wrong_code' }, from);
        throw authErrors.mfa_invalid();
      }
      return mfaPassed(user, session.idHash, 'recovery', from, async () => true, { reason: 'reused', error: authErrors.mfa_invalid });
    },

    async webauthnOptions(sessionId) {
      const { session, user } = await sessionAt(ctx, sessionId, ['mfa']);
      if ((await mfaFactors(ctx.db, user.id)).passkeys === 0) throw authErrors.mfa_not_enrolled();
      return authenticationOptions(ctx.db, session.idHash, user.id, ctx.publicUrl, ctx.now());
    },

    async verifyWebauthn(sessionId, response, from) {
      const { session, user } = await sessionAt(ctx, sessionId, ['mfa']);
      await guardMfaAttempt(ctx, user, 'webauthn', from);
      const challenge = await burnChallenge(ctx.db, session.idHash, 'authentication', ctx.now());
      if (!challenge) throw authErrors.challenge_expired();
      return mfaPassed(
        user,
        session.idHash,
        'webauthn',
        from,
        async (tx) => (await verifyAssertion(tx, user.id, challenge, response, ctx.publicUrl, ctx.now())) !== null,
        { reason: 'bad_assertion', error: authErrors.webauthn_invalid },
      );
    },
  };
}
