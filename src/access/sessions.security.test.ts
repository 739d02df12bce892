import { beforeAll, expect, it } from 'vitest';
import { forEachDatabase } from '../testing/databases.js';
import { accessFixture, type AccessFixture } from './fixture.test-helpers.js';

forEachDatabase('access security: sessions', (getDb) => {
  let f: AccessFixture;
  beforeAll(async () => {
    f = await accessFixture(getDb());
  });

  it('fixation: every sign-in step issues a new id and kills the one before it', async () => {
    const s = await f.signedIn('supervisor', (await f.brand()).id);
    const planted = (await f.access.auth.login({ email: s.email, password: f.password }, {})).sessionId;
    // an attacker's pre-login id presented at login is replaced, not upgraded
    const login = await f.access.auth.login({ email: s.email, password: f.password }, {}, planted);
    expect(login.sessionId).not.toBe(planted);
    await expect(f.access.auth.status(planted)).rejects.toMatchObject({ code: 'auth.session_expired' });
    f.advance(30);
    const done = await f.access.auth.verifyTotp(login.sessionId, await f.totp(s.totpSecret as string), {});
    expect(done.sessionId).not.toBe(login.sessionId);
    await expect(f.access.auth.status(login.sessionId)).rejects.toMatchObject({ code: 'auth.session_expired' });
    await expect(f.access.auth.resolveSession(done.sessionId)).resolves.toMatchObject({ actor: { id: s.user.id } });
  });

  it('only the SHA-256 of a session id is stored', async () => {
    const s = await f.signedIn('agent', (await f.brand()).id);
    const { rows } = await f.db.query<{ hex: string }>("SELECT encode(id_hash, 'hex') AS hex FROM sessions WHERE user_id = $1", [s.user.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.hex).not.toContain(Buffer.from(s.sessionId, 'base64url').toString('hex'));
    expect(Buffer.from(s.sessionId, 'base64url')).toHaveLength(32); // 256 random bits
  });

  it('idle timeout: 15 minutes without a request ends the session (PCI DSS 8.2.8)', async () => {
    const s = await f.signedIn('agent', (await f.brand()).id);
    f.advance(14 * 60);
    await f.access.auth.resolveSession(s.sessionId); // activity restarts the idle clock
    f.advance(14 * 60);
    await f.access.auth.resolveSession(s.sessionId);
    f.advance(15 * 60 + 1);
    await expect(f.access.auth.resolveSession(s.sessionId)).rejects.toMatchObject({ code: 'auth.session_expired' });
    // and it stays dead although the clock does not move
    await expect(f.access.auth.resolveSession(s.sessionId)).rejects.toMatchObject({ code: 'auth.session_expired' });
  });

  it('absolute timeout: a busy session still ends after 12 hours', async () => {
    const s = await f.signedIn('agent', (await f.brand()).id);
    for (let minutes = 10; minutes < 12 * 60; minutes += 10) {
      f.advance(10 * 60);
      await f.access.auth.resolveSession(s.sessionId);
    }
    f.advance(10 * 60);
    await expect(f.access.auth.resolveSession(s.sessionId)).rejects.toMatchObject({ code: 'auth.session_expired' });
  });

  it('a pending session is not a principal, and expires after 10 minutes', async () => {
    const s = await f.signedIn('supervisor', (await f.brand()).id);
    const pending = await f.access.auth.login({ email: s.email, password: f.password }, {});
    await expect(f.access.auth.resolveSession(pending.sessionId)).rejects.toMatchObject({ code: 'auth.unauthenticated' });
    f.advance(10 * 60 + 1);
    await expect(f.access.auth.verifyTotp(pending.sessionId, await f.totp(s.totpSecret as string), {})).rejects.toMatchObject({
      code: 'auth.session_expired',
    });
  });

  it('a session waiting for MFA cannot enroll a factor of its own (password alone is not enough)', async () => {
    const s = await f.signedIn('supervisor', (await f.brand()).id);
    const pending = await f.access.auth.login({ email: s.email, password: f.password }, {});
    await expect(f.access.mfa.enrollTotp(pending.sessionId, {})).rejects.toMatchObject({ code: 'auth.wrong_step' });
    await expect(f.access.mfa.webauthnRegistrationOptions(pending.sessionId, {})).rejects.toMatchObject({ code: 'auth.wrong_step' });
    await expect(f.access.auth.changePassword(pending.sessionId, { currentPassword: f.password, newPassword: 'x new password 9' }, {})).rejects.toMatchObject({
      code: 'auth.wrong_step',
    });
  });

  it('a session waiting for a password change can do nothing else', async () => {
    const { user, oneTimePassword } = await f.newUser('agent', (await f.brand()).id);
    const step = await f.access.auth.login({ email: user.email, password: oneTimePassword }, {});
    await expect(f.access.auth.resolveSession(step.sessionId)).rejects.toMatchObject({ code: 'auth.unauthenticated' });
    await expect(f.access.mfa.enrollTotp(step.sessionId, {})).rejects.toMatchObject({ code: 'auth.wrong_step' });
    await expect(f.access.auth.verifyTotp(step.sessionId, '123456', {})).rejects.toMatchObject({ code: 'auth.wrong_step' });
  });

  it('a session made by one server is honoured by another on the same database', async () => {
    const s = await f.signedIn('agent', (await f.brand()).id);
    const second = await accessFixture(f.db, {}, f); // another server of the installation: its own services and clock
    await expect(second.access.auth.resolveSession(s.sessionId)).resolves.toMatchObject({ actor: { id: s.user.id } });
    await second.access.auth.logout(s.sessionId, {});
    await expect(f.access.auth.resolveSession(s.sessionId)).rejects.toMatchObject({ code: 'auth.session_expired' });
  });
});
