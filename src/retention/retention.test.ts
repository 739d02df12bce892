import { afterAll, beforeAll, expect, it } from 'vitest';
import { as, callsWorld, matrixCall, signInAgain, type CallsWorld } from '../calls/calls.test-helpers.js';
import { get, operator, post, startTestServer, type TestServer } from '../http/http.test-helpers.js';
import { CONNECTOR_PRINCIPAL, detokenize } from '../payments/index.js';
import { createToken } from '../payments/tokens.js';
import { forEachDatabase } from '../testing/databases.js';
import { activeHold, retentionEvidence } from './index.js';

interface ItemJson {
  brandId: string;
  dataClass: string;
  days: number | null;
  purged: number;
  skippedHold: number;
  errors: number;
  note: string | null;
}
interface RunJson {
  id: string;
  trigger: string;
  status: string;
  purged: number;
  skippedHold: number;
  items: ItemJson[];
}
interface CallJson {
  originalKeptUntil: string | null;
  scorecards: { score: number; notes: string }[];
}

const DAY = 86_400;

/**
 * Retention end to end on a real server: policies set through the API (the audit floor refused),
 * calls ingested and redacted by the real pipeline, the clock moved past their days, purge runs
 * started by an admin, legal holds that make a call (or a whole brand) survive a run until they
 * are released, and the reports listed per brand.
 */
forEachDatabase('retention', (getDb) => {
  let t: TestServer;
  let w: CallsWorld;
  let admin: string;
  let auditor: string;
  let reviewer: string;

  const signIn = async () => {
    admin = await signInAgain(t, w, 'admin');
    auditor = await signInAgain(t, w, 'auditorA');
    reviewer = await signInAgain(t, w, 'reviewerA');
  };
  const putPolicy = (brandId: string, body: object, cookie = admin) => t.app.inject({ method: 'PUT', url: `/api/v1/brands/${brandId}/retention`, headers: as(cookie), payload: body });
  const runNow = async (): Promise<RunJson> => {
    const res = await post(t, '/api/v1/retention/runs', admin);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<RunJson>();
  };
  const itemOf = (run: RunJson, brandId: string, dataClass: string) => run.items.find((i) => i.brandId === brandId && i.dataClass === dataClass)!;
  const hold = async (brandId: string, caseRef: string, callId?: string) => {
    const res = await post(t, `/api/v1/brands/${brandId}/legal-holds`, admin, { caseRef, ...(callId && { callId }) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const release = async (brandId: string, holdId: string) => {
    const res = await post(t, `/api/v1/brands/${brandId}/legal-holds/${holdId}/release`, admin);
    expect(res.statusCode, res.body).toBe(200);
  };
  const call = async (callId: string) => get(t, `/api/v1/calls/${callId}`, admin);

  beforeAll(async () => {
    t = await startTestServer(getDb());
    w = await callsWorld(t);
    await signIn();
  });
  afterAll(async () => t?.close());

  it('shows defaults, refuses an audit policy below the PCI DSS 10.5.1 floor, and lets only admins change days', async () => {
    const before = await get(t, `/api/v1/brands/${w.brandB}/retention`, auditor);
    expect(before.statusCode).toBe(403); // auditor of brand A only
    const defaults = (await get(t, `/api/v1/brands/${w.brandB}/retention`, admin)).json<{ classes: { dataClass: string; days: number | null; source: string }[] }>();
    expect(defaults.classes).toEqual([
      { dataClass: 'originals', days: null, source: 'default', updatedAt: null },
      { dataClass: 'redacted_calls', days: null, source: 'default', updatedAt: null },
      { dataClass: 'qa_notes', days: null, source: 'default', updatedAt: null },
      { dataClass: 'payment_tokens', days: null, source: 'default', updatedAt: null },
      { dataClass: 'audit_events', days: 365, source: 'default', updatedAt: null },
    ]);

    const low = await putPolicy(w.brandA, { auditEvents: 364 });
    expect(low.statusCode).toBe(400);
    expect(low.json<{ error: string; message: string }>()).toMatchObject({ error: 'retention.below_floor', message: expect.stringContaining('365') });
    expect((await putPolicy(w.brandA, { auditEvents: 400 }, auditor)).statusCode).toBe(403);
    expect((await putPolicy(w.brandA, { auditEvents: 400 })).statusCode).toBe(200);
    const seen = (await get(t, `/api/v1/brands/${w.brandA}/retention`, auditor)).json<{ classes: { dataClass: string; days: number | null; source: string }[] }>();
    expect(seen.classes.find((c) => c.dataClass === 'audit_events')).toMatchObject({ days: 400, source: 'policy' });

    const { items } = await t.services.auditService.listEvents(operator, { brandId: w.brandA, limit: 100 });
    expect(items.filter((e) => e.action === 'retention.policy.update').map((e) => e.outcome).sort()).toEqual(['denied', 'success']);
  });

  it('keeps originals for the days set here (the calls module reads them), and its purge of originals skips a held call', async () => {
    expect((await putPolicy(w.brandA, { originals: 5 })).statusCode).toBe(200);
    // The same value, seen through the calls module's redaction policy: one source of truth.
    const redaction = (await get(t, `/api/v1/brands/${w.brandA}/redaction-policy`, admin)).json<{ keepOriginalDays: number | null }>();
    expect(redaction.keepOriginalDays).toBe(5);
    const free = await matrixCall(t, w.brandA, 'orig-free');
    const held = await matrixCall(t, w.brandA, 'orig-held');
    expect((await call(free)).json<CallJson>().originalKeptUntil).not.toBeNull();
    const holdId = await hold(w.brandA, 'CASE-2026-001', held);
    expect(await activeHold(t.services.db, w.brandA, held)).toEqual({ id: holdId });
    expect(await activeHold(t.services.db, w.brandA, free)).toBeNull();

    t.clock.advance(6 * DAY);
    await signIn();
    // The calls module's own periodic purge: the free call's original goes, the held one stays.
    expect(await t.services.calls.purgeExpiredOriginals()).toBe(1);
    const run = await runNow();
    expect(itemOf(run, w.brandA, 'originals')).toMatchObject({ purged: 0, skippedHold: 1, errors: 0 });
    expect((await call(free)).json<CallJson>().originalKeptUntil).toBeNull();
    expect((await call(held)).json<CallJson>().originalKeptUntil).not.toBeNull();

    await release(w.brandA, holdId);
    const after = await runNow();
    expect(itemOf(after, w.brandA, 'originals')).toMatchObject({ purged: 1, skippedHold: 0 });
    expect((await call(held)).json<CallJson>().originalKeptUntil).toBeNull();
    expect((await post(t, `/api/v1/brands/${w.brandA}/legal-holds/${holdId}/release`, admin)).statusCode).toBe(409);
  });

  it('deletes whole redacted calls after N days (keys shredded, audited); a held call survives until released', async () => {
    expect((await putPolicy(w.brandA, { originals: null, redactedCalls: 30 })).statusCode).toBe(200);
    const gone = await matrixCall(t, w.brandA, 'red-gone');
    const held = await matrixCall(t, w.brandA, 'red-held');
    const otherBrand = await matrixCall(t, w.brandB, 'red-b');
    const holdId = await hold(w.brandA, 'CASE-2026-002', held);

    t.clock.advance(31 * DAY);
    await signIn();
    const run = await runNow();
    // The two calls of the previous test are older than 30 days as well.
    expect(itemOf(run, w.brandA, 'redacted_calls')).toMatchObject({ days: 30, purged: 3, skippedHold: 1, errors: 0 });
    expect(itemOf(run, w.brandB, 'redacted_calls')).toMatchObject({ days: null, purged: 0, note: 'kept: no policy' });
    expect((await call(gone)).statusCode).toBe(404);
    expect((await get(t, `/api/v1/calls/${gone}/audio`, admin)).statusCode).toBe(404);
    const keys = await t.services.db.query<{ n: number }>('SELECT count(*)::int AS n FROM call_keys WHERE call_id = $1', [gone]);
    expect(keys.rows[0]?.n).toBe(0);
    expect((await call(held)).statusCode).toBe(200);
    expect((await call(otherBrand)).statusCode).toBe(200);
    const { items } = await t.services.auditService.listEvents(operator, { brandId: w.brandA, limit: 500 });
    const purge = items.find((e) => e.action === 'retention.purge' && e.target?.id === gone);
    expect(purge?.details).toMatchObject({ dataClass: 'redacted_calls', days: 30, recordings: 1 });

    await release(w.brandA, holdId);
    const after = await runNow();
    expect(itemOf(after, w.brandA, 'redacted_calls')).toMatchObject({ purged: 1, skippedHold: 0 });
    expect((await call(held)).statusCode).toBe(404);
  });

  it('clears QA notes after their days and keeps the score', async () => {
    expect((await putPolicy(w.brandA, { redactedCalls: null, qaNotes: 10 })).statusCode).toBe(200);
    const callId = await matrixCall(t, w.brandA, 'qa');
    const scored = await post(t, `/api/v1/calls/${callId}/scorecards`, reviewer, { score: 87, notes: 'Polite, confirmed the amount twice' });
    expect(scored.statusCode, scored.body).toBe(201);
    expect((await call(callId)).json<CallJson>().scorecards).toMatchObject([{ score: 87, notes: 'Polite, confirmed the amount twice' }]);

    t.clock.advance(11 * DAY);
    await signIn();
    const run = await runNow();
    expect(itemOf(run, w.brandA, 'qa_notes')).toMatchObject({ days: 10, purged: 1, skippedHold: 0 });
    expect((await call(callId)).json<CallJson>().scorecards).toMatchObject([{ score: 87, notes: '' }]);
    expect(itemOf(await runNow(), w.brandA, 'qa_notes')).toMatchObject({ purged: 0 }); // idempotent
  });

  it('a brand-level hold suspends every purge of the brand', async () => {
    const callId = await matrixCall(t, w.brandB, 'brand-held');
    expect((await putPolicy(w.brandB, { redactedCalls: 5 })).statusCode).toBe(200);
    const holdId = await hold(w.brandB, 'LIT/2026/7');
    expect((await post(t, `/api/v1/brands/${w.brandB}/legal-holds`, admin, { caseRef: 'LIT/2026/7' })).statusCode).toBe(409);
    expect((await post(t, `/api/v1/brands/${w.brandB}/legal-holds`, admin, { caseRef: 'Smith v. Jones' })).statusCode).toBe(400);
    expect((await post(t, `/api/v1/brands/${w.brandB}/legal-holds`, admin, { caseRef: 'X-1', callId: (await matrixCall(t, w.brandA, 'wrong-brand')) })).statusCode).toBe(404);
    expect(await activeHold(t.services.db, w.brandB)).toEqual({ id: holdId });
    expect(await activeHold(t.services.db, w.brandB, callId)).toEqual({ id: holdId });

    t.clock.advance(6 * DAY);
    await signIn();
    const run = await runNow();
    // The earlier call of brand B (from the redacted-calls test) and this one: both held.
    expect(itemOf(run, w.brandB, 'redacted_calls')).toMatchObject({ purged: 0, skippedHold: 2 });
    expect((await call(callId)).statusCode).toBe(200);

    const holds = (await get(t, `/api/v1/brands/${w.brandB}/legal-holds`, admin)).json<{ items: { id: string; callId: string | null; caseRef: string }[] }>();
    expect(holds.items).toMatchObject([{ id: holdId, callId: null, caseRef: 'LIT/2026/7' }]);
    await release(w.brandB, holdId);
    expect(itemOf(await runNow(), w.brandB, 'redacted_calls')).toMatchObject({ purged: 2, skippedHold: 0 });
    expect((await call(callId)).statusCode).toBe(404);
  });

  it('lists purge runs with reports per brand (an auditor sees only their brand) and gives the evidence', async () => {
    const mine = (await get(t, '/api/v1/retention/runs?limit=50', auditor)).json<{ items: RunJson[] }>().items;
    const all = (await get(t, '/api/v1/retention/runs?limit=50', admin)).json<{ items: RunJson[] }>().items;
    expect(all.length).toBe(8); // two runs in each of the four purge tests
    expect(mine.map((r) => r.id)).toEqual(all.map((r) => r.id));
    expect(new Set(mine.flatMap((r) => r.items.map((i) => i.brandId)))).toEqual(new Set([w.brandA]));
    expect(all.some((r) => r.items.some((i) => i.brandId === w.brandB))).toBe(true);
    const latest = all[0]!;
    expect(latest).toMatchObject({ trigger: 'manual', status: 'done' });
    expect(itemOf(latest, w.brandA, 'audit_events')).toMatchObject({ days: 400, purged: 0, note: 'kept: audit trail is append-only' });
    expect((await get(t, '/api/v1/retention/runs', await signInAgain(t, w, 'reviewerA'))).statusCode).toBe(403);
    expect((await post(t, '/api/v1/retention/runs', auditor)).statusCode).toBe(403);

    const evidence = await retentionEvidence(t.services.db, w.brandA, t.clock.now);
    expect(evidence).toMatchObject({ brandId: w.brandA, activeHolds: 0, auditTrailPurged: false, lastRun: { id: latest.id, status: 'done' } });
    expect(evidence.policies.find((p) => p.dataClass === 'qa_notes')).toEqual({ dataClass: 'qa_notes', days: 10, source: 'policy' });
  });

  it('deletes kept payment tokens after their days, except while the brand is held', async () => {
    const agent = { actor: { kind: 'user' as const, id: w.userIds.agentA! }, isSecurityAdmin: false, roles: new Map([[w.brandA, 'agent' as const]]) };
    const session = await t.services.payments.create(agent, { brandId: w.brandA, callRef: 'retention-token', amountMinor: 1200, currency: 'USD', description: 'retention test' });
    await t.services.payments.cancel(agent, session.id);
    const tokenId = await t.services.db.transaction((tx) =>
      createToken(t.services.vault, tx, { brandId: w.brandA, pan: Buffer.from('4111111111111111', 'latin1'), expiry: '1230', sessionId: session.id, now: t.clock.now }),
    );
    expect((await putPolicy(w.brandA, { qaNotes: null, paymentTokens: 7 })).statusCode).toBe(200);
    const holdId = await hold(w.brandA, 'TOKENS-1');

    t.clock.advance(8 * DAY);
    await signIn();
    expect(itemOf(await runNow(), w.brandA, 'payment_tokens')).toMatchObject({ days: 7, purged: 0, skippedHold: 1 });
    expect((await detokenize(t.services.vault, t.services.db, CONNECTOR_PRINCIPAL, tokenId)).token.id).toBe(tokenId);

    await release(w.brandA, holdId);
    expect(itemOf(await runNow(), w.brandA, 'payment_tokens')).toMatchObject({ purged: 1, skippedHold: 0 });
    await expect(detokenize(t.services.vault, t.services.db, CONNECTOR_PRINCIPAL, tokenId)).rejects.toMatchObject({ code: 'payment.not_found' });
    const { items } = await t.services.auditService.listEvents(operator, { brandId: w.brandA, limit: 500 });
    expect(items.some((e) => e.action === 'retention.purge' && e.target?.id === tokenId)).toBe(true);
  });
});
