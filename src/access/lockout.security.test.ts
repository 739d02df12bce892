import { beforeAll, expect, it } from 'vitest';
import { forEachDatabase } from '../testing/databases.js';
import { accessFixture, type AccessFixture } from './fixture.test-helpers.js';

forEachDatabase('access security: lockout and rate limits', (getDb) => {
  let f: AccessFixture;
  beforeAll(async () => {
    f = await accessFixture(getDb());
  });

  const loginCode = (email: string, password: string, ip?: string) =>
    f.access.auth.login({ email, password }, ip ? { ip } : {}).then(
      (s) => s.status as string,
      (e: { code: string }) => e.code,
    );

  it('10 wrong passwords lock the account for 30 minutes, even against the right password (PCI DSS 8.3.4)', async () => {
    const s = await f.signedIn('agent', (await f.brand()).id);
    for (let i = 0; i < 9; i++) expect(await loginCode(s.email, `wrong password ${i}`)).toBe('auth.invalid_credentials');
    expect(await loginCode(s.email, 'wrong password 9')).toBe('auth.invalid_credentials'); // the 10th locks
    const locked = await f.access.auth.login({ email: s.email, password: f.password }, {}).catch((e: unknown) => e);
    expect(locked).toMatchObject({ code: 'auth.locked', retryAfterSeconds: 30 * 60 });
    expect((await f.access.users.list(f.system)).find((u) => u.id === s.user.id)?.locked).toBe(true);
    f.advance(29 * 60);
    expect(await loginCode(s.email, f.password)).toBe('auth.locked');
    f.advance(60);
    expect(await loginCode(s.email, f.password)).toBe('ok');
    const events = await f.events(s.user.id);
    expect(events.filter((e) => e.action === 'auth.login' && e.details.locked === true)).toHaveLength(1);
    expect(events.filter((e) => e.details.reason === 'locked')).toHaveLength(2);
  });

  it('parallel wrong passwords cannot slip past the count (one atomic UPDATE per failure)', async () => {
    const s = await f.signedIn('agent', (await f.brand()).id);
    f.advance(300);
    await Promise.all(Array.from({ length: 10 }, (_, i) => loginCode(s.email, `parallel wrong ${i}`)));
    expect(await loginCode(s.email, f.password)).toBe('auth.locked');
    f.advance(30 * 60);
  });

  it('nine failures then a success resets the count', async () => {
    const s = await f.signedIn('agent', (await f.brand()).id);
    for (let i = 0; i < 9; i++) await loginCode(s.email, `wrong password ${i}`);
    expect(await loginCode(s.email, f.password)).toBe('ok');
    f.advance(300); // past the per-email rate-limit window, which is not what this test is about
    for (let i = 0; i < 9; i++) expect(await loginCode(s.email, `wrong password ${i}`)).toBe('auth.invalid_credentials');
    expect(await loginCode(s.email, f.password)).toBe('ok');
  });

  it('wrong MFA codes count toward the same lockout, and a right password does not reset it', async () => {
    const s = await f.signedIn('supervisor', (await f.brand()).id);
    let session = (await f.access.auth.login({ email: s.email, password: f.password }, {})).sessionId;
    const wrongCode = async () => ((await f.totp(s.totpSecret as string)) === '000000' ? '111111' : '000000');
    const wrong = await wrongCode();
    for (let i = 0; i < 5; i++) {
      await expect(f.access.auth.verifyTotp(session, wrong, {})).rejects.toMatchObject({ code: 'auth.mfa_invalid' });
    }
    f.advance(300); // next MFA rate-limit window
    session = (await f.access.auth.login({ email: s.email, password: f.password }, {})).sessionId;
    for (let i = 0; i < 5; i++) {
      await expect(f.access.auth.verifyTotp(session, wrong, {})).rejects.toMatchObject({ code: 'auth.mfa_invalid' });
    }
    await expect(f.access.auth.verifyTotp(session, await f.totp(s.totpSecret as string), {})).rejects.toMatchObject({ code: 'auth.locked' });
    expect(await loginCode(s.email, f.password)).toBe('auth.locked');
    // a security admin unlocks
    await f.access.users.unlock(f.system, s.user.id);
    expect(await loginCode(s.email, f.password)).toBe('mfa_required');
  });

  it('login is rate limited per client address, counted in the database', async () => {
    const g = await accessFixture(f.db, { loginPerIp: 5, loginWindowSeconds: 60 }, f);
    g.advance(3600);
    const ip = '198.51.100.7';
    for (let i = 0; i < 5; i++) expect(await g.access.auth.login({ email: `x${i}@example.test`, password: 'whatever pass 1' }, { ip }).catch((e: { code: string }) => e.code)).toBe('auth.invalid_credentials');
    const limited = await g.access.auth.login({ email: 'y@example.test', password: 'whatever pass 1' }, { ip }).catch((e: unknown) => e);
    expect(limited).toMatchObject({ code: 'auth.rate_limited' });
    expect((limited as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    // another address is not affected; the same one is again after the window
    expect(await g.access.auth.login({ email: 'y@example.test', password: 'whatever pass 1' }, { ip: '198.51.100.8' }).catch((e: { code: string }) => e.code)).toBe('auth.invalid_credentials');
    g.advance(61);
    expect(await g.access.auth.login({ email: 'y@example.test', password: 'whatever pass 1' }, { ip }).catch((e: { code: string }) => e.code)).toBe('auth.invalid_credentials');
  });

  it('MFA attempts are rate limited per user', async () => {
    const g = await accessFixture(f.db, { mfaPerUser: 3, mfaWindowSeconds: 300 }, f);
    g.advance(7200);
    const s = await g.signedIn('auditor', (await g.brand()).id);
    const session = (await g.access.auth.login({ email: s.email, password: g.password }, {})).sessionId;
    const codes: string[] = [];
    for (let i = 0; i < 4; i++) codes.push(await g.access.auth.verifyRecoveryCode(session, 'AAAA-AAAA-AAAA-AAAA', {}).then(() => 'ok', (e: { code: string }) => e.code));
    // the confirming TOTP in signedIn() was one hit: two wrong codes, then the limit
    expect(codes).toEqual(['auth.mfa_invalid', 'auth.mfa_invalid', 'auth.rate_limited', 'auth.rate_limited']);
  });

  it('rateLimiter.hit counts atomically per key and window', async () => {
    const key = `test:${f.unique('k')}`;
    const hits = await Promise.all(Array.from({ length: 8 }, () => f.access.rateLimiter.hit(key, 5, 3600)));
    expect(hits.map((h) => h.count).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(hits.filter((h) => h.allowed)).toHaveLength(5);
    expect((await f.access.rateLimiter.hit(`${key}:other`, 5, 3600)).count).toBe(1);
    await f.access.rateLimiter.reset(key);
    expect((await f.access.rateLimiter.hit(key, 5, 3600)).allowed).toBe(true);
  });

  it('a suspended user is signed out everywhere and cannot sign in until reinstated; each step is audited', async () => {
    const s = await f.signedIn('agent', (await f.brand()).id);
    f.advance(300);
    expect(await f.access.auth.resolveSession(s.sessionId)).not.toBeNull();
    expect(await f.access.users.suspend(f.system, s.user.id)).toEqual({ sessionsEnded: 1 });
    await expect(f.access.auth.resolveSession(s.sessionId)).rejects.toMatchObject({ code: 'auth.session_expired' });
    expect(await loginCode(s.email, f.password)).toBe('auth.suspended');
    // Without the password nothing tells that the account is suspended.
    expect(await loginCode(s.email, 'a wrong password')).toBe('auth.invalid_credentials');
    expect((await f.access.users.list(f.system)).find((u) => u.id === s.user.id)?.suspended).toBe(true);
    await f.access.users.reinstate(f.system, s.user.id);
    expect(await loginCode(s.email, f.password)).toBe('ok');
    const actions = (await f.events(s.user.id)).map((e) => `${e.action}:${e.outcome}`);
    expect(actions).toContain('auth.login:denied');
  });
});
