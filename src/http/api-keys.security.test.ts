import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { forEachDatabase } from '../testing/databases.js';
import { operator, startTestServer, type TestServer } from './http.test-helpers.js';

/**
 * API keys over HTTP: a key reaches only its brand and its scoped actions, never a people-only
 * route; revoked, expired, unknown and malformed keys are 401; the secret never comes back.
 */
forEachDatabase('API key scope over HTTP', (getDb) => {
  let t: TestServer;
  let brandA: string;
  let brandB: string;
  const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
  const call = (method: 'GET' | 'POST', url: string, secret: string) => t.app.inject({ method, url, headers: bearer(secret) });
  const newKey = async (brandId: string, scopes: string[], expiresInDays = 30) =>
    t.services.access.apiKeys.create(operator, brandId, { name: `k-${randomUUID().slice(0, 6)}`, scopes, expiresInDays });

  beforeAll(async () => {
    t = await startTestServer(getDb());
    const suffix = randomUUID().slice(0, 8);
    brandA = (await t.services.access.brands.create(operator, { name: `Keys A ${suffix}` })).id;
    brandB = (await t.services.access.brands.create(operator, { name: `Keys B ${suffix}` })).id;
  });
  afterAll(async () => t?.close());

  it('reads its own brand within its scopes, and nothing of another brand', async () => {
    const { secret } = await newKey(brandA, ['audit.read', 'brand.read']);
    expect((await call('GET', `/api/v1/audit/events?brandId=${brandA}`, secret)).statusCode).toBe(200);
    const foreign = await call('GET', `/api/v1/audit/events?brandId=${brandB}`, secret);
    expect(foreign.statusCode).toBe(403);
    expect(Object.keys(foreign.json()).sort()).toEqual(['error', 'message', 'requestId']);
    const brands = (await call('GET', '/api/v1/brands', secret)).json<{ items: { id: string }[] }>();
    expect(brands.items.map((b) => b.id)).toEqual([brandA]);
    const all = await call('GET', '/api/v1/audit/events', secret);
    expect(all.statusCode).toBe(200);
    expect(all.json<{ items: { brandId: string | null }[] }>().items.every((e) => e.brandId === brandA)).toBe(true);
  });

  it('is refused an action outside its scopes, even on its own brand', async () => {
    const { secret } = await newKey(brandA, ['audit.read']);
    const verify = await call('GET', `/api/v1/audit/verify?brandId=${brandA}`, secret);
    expect(verify.statusCode).toBe(403);
    expect(verify.json()).toMatchObject({ error: 'access.forbidden' });
  });

  it('never reaches routes for people (users, keys, brands admin, rotation, MFA), with or without a CSRF header', async () => {
    const { secret } = await newKey(brandA, ['audit.read', 'audit.verify', 'brand.read', 'key.rotate']);
    const peopleOnly: ['GET' | 'POST', string][] = [
      ['GET', `/api/v1/users?brandId=${brandA}`],
      ['GET', `/api/v1/brands/${brandA}/api-keys`],
      ['GET', '/api/v1/auth/me'],
      ['POST', `/api/v1/brands/${brandA}/keys/rotate`],
      ['POST', '/api/v1/mfa/totp/enroll'],
      ['POST', '/api/v1/auth/logout-all'],
    ];
    for (const [method, url] of peopleOnly) {
      const res = await call(method, url, secret);
      expect([401, 403], `${method} ${url}`).toContain(res.statusCode);
    }
  });

  it('stops working when revoked or expired; unknown and malformed keys are 401', async () => {
    const revoked = await newKey(brandA, ['brand.read']);
    await t.services.access.apiKeys.revoke(operator, revoked.apiKey.id);
    expect((await call('GET', '/api/v1/brands', revoked.secret)).json()).toMatchObject({ error: 'auth.invalid_api_key' });

    const shortLived = await newKey(brandA, ['brand.read'], 1);
    expect((await call('GET', '/api/v1/brands', shortLived.secret)).statusCode).toBe(200);
    t.clock.advance(86_400 + 1);
    expect((await call('GET', '/api/v1/brands', shortLived.secret)).statusCode).toBe(401);

    const live = await newKey(brandA, ['brand.read']);
    const forged = live.secret.slice(0, -4) + (live.secret.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await call('GET', '/api/v1/brands', forged)).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/brands', 'cvk_nope_nope')).statusCode).toBe(401);
    const malformed = await t.app.inject({ method: 'GET', url: '/api/v1/brands', headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(malformed.statusCode).toBe(401);
  });

  it('shows the secret once: lists carry the prefix only', async () => {
    const created = await newKey(brandA, ['brand.read']);
    const listed = await t.services.access.apiKeys.list(operator, brandA);
    const mine = listed.find((k) => k.id === created.apiKey.id);
    expect(mine?.prefix).toBeTruthy();
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    expect(created.secret).toContain(mine!.prefix);
  });
});
