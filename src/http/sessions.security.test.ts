import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { forEachDatabase } from '../testing/databases.js';
import { CSRF, get, operator, post, sessionCookieOf, signInFirstTime, startTestServer, totpCode, type TestServer } from './http.test-helpers.js';

/**
 * Sessions over HTTP: fixation (a new id after login and after MFA, old ids dead), idle and
 * absolute expiry (PCI DSS 8.2.8, with the server's clock moved by the test), lockout after 10
 * failures for 30 minutes (PCI DSS 8.3.4), TOTP codes single-use, cookie attributes and CSRF.
 */
forEachDatabase('sessions over HTTP', (getDb) => {
  let t: TestServer;
  let brandId: string;
  const password = 'correct horse battery staple 42';

  /** A supervisor (MFA mandatory) who has been through first sign-in; returns their TOTP secret. */
  async function enrolledUser(): Promise<{ email: string; secret: string; cookie: string }> {
    const email = `sess-${randomUUID().slice(0, 8)}@example.test`;
    const { oneTimePassword } = await t.services.access.users.create(operator, { email, displayName: 'Session Test', assignments: [{ brandId, role: 'supervisor' }] });
    const { cookie, totpSecret } = await signInFirstTime(t, email, oneTimePassword, password);
    if (!totpSecret) throw new Error('supervisor should have enrolled TOTP');
    // The enrollment used this step's code; later sign-ins in the test need a fresh step.
    t.clock.advance(30);
    return { email, secret: totpSecret, cookie };
  }
  const login = (email: string, pw: string, cookie?: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { ...CSRF, ...(cookie && { cookie: `cv_session=${cookie}` }) }, payload: { email, password: pw } });

  beforeAll(async () => {
    t = await startTestServer(getDb());
    brandId = (await t.services.access.brands.create(operator, { name: `Sessions ${randomUUID().slice(0, 8)}` })).id;
  });
  afterAll(async () => t?.close());

  it('issues a new session id at login and after MFA; the earlier ids stop working', async () => {
    const u = await enrolledUser();
    const planted = 'attacker-chosen-session-id-0123456789abcdef';
    const first = await login(u.email, password, planted);
    expect(first.json()).toMatchObject({ status: 'mfa_required' });
    const pending = sessionCookieOf(first);
    expect(pending).toBeDefined();
    expect(pending).not.toBe(planted);
    const mfa = await post(t, '/api/v1/auth/mfa/totp', pending!, { code: await totpCode(t, u.secret) });
    expect(mfa.statusCode).toBe(200);
    const full = sessionCookieOf(mfa);
    expect(full).toBeDefined();
    expect(full).not.toBe(pending);
    expect((await get(t, '/api/v1/auth/me', full!)).statusCode).toBe(200);
    expect((await get(t, '/api/v1/auth/status', pending!)).statusCode).toBe(401);
    expect((await get(t, '/api/v1/auth/me', planted)).statusCode).toBe(401);
    // A pending session is not a signed-in one.
    const again = sessionCookieOf(await login(u.email, password));
    expect((await get(t, '/api/v1/auth/me', again!)).statusCode).toBe(401);
  });

  it('sets the cookie httpOnly, SameSite=Strict, path /', async () => {
    const u = await enrolledUser();
    const res = await login(u.email, password);
    const c = res.cookies.find((x) => x.name === 'cv_session');
    expect(c).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(c?.secure).toBeFalsy(); // this test server runs with CALLVAULT_SECURE_COOKIES=false
  });

  it('ends a session after 15 minutes idle, not before, and clears the cookie', async () => {
    const { cookie } = await enrolledUser();
    t.clock.advance(14 * 60);
    expect((await get(t, '/api/v1/auth/me', cookie)).statusCode).toBe(200);
    t.clock.advance(14 * 60); // 28 min since sign-in but only 14 idle
    expect((await get(t, '/api/v1/auth/me', cookie)).statusCode).toBe(200);
    t.clock.advance(15 * 60 + 1);
    const expired = await get(t, '/api/v1/auth/me', cookie);
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ error: 'auth.session_expired' });
    expect(expired.cookies.find((x) => x.name === 'cv_session')?.value).toBe('');
    t.clock.advance(-15 * 60 - 1);
    expect((await get(t, '/api/v1/auth/me', cookie)).statusCode).toBe(401); // gone for good, not just late
  });

  it('ends a session after 12 hours however active', async () => {
    const { cookie } = await enrolledUser();
    let lastOk = 0;
    for (let minutes = 10; minutes <= 13 * 60; minutes += 10) {
      t.clock.advance(10 * 60);
      if ((await get(t, '/api/v1/auth/me', cookie)).statusCode !== 200) break;
      lastOk = minutes;
    }
    expect(lastOk).toBeGreaterThanOrEqual(11 * 60 + 50);
    expect(lastOk).toBeLessThan(12 * 60);
  });

  it('locks an account after 10 failed passwords for 30 minutes, even for the right password', async () => {
    const u = await enrolledUser();
    for (let i = 0; i < 10; i++) expect((await login(u.email, `wrong password ${i}`)).statusCode).toBe(401);
    const locked = await login(u.email, password);
    expect(locked.statusCode).toBe(423);
    expect(locked.json()).toMatchObject({ error: 'auth.locked' });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advance(29 * 60);
    expect((await login(u.email, password)).statusCode).toBe(423);
    t.clock.advance(2 * 60);
    expect((await login(u.email, password)).json()).toMatchObject({ status: 'mfa_required' });
  });

  it('refuses a TOTP code that was already used, and accepts the next step', async () => {
    const u = await enrolledUser();
    const code = await totpCode(t, u.secret);
    const first = sessionCookieOf(await login(u.email, password))!;
    expect((await post(t, '/api/v1/auth/mfa/totp', first, { code })).statusCode).toBe(200);
    const second = sessionCookieOf(await login(u.email, password))!;
    const replay = await post(t, '/api/v1/auth/mfa/totp', second, { code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ error: 'auth.mfa_invalid' });
    t.clock.advance(30);
    expect((await post(t, '/api/v1/auth/mfa/totp', second, { code: await totpCode(t, u.secret) })).statusCode).toBe(200);
  });

  it('requires x-callvault-csrf on state-changing cookie requests', async () => {
    const { cookie } = await enrolledUser();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout-all', headers: { cookie: `cv_session=${cookie}` } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: 'request.csrf' });
    expect((await get(t, '/api/v1/auth/me', cookie)).statusCode).toBe(200); // nothing happened
    const noHeaderLogin = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'x@example.test', password: 'y' } });
    expect(noHeaderLogin.statusCode).toBe(403);
  });

  it('logs out everywhere', async () => {
    const u = await enrolledUser();
    t.clock.advance(30);
    const other = sessionCookieOf(await login(u.email, password))!;
    const full = sessionCookieOf(await post(t, '/api/v1/auth/mfa/totp', other, { code: await totpCode(t, u.secret) }))!;
    expect((await post(t, '/api/v1/auth/logout-all', u.cookie)).statusCode).toBe(204);
    expect((await get(t, '/api/v1/auth/me', u.cookie)).statusCode).toBe(401);
    expect((await get(t, '/api/v1/auth/me', full)).statusCode).toBe(401);
  });
});
