import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDatabase } from '../testing/databases.js';
import { accessFixture, type AccessFixture } from './fixture.test-helpers.js';

forEachDatabase('access: sign-in', (getDb) => {
  let f: AccessFixture;
  beforeAll(async () => {
    f = await accessFixture(getDb());
  });

  it('a new user signs in with the one-time password and must change it first', async () => {
    const brand = await f.brand();
    const { user, oneTimePassword } = await f.newUser('agent', brand.id);
    const step = await f.access.auth.login({ email: user.email.toUpperCase(), password: oneTimePassword }, {});
    expect(step.status).toBe('password_change_required');
    // a pending session is not a sign-in
    await expect(f.access.auth.resolveSession(step.sessionId)).rejects.toMatchObject({ code: 'auth.unauthenticated' });
    await expect(
      f.access.auth.changePassword(step.sessionId, { currentPassword: oneTimePassword, newPassword: 'short1' }, {}),
    ).rejects.toMatchObject({ code: 'auth.weak_password' });
    const done = await f.access.auth.changePassword(step.sessionId, { currentPassword: oneTimePassword, newPassword: f.password }, {});
    expect(done.status).toBe('ok'); // agent of a brand without agent MFA
    const p = await f.access.auth.resolveSession(done.sessionId);
    expect(p.actor).toEqual({ kind: 'user', id: user.id });
    expect(p.roles.get(brand.id)).toBe('agent');
    // the one-time password no longer works, the new one does
    await expect(f.access.auth.login({ email: user.email, password: oneTimePassword }, {})).rejects.toMatchObject({ code: 'auth.invalid_credentials' });
    expect((await f.access.auth.login({ email: user.email, password: f.password }, {})).status).toBe('ok');
  });

  it('wrong password and unknown email fail the same way, and both are audited', async () => {
    const { user } = await f.newUser('agent', (await f.brand()).id);
    const a = await f.access.auth.login({ email: user.email, password: 'not the password 1' }, {}).catch((e: unknown) => e);
    const b = await f.access.auth.login({ email: 'nobody@example.test', password: 'not the password 1' }, {}).catch((e: unknown) => e);
    expect(a).toMatchObject({ code: 'auth.invalid_credentials' });
    expect(b).toMatchObject({ code: 'auth.invalid_credentials', message: (a as Error).message });
    expect(await f.events(user.id)).toContainEqual(expect.objectContaining({ action: 'auth.login', outcome: 'failure' }));
  });

  it('MFA is mandatory for every role but agent; for agents the brand decides', async () => {
    const relaxed = await f.brand(false);
    const strict = await f.brand(true);
    const cases: [Parameters<AccessFixture['newUser']>[0], string | null, string][] = [
      ['security_admin', null, 'mfa_enrollment_required'],
      ['supervisor', relaxed.id, 'mfa_enrollment_required'],
      ['qa_reviewer', relaxed.id, 'mfa_enrollment_required'],
      ['auditor', relaxed.id, 'mfa_enrollment_required'],
      ['agent', relaxed.id, 'ok'],
      ['agent', strict.id, 'mfa_enrollment_required'],
    ];
    for (const [role, brandId, expected] of cases) {
      const { user, oneTimePassword } = await f.newUser(role, brandId);
      const s = await f.access.auth.login({ email: user.email, password: oneTimePassword }, {});
      const next = await f.access.auth.changePassword(s.sessionId, { currentPassword: oneTimePassword, newPassword: f.password }, {});
      expect([role, next.status]).toEqual([role, expected]);
    }
  });

  it('an enrolled user is asked for MFA, then gets a full session', async () => {
    const s = await f.signedIn('supervisor', (await f.brand()).id);
    const step = await f.access.auth.login({ email: s.email, password: f.password }, {});
    expect(step).toMatchObject({ status: 'mfa_required', methods: ['totp', 'recovery'] });
    expect(await f.access.auth.status(step.sessionId)).toEqual({ status: 'mfa_required', methods: ['totp', 'recovery'] });
    const ok = await f.access.auth.verifyTotp(step.sessionId, await f.totp(s.totpSecret as string), {});
    expect(ok.status).toBe('ok');
    const me = await f.access.auth.me(await f.access.auth.resolveSession(ok.sessionId));
    expect(me.mfa).toEqual({ totp: true, passkeys: 0 });
    expect(me.user.assignments).toHaveLength(1);
  });

  it('logout ends one session, logout-all ends every session of the user', async () => {
    const s = await f.signedIn('agent', (await f.brand()).id);
    const other = await f.access.auth.login({ email: s.email, password: f.password }, {});
    const third = await f.access.auth.login({ email: s.email, password: f.password }, {});
    await f.access.auth.logout(other.sessionId, {});
    await expect(f.access.auth.resolveSession(other.sessionId)).rejects.toMatchObject({ code: 'auth.session_expired' });
    await f.access.auth.resolveSession(third.sessionId);
    await f.access.auth.logoutAll(s.principal);
    await expect(f.access.auth.resolveSession(third.sessionId)).rejects.toMatchObject({ code: 'auth.session_expired' });
    await expect(f.access.auth.resolveSession(s.sessionId)).rejects.toMatchObject({ code: 'auth.session_expired' });
    expect((await f.events(s.user.id)).map((e) => e.action)).toEqual(expect.arrayContaining(['auth.logout', 'auth.logout_all']));
  });

  it('a password change ends the other sessions of the user', async () => {
    const s = await f.signedIn('agent', (await f.brand()).id);
    const other = await f.access.auth.login({ email: s.email, password: f.password }, {});
    const changed = await f.access.auth.changePassword(s.sessionId, { currentPassword: f.password, newPassword: 'another good pass 7' }, {});
    expect(changed.status).toBe('ok');
    await f.access.auth.resolveSession(changed.sessionId);
    await expect(f.access.auth.resolveSession(other.sessionId)).rejects.toMatchObject({ code: 'auth.session_expired' });
  });

  it('a hash made with weaker parameters is upgraded at the next successful sign-in', async () => {
    const s = await f.signedIn('agent', (await f.brand()).id);
    const { hash } = await import('@node-rs/argon2');
    const weak = await hash(f.password, { algorithm: 2, memoryCost: 4096, timeCost: 3, parallelism: 1 });
    await f.db.query('UPDATE users SET password_hash = $2 WHERE id = $1', [s.user.id, weak]);
    expect((await f.access.auth.login({ email: s.email, password: f.password }, {})).status).toBe('ok');
    const { rows } = await f.db.query<{ h: string }>('SELECT password_hash AS h FROM users WHERE id = $1', [s.user.id]);
    expect(rows[0]?.h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('seedDemo creates a demo brand and one user per role once, with one-time passwords', async () => {
    const seeded = await f.access.seedDemo();
    // this database already has users from the tests above: first start is over, nothing is created
    expect(seeded).toBeNull();
  });
});

describe('access: demo bootstrap on an empty database', () => {
  forEachDatabase('demo seed', (getDb) => {
    it('creates five accounts that must change their one-time password, and only once', async () => {
      const f = await accessFixture(getDb());
      const seeded = await f.access.seedDemo();
      expect(seeded?.accounts.map((a) => a.role).sort()).toEqual(['agent', 'auditor', 'qa_reviewer', 'security_admin', 'supervisor']);
      for (const a of seeded?.accounts ?? []) {
        expect(a.oneTimePassword).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
        const step = await f.access.auth.login({ email: a.email, password: a.oneTimePassword }, {});
        expect(step.status).toBe('password_change_required');
      }
      const admin = await f.access.users.list(f.system);
      expect(admin.filter((u) => u.isSecurityAdmin)).toHaveLength(1);
      expect(await f.access.seedDemo()).toBeNull();
    });
  });
});
