import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { migrate, openPostgres, type Db } from '../db/index.js';
import { CSRF, operator, signInFirstTime, type TestServer } from '../http/http.test-helpers.js';
import { createPostgresDatabase, postgresAvailable } from '../testing/databases.js';
import { createServer, type CallvaultServer } from './start.js';

/**
 * Two callvault servers (two app objects, two connection pools) on ONE PostgreSQL database, as
 * behind a load balancer: a session made on one works on the other, lockout counters are shared,
 * and concurrent audited actions on both leave every hash chain valid.
 */
describe.skipIf(!postgresAvailable())('scale-out: two servers on one PostgreSQL', () => {
  let dataDir: string;
  let drop: () => Promise<void>;
  const dbs: Db[] = [];
  const servers: CallvaultServer[] = [];
  const clock = {
    now: new Date(),
    advance(seconds: number) {
      this.now = new Date(this.now.getTime() + seconds * 1000);
    },
  };
  // The sign-in helper drives one server; `on(i)` presents server i in its shape.
  const on = (i: number): TestServer => ({ app: servers[i]!.app, services: servers[i]!.services, clock, close: async () => undefined });
  const password = 'scale out passphrase 2024';

  beforeAll(async () => {
    const created = await createPostgresDatabase();
    drop = created.drop;
    // Servers share the database and the key folder (the KEK), nothing else.
    dataDir = await mkdtemp(join(tmpdir(), 'callvault-scale-'));
    const config = loadConfig({ CALLVAULT_DATA_DIR: dataDir, DATABASE_URL: created.url, CALLVAULT_SECURE_COOKIES: 'false', LOG_LEVEL: 'silent' });
    for (let i = 0; i < 2; i++) {
      const db = openPostgres(created.url, 5);
      await migrate(db); // both run migrations at start, as real servers do; the second finds nothing to do
      dbs.push(db);
      const server = await createServer(config, { db, clock: () => clock.now, consoleDir: false, accessLimits: { loginPerIp: 100_000 } });
      await server.app.ready();
      servers.push(server);
    }
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    for (const db of dbs) await db.close();
    await drop?.();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('a session made on one server works on the other, and logout on one ends it on both', async () => {
    const email = `scale-admin-${randomUUID().slice(0, 6)}@example.test`;
    const { oneTimePassword } = await servers[0]!.services.access.users.create(operator, { email, displayName: 'Scale Admin', isSecurityAdmin: true, assignments: [] });
    const { cookie } = await signInFirstTime(on(0), email, oneTimePassword, password);
    const me = await servers[1]!.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `cv_session=${cookie}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { email } });
    await servers[1]!.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { ...CSRF, cookie: `cv_session=${cookie}` } });
    expect((await servers[0]!.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `cv_session=${cookie}` } })).statusCode).toBe(401);
  });

  it('counts failed sign-ins across both servers toward one lockout', async () => {
    const email = `scale-lock-${randomUUID().slice(0, 6)}@example.test`;
    const { oneTimePassword } = await servers[0]!.services.access.users.create(operator, { email, displayName: 'Lock', isSecurityAdmin: true, assignments: [] });
    await signInFirstTime(on(0), email, oneTimePassword, password);
    const login = (i: number, pw: string) => servers[i]!.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: CSRF, payload: { email, password: pw } });
    await Promise.all(Array.from({ length: 10 }, (_, k) => login(k % 2, `wrong ${k}`)));
    expect((await login(0, password)).statusCode).toBe(423);
    expect((await login(1, password)).statusCode).toBe(423);
  });

  it('concurrent audited actions on both servers keep every audit chain valid', async () => {
    const email = `scale-ops-${randomUUID().slice(0, 6)}@example.test`;
    const { oneTimePassword } = await servers[0]!.services.access.users.create(operator, { email, displayName: 'Ops', isSecurityAdmin: true, assignments: [] });
    const { cookie } = await signInFirstTime(on(1), email, oneTimePassword, password);
    const headers = { ...CSRF, cookie: `cv_session=${cookie}` };
    const brand = await servers[0]!.app.inject({ method: 'POST', url: '/api/v1/brands', headers, payload: { name: `Scale ${randomUUID().slice(0, 6)}` } });
    expect(brand.statusCode).toBe(200);
    const brandId = brand.json<{ id: string }>().id;
    const before = (await servers[0]!.app.inject({ method: 'GET', url: `/api/v1/audit/verify?brandId=${brandId}`, headers })).json<{ events: number }>().events;

    const N = 40;
    const results = await Promise.all(
      Array.from({ length: N }, (_, k) => {
        const app = servers[k % 2]!.app;
        return k % 4 === 0
          ? app.inject({ method: 'POST', url: '/api/v1/users', headers, payload: { email: `scale-u${k}-${randomUUID().slice(0, 4)}@example.test`, displayName: `U${k}`, assignments: [{ brandId, role: 'agent' }] } })
          : k % 4 === 1
            ? app.inject({ method: 'POST', url: `/api/v1/brands/${brandId}/api-keys`, headers, payload: { name: `k${k}`, scopes: ['audit.read'], expiresInDays: 7 } })
            : app.inject({ method: 'PATCH', url: `/api/v1/brands/${brandId}`, headers, payload: { agentMfaRequired: k % 3 === 0 } });
      }),
    );
    expect(results.map((r) => r.statusCode).filter((s) => s !== 200)).toEqual([]);

    const brandReport = (await servers[1]!.app.inject({ method: 'GET', url: `/api/v1/audit/verify?brandId=${brandId}`, headers })).json<{ ok: boolean; events: number; problems: unknown[] }>();
    expect(brandReport.problems).toEqual([]);
    expect(brandReport.ok).toBe(true);
    expect(brandReport.events).toBeGreaterThanOrEqual(before + N);
    const all = (await servers[0]!.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers })).json<{ ok: boolean; problems: unknown[] }>();
    expect(all.problems).toEqual([]);
    expect(all.ok).toBe(true);
  });
});
