import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CSRF, get, operator, post, signInFirstTime, startTestServer, type TestServer } from '../http/http.test-helpers.js';
import { answers } from './questionnaires.test-helpers.js';
import { forEachDatabase } from '../testing/databases.js';

/**
 * The questionnaire flow on a real server: an admin sends it, the vendor answers through the link
 * with no session (draft, then submit), the link cannot be reused or used after it expires, the
 * score is stored, accepting moves the vendor's review date, and every step is in the audit trail.
 */
forEachDatabase('vendor questionnaires', (getDb) => {
  let t: TestServer;
  let admin: string;
  let auditor: string;
  let vendorId: string;
  let brandId: string;
  const stamp = randomUUID().slice(0, 8);
  const link = (method: 'GET' | 'PUT' | 'POST', url: string, token: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1/questionnaire-link${url}`, headers: { ...CSRF, 'x-questionnaire-token': token }, ...(payload && { payload }) });

  beforeAll(async () => {
    t = await startTestServer(getDb());
    const { access, db } = t.services;
    brandId = (await access.brands.create(operator, { name: `Q brand ${stamp}` })).id;
    const a = await access.users.create(operator, { email: `q-admin-${stamp}@example.test`, displayName: 'Admin', isSecurityAdmin: true, assignments: [] });
    admin = (await signInFirstTime(t, a.user.email, a.oneTimePassword, 'questionnaire admin passphrase 1')).cookie;
    const au = await access.users.create(operator, { email: `q-auditor-${stamp}@example.test`, displayName: 'Auditor', assignments: [{ brandId, role: 'auditor' }] });
    auditor = (await signInFirstTime(t, au.user.email, au.oneTimePassword, 'questionnaire auditor passphrase 2')).cookie;
    vendorId = randomUUID();
    const at = t.clock.now;
    await db.query(`INSERT INTO vendors (id, name, kind, next_review_at, created_by, created_at, updated_at) VALUES ($1, $2, 'qa_outsourcer', $3, 'test', $4, $4)`, [vendorId, `QA Partner ${stamp}`, new Date(at.getTime() + 400 * 86_400_000), at]);
    await db.query('INSERT INTO vendor_brands (vendor_id, brand_id) VALUES ($1, $2)', [vendorId, brandId]);
  });
  afterAll(async () => t?.close());

  let qid: string;
  let token: string;

  it('an admin sends a questionnaire: a link valid 14 days, only its hash stored; a second one is refused while open', async () => {
    const res = await post(t, '/api/v1/questionnaires', admin, { vendorId });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<{ questionnaire: { id: string; status: string; link: { state: string } }; link: { token: string; url: string; expiresAt: string } }>();
    qid = body.questionnaire.id;
    token = body.link.token;
    expect(body.questionnaire).toMatchObject({ status: 'sent', link: { state: 'active' } });
    expect(body.link.url).toMatch(/\/#\/questionnaire\/cvq_/);
    expect(new Date(body.link.expiresAt).getTime() - t.clock.now.getTime()).toBe(14 * 86_400_000);
    const { rows } = await t.services.db.query<{ token_hash: Uint8Array }>('SELECT token_hash FROM questionnaire_links WHERE questionnaire_id = $1', [qid]);
    expect(Buffer.from(rows[0]!.token_hash).toString('utf8')).not.toContain(token);
    expect((await post(t, '/api/v1/questionnaires', admin, { vendorId })).json<{ error: string }>().error).toBe('questionnaire.already_open');
    // Auditors read but do not send.
    expect((await post(t, '/api/v1/questionnaires', auditor, { vendorId })).statusCode).toBe(403);
  });

  it('the vendor opens the link with no session and saves a draft; bad answers are refused clearly', async () => {
    const open = await link('GET', '', token);
    expect(open.statusCode, open.body).toBe(200);
    expect(open.json<{ definition: { id: string; version: number } }>().definition).toMatchObject({ id: 'vendor_security', version: 1 });
    const wrong = await link('PUT', '/answers', token, { answers: { pci_compliant: 'yes' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ error: string; message: string }>()).toMatchObject({ error: 'questionnaire.invalid_answers', message: expect.stringContaining('pci_compliant: expected true or false') });
    const hidden = await link('PUT', '/answers', token, { answers: { stores_card_data: false, card_storage_where: 'safe' } });
    expect(hidden.json<{ message: string }>().message).toContain('card_storage_where: this question is not asked');
    const unknown = await link('PUT', '/answers', token, { answers: { favourite_colour: 'blue' } });
    expect(unknown.json<{ message: string }>().message).toContain('favourite_colour: no such question');
    const draft = await link('PUT', '/answers', token, { answers: { pci_compliant: true, uses_subprocessors: true, subprocessor_list: 'Acme Transcribe Ltd' } });
    expect(draft.statusCode, draft.body).toBe(200);
    expect((await link('GET', '', token)).json<{ answers: Record<string, unknown> }>().answers).toMatchObject({ pci_compliant: true, subprocessor_list: 'Acme Transcribe Ltd' });
    // Free text is sealed in the database.
    const { rows } = await t.services.db.query<{ answers: Record<string, unknown>; text_answers_sealed: Uint8Array }>('SELECT answers, text_answers_sealed FROM questionnaires WHERE id = $1', [qid]);
    expect(rows[0]!.answers).toEqual({ pci_compliant: true, uses_subprocessors: true });
    expect(Buffer.from(rows[0]!.text_answers_sealed).toString('utf8')).not.toContain('Acme');
  });

  it('a submission must be complete; then findings and the score are stored and the link is spent', async () => {
    const partial = await link('POST', '/submit', token, { answers: { pci_compliant: true } });
    expect(partial.json<{ error: string; message: string }>()).toMatchObject({ error: 'questionnaire.invalid_answers', message: expect.stringContaining('an answer is required') });
    const res = await link('POST', '/submit', token, { answers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ findings: number }>().findings).toBe(1);
    const again = await link('POST', '/submit', token, { answers });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: string }>().error).toBe('questionnaire.link_used');
    expect((await link('GET', '', token)).json<{ error: string }>().error).toBe('questionnaire.link_used');
    const view = await get(t, `/api/v1/questionnaires/${qid}`, auditor);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toMatchObject({ status: 'submitted', riskScore: 50, riskLevel: 'high', findings: [{ ruleId: 'no_mfa', severity: 'critical', controls: ['PCI DSS 8.4.2', 'PCI DSS 8.4.3', 'ISO 27001 A.8.5'] }], answers: { subprocessor_list: 'Acme Transcribe Ltd, speech to text, Ireland' } });
  });

  it('an unknown, malformed or missing token is a clear 404', async () => {
    expect((await link('GET', '', `cvq_${'A'.repeat(43)}`)).json<{ error: string }>().error).toBe('questionnaire.link_not_found');
    expect((await link('GET', '', 'nope')).json<{ error: string }>().error).toBe('questionnaire.link_not_found');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/questionnaire-link' })).statusCode).toBe(404);
  });

  it('accepting sets the vendor risk and moves its next review date (risk 50 → 180 days)', async () => {
    expect((await post(t, `/api/v1/questionnaires/${qid}/accept`, auditor, {})).statusCode).toBe(403);
    const res = await post(t, `/api/v1/questionnaires/${qid}/accept`, admin, {});
    expect(res.statusCode, res.body).toBe(200);
    const next = res.json<{ nextReviewAt: string }>().nextReviewAt;
    expect(new Date(next).getTime() - t.clock.now.getTime()).toBe(180 * 86_400_000);
    const { rows } = await t.services.db.query<{ risk_score: number; next_review_at: Date }>('SELECT risk_score, next_review_at FROM vendors WHERE id = $1', [vendorId]);
    expect(rows[0]).toMatchObject({ risk_score: 50 });
    expect(new Date(rows[0]!.next_review_at).toISOString()).toBe(next);
    expect((await post(t, `/api/v1/questionnaires/${qid}/accept`, admin, {})).json<{ error: string }>().error).toBe('questionnaire.bad_state');
  });

  it('asking again reopens with a comment and a new link; the old link is replaced; an expired link is refused', async () => {
    const sent = await post(t, '/api/v1/questionnaires', admin, { vendorId, expiresInDays: 3 });
    const second = sent.json<{ questionnaire: { id: string }; link: { token: string } }>();
    expect((await link('POST', '/submit', second.link.token, { answers })).statusCode).toBe(200);
    const again = await post(t, `/api/v1/questionnaires/${second.questionnaire.id}/ask-again`, admin, { comment: 'Please enable MFA and answer again.' });
    expect(again.statusCode, again.body).toBe(200);
    const fresh = again.json<{ questionnaire: { status: string; round: number }; link: { token: string } }>();
    expect(fresh.questionnaire).toMatchObject({ status: 'sent', round: 2 });
    const opened = await link('GET', '', fresh.link.token);
    expect(opened.json()).toMatchObject({ round: 2, reviewComment: 'Please enable MFA and answer again.', answers: { agent_mfa: 'none' } });
    expect((await link('GET', '', second.link.token)).json<{ error: string }>().error).toBe('questionnaire.link_used');
    t.clock.advance(15 * 86_400);
    const expired = await link('GET', '', fresh.link.token);
    expect(expired.statusCode).toBe(403);
    expect(expired.json<{ error: string; message: string }>()).toMatchObject({ error: 'questionnaire.link_expired', message: expect.stringContaining('expired') });
    const renewed = await t.services.questionnaires.renewLink(operator, second.questionnaire.id);
    expect((await link('GET', '', renewed.link.token)).statusCode).toBe(200);
    expect((await link('GET', '', fresh.link.token)).json<{ error: string }>().error).toBe('questionnaire.link_replaced');
  });

  it('every step is audited, with the link as the actor of the vendor side and no answer in the details', async () => {
    const { rows } = await t.services.db.query<{ action: string; actor_kind: string; outcome: string; details: Record<string, unknown> }>(
      "SELECT action, actor_kind, outcome, details FROM audit_events WHERE target_id = $1 AND action LIKE 'questionnaire.%' ORDER BY at, seq",
      [qid],
    );
    const seen = rows.map((r) => `${r.action}:${r.actor_kind}:${r.outcome}`);
    for (const e of ['questionnaire.send:user:success', 'questionnaire.open:questionnaire_link:success', 'questionnaire.draft:questionnaire_link:success', 'questionnaire.submit:questionnaire_link:success', 'questionnaire.submit:questionnaire_link:failure', 'questionnaire.read:user:success', 'questionnaire.accept:user:success', 'questionnaire.accept:user:denied']) {
      expect(seen).toContain(e);
    }
    expect(JSON.stringify(rows)).not.toContain('Acme');
    const report = await t.services.auditService.verify(operator, null);
    expect(report.ok).toBe(true);
  });
});
