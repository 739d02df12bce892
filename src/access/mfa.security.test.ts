import { beforeAll, expect, it } from 'vitest';
import { forEachDatabase } from '../testing/databases.js';
import { SoftAuthenticator } from './soft-authenticator.test-helpers.js';
import { accessFixture, PUBLIC_URL, type AccessFixture } from './fixture.test-helpers.js';

forEachDatabase('access security: MFA', (getDb) => {
  let f: AccessFixture;
  beforeAll(async () => {
    f = await accessFixture(getDb());
  });

  const pending = async (email: string) => (await f.access.auth.login({ email, password: f.password }, {})).sessionId;
  const outcome = (p: Promise<{ status: string }>) => p.then((r) => r.status, (e: { code: string }) => e.code);

  it('a TOTP code that worked once is refused afterwards, in any session', async () => {
    const s = await f.signedIn('supervisor', (await f.brand()).id);
    const code = await f.totp(s.totpSecret as string);
    expect(await outcome(f.access.auth.verifyTotp(await pending(s.email), code, {}))).toBe('ok');
    expect(await outcome(f.access.auth.verifyTotp(await pending(s.email), code, {}))).toBe('auth.mfa_invalid');
    // nor may an older code still inside the ±1 window be used after a newer one
    f.advance(30);
    expect(await outcome(f.access.auth.verifyTotp(await pending(s.email), await f.totp(s.totpSecret as string), {}))).toBe('ok');
    expect(await outcome(f.access.auth.verifyTotp(await pending(s.email), code, {}))).toBe('auth.mfa_invalid');
    expect((await f.events(s.user.id)).filter((e) => e.action === 'auth.mfa' && e.outcome === 'failure')).toHaveLength(2);
  });

  it('the same TOTP code sent twice at once succeeds once', async () => {
    const s = await f.signedIn('supervisor', (await f.brand()).id);
    const [a, b] = [await pending(s.email), await pending(s.email)];
    const code = await f.totp(s.totpSecret as string);
    const results = await Promise.all([outcome(f.access.auth.verifyTotp(a, code, {})), outcome(f.access.auth.verifyTotp(b, code, {}))]);
    expect(results.sort()).toEqual(['auth.mfa_invalid', 'ok']);
  });

  it('the same recovery code sent twice at once succeeds once', async () => {
    const s = await f.signedIn('auditor', (await f.brand()).id);
    const [a, b] = [await pending(s.email), await pending(s.email)];
    const code = s.recoveryCodes[3] as string;
    const results = await Promise.all([outcome(f.access.auth.verifyRecoveryCode(a, code, {})), outcome(f.access.auth.verifyRecoveryCode(b, code, {}))]);
    expect(results.sort()).toEqual(['auth.mfa_invalid', 'ok']);
  });

  it('recovery codes and TOTP secrets are not stored in the clear', async () => {
    const s = await f.signedIn('auditor', (await f.brand()).id);
    const { rows } = await f.db.query<{ dump: string }>(
      `SELECT string_agg(encode(code_hash, 'escape'), '|') || coalesce((SELECT encode(secret_sealed, 'escape') FROM mfa_totp WHERE user_id = $1), '') AS dump
         FROM mfa_recovery_codes WHERE user_id = $1`,
      [s.user.id],
    );
    const dump = rows[0]?.dump ?? '';
    expect(dump.length).toBeGreaterThan(0);
    for (const c of s.recoveryCodes) expect(dump).not.toContain(c.replace(/-/g, ''));
    expect(dump).not.toContain(s.totpSecret as string);
  });

  async function withPasskey() {
    const { user, oneTimePassword } = await f.newUser('supervisor', (await f.brand()).id);
    const s0 = await f.access.auth.login({ email: user.email, password: oneTimePassword }, {});
    const s1 = await f.access.auth.changePassword(s0.sessionId, { currentPassword: oneTimePassword, newPassword: f.password }, {});
    const key = new SoftAuthenticator(new URL(PUBLIC_URL).origin);
    const reg = await f.access.mfa.verifyWebauthnRegistration(s1.sessionId, key.register(await f.access.mfa.webauthnRegistrationOptions(s1.sessionId, {})), undefined, {});
    expect(reg.step.status).toBe('ok');
    return { user, key };
  }

  it('a WebAuthn challenge answers one response: a replayed assertion is refused', async () => {
    const { user, key } = await withPasskey();
    const session = await pending(user.email);
    const response = key.authenticate(await f.access.auth.webauthnOptions(session, {}));
    expect(await outcome(f.access.auth.verifyWebauthn(session, response, {}))).toBe('ok');
    const next = await pending(user.email);
    await f.access.auth.webauthnOptions(next, {}); // a fresh challenge exists, but the old response is for the old one
    expect(await outcome(f.access.auth.verifyWebauthn(next, response, {}))).toBe('auth.webauthn_invalid');
    // that failed attempt burned the fresh challenge too
    expect(await outcome(f.access.auth.verifyWebauthn(next, key.authenticate({ challenge: 'x', rpId: 'callvault.test' }), {}))).toBe('auth.challenge_expired');
  });

  it('WebAuthn refuses another origin, another key, and an expired challenge', async () => {
    const { user, key } = await withPasskey();
    const phishing = await pending(user.email);
    const opts = await f.access.auth.webauthnOptions(phishing, {});
    expect(await outcome(f.access.auth.verifyWebauthn(phishing, key.authenticate(opts, 'https://callvault.test.evil.example'), {}))).toBe('auth.webauthn_invalid');

    const impostor = new SoftAuthenticator(new URL(PUBLIC_URL).origin);
    const s2 = await pending(user.email);
    const forged = impostor.authenticate(await f.access.auth.webauthnOptions(s2, {}));
    expect(await outcome(f.access.auth.verifyWebauthn(s2, { ...forged, id: key.id, rawId: key.id }, {}))).toBe('auth.webauthn_invalid');

    const s3 = await pending(user.email);
    const late = key.authenticate(await f.access.auth.webauthnOptions(s3, {}));
    f.advance(5 * 60 + 1);
    expect(await outcome(f.access.auth.verifyWebauthn(s3, late, {}))).toBe('auth.challenge_expired');
  });

  it('a passkey registration cannot be replayed into another account', async () => {
    const { oneTimePassword, user } = await f.newUser('supervisor', (await f.brand()).id);
    const s0 = await f.access.auth.login({ email: user.email, password: oneTimePassword }, {});
    const s1 = await f.access.auth.changePassword(s0.sessionId, { currentPassword: oneTimePassword, newPassword: f.password }, {});
    const key = new SoftAuthenticator(new URL(PUBLIC_URL).origin);
    // a response built for a challenge the server never issued to this session
    const stale = key.register({ challenge: Buffer.from('not issued by the server').toString('base64url'), rp: { id: 'callvault.test' } });
    await f.access.mfa.webauthnRegistrationOptions(s1.sessionId, {});
    await expect(f.access.mfa.verifyWebauthnRegistration(s1.sessionId, stale, undefined, {})).rejects.toMatchObject({ code: 'auth.webauthn_invalid' });
    expect((await f.access.auth.status(s1.sessionId)).status).toBe('mfa_enrollment_required');
  });
});
