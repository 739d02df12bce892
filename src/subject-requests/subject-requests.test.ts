import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, callsWorld, ingestJson, runJobs, type CallsWorld } from '../calls/calls.test-helpers.js';
import { openCallKey } from '../calls/call-keys.js';
import { startTestServer, type TestServer } from '../http/http.test-helpers.js';
import { forEachDatabase } from '../testing/databases.js';
import { openWithRecordKey } from '../vault/record-key.js';
import { subjectRequestEvidence } from './index.js';

const PHONE_SAID = '(415) 555-0134';
const PHONE_ASKED = '+1 415 555 0134';
const EMAIL = 'jane.doe@example.com';
const OTHER_PHONE = '(212) 555-0187';
/** The subject's number in any of its written forms (a bare "555" would also match hex hashes and ids). */
const PHONE_ANY = /\(?415\)?[\s.-]*555[\s.-]*0134/;

interface View {
  id: string;
  status: string;
  dueAt: string;
  baseDueAt: string;
  clock: { status: string };
  identifierTypes: Record<string, number>;
  extensions: { position: number; reason: string; newDueAt: string }[];
  foundCount: number | null;
  calls: { callId: string; outcome: string; holdId: string | null; call: { externalId: string } | null }[];
}

/**
 * Data-subject requests end to end over HTTP on PGlite and PostgreSQL: calls ingested with known
 * identifiers and redacted by the job, found by blind-index hash whatever the format the phone
 * number is given in, exported (redacted only), erased (keys destroyed, held calls kept), deadlines
 * and extensions, the certificate, and brand scoping.
 */
forEachDatabase('subject requests', (getDb) => {
  let t: TestServer;
  let w: CallsWorld;
  const tag = randomUUID().slice(0, 8);
  beforeAll(async () => {
    t = await startTestServer(getDb());
    w = await callsWorld(t);
  });
  afterAll(async () => t?.close());

  const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: as(cookie) });
  const post = (url: string, cookie: string, payload: object = {}) => t.app.inject({ method: 'POST', url, headers: as(cookie), payload });

  /** Ingests a call whose customer says `said`, runs the redaction job; its id. */
  async function call(brandId: string, key: string, ext: string, said: string): Promise<string> {
    const transcript = {
      format: 'callvault.conversation',
      version: 1,
      turns: [
        { speaker: 'agent', channel: 0, start: 0, end: 2, text: 'Thanks for calling, how can I help?' },
        { speaker: 'customer', channel: 0, start: 2, end: 6, text: said },
      ],
    };
    const res = await ingestJson(t, key, brandId, { metadata: { externalId: ext }, transcript: JSON.stringify(transcript) });
    expect(res.statusCode, res.body).toBe(202);
    await runJobs(t);
    return res.json<{ call: { id: string } }>().call.id;
  }

  async function open(body: object): Promise<View> {
    const res = await post('/api/v1/subject-requests', w.cookies.admin, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<View>();
  }
  const find = async (id: string) => {
    const res = await post(`/api/v1/subject-requests/${id}/find`, w.cookies.admin);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<View>();
  };

  let phoneCall: string;
  let emailCall: string;
  let otherCall: string;
  beforeAll(async () => {
    phoneCall = await call(w.brandA, w.ingestKey, `ext-phone-${tag}`, `Sure, my number is ${PHONE_SAID} if you need to call back.`);
    emailCall = await call(w.brandA, w.ingestKey, `ext-email-${tag}`, `Please write to me at ${EMAIL} about the refund.`);
    otherCall = await call(w.brandA, w.ingestKey, `ext-other-${tag}`, `You can reach me on ${OTHER_PHONE} any time.`);
  });

  it('keeps no identifier in clear, and finds the calls by phone in another format and by email — not the others', async () => {
    const req = await open({ brandId: w.brandA, regime: 'gdpr', kind: 'access', identifiers: { phones: [PHONE_ASKED], emails: ['Jane.Doe@Example.com'] } });
    expect(req.identifierTypes).toEqual({ PHONE: 1, EMAIL: 1 });
    const stored = await t.services.db.query<Record<string, unknown>>('SELECT * FROM subject_request_identifiers WHERE request_id = $1', [req.id]);
    expect(stored.rows).toHaveLength(2);
    expect(JSON.stringify(stored.rows)).not.toMatch(/4155550134|jane/i);

    const found = await find(req.id);
    expect(found.status).toBe('found');
    expect(found.calls.map((c) => c.callId).sort()).toEqual([phoneCall, emailCall].sort());
    expect(found.calls.map((c) => c.callId)).not.toContain(otherCall);
    expect(found.calls.find((c) => c.callId === phoneCall)?.call?.externalId).toBe(`ext-phone-${tag}`);
    // The find and the read are in the brand's audit trail, with counts only.
    const trail = await t.services.db.query<{ action: string; details: unknown }>("SELECT action, details FROM audit_events WHERE target_id = $1 ORDER BY seq", [req.id]);
    expect(trail.rows.map((r) => r.action)).toEqual(['subject_request.create', 'subject_request.find']);
    expect(JSON.stringify(trail.rows)).not.toMatch(PHONE_ANY);
    expect(JSON.stringify(trail.rows)).not.toMatch(/jane/i);
  });

  it('exports the redacted transcript and metadata, never the original, audited per call', async () => {
    const req = await open({ brandId: w.brandA, regime: 'ccpa', kind: 'know', identifiers: { phones: ['415.555.0134'] } });
    await find(req.id);
    const res = await post(`/api/v1/subject-requests/${req.id}/export`, w.cookies.admin);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="subject-request-\d+-export.json"/);
    const pkg = res.json<{ calls: { callId: string; redactedTranscript: { content: string } | null; metadata: { externalId: string }; paymentTokens: { count: number } }[] }>();
    expect(pkg.calls).toHaveLength(1);
    expect(pkg.calls[0]!.callId).toBe(phoneCall);
    expect(pkg.calls[0]!.metadata.externalId).toBe(`ext-phone-${tag}`);
    expect(pkg.calls[0]!.redactedTranscript?.content).toContain('if you need to call back');
    expect(res.body).not.toContain('555-0134');
    expect(res.body).not.toContain('0134');
    const events = await t.services.db.query<{ action: string }>("SELECT action FROM audit_events WHERE chain_id = $1 AND details->>'subjectRequest' = $2", [w.brandA, req.id]);
    expect(events.rows.map((e) => e.action)).toEqual(['call.export']);
    expect((await get(`/api/v1/subject-requests/${req.id}`, w.cookies.admin)).json<View>().status).toBe('exported');
    // An access request cannot erase.
    expect((await post(`/api/v1/subject-requests/${req.id}/erase`, w.cookies.admin)).json().error).toBe('subject_request.wrong_kind');
  });

  it('erases: keys destroyed (a copied sealed blob no longer opens), tokens destroyed, nothing found afterwards; held calls are kept', async () => {
    const erasable = await call(w.brandA, w.ingestKey, `ext-erase-${tag}`, `Call me back on 415 555 0134 please.`);
    const held = await call(w.brandA, w.ingestKey, `ext-held-${tag}`, `It is 415-555-0134, the mobile.`);
    const db = t.services.db;
    const holdId = randomUUID();
    await db.query("INSERT INTO legal_holds (id, brand_id, call_id, case_ref, placed_by, placed_at) VALUES ($1, $2, $3, 'CASE-7', 'test', now())", [holdId, w.brandA, held]);
    // A kept payment token from a session on the erasable call (the platform's call reference).
    const session = randomUUID();
    await db.query(
      `INSERT INTO payment_sessions (id, brand_id, call_ref, amount_minor, currency, description_sealed, state, progress, holder_node, expires_at, created_at, updated_at)
       VALUES ($1, $2, $3, 100, 'USD', $4, 'succeeded', '{}'::jsonb, 'node', now(), now(), now())`,
      [session, w.brandA, `ext-erase-${tag}`, randomBytes(16)],
    );
    await db.query(
      "INSERT INTO payment_tokens (id, brand_id, card_sealed, card_brand, last_four, exp_month, exp_year, session_id, created_at) VALUES ($1, $2, $3, 'visa', '1111', 12, 2030, $4, now())",
      [`tok_${randomBytes(18).toString('base64url')}`, w.brandA, randomBytes(40), session],
    );
    // What a backup of call_content would hold, copied before the erasure.
    const copied = Buffer.from((await db.query<{ sealed: Uint8Array }>("SELECT sealed FROM call_content WHERE call_id = $1 AND kind = 'redacted_transcript'", [erasable])).rows[0]!.sealed);
    const keyBefore = await openCallKey(db, t.services.vault, w.brandA, erasable, 'content');
    expect(openWithRecordKey(keyBefore, `call:${erasable}:redacted_transcript`, copied).toString('utf8')).toContain('Call me back');

    const req = await open({ brandId: w.brandA, regime: 'gdpr', kind: 'erasure', identifiers: { phones: ['4155550134'] } });
    const found = await find(req.id);
    expect(found.calls.map((c) => c.callId)).toEqual(expect.arrayContaining([phoneCall, erasable, held]));
    const res = await post(`/api/v1/subject-requests/${req.id}/erase`, w.cookies.admin);
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json<{ erased: { callId: string; keysDestroyed: number; tokensDestroyed: number }[]; held: { callId: string; holdId: string }[]; request: View }>();
    expect(out.held).toEqual([{ callId: held, holdId }]);
    expect(out.erased.map((e) => e.callId).sort()).toEqual([phoneCall, erasable].sort());
    expect(out.erased.find((e) => e.callId === erasable)).toMatchObject({ keysDestroyed: 1, tokensDestroyed: 1 });
    expect(out.request.status).toBe('erased');
    expect(out.request.calls.find((c) => c.callId === held)).toMatchObject({ outcome: 'held', holdId });

    // The key is gone: the copied blob cannot be opened from anything the database still holds.
    await expect(openCallKey(db, t.services.vault, w.brandA, erasable, 'content')).rejects.toMatchObject({ code: 'calls.not_found' });
    expect((await db.query('SELECT 1 FROM call_keys WHERE call_id = $1', [erasable])).rows).toHaveLength(0);
    expect((await db.query('SELECT 1 FROM payment_tokens WHERE session_id = $1', [session])).rows).toHaveLength(0);
    expect((await get(`/api/v1/calls/${erasable}`, w.cookies.reviewerA)).statusCode).toBe(404);
    expect((await get(`/api/v1/calls/${held}`, w.cookies.reviewerA)).statusCode).toBe(200);
    // A new request for the same subject finds only the held call.
    const again = await open({ brandId: w.brandA, regime: 'gdpr', kind: 'erasure', identifiers: { phones: [PHONE_SAID] } });
    expect((await find(again.id)).calls.map((c) => c.callId)).toEqual([held]);
    // Erasing when every call is held: a clear 409, the held call listed on the request.
    const refused = await post(`/api/v1/subject-requests/${again.id}/erase`, w.cookies.admin);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toBe('subject_request.held');
    expect((await get(`/api/v1/subject-requests/${again.id}`, w.cookies.admin)).json<View>().calls[0]).toMatchObject({ callId: held, outcome: 'held' });

    // Closed: the certificate states what happened and ties it to the audit chain, with no identifier.
    const closed = await post(`/api/v1/subject-requests/${req.id}/close`, w.cookies.admin);
    expect(closed.json<View>().status).toBe('closed');
    const evidence = await subjectRequestEvidence(db, w.brandA, t.clock.now);
    expect(evidence.closedOnTime).toBeGreaterThanOrEqual(1);
    expect(evidence.averageDaysToClose).not.toBeNull();
    const cert = await get(`/api/v1/subject-requests/${req.id}/certificate`, w.cookies.auditorA);
    expect(cert.statusCode, cert.body).toBe(200);
    const c = cert.json<{ requestId: string; regime: string; found: { calls: number }; erased: { calls: number; callIds: string[]; keysDestroyed: number; paymentTokensDestroyed: number }; held: unknown[]; onTime: boolean; auditEvents: { chainId: string; seq: number; action: string }[] }>();
    expect(c).toMatchObject({ requestId: req.id, regime: 'gdpr', found: { calls: 3 }, erased: { calls: 2, keysDestroyed: 2, paymentTokensDestroyed: 1 }, held: [{ callId: held, holdId }], onTime: true });
    expect(c.erased.callIds.sort()).toEqual([phoneCall, erasable].sort());
    const actions = c.auditEvents.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['subject_request.create', 'subject_request.find', 'call.erase', 'payment.token.destroy', 'subject_request.erase.held', 'subject_request.erase', 'subject_request.close']));
    expect(c.auditEvents.every((e) => e.chainId === w.brandA && e.seq > 0)).toBe(true);
    expect(cert.body).not.toMatch(PHONE_ANY);
    const html = await get(`/api/v1/subject-requests/${req.id}/certificate?format=html`, w.cookies.auditorA);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.body).toContain('Certificate of completion');
    expect(html.body).toContain(erasable);
    expect(html.body).not.toMatch(/555-0134|4155550134/);
    // And the trail still verifies.
    const report = await t.services.auditService.verify({ actor: { kind: 'system', id: 'test' }, isSecurityAdmin: false, roles: new Map() }, w.brandA);
    expect(report.ok).toBe(true);
  });

  describe('deadlines and extensions', () => {
    it('GDPR: one month, two one-month extensions with reasons, then no more', async () => {
      const req = await open({ brandId: w.brandA, regime: 'gdpr', kind: 'access', identifiers: { emails: ['someone@example.org'] }, receivedAt: '2026-01-31T09:00:00Z' });
      expect(req.baseDueAt).toBe('2026-02-28T09:00:00.000Z');
      const one = await post(`/api/v1/subject-requests/${req.id}/extend`, w.cookies.admin, { reason: 'Complex request: many calls' });
      expect(one.json<View>().dueAt).toBe('2026-03-28T09:00:00.000Z');
      const two = await post(`/api/v1/subject-requests/${req.id}/extend`, w.cookies.admin, { reason: 'Still collecting' });
      expect(two.json<View>().extensions.map((e) => e.reason)).toEqual(['Complex request: many calls', 'Still collecting']);
      expect(two.json<View>().dueAt).toBe('2026-04-28T09:00:00.000Z');
      const three = await post(`/api/v1/subject-requests/${req.id}/extend`, w.cookies.admin, { reason: 'Once more' });
      expect(three.statusCode).toBe(409);
      expect(three.json().error).toBe('subject_request.no_more_extensions');
      // Received in January, the deadline has passed: overdue on the request and in the evidence.
      expect(two.json<View>().clock.status).toBe('overdue');
      const ev = await subjectRequestEvidence(t.services.db, w.brandA, t.clock.now);
      expect(ev.overdueIds).toContain(req.id);
    });

    it('CCPA: 45 days, one 45-day extension', async () => {
      const req = await open({ brandId: w.brandA, regime: 'ccpa', kind: 'delete', identifiers: { names: ['Jane Doe'] }, receivedAt: '2026-03-01T00:00:00Z' });
      expect(req.baseDueAt).toBe('2026-04-15T00:00:00.000Z');
      const one = await post(`/api/v1/subject-requests/${req.id}/extend`, w.cookies.admin, { reason: 'Reasonably necessary' });
      expect(one.json<View>().dueAt).toBe('2026-05-30T00:00:00.000Z');
      expect((await post(`/api/v1/subject-requests/${req.id}/extend`, w.cookies.admin, { reason: 'Again' })).statusCode).toBe(409);
    });

    it('refuses a kind that does not belong to the regime, and no usable identifier', async () => {
      expect((await post('/api/v1/subject-requests', w.cookies.admin, { brandId: w.brandA, regime: 'ccpa', kind: 'erasure', identifiers: { phones: [PHONE_SAID] } })).statusCode).toBe(400);
      const blank = await post('/api/v1/subject-requests', w.cookies.admin, { brandId: w.brandA, regime: 'gdpr', kind: 'access', identifiers: { phones: ['--'] } });
      expect(blank.statusCode).toBe(400);
      expect(blank.json().error).toBe('subject_request.no_identifier');
    });
  });

  it('rejects with a sealed reason; the certificate says rejected', async () => {
    const req = await open({ brandId: w.brandA, regime: 'gdpr', kind: 'erasure', identifiers: { accountNumbers: ['12345678'] } });
    const rej = await post(`/api/v1/subject-requests/${req.id}/reject`, w.cookies.admin, { reason: 'Identity could not be verified' });
    expect(rej.json<View & { rejectionReason: string }>()).toMatchObject({ status: 'rejected', rejectionReason: 'Identity could not be verified' });
    const row = await t.services.db.query<{ rejection_sealed: Uint8Array }>('SELECT rejection_sealed FROM subject_requests WHERE id = $1', [req.id]);
    expect(Buffer.from(row.rows[0]!.rejection_sealed).toString('latin1')).not.toContain('Identity');
    expect((await get(`/api/v1/subject-requests/${req.id}/certificate`, w.cookies.admin)).json()).toMatchObject({ outcome: 'rejected', rejected: true });
    expect((await post(`/api/v1/subject-requests/${req.id}/close`, w.cookies.admin)).statusCode).toBe(409);
  });

  it('brand scoping: another brand’s people see nothing, auditors read but cannot act, and B’s calls are never found from A', async () => {
    const bCall = await call(w.brandB, w.ingestKeyB, `ext-b-${tag}`, `My number is ${PHONE_SAID}.`);
    const req = await open({ brandId: w.brandA, regime: 'gdpr', kind: 'access', identifiers: { phones: [PHONE_SAID] } });
    expect((await find(req.id)).calls.map((c) => c.callId)).not.toContain(bCall);
    const inB = await open({ brandId: w.brandB, regime: 'gdpr', kind: 'access', identifiers: { phones: [PHONE_SAID] } });
    expect((await find(inB.id)).calls.map((c) => c.callId)).toEqual([bCall]);

    expect((await get(`/api/v1/subject-requests/${inB.id}`, w.cookies.auditorA)).statusCode).toBe(404);
    expect((await get(`/api/v1/subject-requests/${req.id}`, w.cookies.reviewerA)).statusCode).toBe(404);
    expect((await get(`/api/v1/subject-requests/${req.id}`, w.cookies.auditorA)).statusCode).toBe(200);
    expect((await post(`/api/v1/subject-requests/${req.id}/find`, w.cookies.auditorA)).statusCode).toBe(403);
    expect((await post('/api/v1/subject-requests', w.cookies.auditorA, { brandId: w.brandA, regime: 'gdpr', kind: 'access', identifiers: { emails: [EMAIL] } })).statusCode).toBe(403);
    const listed = (await get('/api/v1/subject-requests', w.cookies.auditorA)).json<{ items: { id: string; brandId: string }[] }>();
    expect(listed.items.some((i) => i.id === req.id)).toBe(true);
    expect(listed.items.every((i) => i.brandId === w.brandA)).toBe(true);
    expect((await get('/api/v1/subject-requests', w.cookies.reviewerA)).statusCode).toBe(403);
    const denied = await t.services.db.query("SELECT 1 FROM audit_events WHERE chain_id = $1 AND target_id = $2 AND outcome = 'denied'", [w.brandB, inB.id]);
    expect(denied.rows.length).toBeGreaterThan(0);
  });
});
