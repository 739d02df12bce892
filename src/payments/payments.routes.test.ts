import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CSRF, get, operator, post, signInFirstTime, startTestServer, type TestServer } from '../http/http.test-helpers.js';
import { forEachDatabase } from '../testing/databases.js';
import { signBody } from './signing.js';

interface PaymentJson {
  id: string;
  state: string;
  maskedCard: string | null;
  progress: { current: string | null; fields: Record<string, { digits: number }> };
}

/**
 * The payment flow over HTTP as the agent's screen and the telephony platform see it: the agent
 * starts a session, the platform posts signed keypresses, the screen follows a Server-Sent Events
 * stream of masked progress that closes after the outcome.
 */
forEachDatabase('payments over HTTP', (getDb) => {
  let t: TestServer;
  let base: string;
  let agent: string;
  let foreignAgent: string;
  let brandId: string;
  let apiKey: string;
  let secret: string;
  let seq = 0;
  const stamp = Date.now().toString(36);

  const person = async (role: 'agent' | 'security_admin', brand: string | null, tag: string) => {
    const email = `pay-${tag}-${stamp}@example.test`;
    const { oneTimePassword } = await t.services.access.users.create(operator, { email, displayName: tag, isSecurityAdmin: role === 'security_admin', assignments: brand ? [{ brandId: brand, role }] : [] });
    return (await signInFirstTime(t, email, oneTimePassword, `payments passphrase 42 ${tag} ${stamp}`)).cookie;
  };

  /** One keypress as the telephony platform sends it: the exact bytes signed. */
  const keypress = (callRef: string, key: string, opts: { eventId?: string; secret?: string; at?: Date } = {}) => {
    const payload = JSON.stringify({ callRef, eventId: opts.eventId ?? `ev-${++seq}`, key });
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/payments/keypresses',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', ...signBody(opts.secret ?? secret, payload, opts.at ?? t.clock.now) },
      payload,
    });
  };
  const keys = async (callRef: string, digits: string) => {
    for (const k of digits) expect((await keypress(callRef, k)).statusCode).toBe(202);
  };

  beforeAll(async () => {
    t = await startTestServer(getDb());
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const brand = await t.services.access.brands.create(operator, { name: `Payments brand ${stamp}` });
    const other = await t.services.access.brands.create(operator, { name: `Other payments brand ${stamp}` });
    brandId = brand.id;
    const admin = await person('security_admin', null, 'admin');
    agent = await person('agent', brandId, 'agent');
    foreignAgent = await person('agent', other.id, 'foreign');
    apiKey = (await t.services.access.apiKeys.create(operator, brandId, { name: 'telephony', scopes: ['payment.capture'], expiresInDays: 30 })).secret;
    const rotated = await post(t, `/api/v1/brands/${brandId}/payment-settings/signing-secret`, admin);
    expect(rotated.statusCode).toBe(201);
    secret = rotated.json<{ secret: string }>().secret;
    expect((await get(t, `/api/v1/brands/${brandId}/payment-settings`, admin)).json()).toMatchObject({ processor: 'sandbox', hasSigningSecret: true });
  });
  afterAll(async () => t?.close());

  it('streams masked progress to the agent while the customer keys, and closes after the charge', async () => {
    const created = await post(t, '/api/v1/payments', agent, { brandId, callRef: 'http-call-1', amountMinor: 4999, currency: 'USD', description: 'Annual plan' });
    expect(created.statusCode).toBe(201);
    const payment = created.json<PaymentJson>();
    const res = await fetch(`${base}/api/v1/payments/${payment.id}/stream`, { headers: { cookie: `cv_session=${agent}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const streamed = res.text();

    await keys('http-call-1', '4242424242424242#');
    await keys('http-call-1', '1230');
    await keys('http-call-1', '123');
    let ready: PaymentJson | undefined;
    for (let i = 0; i < 100 && ready?.state !== 'ready'; i++) {
      ready = (await get(t, `/api/v1/payments/${payment.id}`, agent)).json<PaymentJson>();
      if (ready.state !== 'ready') await new Promise((r) => setTimeout(r, 20));
    }
    expect(ready).toMatchObject({ state: 'ready', maskedCard: '•••• •••• •••• 4242' });
    const charged = await post(t, `/api/v1/payments/${payment.id}/charge`, agent);
    expect(charged.json()).toMatchObject({ state: 'succeeded' });

    const text = await streamed; // ends by itself after the final state
    const views = text
      .split('\n\n')
      .filter((e) => e.includes('event: progress'))
      .map((e) => JSON.parse(e.split('\n').find((l) => l.startsWith('data: '))!.slice(6)) as { state: string; progress: { fields: Record<string, { digits: number }> } });
    expect(views[0]!.state).toBe('collecting');
    expect(views.at(-1)!.state).toBe('succeeded');
    expect(views.map((v) => v.progress.fields.card_number?.digits)).toContain(16);
    expect(text.replace(/sbx_[0-9a-f]+/g, 'sbx_ref')).not.toMatch(/\d{5,}/); // the processor's reference is random hex
  });

  it('refuses a replayed, an unsigned and a late keypress, and one for a call with no payment', async () => {
    await post(t, '/api/v1/payments', agent, { brandId, callRef: 'http-call-2', amountMinor: 100, currency: 'USD', description: 'x' });
    expect((await keypress('http-call-2', '4', { eventId: 'same' })).statusCode).toBe(202);
    const replay = await keypress('http-call-2', '4', { eventId: 'same' });
    expect(replay.statusCode).toBe(409);
    expect(replay.json()).toMatchObject({ error: 'payment.replayed' });
    expect((await keypress('http-call-2', '4', { secret: 'cvps_forged' })).statusCode).toBe(401);
    expect((await keypress('http-call-2', '4', { at: new Date(t.clock.now.getTime() - 6 * 60_000) })).statusCode).toBe(401);
    const unsigned = await t.app.inject({ method: 'POST', url: '/api/v1/payments/keypresses', headers: { authorization: `Bearer ${apiKey}` }, payload: { callRef: 'http-call-2', eventId: 'u1', key: '4' } });
    expect(unsigned.statusCode).toBe(401);
    expect((await keypress('no-such-call', '4')).statusCode).toBe(404);
    expect((await keypress('http-call-2', 'A')).statusCode).toBe(400);
  });

  it('keeps the session from a foreign agent, and lets its agent re-key a field and cancel', async () => {
    const payment = (await post(t, '/api/v1/payments', agent, { brandId, callRef: 'http-call-3', amountMinor: 100, currency: 'USD', description: 'x' })).json<PaymentJson>();
    expect((await get(t, `/api/v1/payments/${payment.id}`, foreignAgent)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/payments/${payment.id}/stream`, headers: { cookie: `cv_session=${foreignAgent}` } })).statusCode).toBe(404);
    expect((await post(t, `/api/v1/payments/${payment.id}/cancel`, foreignAgent)).statusCode).toBe(404);
    await keys('http-call-3', '42');
    const reentered = await post(t, `/api/v1/payments/${payment.id}/reenter`, agent, { field: 'card_number' });
    expect(reentered.json<PaymentJson>().progress.fields.card_number?.digits).toBe(0);
    expect((await post(t, `/api/v1/payments/${payment.id}/charge`, agent)).statusCode).toBe(409);
    expect((await post(t, `/api/v1/payments/${payment.id}/cancel`, agent)).json()).toMatchObject({ state: 'cancelled' });
    const list = (await get(t, '/api/v1/payments', agent)).json<{ items: PaymentJson[] }>();
    expect(list.items.map((p) => p.id)).toContain(payment.id);
    expect((await get(t, '/api/v1/payments', foreignAgent)).json<{ items: PaymentJson[] }>().items).toEqual([]);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/payments', headers: { ...CSRF, cookie: `cv_session=${agent}` }, payload: { brandId, callRef: 'x', amountMinor: 0, currency: 'usd', description: 'x' } })).statusCode).toBe(400);
  });
});
