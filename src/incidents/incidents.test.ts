import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AuditEventInput } from '../audit/index.js';
import { CSRF, get, operator, post, sessionCookieOf, signInFirstTime, startTestServer, totpCode, type TestServer } from '../http/http.test-helpers.js';
import { forEachDatabase } from '../testing/databases.js';
import { smtpReceiver, webhookReceiver } from './notify.test-helpers.js';

interface IncidentJson {
  id: string;
  number: number;
  playbook: string;
  severity: string;
  status: string;
  source: string;
  suspect: { kind: string; id: string } | null;
  brandIds: string[];
  tasks: { position: number; title: string; doneAt: string | null }[];
  clocks: { kind: string; dueAt: string; state: { status: string } }[];
  alertIds: string[];
}

/**
 * Incident response end to end on a real server: an alert from real sign-in failures opens an
 * incident with its playbook and clocks, the timeline and blast radius come from the audit trail
 * (a known set of events), containment suspends the suspect, reminders go out once by webhook and
 * e-mail, and the report carries it all.
 */
forEachDatabase('incident response', (getDb) => {
  let t: TestServer;
  let hook: Awaited<ReturnType<typeof webhookReceiver>>;
  let smtp: Awaited<ReturnType<typeof smtpReceiver>>;
  let admin: string;
  let auditorB: string;
  let brandA: string;
  let brandB: string;
  let suspect: { id: string; email: string };
  let suspectPassword: string;
  let incident: IncidentJson;
  const stamp = Date.now().toString(36);
  const people: Record<string, { email: string; password: string; secret: string }> = {};

  /** Sessions end after 12 hours (and 15 idle minutes): after the clock jumps, people sign in again. */
  const signIn = async (who: { email: string; password: string; secret: string }): Promise<string> => {
    t.clock.advance(30); // a fresh TOTP step
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: CSRF, payload: { email: who.email, password: who.password } });
    const cookie = sessionCookieOf(login)!;
    const mfa = await post(t, '/api/v1/auth/mfa/totp', cookie, { code: await totpCode(t, who.secret) });
    if (mfa.statusCode !== 200) throw new Error(`sign-in: ${mfa.statusCode}`);
    return sessionCookieOf(mfa) ?? cookie;
  };
  const signInAll = async () => {
    admin = await signIn(people.admin!);
    auditorB = await signIn(people.auditorB!);
  };

  const append = async (events: Omit<AuditEventInput, 'outcome'>[] & { outcome?: string }[]) => {
    await t.services.db.transaction(async (tx) => {
      for (const e of events) await t.services.audit.append(tx, { outcome: 'success', ...e } as AuditEventInput);
    });
  };
  const read = (actorId: string, brandId: string, callId: string, action = 'call.read', outcome: 'success' | 'denied' = 'success') =>
    ({ actor: { kind: 'user', id: actorId }, action, brandId, target: { type: 'call', id: callId }, outcome, ip: '10.1.2.3' }) as AuditEventInput;
  const wrongPasswords = async (email: string, n: number) => {
    for (let i = 0; i < n; i++) {
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: CSRF, payload: { email, password: `wrong ${i}` } });
      t.clock.advance(15);
    }
  };

  beforeAll(async () => {
    hook = await webhookReceiver();
    smtp = await smtpReceiver();
    t = await startTestServer(getDb(), {
      env: { CALLVAULT_NOTIFY_WEBHOOK_URL: hook.url, CALLVAULT_SMTP_URL: smtp.url, CALLVAULT_NOTIFY_EMAIL_TO: 'soc@example.test', CALLVAULT_INCIDENT_AUTO_OPEN: 'high' },
    });
    const { access } = t.services;
    brandA = (await access.brands.create(operator, { name: `Incident A ${stamp}` })).id;
    brandB = (await access.brands.create(operator, { name: `Incident B ${stamp}` })).id;
    const a = await access.users.create(operator, { email: `inc-admin-${stamp}@example.test`, displayName: 'Admin', isSecurityAdmin: true, assignments: [] });
    people.admin = { email: a.user.email, password: 'incident admin passphrase 1', secret: (await signInFirstTime(t, a.user.email, a.oneTimePassword, 'incident admin passphrase 1')).totpSecret! };
    const au = await access.users.create(operator, { email: `inc-auditor-${stamp}@example.test`, displayName: 'Auditor B', assignments: [{ brandId: brandB, role: 'auditor' }] });
    people.auditorB = { email: au.user.email, password: 'incident auditor passphrase 1', secret: (await signInFirstTime(t, au.user.email, au.oneTimePassword, 'incident auditor passphrase 1')).totpSecret! };
    const s = await access.users.create(operator, {
      email: `inc-suspect-${stamp}@example.test`,
      displayName: 'Suspect',
      assignments: [
        { brandId: brandA, role: 'agent' },
        { brandId: brandB, role: 'agent' },
      ],
    });
    suspect = { id: s.user.id, email: s.user.email };
    suspectPassword = 'incident suspect passphrase 1';
    await signInFirstTime(t, s.user.email, s.oneTimePassword, suspectPassword);
    const bystander = await access.users.create(operator, { email: `inc-by-${stamp}@example.test`, displayName: 'By', assignments: [{ brandId: brandA, role: 'qa_reviewer' }] });

    // The known event set: one read long before the window, then the reads the blast radius must find.
    await append([read(suspect.id, brandA, 'call-old')]);
    t.clock.advance(3 * 86_400);
    await append([
      read(suspect.id, brandA, 'call-a1'),
      read(suspect.id, brandA, 'call-a1'),
      read(suspect.id, brandA, 'call-a2'),
      read(suspect.id, brandA, 'call-a2', 'call.export'),
      read(suspect.id, brandB, 'call-b1'),
      read(suspect.id, brandB, 'call-b2', 'call.read', 'denied'),
      read(bystander.user.id, brandA, 'call-by'),
    ]);
    await wrongPasswords(suspect.email, 6);
    expect((await t.services.detection.scan()).raised).toBeGreaterThanOrEqual(1);
    await signInAll();
  });
  afterAll(async () => {
    await t?.close();
    await hook?.close();
    await smtp?.close();
  });

  it('opens an incident from an alert in one call: playbook, severity, suspect, brands, tasks and clocks from the alert', async () => {
    const alerts = (await get(t, `/api/v1/alerts?actorId=${suspect.id}`, admin)).json<{ items: { id: string; severity: string; status: string }[] }>().items;
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.severity).toBe('medium'); // below the auto-open level
    const res = await post(t, `/api/v1/alerts/${alerts[0]!.id}/incident`, admin, {});
    expect(res.statusCode).toBe(201);
    incident = res.json<IncidentJson>();
    expect(incident).toMatchObject({ playbook: 'account_compromise', severity: 'medium', status: 'open', source: 'alert', suspect: { kind: 'user', id: suspect.id }, alertIds: [alerts[0]!.id] });
    expect(incident.brandIds.sort()).toEqual([brandA, brandB].sort());
    expect(incident.tasks.length).toBeGreaterThanOrEqual(5);
    expect(incident.clocks.map((c) => c.kind).sort()).toEqual(['brand_notice', 'ccpa_notice', 'gdpr_authority']);
    expect(incident.clocks.every((c) => c.state.status === 'running')).toBe(true);
    // The alert is now part of the incident; a second click does not open another.
    expect((await post(t, `/api/v1/alerts/${alerts[0]!.id}/incident`, admin, {})).statusCode).toBe(409);
    expect(hook.received.filter((m) => m.event === 'incident.opened')).toHaveLength(1);
    expect(JSON.stringify(hook.received)).not.toContain(suspect.email);
  });

  it('the blast radius is exactly the records the suspect touched in the window, per brand, and exports as CSV', async () => {
    const res = await get(t, `/api/v1/incidents/${incident.id}/blast-radius`, admin);
    expect(res.statusCode).toBe(200);
    const b = res.json<{ totalRecords: number; deniedAttempts: number; brands: { brandId: string; calls: number; records: { id: string; actions: string[]; events: number }[] }[] }>();
    const byBrand = Object.fromEntries(b.brands.map((x) => [x.brandId, x]));
    expect(b.totalRecords).toBe(3);
    expect(b.deniedAttempts).toBe(1);
    expect(byBrand[brandA]!.records.map((r) => r.id)).toEqual(['call-a1', 'call-a2']);
    expect(byBrand[brandA]!.records[0]!.events).toBe(2);
    expect(byBrand[brandA]!.records[1]!.actions).toEqual(['call.export', 'call.read']);
    expect(byBrand[brandB]!.records.map((r) => r.id)).toEqual(['call-b1']);
    const csv = await get(t, `/api/v1/incidents/${incident.id}/blast-radius?format=csv`, admin);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.trim().split('\r\n')).toHaveLength(4);
    // An auditor of brand B sees the incident and brand B's part only; cannot change anything.
    const asB = (await get(t, `/api/v1/incidents/${incident.id}/blast-radius`, auditorB)).json<{ brands: { brandId: string }[] }>();
    expect(asB.brands.map((x) => x.brandId)).toEqual([brandB]);
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/v1/incidents/${incident.id}`, headers: { ...CSRF, cookie: `cv_session=${auditorB}` }, payload: { status: 'triage' } });
    expect(patch.statusCode).toBe(404);
  });

  it('contains the suspect (suspended, signed out), works the playbook and moves forward only; the timeline tells it', async () => {
    // The suspect is signed in (their session must end).
    const session = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: CSRF, payload: { email: suspect.email, password: suspectPassword } });
    expect(session.json<{ status: string }>().status).toBe('ok');
    const contain = await post(t, `/api/v1/incidents/${incident.id}/containment`, admin, { action: 'suspend_user' });
    expect(contain.statusCode).toBe(200);
    expect(contain.json<{ sessionsEnded: number }>().sessionsEnded).toBeGreaterThanOrEqual(1);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: CSRF, payload: { email: suspect.email, password: suspectPassword } });
    expect(login.json<{ error: string }>().error).toBe('auth.suspended');
    expect((await post(t, `/api/v1/incidents/${incident.id}/containment`, admin, { action: 'revoke_api_key' })).statusCode).toBe(400);
    const task = await t.app.inject({ method: 'PUT', url: `/api/v1/incidents/${incident.id}/tasks/2`, headers: { ...CSRF, cookie: `cv_session=${admin}` }, payload: { done: true } });
    expect(task.json<IncidentJson>().tasks[1]!.doneAt).not.toBeNull();
    const patch = (body: object) => t.app.inject({ method: 'PATCH', url: `/api/v1/incidents/${incident.id}`, headers: { ...CSRF, cookie: `cv_session=${admin}` }, payload: body });
    expect((await patch({ status: 'contained' })).json<IncidentJson>().status).toBe('contained');
    expect((await patch({ status: 'triage' })).statusCode).toBe(409);
    expect((await post(t, `/api/v1/incidents/${incident.id}/notes`, admin, { text: 'Owner confirmed by phone: not them' })).statusCode).toBe(204);
    const timeline = (await get(t, `/api/v1/incidents/${incident.id}/timeline`, admin)).json<{ items: { kind: string; text: string; ref: string | null }[] }>().items;
    const kinds = timeline.map((e) => e.kind);
    for (const k of ['alert', 'event', 'opened', 'action', 'task', 'status', 'note']) expect(kinds).toContain(k);
    expect(timeline.find((e) => e.kind === 'note')!.text).toBe('Owner confirmed by phone: not them');
    expect(timeline.filter((e) => e.kind === 'event').every((e) => /^[^:]+:\d+$/.test(e.ref ?? ''))).toBe(true);
    // The note is sealed at rest.
    const raw = await t.services.db.query<{ sealed: Buffer }>(`SELECT note_sealed AS sealed FROM incident_log WHERE kind = 'note' AND incident_id = $1`, [incident.id]);
    expect(Buffer.from(raw.rows[0]!.sealed).toString('latin1')).not.toContain('Owner confirmed');
    const audited = await t.services.db.query<{ action: string }>(`SELECT DISTINCT action FROM audit_events WHERE target_id IN ($1, $2)`, [incident.id, suspect.id]);
    expect(audited.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['incident.open', 'incident.contain', 'user.suspend', 'incident.status', 'incident.note']));
  });

  it('reminders go out once per point by webhook and e-mail; a met deadline is recorded and reminds no more', async () => {
    expect(await t.services.incidents.sendReminders()).toBe(0);
    t.clock.advance(36 * 3600 + 60); // GDPR and CCPA at 50 %, the 24-hour brand notice passed
    expect(await t.services.incidents.sendReminders()).toBe(3);
    await signInAll();
    expect(await t.services.incidents.sendReminders()).toBe(0);
    const reminders = hook.received.filter((m) => m.event === 'incident.reminder' || m.event === 'incident.overdue');
    expect(reminders.map((m) => `${String(m.clock)}@${String(m.fraction)}`).sort()).toEqual(['brand_notice@1', 'ccpa_notice@0.5', 'gdpr_authority@0.5']);
    expect(smtp.messages.filter((m) => /Due \d{4}-/.test(m) && m.includes(incident.id))).toHaveLength(3);
    const met = await post(t, `/api/v1/incidents/${incident.id}/clocks/gdpr_authority/met`, admin);
    expect(met.json<IncidentJson>().clocks.find((c) => c.kind === 'gdpr_authority')!.state.status).toBe('met');
    expect((await post(t, `/api/v1/incidents/${incident.id}/clocks/gdpr_authority/met`, admin)).statusCode).toBe(404);
    t.clock.advance(24 * 3600); // 80 % of CCPA; GDPR is met
    expect(await t.services.incidents.sendReminders()).toBe(1);
    await signInAll();
  });

  it('the report (Markdown and printable HTML) has the summary, deadlines, tasks, containment, blast radius and timeline', async () => {
    const md = await get(t, `/api/v1/incidents/${incident.id}/report?format=md`, admin);
    expect(md.statusCode).toBe(200);
    for (const part of ['# Incident', '## Deadlines', '## Tasks', '- [x]', '## Containment actions', 'Containment: suspended user', '## Blast radius', '3 record(s) touched', '## Timeline', 'call-a1']) {
      expect(md.body).toContain(part);
    }
    const html = await get(t, `/api/v1/incidents/${incident.id}/report?format=html`, admin);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('<h2>Blast radius</h2>');
    expect(html.body).not.toContain('<script');
  });

  it('a high-severity alert opens an incident by itself; reported incidents need a known suspect', async () => {
    const other = await t.services.access.users.create(operator, { email: `inc-auto-${stamp}@example.test`, displayName: 'Auto', assignments: [{ brandId: brandA, role: 'agent' }] });
    await wrongPasswords(other.user.email, 9);
    await t.services.detection.scan();
    await signInAll();
    const list = (await get(t, '/api/v1/incidents', admin)).json<{ items: IncidentJson[] }>().items;
    const auto = list.find((i) => i.suspect?.id === other.user.id);
    expect(auto).toMatchObject({ source: 'automatic', brandIds: [brandA] });
    expect(['high', 'critical']).toContain(auto!.severity);
    const bad = await post(t, '/api/v1/incidents', admin, { title: 'Laptop lost', playbook: 'lost_device', severity: 'high', brandIds: [brandA], suspect: { kind: 'user', id: '00000000-0000-4000-8000-000000000000' } });
    expect(bad.statusCode).toBe(400);
    const ok = await post(t, '/api/v1/incidents', admin, { title: 'Laptop lost on the train', playbook: 'lost_device', severity: 'high', brandIds: [brandA] });
    expect(ok.statusCode).toBe(201);
    expect(ok.json<IncidentJson>().clocks.map((c) => c.kind).sort()).toEqual(['brand_notice', 'gdpr_authority']);
    expect((await get(t, '/api/v1/incidents', auditorB)).json<{ items: IncidentJson[] }>().items.every((i) => i.brandIds.includes(brandB))).toBe(true);
  });
});
