import { beforeAll, expect, it } from 'vitest';
import { forEachDatabase } from '../testing/databases.js';
import { isAllowed } from './principal.js';
import { accessFixture, type AccessFixture } from './fixture.test-helpers.js';

forEachDatabase('access security: brand scoping and API keys', (getDb) => {
  let f: AccessFixture;
  beforeAll(async () => {
    f = await accessFixture(getDb());
  });

  const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code: string }) => e.code);

  it('a supervisor lists the users of their own brand only, with only that brand in view', async () => {
    const [a, b] = [await f.brand(), await f.brand()];
    const sup = await f.signedIn('supervisor', a.id);
    const inA = await f.newUser('agent', a.id);
    const inB = await f.newUser('agent', b.id);
    // a user in both brands: the supervisor of A must not learn about the role in B
    await f.access.users.setAssignments(f.system, inA.user.id, [
      { brandId: a.id, role: 'agent' },
      { brandId: b.id, role: 'qa_reviewer' },
    ]);
    const seen = await f.access.users.list(sup.principal);
    const ids = seen.map((u) => u.id);
    expect(ids).toContain(inA.user.id);
    expect(ids).not.toContain(inB.user.id);
    expect(seen.flatMap((u) => u.assignments.map((x) => x.brandId))).not.toContain(b.id);
    expect(await code(f.access.users.list(sup.principal, { brandId: b.id }))).toBe('access.forbidden');
    expect((await f.access.brands.list(sup.principal)).map((x) => x.id)).toEqual([a.id]);
  });

  it('agents may not read users; every denial is audited although the action failed', async () => {
    const a = await f.brand();
    const agent = await f.signedIn('agent', a.id);
    expect(await code(f.access.users.list(agent.principal))).toBe('access.forbidden');
    expect(await code(f.access.users.create(agent.principal, { email: 'x@example.test', displayName: 'X', assignments: [{ brandId: a.id, role: 'supervisor' }] }))).toBe('access.forbidden');
    expect(await code(f.access.brands.update(agent.principal, a.id, { agentMfaRequired: false }))).toBe('access.forbidden');
    expect(await code(f.access.apiKeys.create(agent.principal, a.id, { name: 'k', scopes: ['brand.read'], expiresInDays: 1 }))).toBe('access.forbidden');
    const denied = (await f.events(agent.user.id)).filter((e) => e.outcome === 'denied').map((e) => e.action);
    // events of different chains share the frozen clock, so compare as a set
    expect(denied.sort()).toEqual(['apikey.manage', 'brand.manage', 'user.manage', 'user.read']);
    // a brand id made up by the caller does not open an audit chain of its own
    expect(await code(f.access.apiKeys.list(agent.principal, 'not-a-brand'))).toBe('access.forbidden');
    const { rows } = await f.db.query("SELECT 1 FROM audit_events WHERE chain_id = 'not-a-brand' OR brand_id = 'not-a-brand'");
    expect(rows).toHaveLength(0);
    expect((await f.events(agent.user.id)).filter((e) => e.outcome === 'denied')).toHaveLength(5);
  });

  it('only a security admin creates brands and users, or grants BPO-wide admin', async () => {
    const a = await f.brand();
    const admin = await f.signedIn('security_admin', null);
    const sup = await f.signedIn('supervisor', a.id);
    expect(await code(f.access.brands.create(sup.principal, { name: f.unique('b') }))).toBe('access.forbidden');
    expect(await code(f.access.users.create(sup.principal, { email: `${f.unique('u')}@example.test`, displayName: 'U', isSecurityAdmin: true, assignments: [] }))).toBe('access.forbidden');
    const brand = await f.access.brands.create(admin.principal, { name: f.unique('b'), agentMfaRequired: true });
    expect(brand.agentMfaRequired).toBe(true);
    const made = await f.access.users.create(admin.principal, { email: `${f.unique('u')}@example.test`, displayName: 'U', assignments: [{ brandId: brand.id, role: 'auditor' }] });
    expect(made.user.assignments).toEqual([{ brandId: brand.id, brandName: brand.name, role: 'auditor' }]);
    expect(await code(f.access.users.create(admin.principal, { email: made.user.email.toUpperCase(), displayName: 'U', assignments: [] }))).toBe('access.email_taken');
    expect(await code(f.access.users.setAssignments(admin.principal, made.user.id, [{ brandId: brand.id, role: 'security_admin' }]))).toBe('access.invalid_input');
  });

  it('an API key acts only on its brand and its scopes, and cannot be scoped to manage people', async () => {
    const [a, b] = [await f.brand(), await f.brand()];
    const { apiKey, secret } = await f.access.apiKeys.create(f.system, a.id, { name: 'recorder', scopes: ['audit.read'], expiresInDays: 30 });
    expect(secret).toMatch(new RegExp(`^cvk_${apiKey.prefix}_[A-Za-z0-9_-]{43}$`));
    const p = await f.access.apiKeys.authenticate(secret, { ip: '192.0.2.1' });
    expect(p.actor).toEqual({ kind: 'api_key', id: apiKey.id });
    expect(isAllowed(p, 'audit.read', a.id)).toBe(true);
    expect(isAllowed(p, 'audit.read', b.id)).toBe(false);
    expect(isAllowed(p, 'audit.export', a.id)).toBe(false);
    expect(isAllowed(p, 'brand.read', null)).toBe(false);
    expect(await code(f.access.users.list(p))).toBe('access.forbidden');
    expect(await code(f.access.apiKeys.list(p, a.id))).toBe('access.forbidden');
    for (const scopes of [['user.manage'], ['apikey.manage'], ['no.such.action'], []]) {
      expect(await code(f.access.apiKeys.create(f.system, a.id, { name: 'bad', scopes, expiresInDays: 30 }))).toBe('access.invalid_input');
    }
    expect(await code(f.access.apiKeys.create(f.system, a.id, { name: 'long', scopes: ['audit.read'], expiresInDays: 366 }))).toBe('access.invalid_input');
  });

  it('API keys: stored hashed, wrong secret refused, last use recorded, expiry and revocation enforced', async () => {
    const a = await f.brand();
    const { apiKey, secret } = await f.access.apiKeys.create(f.system, a.id, { name: 'ccaas', scopes: ['brand.read'], expiresInDays: 1 });
    const { rows } = await f.db.query<{ h: string }>("SELECT encode(secret_hash, 'hex') AS h FROM api_keys WHERE id = $1", [apiKey.id]);
    const rawSecret = secret.split('_').slice(2).join('_');
    expect(rows[0]?.h).toHaveLength(64);
    expect(rows[0]?.h).not.toContain(Buffer.from(rawSecret, 'base64url').toString('hex'));

    const tampered = secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A');
    expect(await code(f.access.apiKeys.authenticate(tampered))).toBe('auth.invalid_api_key');
    expect(await code(f.access.apiKeys.authenticate('cvk_nope'))).toBe('auth.invalid_api_key');
    expect(await code(f.access.apiKeys.authenticate(`Bearer ${secret}`))).toBe('auth.invalid_api_key');

    await f.access.apiKeys.authenticate(secret);
    const listed = (await f.access.apiKeys.list(f.system, a.id)).find((k) => k.id === apiKey.id);
    expect(listed?.lastUsedAt?.getTime()).toBe(f.now().getTime());
    expect(JSON.stringify(listed)).not.toContain(rawSecret);

    f.advance(86_400);
    expect(await code(f.access.apiKeys.authenticate(secret))).toBe('auth.invalid_api_key'); // expired

    const second = await f.access.apiKeys.create(f.system, a.id, { name: 'vendor', scopes: ['brand.read'], expiresInDays: 7 });
    expect(await code(f.access.apiKeys.authenticate(second.secret))).toBe('ok');
    await f.access.apiKeys.revoke(f.system, second.apiKey.id);
    expect(await code(f.access.apiKeys.authenticate(second.secret))).toBe('auth.invalid_api_key');
    const reasons = (await f.events(second.apiKey.id)).map((e) => e.details.reason);
    expect(reasons).toContain('revoked');
  });

  it('a supervisor cannot manage people or keys of another brand', async () => {
    const [a, b] = [await f.brand(), await f.brand()];
    const other = await f.newUser('agent', b.id);
    const sup = await f.signedIn('supervisor', a.id);
    expect(await code(f.access.users.unlock(sup.principal, other.user.id))).toBe('access.forbidden');
    expect(await code(f.access.users.resetMfa(sup.principal, other.user.id))).toBe('access.forbidden');
    expect(await code(f.access.apiKeys.list(sup.principal, b.id))).toBe('access.forbidden');
  });
});
