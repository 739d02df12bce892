import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { AccessContext } from './context.js';
import { authErrors } from './errors.js';
import { advance } from './flow.js';
import { issueRecoveryCodes } from './recovery-codes.js';
import { guardMfaAttempt, sessionAt } from './session-guard.js';
import type { SessionStage } from './sessions.js';
import { confirmPendingTotp, loadTotpSecret, matchTotp, startTotpEnrollment } from './totp.js';
import type { AuthStep, RequestContext } from './types.js';
import { mfaFactors } from './users-data.js';
import { burnChallenge, registerCredential, registrationOptions } from './webauthn.js';

export interface MfaService {
  enrollTotp(sessionId: string, from: RequestContext): Promise<{ otpauthUrl: string; qrSvg: string }>;
  /** Recovery codes are (re)issued and shown once; `step.sessionId` replaces the cookie. */
  confirmTotp(sessionId: string, code: string, from: RequestContext): Promise<{ recoveryCodes: string[]; step: AuthStep }>;
  webauthnRegistrationOptions(sessionId: string, from: RequestContext): Promise<PublicKeyCredentialCreationOptionsJSON>;
  /** `recoveryCodes` only when the user had none (first factor). */
  verifyWebauthnRegistration(
    sessionId: string,
    response: RegistrationResponseJSON,
    label: string | undefined,
    from: RequestContext,
  ): Promise<{ id: string; recoveryCodes?: string[]; step: AuthStep }>;
}

/**
 * Enrollment needs a session that is either fully signed in or waiting for enrollment. A session
 * waiting for an MFA CHECK may not enroll: that would let a password alone add a factor.
 */
const ENROLLING: readonly SessionStage[] = ['mfa_enrollment', 'active'];

export function createMfaService(ctx: AccessContext): MfaService {
  return {
    async enrollTotp(sessionId, from) {
      const { user } = await sessionAt(ctx, sessionId, ENROLLING);
      return ctx.db.transaction(async (tx) => {
        const out = await startTotpEnrollment(tx, ctx.vault, user);
        await ctx.record(tx, { actor: { kind: 'user', id: user.id }, action: 'mfa.totp_enroll', brandId: null, outcome: 'success', target: { type: 'user', id: user.id } }, from);
        return out;
      });
    },

    async confirmTotp(sessionId, code, from) {
      const { session, user } = await sessionAt(ctx, sessionId, ENROLLING);
      await guardMfaAttempt(ctx, user, 'totp_enroll', from);
      const secret = await loadTotpSecret(ctx.db, ctx.vault, user.id, 'pending');
      if (!secret) throw authErrors.enrollment_pending();
      const step = typeof code === 'string' ? await matchTotp(secret, code, ctx.now()) : null;
      if (step === null) {
        await ctx.recordAlone({ actor: { kind: 'user', id: user.id }, action: 'mfa.totp_confirm', brandId: null, outcome: 'failure' }, from);
        throw authErrors.mfa_invalid();
      }
      return ctx.db.transaction(async (tx) => {
        await confirmPendingTotp(tx, user.id, step, ctx.now());
        const recoveryCodes = await issueRecoveryCodes(tx, user.id);
        // Proving possession of the new factor counts as this session's MFA; new id either way.
        const next = await advance(tx, user, session.idHash, true, ctx.now(), ctx.limits);
        await ctx.record(tx, { actor: { kind: 'user', id: user.id }, action: 'mfa.totp_confirm', brandId: null, outcome: 'success', target: { type: 'user', id: user.id } }, from);
        return { recoveryCodes, step: next };
      });
    },

    async webauthnRegistrationOptions(sessionId) {
      const { session, user } = await sessionAt(ctx, sessionId, ENROLLING);
      return registrationOptions(ctx.db, session.idHash, user, ctx.publicUrl, ctx.now());
    },

    async verifyWebauthnRegistration(sessionId, response, label, from) {
      const { session, user } = await sessionAt(ctx, sessionId, ENROLLING);
      const challenge = await burnChallenge(ctx.db, session.idHash, 'registration', ctx.now());
      if (!challenge) throw authErrors.challenge_expired();
      const name = (typeof label === 'string' && label.trim().slice(0, 80)) || 'Passkey';
      const result = await ctx.db.transaction(async (tx) => {
        const id = await registerCredential(tx, user.id, challenge, response, name, ctx.publicUrl, ctx.now());
        if (!id) return null;
        const hadCodes = (await mfaFactors(tx, user.id)).recoveryCodes > 0;
        const recoveryCodes = hadCodes ? undefined : await issueRecoveryCodes(tx, user.id);
        const next = await advance(tx, user, session.idHash, true, ctx.now(), ctx.limits);
        await ctx.record(tx, { actor: { kind: 'user', id: user.id }, action: 'mfa.webauthn_register', brandId: null, outcome: 'success', target: { type: 'webauthn_credential', id } }, from);
        return { id, step: next, ...(recoveryCodes && { recoveryCodes }) };
      });
      if (result) return result;
      await ctx.recordAlone({ actor: { kind: 'user', id: user.id }, action: 'mfa.webauthn_register', brandId: null, outcome: 'failure' }, from);
      throw authErrors.webauthn_invalid();
    },
  };
}
