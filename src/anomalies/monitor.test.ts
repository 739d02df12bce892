import { afterAll, beforeAll, expect, it } from 'vitest';
import { forEachDatabase } from '../testing/databases.js';
import { CSRF, get, operator, post, signInFirstTime, startTestServer, type TestServer } from '../http/http.test-helpers.js';
import { createDetectionMonitor } from './monitor.js';

/**
 * Continuous detection in the server: audit events written by real sign-in attempts are scored
 * by the monitor, alerts are stored once with their reasons and evidence, a second node takes
 * over without raising them again, and only the right people can read them.
 */
forEachDatabase('continuous detection and alerts', (getDb) => {
  let t: TestServer;
  let admin: string;
  let auditor: string;
  let brandId: string;
  const emails: string[] = [];

  const wrongPasswords = async (email: string, n: number) => {
    for (let i = 0; i < n; i++) {
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: CSRF, payload: { email, password: `not the password ${i}` } });
      t.clock.advance(20);
    }
  };

  beforeAll(async () => {
    t = await startTestServer(getDb());
    const { access } = t.services;
    brandId = (await access.brands.create(operator, { name: `Detection brand ${Date.now()}` })).id;
    const a = await access.users.create(operator, { email: `det-admin-${Date.now()}@example.test`, displayName: 'Admin', isSecurityAdmin: true, assignments: [] });
    admin = (await signInFirstTime(t, a.user.email, a.oneTimePassword, 'detection admin passphrase 1')).cookie;
    const au = await access.users.create(operator, { email: `det-auditor-${Date.now()}@example.test`, displayName: 'Auditor', assignments: [{ brandId, role: 'auditor' }] });
    auditor = (await signInFirstTime(t, au.user.email, au.oneTimePassword, 'detection auditor passphrase 1')).cookie;
    for (const who of ['victim', 'second', 'bystander']) {
      const u = await access.users.create(operator, { email: `det-${who}-${Date.now()}@example.test`, displayName: `Det ${who}`, assignments: [{ brandId, role: 'agent' }] });
      emails.push(u.user.email);
    }
  });
  afterAll(async () => t?.close());

  it('a burst of wrong passwords raises one alert with reasons and event ids; normal sign-ins raise none', async () => {
    const first = await t.services.detection.scan();
    expect(first.held).toBe(true);
    expect(first.raised).toBe(0); // setting people up is normal work
    await wrongPasswords(emails[0]!, 6);
    await wrongPasswords(emails[2]!, 1); // one typo is not an attack
    const scan = await t.services.detection.scan();
    expect(scan.scored).toBeGreaterThan(6);
    expect(scan.raised).toBe(1);
    const res = await get(t, '/api/v1/alerts', admin);
    expect(res.statusCode).toBe(200);
    const { items } = res.json<{ items: { id: string; actor: { id: string }; rules: string[]; reasons: string[]; evidence: string[]; status: string }[] }>();
    expect(items).toHaveLength(1);
    const alert = items[0]!;
    expect(alert.rules).toContain('login_failures');
    expect(alert.reasons.join(' ')).toMatch(/failed sign-ins|password/i);
    expect(alert.evidence.length).toBeGreaterThanOrEqual(5);
    expect(alert.evidence.every((id) => /^installation:\d+$/.test(id))).toBe(true);
    expect(alert.status).toBe('new');
    // Ids only: the alert never names the person.
    expect(res.body).not.toContain(emails[0]);
    // Scanning again scores nothing twice and raises nothing.
    expect(await t.services.detection.scan()).toMatchObject({ held: true, raised: 0 });
    expect((await get(t, '/api/v1/alerts', admin)).json<{ items: unknown[] }>().items).toHaveLength(1);
  });

  it('a second node waits for the lease, takes over on release, rebuilds baselines and raises nothing twice', async () => {
    const other = createDetectionMonitor({ db: t.services.db, audit: t.services.audit, now: () => t.clock.now, holder: 'node-b' });
    expect(await other.scan()).toMatchObject({ held: false, scored: 0 });
    await t.services.detection.release();
    const takeover = await other.scan();
    expect(takeover.held).toBe(true);
    expect(takeover.warmedUp).toBeGreaterThan(6);
    expect(takeover.raised).toBe(0);
    await wrongPasswords(emails[1]!, 6);
    expect(await other.scan()).toMatchObject({ held: true, raised: 1 });
    expect(await t.services.detection.scan()).toMatchObject({ held: false });
    await other.release();
    expect((await get(t, '/api/v1/alerts', admin)).json<{ items: unknown[] }>().items).toHaveLength(2);
  });

  it('the raise is in the audit trail; acknowledging is audited; an auditor of a brand does not see installation alerts', async () => {
    const { rows } = await t.services.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'alert.raise'`);
    expect(rows[0]?.n).toBe(2);
    const [alert] = (await get(t, '/api/v1/alerts?status=new', admin)).json<{ items: { id: string }[] }>().items;
    const ack = await post(t, `/api/v1/alerts/${alert!.id}/status`, admin, { status: 'acknowledged' });
    expect(ack.statusCode).toBe(200);
    expect(ack.json<{ status: string; statusBy: string }>().status).toBe('acknowledged');
    expect((await get(t, '/api/v1/alerts?status=acknowledged', admin)).json<{ items: unknown[] }>().items).toHaveLength(1);
    expect((await get(t, '/api/v1/alerts', auditor)).json<{ items: unknown[] }>().items).toHaveLength(0);
    expect((await get(t, `/api/v1/alerts/${alert!.id}`, auditor)).statusCode).toBe(404);
    expect((await get(t, '/api/v1/alerts/not-an-id', admin)).statusCode).toBe(400);
    expect((await get(t, '/api/v1/alerts/al_00000000000000000000', admin)).statusCode).toBe(404);
    const acks = await t.services.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'alert.acknowledge' AND target_id = $1`, [alert!.id]);
    expect(acks.rows[0]?.n).toBe(1);
  });
});
