import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { multipart } from '../calls/calls.test-helpers.js';
import { CSRF, get, operator, post, sessionCookieOf, signInFirstTime, startTestServer, totpCode, type TestServer } from '../http/http.test-helpers.js';
import { forEachDatabase } from '../testing/databases.js';
import { vendorEvidence } from './index.js';

interface VendorJson {
  id: string;
  name: string;
  status: string;
  overdue: boolean;
  nextReviewAt: string;
  riskScore: number | null;
  brands: { brandId: string; dataAccess: string }[];
  contacts: { name: string; email: string; phone: string; role: string }[];
  apiKeys: { id: string; revokedAt: string | null }[];
  users: { id: string; suspended: boolean }[];
  certifications: { id: string; kind: string; state: string; expiresOn: string }[];
  evidence: { id: string; fileName: string; bytes: number; sha256: string }[];
}
const DAY = 86_400;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The vendor registry on a real server: CRUD with validation, who sees which vendor, evidence
 * stored sealed and downloaded back, revocation of every key and user in one action (the key stops
 * working on the next API call, the user cannot sign in), then review dates and certificate expiry
 * moving with the test clock, raising one alert per condition.
 */
forEachDatabase('vendor registry', (getDb) => {
  let t: TestServer;
  let dataDir: string;
  let brandA: string;
  let brandB: string;
  const stamp = Date.now().toString(36);
  const people: Record<string, { email: string; password: string; secret?: string; cookie: string }> = {};
  const cookie = (who: string) => people[who]!.cookie;

  const signIn = async (who: string): Promise<string> => {
    const p = people[who]!;
    t.clock.advance(30); // a fresh TOTP step
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: CSRF, payload: { email: p.email, password: p.password } });
    let c = sessionCookieOf(login)!;
    if (login.json<{ status: string }>().status === 'mfa_required') {
      const mfa = await post(t, '/api/v1/auth/mfa/totp', c, { code: await totpCode(t, p.secret!) });
      if (mfa.statusCode !== 200) throw new Error(`sign-in: ${mfa.statusCode}`);
      c = sessionCookieOf(mfa) ?? c;
    }
    p.cookie = c;
    return c;
  };
  const send = (method: 'PATCH' | 'PUT' | 'DELETE', url: string, who: string, payload?: object) =>
    t.app.inject({ method, url, headers: { ...CSRF, cookie: `cv_session=${cookie(who)}` }, ...(payload && { payload }) });
  const vendor = async (id: string, who = 'admin') => (await get(t, `/api/v1/vendors/${id}`, cookie(who))).json<VendorJson>();
  const create = async (body: object) => post(t, '/api/v1/vendors', cookie('admin'), body);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'callvault-vendors-'));
    t = await startTestServer(getDb(), { dataDir });
    const { access } = t.services;
    brandA = (await access.brands.create(operator, { name: `Vendor A ${stamp}` })).id;
    brandB = (await access.brands.create(operator, { name: `Vendor B ${stamp}` })).id;
    const person = async (name: string, isSecurityAdmin: boolean, assignments: { brandId: string; role: 'auditor' | 'qa_reviewer' }[]) => {
      const created = await access.users.create(operator, { email: `vendor-${name}-${stamp}@example.test`, displayName: name, isSecurityAdmin, assignments });
      const password = `vendor ${name} passphrase 1`;
      const s = await signInFirstTime(t, created.user.email, created.oneTimePassword, password);
      people[name] = { email: created.user.email, password, cookie: s.cookie, ...(s.totpSecret && { secret: s.totpSecret }) };
      return created.user.id;
    };
    await person('admin', true, []);
    await person('auditorA', false, [{ brandId: brandA, role: 'auditor' }]);
    await person('auditorB', false, [{ brandId: brandB, role: 'auditor' }]);
  });
  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('creates, reads and updates a vendor; contacts are sealed at rest; bad input is a clear 4xx', async () => {
    const res = await create({
      name: `Acme QA ${stamp}`,
      kind: 'qa_outsourcer',
      services: 'QA scoring of recorded calls',
      brands: [{ brandId: brandA, dataAccess: 'redacted transcripts and recordings' }],
      contacts: [{ name: 'Dana Contact', email: 'dana@acme.example', phone: '+1 555 0100', role: 'Security lead' }],
    });
    expect(res.statusCode).toBe(201);
    const v = res.json<VendorJson>();
    expect(v).toMatchObject({ status: 'active', overdue: false, riskScore: null, brands: [{ brandId: brandA, dataAccess: 'redacted transcripts and recordings' }] });
    expect(v.contacts).toEqual([{ name: 'Dana Contact', email: 'dana@acme.example', phone: '+1 555 0100', role: 'Security lead' }]);
    // Never reviewed: the first review is due within 30 days of registration.
    expect(new Date(v.nextReviewAt).getTime() - t.clock.now.getTime()).toBeLessThanOrEqual(30 * DAY * 1000);

    const { rows } = await t.services.db.query<{ contact_sealed: Uint8Array }>('SELECT contact_sealed FROM vendor_contacts WHERE vendor_id = $1', [v.id]);
    expect(rows).toHaveLength(1);
    expect(Buffer.from(rows[0]!.contact_sealed).toString('latin1')).not.toContain('dana@acme.example');

    const patched = await send('PATCH', `/api/v1/vendors/${v.id}`, 'admin', { services: 'QA scoring and coaching', reviewIntervalDays: 180 });
    expect(patched.statusCode).toBe(200);
    expect(patched.json<VendorJson>()).toMatchObject({ services: 'QA scoring and coaching', reviewIntervalDays: 180 });
    expect((await get(t, '/api/v1/vendors', cookie('admin'))).json<{ items: { id: string }[] }>().items.map((i) => i.id)).toContain(v.id);

    const bad = async (res: Promise<{ statusCode: number; json: <T>() => T }>, status: number, code: string) => {
      const r = await res;
      expect(r.statusCode).toBe(status);
      expect(r.json<{ error: string }>().error).toBe(code);
    };
    await bad(create({ name: `acme qa ${stamp}`, kind: 'qa_outsourcer' }), 409, 'vendor.name_taken');
    await bad(create({ name: 'X', kind: 'bank' }), 400, 'request.invalid');
    await bad(create({ name: 'Bad contact', kind: 'other', contacts: [{ name: 'N', email: 'not-an-email' }] }), 400, 'request.invalid');
    await bad(create({ name: 'Ghost brand', kind: 'other', brands: [{ brandId: '00000000-0000-4000-8000-000000000000' }] }), 400, 'vendor.brand_not_found');
    await bad(send('PATCH', `/api/v1/vendors/${v.id}`, 'admin', {}), 400, 'request.invalid');
    await bad(get(t, '/api/v1/vendors/00000000-0000-4000-8000-000000000000', cookie('admin')), 404, 'vendor.not_found');
    await bad(post(t, `/api/v1/vendors/${v.id}/certifications`, cookie('admin'), { kind: 'iso_27001', issuedOn: '2026-05-01', expiresOn: '2026-04-01' }), 400, 'vendor.bad_dates');
    // Auditors read; only security admins change.
    await bad(send('PATCH', `/api/v1/vendors/${v.id}`, 'auditorA', { services: 'x' }), 403, 'vendor.forbidden');
  });

  it('shows a vendor only to auditors of a brand it touches, and audits the read', async () => {
    const v = (await create({ name: `Telco ${stamp}`, kind: 'telephony', brands: [{ brandId: brandA, dataAccess: 'call audio in transit' }] })).json<VendorJson>();
    expect((await get(t, `/api/v1/vendors/${v.id}`, cookie('auditorA'))).statusCode).toBe(200);
    const foreign = await get(t, `/api/v1/vendors/${v.id}`, cookie('auditorB'));
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).not.toContain('Telco');
    const listB = (await get(t, '/api/v1/vendors', cookie('auditorB'))).json<{ items: { id: string }[] }>().items;
    expect(listB.map((i) => i.id)).not.toContain(v.id);
    const events = (await t.services.auditService.listEvents(operator, { brandId: brandA, limit: 200 })).items;
    expect(events.some((e) => e.action === 'vendor.read' && e.target?.id === v.id && e.outcome === 'success')).toBe(true);
    expect(events.some((e) => e.action === 'vendor.read' && e.target?.id === v.id && e.outcome === 'denied')).toBe(true);
  });

  it('stores evidence sealed (the bytes on disk are not the file) and downloads it back, audited', async () => {
    const v = (await create({ name: `Cloud ${stamp}`, kind: 'sub_processor', brands: [{ brandId: brandA }] })).json<VendorJson>();
    const withCert = (await post(t, `/api/v1/vendors/${v.id}/certifications`, cookie('admin'), { kind: 'soc2_type2', certificateId: 'SOC2-2026-17', issuedOn: '2026-01-10', expiresOn: '2027-01-10' })).json<VendorJson>();
    const certId = withCert.certifications[0]!.id;
    const plaintext = Buffer.from(`%PDF-1.4\nSOC 2 Type II report for ${stamp}: no exceptions noted.\n`.repeat(200));
    const m = multipart([
      { name: 'certificationId', value: certId },
      { name: 'file', value: plaintext, filename: 'soc2-report.pdf', type: 'application/pdf' },
    ]);
    const up = await t.app.inject({ method: 'POST', url: `/api/v1/vendors/${v.id}/evidence`, headers: { ...CSRF, ...m.headers, cookie: `cv_session=${cookie('admin')}` }, payload: m.payload });
    expect(up.statusCode).toBe(201);
    const ev = up.json<{ id: string; bytes: number; certificationId: string; fileName: string }>();
    expect(ev).toMatchObject({ bytes: plaintext.length, certificationId: certId, fileName: 'soc2-report.pdf' });

    const onDisk = await readFile(join(dataDir, 'objects', 'vendors', v.id, 'evidence', ev.id));
    expect(onDisk.length).toBeGreaterThan(plaintext.length);
    expect(onDisk.includes(Buffer.from('SOC 2 Type II report'))).toBe(false);

    const down = await get(t, `/api/v1/vendors/${v.id}/evidence/${ev.id}`, cookie('auditorA'));
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toContain('application/pdf');
    expect(down.headers['content-disposition']).toContain('soc2-report.pdf');
    expect(down.rawPayload.equals(plaintext)).toBe(true);
    expect((await get(t, `/api/v1/vendors/${v.id}/evidence/${ev.id}`, cookie('auditorB'))).statusCode).toBe(404);
    const events = (await t.services.auditService.listEvents(operator, { brandId: brandA, limit: 300 })).items;
    expect(events.filter((e) => e.action === 'vendor.evidence.download' && e.outcome === 'success')).toHaveLength(1);
    expect(events.some((e) => e.action === 'vendor.evidence.upload' && e.details?.evidenceId === ev.id)).toBe(true);

    // Not a document type, not multipart, empty: refused with the reason.
    const exe = multipart([{ name: 'file', value: Buffer.from('MZ'), filename: 'x.exe', type: 'application/x-msdownload' }]);
    const r1 = await t.app.inject({ method: 'POST', url: `/api/v1/vendors/${v.id}/evidence`, headers: { ...CSRF, ...exe.headers, cookie: `cv_session=${cookie('admin')}` }, payload: exe.payload });
    expect(r1.json<{ error: string }>().error).toBe('vendor.bad_file_type');
    const r2 = await post(t, `/api/v1/vendors/${v.id}/evidence`, cookie('admin'), {});
    expect(r2.json<{ error: string }>().error).toBe('vendor.bad_upload');
    const empty = multipart([{ name: 'file', value: Buffer.alloc(0), filename: 'e.txt', type: 'text/plain' }]);
    const r3 = await t.app.inject({ method: 'POST', url: `/api/v1/vendors/${v.id}/evidence`, headers: { ...CSRF, ...empty.headers, cookie: `cv_session=${cookie('admin')}` }, payload: empty.payload });
    expect(r3.json<{ error: string }>().error).toBe('vendor.empty_file');
    expect((await vendor(v.id)).evidence).toHaveLength(1);
  });

  it('revokes a vendor in one action: its keys stop working at once, its users cannot sign in, every step audited', async () => {
    const { access } = t.services;
    const v = (await create({ name: `Outsourcer ${stamp}`, kind: 'ccaas', brands: [{ brandId: brandA, dataAccess: 'live calls' }] })).json<VendorJson>();
    const key = await access.apiKeys.create(operator, brandA, { name: 'vendor integration', scopes: ['audit.read'], expiresInDays: 30 });
    const otherKey = await access.apiKeys.create(operator, brandB, { name: 'other brand', scopes: ['audit.read'], expiresInDays: 30 });
    const u = await access.users.create(operator, { email: `vendor-agent-${stamp}@example.test`, displayName: 'Vendor agent', assignments: [{ brandId: brandA, role: 'qa_reviewer' }] });
    const userSession = await signInFirstTime(t, u.user.email, u.oneTimePassword, 'vendor agent passphrase 1');

    // Links: only keys and users of brands the vendor touches.
    expect((await post(t, `/api/v1/vendors/${v.id}/api-keys`, cookie('admin'), { apiKeyId: otherKey.apiKey.id })).json<{ error: string }>().error).toBe('vendor.api_key_foreign');
    expect((await post(t, `/api/v1/vendors/${v.id}/api-keys`, cookie('admin'), { apiKeyId: '00000000-0000-4000-8000-000000000000' })).json<{ error: string }>().error).toBe('vendor.api_key_not_found');
    expect((await post(t, `/api/v1/vendors/${v.id}/api-keys`, cookie('admin'), { apiKeyId: key.apiKey.id })).statusCode).toBe(200);
    const linked = (await post(t, `/api/v1/vendors/${v.id}/users`, cookie('admin'), { userId: u.user.id })).json<VendorJson>();
    expect(linked.apiKeys.map((k) => k.id)).toEqual([key.apiKey.id]);
    expect(linked.users).toEqual([{ id: u.user.id, brandIds: [brandA], suspended: false }]);

    const apiCall = () => t.app.inject({ method: 'GET', url: `/api/v1/audit/events?brandId=${brandA}&limit=1`, headers: { authorization: `Bearer ${key.secret}` } });
    expect((await apiCall()).statusCode).toBe(200);
    expect((await post(t, `/api/v1/vendors/${v.id}/revoke`, cookie('admin'), {})).statusCode).toBe(400); // confirm: true is required

    const res = await post(t, `/api/v1/vendors/${v.id}/revoke`, cookie('admin'), { confirm: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ vendorId: v.id, apiKeysRevoked: 1, usersSuspended: 1, sessionsEnded: 1 });

    expect((await apiCall()).statusCode).toBe(401);
    expect((await get(t, '/api/v1/auth/me', userSession.cookie)).statusCode).toBe(401);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: CSRF, payload: { email: u.user.email, password: 'vendor agent passphrase 1' } });
    expect(login.json<{ error: string }>().error).toBe('auth.suspended');
    const after = await vendor(v.id);
    expect(after.status).toBe('revoked');
    expect(after.apiKeys[0]!.revokedAt).not.toBeNull();
    expect(after.users[0]!.suspended).toBe(true);
    // A revoked vendor's access cannot grow back through it.
    expect((await post(t, `/api/v1/vendors/${v.id}/api-keys`, cookie('admin'), { apiKeyId: key.apiKey.id })).json<{ error: string }>().error).toBe('vendor.revoked');

    const events = (await t.services.auditService.listEvents(operator, { brandId: brandA, limit: 500 })).items;
    expect(events.filter((e) => e.action === 'apikey.revoke' && e.target?.id === key.apiKey.id)).toHaveLength(1);
    expect(events.filter((e) => e.action === 'vendor.revoke' && e.target?.id === v.id)).toHaveLength(1);
    const suspensions = (await t.services.auditService.listEvents(operator, { action: 'user.suspend', limit: 500 })).items;
    expect(suspensions.filter((e) => e.target?.id === u.user.id && e.outcome === 'success')).toHaveLength(1);
    // Revoking again changes nothing.
    expect((await post(t, `/api/v1/vendors/${v.id}/revoke`, cookie('admin'), { confirm: true })).json()).toEqual({ vendorId: v.id, apiKeysRevoked: 0, usersSuspended: 0, sessionsEnded: 0 });
  });

  it('detects overdue reviews and expired certifications as the clock moves, with one alert per condition', async () => {
    const v = (await create({ name: `Late ${stamp}`, kind: 'other', brands: [{ brandId: brandB, dataAccess: 'exports' }] })).json<VendorJson>();
    const expires = isoDay(new Date(t.clock.now.getTime() + 20 * DAY * 1000));
    await post(t, `/api/v1/vendors/${v.id}/certifications`, cookie('admin'), { kind: 'pci_dss_aoc', certificateId: 'AOC-1', issuedOn: '2025-12-01', expiresOn: expires });
    let board = (await get(t, '/api/v1/vendors/dashboard', cookie('admin'))).json<{ overdue: { vendorId: string }[]; certifications: { vendorId: string; state: string }[] }>();
    expect(board.overdue.map((o) => o.vendorId)).not.toContain(v.id);
    expect(board.certifications.filter((c) => c.vendorId === v.id).map((c) => c.state)).toEqual(['expiring']);

    t.clock.advance(31 * DAY); // past the first review (30 days) and the AoC's expiry
    await signIn('admin');
    await signIn('auditorA');
    await signIn('auditorB');
    board = (await get(t, '/api/v1/vendors/dashboard', cookie('auditorB'))).json();
    expect(board.overdue.map((o) => o.vendorId)).toContain(v.id);
    expect(board.certifications.filter((c) => c.vendorId === v.id).map((c) => c.state)).toEqual(['expired']);
    // Auditor A holds no brand this vendor touches: it is not on their dashboard.
    const boardA = (await get(t, '/api/v1/vendors/dashboard', cookie('auditorA'))).json<{ overdue: { vendorId: string }[] }>();
    expect(boardA.overdue.map((o) => o.vendorId)).not.toContain(v.id);
    expect((await vendor(v.id)).overdue).toBe(true);

    const raised = await t.services.vendors.raiseAlerts();
    expect(raised.length).toBeGreaterThanOrEqual(2);
    expect(await t.services.vendors.raiseAlerts()).toEqual([]); // idempotent while the conditions last
    const alerts = (await get(t, `/api/v1/alerts?actorId=${v.id}`, cookie('admin'))).json<{ items: { rules: string[]; brandIds: string[]; severity: string; reasons: string[]; actor: { kind: string } }[] }>().items;
    expect(alerts.map((a) => a.rules[0]).sort()).toEqual(['vendor.certification_expired', 'vendor.review_overdue']);
    expect(alerts.every((a) => a.actor.kind === 'vendor' && a.brandIds.join() === brandB)).toBe(true);
    expect(alerts.find((a) => a.rules[0] === 'vendor.certification_expired')!.severity).toBe('high');
    expect(alerts.flatMap((a) => a.reasons).join(' ')).not.toContain('Late');

    const ev = await vendorEvidence(t.services.db, brandB, t.clock.now);
    expect(ev).toMatchObject({ vendors: 1, overdue: 1, overdueVendorIds: [v.id], neverReviewed: 1, certifications: { valid: 0, expiring: 0, expired: 1 }, vendorsWithoutValidCertification: [v.id] });

    // A review with high risk ends the overdue episode and brings the next one sooner than the interval.
    const reviewed = (await post(t, `/api/v1/vendors/${v.id}/reviews`, cookie('admin'), { riskScore: 75 })).json<VendorJson>();
    expect(reviewed.overdue).toBe(false);
    expect(Math.round((new Date(reviewed.nextReviewAt).getTime() - t.clock.now.getTime()) / (DAY * 1000))).toBe(90);
    expect((await vendorEvidence(t.services.db, brandB, t.clock.now)).overdue).toBe(0);
    t.clock.advance(91 * DAY);
    await t.services.vendors.raiseAlerts();
    await signIn('admin');
    const later = (await get(t, `/api/v1/alerts?actorId=${v.id}`, cookie('admin'))).json<{ items: { rules: string[] }[] }>().items;
    // A new overdue episode: a new alert; the certificate's alert stays the one raised.
    expect(later.map((a) => a.rules[0]).sort()).toEqual(['vendor.certification_expired', 'vendor.review_overdue', 'vendor.review_overdue']);
  });
});
