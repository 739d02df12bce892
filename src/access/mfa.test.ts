import { beforeAll, expect, it } from 'vitest';
import { forEachDatabase } from '../testing/databases.js';
import { accessFixture, PUBLIC_URL, type AccessFixture } from './fixture.test-helpers.js';
import { SoftAuthenticator } from './soft-authenticator.test-helpers.js';

forEachDatabase('access: MFA', (getDb) => {
  let f: AccessFixture;
  beforeAll(async () => {
    f = await accessFixture(getDb());
  });

  /** A supervisor who has changed the one-time password and now must enroll. */
  async function enrolling() {
    const { user, oneTimePassword } = await f.newUser('supervisor', (await f.brand()).id);
    const s = await f.access.auth.login({ email: user.email, password: oneTimePassword }, {});
    const step = await f.access.auth.changePassword(s.sessionId, { currentPassword: oneTimePassword, newPassword: f.password }, {});
    expect(step.status).toBe('mfa_enrollment_required');
    return { user, sessionId: step.sessionId };
  }

  it('TOTP enrollment gives an otpauth URL and a QR code, and the secret is stored sealed', async () => {
    const { user, sessionId } = await enrolling();
    const { otpauthUrl, qrSvg } = await f.access.mfa.enrollTotp(sessionId, {});
    const url = new URL(otpauthUrl);
    expect(url.protocol).toBe('otpauth:');
    expect(url.host).toBe('totp');
    const secret = url.searchParams.get('secret') as string;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/); // 160 bits, base32
    expect(url.searchParams.get('issuer')).toBe('callvault');
    expect(qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const { rows } = await f.db.query<{ s: string }>("SELECT encode(pending_secret_sealed, 'escape') AS s FROM mfa_totp WHERE user_id = $1", [user.id]);
    expect(rows[0]?.s).toBeDefined();
    expect(rows[0]?.s).not.toContain(secret);
  });

  it('TOTP confirmation rejects a wrong code, then accepts the right one and issues 10 recovery codes', async () => {
    const { sessionId } = await enrolling();
    const secret = new URL((await f.access.mfa.enrollTotp(sessionId, {})).otpauthUrl).searchParams.get('secret') as string;
    const good = await f.totp(secret);
    const wrong = good === '000000' ? '111111' : '000000';
    await expect(f.access.mfa.confirmTotp(sessionId, wrong, {})).rejects.toMatchObject({ code: 'auth.mfa_invalid' });
    const { recoveryCodes, step } = await f.access.mfa.confirmTotp(sessionId, good, {});
    expect(step.status).toBe('ok');
    expect(step.sessionId).not.toBe(sessionId);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const c of recoveryCodes) expect(c).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  });

  it('TOTP accepts the previous and next 30-second step and nothing further', async () => {
    const s = await f.signedIn('auditor', (await f.brand()).id);
    const secret = s.totpSecret as string;
    const attempt = async (offset: number) => {
      f.advance(90); // a fresh step each time: earlier steps are spent
      const step = await f.access.auth.login({ email: s.email, password: f.password }, {});
      return f.access.auth.verifyTotp(step.sessionId, await f.totp(secret, offset), {}).then(
        (r) => r.status,
        (e: { code: string }) => e.code,
      );
    };
    expect(await attempt(-1)).toBe('ok');
    expect(await attempt(1)).toBe('ok');
    expect(await attempt(0)).toBe('ok');
    expect(await attempt(-2)).toBe('auth.mfa_invalid');
    expect(await attempt(2)).toBe('auth.mfa_invalid');
  });

  it('recovery codes sign in once each', async () => {
    const s = await f.signedIn('qa_reviewer', (await f.brand()).id);
    const [code] = s.recoveryCodes as [string];
    const first = await f.access.auth.login({ email: s.email, password: f.password }, {});
    // typed without dashes and in lower case: still the same code
    const ok = await f.access.auth.verifyRecoveryCode(first.sessionId, code.replace(/-/g, '').toLowerCase(), {});
    expect(ok.status).toBe('ok');
    const again = await f.access.auth.login({ email: s.email, password: f.password }, {});
    await expect(f.access.auth.verifyRecoveryCode(again.sessionId, code, {})).rejects.toMatchObject({ code: 'auth.mfa_invalid' });
    const { rows } = await f.db.query<{ n: number }>('SELECT count(*)::int AS n FROM mfa_recovery_codes WHERE user_id = $1 AND used_at IS NULL', [s.user.id]);
    expect(rows[0]?.n).toBe(9);
  });

  it('a passkey registers with a real ES256 attestation and then signs in', async () => {
    const { user, sessionId } = await enrolling();
    const key = new SoftAuthenticator(new URL(PUBLIC_URL).origin);
    const options = await f.access.mfa.webauthnRegistrationOptions(sessionId, {});
    expect(options.rp.id).toBe('callvault.test');
    expect(options.attestation).toBe('none');
    const reg = await f.access.mfa.verifyWebauthnRegistration(sessionId, key.register(options), 'laptop', {});
    expect(reg.step.status).toBe('ok');
    expect(reg.recoveryCodes).toHaveLength(10); // first factor: recovery codes come with it

    const step = await f.access.auth.login({ email: user.email, password: f.password }, {});
    expect(step).toMatchObject({ status: 'mfa_required', methods: ['webauthn', 'recovery'] });
    const req = await f.access.auth.webauthnOptions(step.sessionId, {});
    expect(req.allowCredentials?.map((c) => c.id)).toEqual([key.id]);
    const done = await f.access.auth.verifyWebauthn(step.sessionId, key.authenticate(req), {});
    expect(done.status).toBe('ok');
    const me = await f.access.auth.me(await f.access.auth.resolveSession(done.sessionId));
    expect(me.mfa).toEqual({ totp: false, passkeys: 1 });
    const { rows } = await f.db.query<{ counter: number }>('SELECT counter FROM webauthn_credentials WHERE id = $1', [reg.id]);
    expect(Number(rows[0]?.counter)).toBe(1);
  });

  it('an admin MFA reset removes every factor and ends sessions: the next sign-in enrolls again', async () => {
    const s = await f.signedIn('supervisor', (await f.brand()).id);
    await f.access.users.resetMfa(f.system, s.user.id);
    await expect(f.access.auth.resolveSession(s.sessionId)).rejects.toMatchObject({ code: 'auth.session_expired' });
    const step = await f.access.auth.login({ email: s.email, password: f.password }, {});
    expect(step.status).toBe('mfa_enrollment_required');
  });
});
