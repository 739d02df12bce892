import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { accessFixture } from '../access/fixture.test-helpers.js';
import type { Principal } from '../access/index.js';
import { createAuditLog } from '../audit/index.js';
import { forEachDatabase } from '../testing/databases.js';
import { withoutIds } from '../testing/without-ids.js';
import type { ProgressMessage } from './bus.js';
import type { Key } from './capture.js';
import { createSandboxProcessor } from './processors/sandbox.js';
import { CONNECTOR_PRINCIPAL, detokenize } from './tokens.js';
import { brandScope } from '../vault/index.js';
import { createPaymentService, type PaymentService } from './service.js';
import { signBody } from './signing.js';
import { until } from '../testing/until.js';

// Twelve digits in a row: more than any masked view, id or amount here would hold.
const CARD_RUN = /\d{12,}/;

/**
 * Payment sessions on the database, one node and two: keypresses signed by the telephony side go
 * to whichever node receives them and reach the holder sealed; screens on any node follow the
 * masked progress; every transition is audited without a digit of the card.
 */
forEachDatabase('payment sessions', (getDb) => {
  let f: Awaited<ReturnType<typeof accessFixture>>;
  let nodeA: PaymentService;
  let nodeB: PaymentService;
  let brandId: string;
  let otherBrandId: string;
  let agent: Principal;
  let otherAgent: Principal;
  let foreignAgent: Principal;
  let supervisor: Principal;
  let telephony: Principal;
  let secret: string;
  let seq = 0;

  const person = async (role: 'agent' | 'supervisor', brand: string): Promise<Principal> => {
    const { user } = await f.newUser(role, brand);
    return { actor: { kind: 'user', id: user.id }, isSecurityAdmin: false, roles: new Map([[brand, role]]), requestId: `req-${randomUUID()}` };
  };

  const node = (nodeId: string, opts: { chargeTimeoutMs?: number } = {}) => {
    const audit = createAuditLog({ vault: f.vault, checkpointEvery: 1000 });
    return createPaymentService({ db: getDb(), vault: f.vault, audit, nodeId, processorFor: () => createSandboxProcessor(), now: f.now, timings: { pauseMs: 60_000, ...opts } });
  };

  /** Keys sent as the telephony platform does: one signed message per key. */
  const press = async (via: PaymentService, callRef: string, keys: string) => {
    for (const key of keys) {
      const message = { callRef, eventId: `ev-${++seq}`, key: key as Key };
      const rawBody = Buffer.from(JSON.stringify(message));
      await via.keypress(telephony, { rawBody, headers: signBody(secret, rawBody, f.now()) }, message);
    }
  };

  const auditOf = async (sessionId: string) =>
    (await getDb().query<{ action: string; outcome: string; details: unknown; actor_kind: string }>(`SELECT action, outcome, details, actor_kind FROM audit_events WHERE target_id = $1 ORDER BY at, seq`, [sessionId])).rows;

  beforeAll(async () => {
    f = await accessFixture(getDb());
    brandId = (await f.brand()).id;
    otherBrandId = (await f.brand()).id;
    agent = await person('agent', brandId);
    otherAgent = await person('agent', brandId);
    foreignAgent = await person('agent', otherBrandId);
    supervisor = await person('supervisor', brandId);
    telephony = { actor: { kind: 'api_key', id: randomUUID() }, isSecurityAdmin: false, roles: new Map(), apiKeyBrands: new Set([brandId]), apiKeyScopes: new Set(['payment.capture']) };
    nodeA = node('node-a', { chargeTimeoutMs: 300 });
    nodeB = node('node-b', { chargeTimeoutMs: 300 });
    await nodeA.start();
    await nodeB.start();
    secret = (await nodeA.rotateSigningSecret(f.system, brandId)).secret;
  });
  afterAll(async () => {
    await nodeA.stop();
    await nodeB.stop();
  });

  it('takes a card keyed on the phone: masked progress only, charged, last four shown, every step audited without card data', async () => {
    const s = await nodeA.create(agent, { brandId, callRef: 'call-1', amountMinor: 2500, currency: 'USD', description: 'Renewal for account 7' });
    expect(s).toMatchObject({ state: 'collecting', agentId: agent.actor.id, amountMinor: 2500 });
    const seen: ProgressMessage[] = [];
    const stop = await nodeA.watch(agent, s.id, (m) => seen.push(m));
    await press(nodeA, 'call-1', '4242424242424242#');
    await until(() => seen.at(-1)?.view.progress.current === 'expiry');
    expect(seen.at(-1)?.view).toMatchObject({ cardBrand: 'visa', maskedCard: '•••• •••• •••• 4242' });
    await press(nodeA, 'call-1', '1230123');
    await until(() => seen.at(-1)?.view.state === 'ready');
    const charged = await nodeA.charge(agent, s.id);
    expect(charged).toMatchObject({ state: 'succeeded', maskedCard: '•••• •••• •••• 4242', reason: null });
    expect(charged.processorReference).toMatch(/^sbx_/);
    await until(() => seen.at(-1)?.view.state === 'succeeded');
    stop();
    // The screen saw each digit counted, never a digit.
    expect(seen.map((m) => m.view.progress.fields.card_number?.digits).filter((d) => d !== undefined)).toContain(7);
    expect(seen.some((m) => CARD_RUN.test(withoutIds(JSON.stringify(m))) || withoutIds(JSON.stringify(m.view)).includes('42424'))).toBe(false);
    const events = await auditOf(s.id);
    expect(events.map((e) => e.action)).toEqual(['payment.create', 'payment.watch', 'payment.field', 'payment.field', 'payment.field', 'payment.ready', 'payment.processing', 'payment.charge', 'payment.succeeded']);
    expect(events.some((e) => CARD_RUN.test(withoutIds(JSON.stringify(e.details))))).toBe(false);
    const row = (await getDb().query('SELECT * FROM payment_sessions WHERE id = $1', [s.id])).rows[0];
    expect(JSON.stringify(row)).not.toMatch(CARD_RUN);
    expect(JSON.stringify(row)).not.toContain('424242');
    expect(JSON.stringify(row)).not.toContain('account 7'); // the description is sealed
  });

  it('refuses a replayed keypress, a bad signature and a stale one, and audits each refusal', async () => {
    const s = await nodeA.create(agent, { brandId, callRef: 'call-replay', amountMinor: 100, currency: 'USD', description: 'x' });
    const message = { callRef: 'call-replay', eventId: 'ev-fixed', key: '4' as Key };
    const rawBody = Buffer.from(JSON.stringify(message));
    await nodeA.keypress(telephony, { rawBody, headers: signBody(secret, rawBody, f.now()) }, message);
    await expect(nodeA.keypress(telephony, { rawBody, headers: signBody(secret, rawBody, f.now()) }, message)).rejects.toMatchObject({ code: 'payment.replayed' });
    await expect(nodeA.keypress(telephony, { rawBody, headers: signBody('cvps_wrong', rawBody, f.now()) }, { ...message, eventId: 'ev-2' })).rejects.toMatchObject({ code: 'payment.bad_signature' });
    const old = new Date(f.now().getTime() - 10 * 60_000);
    await expect(nodeA.keypress(telephony, { rawBody, headers: signBody(secret, rawBody, old) }, { ...message, eventId: 'ev-3' })).rejects.toMatchObject({ code: 'payment.bad_signature' });
    const denied = (await getDb().query<{ details: { reason: string } }>(`SELECT details FROM audit_events WHERE action = 'payment.keypress' AND outcome = 'denied' AND brand_id = $1`, [brandId])).rows.map((r) => r.details.reason);
    expect(denied).toEqual(expect.arrayContaining(['replayed', 'signature_mismatch', 'signature_stale']));
    expect((await nodeA.get(agent, s.id)).progress.fields.card_number?.digits).toBe(1);
    await nodeA.cancel(agent, s.id);
  });

  it('keeps a session to its agent and brand: others get not found, audited', async () => {
    const s = await nodeA.create(agent, { brandId, callRef: 'call-own', amountMinor: 100, currency: 'USD', description: 'x' });
    await expect(nodeA.get(foreignAgent, s.id)).rejects.toMatchObject({ code: 'payment.not_found' });
    await expect(nodeA.cancel(otherAgent, s.id)).rejects.toMatchObject({ code: 'payment.not_found' });
    await expect(nodeA.watch(foreignAgent, s.id, () => undefined)).rejects.toMatchObject({ code: 'payment.not_found' });
    await expect(nodeA.create(foreignAgent, { brandId, callRef: 'call-x', amountMinor: 1, currency: 'USD', description: 'x' })).rejects.toMatchObject({ kind: 'forbidden' });
    expect((await nodeA.get(supervisor, s.id)).id).toBe(s.id); // supervisors read their brand's payments
    await expect(nodeA.cancel(supervisor, s.id)).rejects.toMatchObject({ code: 'payment.not_found' }); // but do not drive an agent's
    expect((await nodeA.list(otherAgent, {})).map((x) => x.id)).not.toContain(s.id);
    expect((await nodeA.list(agent, {})).map((x) => x.id)).toContain(s.id);
    const denials = (await auditOf(s.id)).filter((e) => e.outcome === 'denied').map((e) => e.action);
    expect(denials).toEqual(['payment.read', 'payment.cancel', 'payment.watch', 'payment.cancel']);
    await expect(nodeA.create(agent, { brandId, callRef: 'call-own', amountMinor: 100, currency: 'USD', description: 'x' })).rejects.toMatchObject({ code: 'payment.call_busy' });
    expect((await nodeA.cancel(agent, s.id)).state).toBe('cancelled');
    await expect(nodeA.cancel(agent, s.id)).rejects.toMatchObject({ code: 'payment.not_live' });
  });

  it('works across nodes: keys and the charge reach node B, the session is held by A, and a screen on B follows it', async () => {
    const s = await nodeA.create(agent, { brandId, callRef: 'call-2', amountMinor: 990, currency: 'EUR', description: 'x' });
    const onB: ProgressMessage[] = [];
    const stop = await nodeB.watch(agent, s.id, (m) => onB.push(m));
    await press(nodeB, 'call-2', '5555555555554444');
    await until(() => onB.at(-1)?.view.progress.current === 'expiry');
    await press(nodeB, 'call-2', '0130987');
    await until(() => onB.at(-1)?.view.state === 'ready');
    const charged = await nodeB.charge(agent, s.id);
    expect(charged).toMatchObject({ state: 'succeeded', maskedCard: '•••• •••• •••• 4444', holderNode: 'node-a' });
    stop();
    expect(onB.map((m) => m.version)).toEqual([...onB.map((m) => m.version)].sort((a, b) => a - b));
  });

  it('keeps the card as an opaque token when the brand asks: sealed with the payment key, opened only by the connector', async () => {
    const keeping = (await f.brand()).id;
    await nodeA.updateSettings(f.system, keeping, { keepToken: true });
    const keeperSecret = (await nodeA.rotateSigningSecret(f.system, keeping)).secret;
    const keeper = await person('agent', keeping);
    const platform: Principal = { ...telephony, apiKeyBrands: new Set([keeping]) };
    const s = await nodeA.create(keeper, { brandId: keeping, callRef: 'call-keep', amountMinor: 1999, currency: 'USD', description: 'Subscription' });
    for (const key of '378282246310005' + '0431' + '1234') {
      const message = { callRef: 'call-keep', eventId: `ev-${++seq}`, key: key as Key };
      const rawBody = Buffer.from(JSON.stringify(message));
      await nodeA.keypress(platform, { rawBody, headers: signBody(keeperSecret, rawBody, f.now()) }, message);
    }
    await until(async () => (await nodeA.get(keeper, s.id)).state === 'ready');
    const charged = await nodeA.charge(keeper, s.id);
    expect(charged).toMatchObject({ state: 'succeeded', maskedCard: '•••• •••• •••• 0005', tokenId: expect.stringMatching(/^tok_[A-Za-z0-9_-]{24}$/) });
    const tokenId = charged.tokenId!;

    const row = (await getDb().query<Record<string, unknown>>('SELECT * FROM payment_tokens WHERE id = $1', [tokenId])).rows[0]!;
    expect(row).toMatchObject({ brand_id: keeping, card_brand: 'amex', last_four: '0005', exp_month: 4, exp_year: 2031, session_id: s.id });
    expect(Buffer.from(row.card_sealed as Uint8Array).toString('latin1')).not.toContain('378282');
    expect(JSON.stringify(row)).not.toContain('1234'); // the security code is never part of a token
    const opened = await detokenize(f.vault, getDb(), CONNECTOR_PRINCIPAL, tokenId);
    expect(opened.pan.toString('latin1')).toBe('378282246310005');
    opened.pan.fill(0);
    await expect(detokenize(f.vault, getDb(), f.system, tokenId)).rejects.toMatchObject({ code: 'payment.not_found' });
    await expect(detokenize(f.vault, getDb(), keeper, tokenId)).rejects.toMatchObject({ code: 'payment.not_found' });
    // The brand's data key does not open it: the card is sealed under the payment key only.
    await expect(f.vault.decrypt(getDb(), brandScope(keeping), tokenId, Buffer.from(row.card_sealed as Uint8Array))).rejects.toThrow();
    expect((await auditOf(s.id)).find((e) => e.action === 'payment.charge')?.details).toMatchObject({ tokenId });
  });

  it('ends declined, timed-out and re-keyed sessions with their reason', async () => {
    const d = await nodeA.create(agent, { brandId, callRef: 'call-d', amountMinor: 100, currency: 'USD', description: 'x' });
    await press(nodeA, 'call-d', '4000000000000002#1230123');
    await until(async () => (await nodeA.get(agent, d.id)).state === 'ready');
    expect(await nodeA.charge(agent, d.id)).toMatchObject({ state: 'declined', reason: 'card_declined' });

    const t = await nodeA.create(agent, { brandId, callRef: 'call-t', amountMinor: 100, currency: 'USD', description: 'x' });
    await press(nodeA, 'call-t', '4000000000000101#1230123');
    await until(async () => (await nodeA.get(agent, t.id)).state === 'ready');
    expect(await nodeA.charge(agent, t.id)).toMatchObject({ state: 'failed', reason: 'processor_timeout' });

    const r = await nodeA.create(agent, { brandId, callRef: 'call-r', amountMinor: 100, currency: 'USD', description: 'x' });
    await press(nodeA, 'call-r', '4242424242424241#'); // a misheard digit: Luhn refuses it
    await until(async () => (await nodeA.get(agent, r.id)).progress.fields.card_number?.problem === 'bad_checksum');
    await press(nodeA, 'call-r', '4242424242424242#1230');
    await until(async () => (await nodeA.get(agent, r.id)).progress.current === 'security_code');
    expect((await nodeA.reenter(agent, r.id, 'card_number')).progress.current).toBe('card_number');
    await expect(nodeA.charge(agent, r.id)).rejects.toMatchObject({ code: 'payment.not_ready' });
    await nodeA.cancel(agent, r.id);
  });

  it('expires a session whose time ran out, and fails one whose node is gone', async () => {
    const e = await nodeA.create(agent, { brandId, callRef: 'call-e', amountMinor: 100, currency: 'USD', description: 'x' });
    f.advance(301);
    await nodeA.sweep();
    expect(await nodeA.get(agent, e.id)).toMatchObject({ state: 'expired', reason: 'session_timeout' });

    const gone = node('node-gone');
    await gone.start();
    const g = await gone.create(agent, { brandId, callRef: 'call-g', amountMinor: 100, currency: 'USD', description: 'x' });
    await press(nodeA, 'call-g', '4');
    f.advance(40); // three missed heartbeats
    await nodeA.sweep();
    await nodeB.sweep();
    expect(await nodeA.get(agent, g.id)).toMatchObject({ state: 'failed', reason: 'node_lost' });
    await expect(press(nodeA, 'call-g', '4')).rejects.toMatchObject({ code: 'payment.no_live_session' });
    await gone.stop();
  });
});
