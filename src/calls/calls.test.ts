import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../http/http.test-helpers.js';
import { forEachDatabase } from '../testing/databases.js';
import { withoutIds } from '../testing/without-ids.js';
import { as, callsWorld, signInAgain, fixture, fixtureFiles, ingestJson, multipart, runJobs, testWav, type CallsWorld } from './calls.test-helpers.js';

const CARD = '4111 1111 1111 1111';

/**
 * Ingest → redaction job → QA review over HTTP, on PGlite and PostgreSQL: every transcript format,
 * idempotent retries, brand scoping (404 and an audit event), scorecards whose notes are redacted,
 * break-glass grants that expire, originals kept per policy and purged when their days run out.
 */
forEachDatabase('calls: ingest and review', (getDb) => {
  let t: TestServer;
  let w: CallsWorld;
  beforeAll(async () => {
    t = await startTestServer(getDb());
    w = await callsWorld(t);
  });
  afterAll(async () => t?.close());

  const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: as(cookie) });
  const post = (url: string, cookie: string, payload: object) => t.app.inject({ method: 'POST', url, headers: as(cookie), payload });

  describe('every transcript format', () => {
    for (const file of fixtureFiles()) {
      it(`${file}: acknowledged, redacted by the job, reviewed with typed markers and no card number`, async () => {
        const { payload, headers } = multipart([
          { name: 'metadata', value: JSON.stringify({ externalId: `ext-${file}`, agentRef: 'agent-7', startedAt: '2026-11-30T10:00:00Z' }) },
          { name: 'transcript', value: fixture(file), filename: file },
        ]);
        const res = await t.app.inject({ method: 'POST', url: `/api/v1/brands/${w.brandA}/calls`, headers: { authorization: w.ingestKey, ...headers }, payload });
        expect(res.statusCode, res.body).toBe(202);
        const { call } = res.json<{ call: { id: string; status: string } }>();
        expect(call.status).toBe('received');
        // Not readable before redaction: the view has no content.
        expect((await get(`/api/v1/calls/${call.id}`, w.cookies.reviewerA)).json().review).toBeNull();

        await runJobs(t);
        const view = await get(`/api/v1/calls/${call.id}`, w.cookies.reviewerA);
        expect(view.statusCode).toBe(200);
        const body = view.json<{ status: string; redactionTypes: string[]; review: { turns: { parts: { redacted?: string; text: string }[]; sentiment: number }[] } }>();
        expect(body.status).toBe('ready');
        expect(body.redactionTypes).toContain('CREDIT_CARD');
        const markers = body.review.turns.flatMap((x) => x.parts.filter((p) => p.redacted).map((p) => p.redacted));
        expect(markers).toContain('CREDIT_CARD');
        expect(withoutIds(view.body)).not.toContain('4111');
        expect(view.body).not.toMatch(/Gonzalez/);

        const download = await get(`/api/v1/calls/${call.id}/transcript`, w.cookies.reviewerA);
        expect(download.statusCode).toBe(200);
        expect(download.body).not.toContain('1111 1111');
        expect(download.body.length).toBeGreaterThan(50);
      });
    }
  });

  it('a retry with the same Idempotency-Key returns the same call; a different body under it is a 409', async () => {
    const body = { metadata: { externalId: 'retry-1' }, transcript: `agent: card number?\ncustomer: ${CARD}` };
    const first = await ingestJson(t, w.ingestKey, w.brandA, body, 'delivery-42');
    const again = await ingestJson(t, w.ingestKey, w.brandA, body, 'delivery-42');
    expect(first.statusCode).toBe(202);
    expect(again.statusCode).toBe(200);
    expect(again.json().call.id).toBe(first.json().call.id);
    expect(again.json().duplicate).toBe(true);
    const clash = await ingestJson(t, w.ingestKey, w.brandA, { ...body, transcript: 'something else' }, 'delivery-42');
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error).toBe('calls.idempotency_conflict');
    expect(clash.body).not.toContain('something else');
  });

  it('a retried upload with a recording is answered at once and its connection serves the next request', async () => {
    // Over a real socket: a duplicate is answered before its recording is read, and the unread
    // body must not hold the client's keep-alive connection (the next request would hang).
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const send = () => {
      const form = new FormData();
      form.append('metadata', JSON.stringify({ externalId: 'retry-recording' }));
      form.append('transcript', `agent: card number?\ncustomer: ${CARD}`);
      form.append('recording', new Blob([new Uint8Array(testWav(20, 8000, 2))]), 'call.wav');
      return fetch(`${base}/api/v1/brands/${w.brandA}/calls`, { method: 'POST', headers: { authorization: w.ingestKey, 'idempotency-key': 'retry-recording' }, body: form });
    };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await send();
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    expect(statuses).toEqual([202, 200, 200, 200, 200]);
  });

  it('refuses an unreadable transcript, a foreign brand and a key without the scope, with 4xx and no content echoed', async () => {
    const bad = await ingestJson(t, w.ingestKey, w.brandA, { metadata: { externalId: 'bad' }, transcript: '{"results": 42, "secret": "4111111111111111"}', format: 'aws-transcribe' });
    expect(bad.statusCode).toBe(400);
    expect(withoutIds(bad.body)).not.toContain('4111');
    expect((await ingestJson(t, w.ingestKey, w.brandB, { metadata: { externalId: 'x' }, transcript: 'hello' })).statusCode).toBe(403);
    const m = multipart([{ name: 'transcript', value: 'hi' }]);
    const noMeta = await t.app.inject({ method: 'POST', url: `/api/v1/brands/${w.brandA}/calls`, headers: { authorization: w.ingestKey, ...m.headers }, payload: m.payload });
    expect(noMeta.statusCode).toBe(400);
    expect(noMeta.json().error).toBe('calls.bad_metadata');
  });

  it("a reviewer of brand B gets a 404 for brand A's call, and the attempt is in brand A's trail", async () => {
    const res = await ingestJson(t, w.ingestKey, w.brandA, { metadata: { externalId: 'scoped' }, transcript: 'customer: my name is Priya Raman' });
    const id = res.json().call.id as string;
    await runJobs(t);
    for (const url of [`/api/v1/calls/${id}`, `/api/v1/calls/${id}/transcript`, `/api/v1/calls/${id}/audio`]) {
      const r = await get(url, w.cookies.reviewerB);
      expect(r.statusCode, url).toBe(404);
      expect(r.body).not.toContain('Priya');
    }
    for (const who of ['agentA', 'auditorA'] as const) expect((await get(`/api/v1/calls/${id}`, w.cookies[who])).statusCode).toBe(404);
    const { items } = await t.services.auditService.listEvents({ actor: { kind: 'system', id: 't' }, isSecurityAdmin: false, roles: new Map() }, { brandId: w.brandA, limit: 200 });
    const denied = items.filter((e) => e.target?.id === id && e.outcome === 'denied');
    expect(denied.map((e) => e.actor.id)).toContain(w.userIds.reviewerB);
    // Listing: B's reviewer sees none of A's calls.
    const listB = await get('/api/v1/calls', w.cookies.reviewerB);
    expect(listB.json().items.filter((c: { brandId: string }) => c.brandId === w.brandA)).toEqual([]);
    const listA = await get(`/api/v1/calls?brandId=${w.brandA}&status=ready&limit=2`, w.cookies.reviewerA);
    expect(listA.json().items).toHaveLength(2);
    const next = await get(`/api/v1/calls?brandId=${w.brandA}&status=ready&limit=2&before=${listA.json().nextBefore}`, w.cookies.reviewerA);
    expect(next.json().items[0].id).not.toBe(listA.json().items[0].id);
  });

  it('saves a scorecard with the notes redacted', async () => {
    const res = await ingestJson(t, w.ingestKey, w.brandA, { metadata: { externalId: 'scored' }, transcript: 'agent: how can I help?\ncustomer: this is terrible, I am furious' });
    const id = res.json().call.id as string;
    await runJobs(t);
    const card = await post(`/api/v1/calls/${id}/scorecards`, w.cookies.reviewerA, { score: 62, notes: `Agent read back the card ${CARD} aloud` });
    expect(card.statusCode, card.body).toBe(201);
    expect(withoutIds(card.body)).not.toContain('4111');
    const view = (await get(`/api/v1/calls/${id}`, w.cookies.reviewerA)).json<{ sentiment: number; scorecards: { score: number; notes: string }[] }>();
    expect(view.scorecards).toEqual([expect.objectContaining({ score: 62, notes: expect.stringContaining('[CREDIT_CARD]') })]);
    expect(view.sentiment).toBeLessThan(0);
    expect((await post(`/api/v1/calls/${id}/scorecards`, w.cookies.agentA, { score: 1, notes: '' })).statusCode).toBe(404);
  });

  it('the policy editor previews pasted text under a draft policy, and refuses a bad policy with a message', async () => {
    const preview = await post(`/api/v1/brands/${w.brandA}/redaction-policy/preview`, w.cookies.admin, {
      text: `my card is ${CARD} and my name is John Carter`,
      policy: { types: { CREDIT_CARD: { operator: { kind: 'mask', keepLast: 4 } } } },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const parts = preview.json().parts as { text: string; redacted?: string }[];
    expect(parts.find((p) => p.redacted === 'CREDIT_CARD')?.text).toMatch(/1111$/);
    expect(parts.find((p) => p.redacted === 'PERSON')?.text).toBe('[PERSON]');
    const bad = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/brands/${w.brandA}/redaction-policy`,
      headers: as(w.cookies.admin),
      payload: { policy: { types: { CREDIT_CARD: { operator: { kind: 'mask', keepLast: 8 } } } }, keepOriginalDays: null, audioMode: 'silence', maskDtmf: true },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/3\.4\.1|keep|last/i);
    expect((await t.app.inject({ method: 'PUT', url: `/api/v1/brands/${w.brandA}/redaction-policy`, headers: as(w.cookies.reviewerA), payload: { policy: {}, keepOriginalDays: null, audioMode: 'silence', maskDtmf: true } })).statusCode).toBe(403);
  });
  // Last: it moves the clock past the sessions' idle timeout.
  it('break-glass: a supervisor with a reason gets the original for 30 minutes, audited; no original kept says so', async () => {
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/brands/${w.brandA}/redaction-policy`,
      headers: as(w.cookies.admin),
      payload: { policy: { version: 1 }, keepOriginalDays: 7, audioMode: 'silence', maskDtmf: true },
    });
    expect(put.statusCode, put.body).toBe(200);
    const kept = (await ingestJson(t, w.ingestKey, w.brandA, { metadata: { externalId: 'kept' }, transcript: `customer: the card is ${CARD}` })).json().call.id as string;
    await runJobs(t);
    expect((await get(`/api/v1/calls/${kept}/original`, w.cookies.supervisorA)).statusCode).toBe(403);
    expect((await post(`/api/v1/calls/${kept}/break-glass`, w.cookies.reviewerA, { reason: 'I would like to see it please' })).statusCode).toBe(404);
    const grant = await post(`/api/v1/calls/${kept}/break-glass`, w.cookies.supervisorA, { reason: 'Customer disputes the amount; need the exact words' });
    expect(grant.statusCode, grant.body).toBe(201);
    expect(grant.json().originalAvailable).toBe(true);
    const original = await get(`/api/v1/calls/${kept}/original`, w.cookies.supervisorA);
    expect(original.statusCode).toBe(200);
    expect(original.json().content).toContain(CARD);
    // 31 minutes later (the supervisor stays active, so the 15-minute idle timeout does not end the session first).
    for (const minutes of [14, 14, 3]) {
      t.clock.advance(minutes * 60);
      expect((await get('/api/v1/auth/me', w.cookies.supervisorA)).statusCode).toBe(200);
    }
    const expired = await get(`/api/v1/calls/${kept}/original`, w.cookies.supervisorA);
    expect(expired.statusCode).toBe(403);
    expect(expired.json().error).toBe('calls.no_grant');

    // Purged when its days run out: then nothing is left to grant.
    t.clock.advance(7 * 86_400);
    expect(await t.services.calls.purgeExpiredOriginals()).toBeGreaterThanOrEqual(1);
    w.cookies.supervisorA = await signInAgain(t, w, 'supervisorA');
    const after = await post(`/api/v1/calls/${kept}/break-glass`, w.cookies.supervisorA, { reason: 'Second look at the dispute, please' });
    expect(after.json().originalAvailable).toBe(false);
    expect((await get(`/api/v1/calls/${kept}/original`, w.cookies.supervisorA)).json().error).toBe('calls.original_not_kept');
    const { items } = await t.services.auditService.listEvents({ actor: { kind: 'system', id: 't' }, isSecurityAdmin: false, roles: new Map() }, { brandId: w.brandA, limit: 500 });
    const actions = items.filter((e) => e.target?.id === kept).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['breakglass.request', 'call.original.read', 'call.original.purge']));
  });

});
