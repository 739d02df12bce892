import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { encodeChannels } from '../audio/index.js';
import { addKey, addNoise, silence, toInt16 } from '../audio/test-signals.js';
import { get, operator, post, signInFirstTime, startTestServer, type TestServer } from '../http/http.test-helpers.js';
import { forEachDatabase } from '../testing/databases.js';
import { until } from '../testing/until.js';

interface PaymentJson {
  id: string;
  state: string;
  maskedCard: string | null;
}

/** µ-law audio of a customer keying `keys` (80 ms tones, 80 ms apart), cut into 20 ms frames. */
function keyedFrames(keys: string): Buffer[] {
  const rate = 8000;
  const x = silence(0.2 + keys.length * 0.16 + 0.2, rate);
  [...keys].forEach((key, i) => addKey(x, rate, { key, start: 0.2 + i * 0.16, duration: 0.08, levelDb: -14 }));
  addNoise(x, -50, 5);
  const bytes = Buffer.from(encodeChannels({ codec: 'mulaw', sampleRate: rate, channels: 1, bitsPerSample: 8 }, [toInt16(x)]));
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 160) out.push(bytes.subarray(i, i + 160));
  return out;
}

/**
 * The third digit adapter: the telephony platform forks the call audio over a WebSocket and the
 * audio engine's DTMF detector keys the call's payment session. The agent sees masked progress
 * only; the sender learns nothing but why a stream was closed.
 */
forEachDatabase('in-band audio over a WebSocket', (getDb) => {
  let t: TestServer;
  let wsBase: string;
  let agent: string;
  let brandId: string;
  let apiKey: string;
  const logs: string[] = [];
  const stamp = Date.now().toString(36);

  const connect = (query: string, headers: Record<string, string> = { authorization: `Bearer ${apiKey}` }) => new WebSocket(`${wsBase}/api/v1/payments/audio-streams?${query}`, { headers });
  const opened = (ws: WebSocket) => new Promise<void>((resolve, reject) => ws.once('open', () => resolve()).once('error', reject));
  const closed = (ws: WebSocket) => new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  const refusal = (ws: WebSocket) => new Promise<number>((resolve) => ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
  const audioEvents = async () =>
    (await getDb().query<{ action: string; details: Record<string, number> }>(`SELECT action, details FROM audit_events WHERE brand_id = $1 AND action LIKE 'payment.audio.%' ORDER BY at, seq`, [brandId])).rows;

  beforeAll(async () => {
    t = await startTestServer(getDb(), { logStream: { write: (line) => void logs.push(line) } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    wsBase = `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    brandId = (await t.services.access.brands.create(operator, { name: `Audio brand ${stamp}` })).id;
    const email = `audio-agent-${stamp}@example.test`;
    const { oneTimePassword } = await t.services.access.users.create(operator, { email, displayName: 'agent', isSecurityAdmin: false, assignments: [{ brandId, role: 'agent' }] });
    agent = (await signInFirstTime(t, email, oneTimePassword, `audio passphrase 42 ${stamp}`)).cookie;
    apiKey = (await t.services.access.apiKeys.create(operator, brandId, { name: 'media fork', scopes: ['payment.capture'], expiresInDays: 30 })).secret;
  });
  afterAll(async () => t?.close());

  it('keys the call payment from the tones in the audio: the agent sees the card masked, the stream is audited', async () => {
    const ws = connect('callRef=audio-call-1&encoding=mulaw&sampleRate=8000');
    await opened(ws);
    const payment = (await post(t, '/api/v1/payments', agent, { brandId, callRef: 'audio-call-1', amountMinor: 1500, currency: 'USD', description: 'Top-up' })).json<PaymentJson>();
    for (const frame of keyedFrames('4242424242424242#1230#123#')) ws.send(frame);
    await until(async () => (await get(t, `/api/v1/payments/${payment.id}`, agent)).json<PaymentJson>().state === 'ready', 10_000);
    expect((await get(t, `/api/v1/payments/${payment.id}`, agent)).json()).toMatchObject({ state: 'ready', maskedCard: '•••• •••• •••• 4242' });
    const bye = closed(ws);
    ws.close();
    expect((await bye).code).toBe(1005);
    await until(async () => (await audioEvents()).some((e) => e.action === 'payment.audio.close'));
    const [open, close] = await audioEvents();
    expect(open).toMatchObject({ action: 'payment.audio.open', details: { encoding: 'mulaw', sampleRate: 8000 } });
    expect(close).toMatchObject({ action: 'payment.audio.close', details: { keys: 26, keysDropped: 0 } });
    expect(close!.details.frames).toBeGreaterThan(200);
    expect((await post(t, `/api/v1/payments/${payment.id}/charge`, agent)).json()).toMatchObject({ state: 'succeeded' });
    expect(logs.join('\n')).not.toMatch(/\d{12,}/);
  });

  it('drops the keys of a call that has no payment being taken', async () => {
    const ws = connect('callRef=audio-call-idle');
    await opened(ws);
    for (const frame of keyedFrames('123')) ws.send(frame);
    const bye = closed(ws);
    ws.close();
    await bye;
    await until(async () => (await audioEvents()).filter((e) => e.action === 'payment.audio.close').length === 2);
    expect((await audioEvents()).at(-1)).toMatchObject({ details: { keys: 0, keysDropped: 3 } });
  });

  it('closes a stream that sends text or a frame that is not audio, saying why', async () => {
    const text = connect('callRef=audio-call-2');
    await opened(text);
    const textClosed = closed(text);
    text.send('hello');
    expect(await textClosed).toEqual({ code: 1003, reason: 'binary audio frames only' });

    const pcm = connect('callRef=audio-call-2&encoding=pcm16');
    await opened(pcm);
    const pcmClosed = closed(pcm);
    pcm.send(Buffer.alloc(321));
    expect(await pcmClosed).toEqual({ code: 1007, reason: 'partial_sample' });
  });

  it('refuses the upgrade without the telephony key, to a person, with bad parameters, and answers 400 to plain HTTP', async () => {
    expect(await refusal(connect('callRef=x', {}))).toBe(401);
    expect(await refusal(connect('callRef=x', { cookie: `cv_session=${agent}`, 'x-callvault-csrf': '1' }))).toBe(403);
    expect(await refusal(connect('callRef=x&sampleRate=44100'))).toBe(400);
    expect(await refusal(connect('callRef=x&encoding=opus'))).toBe(400);
    const plain = await t.app.inject({ method: 'GET', url: '/api/v1/payments/audio-streams?callRef=x', headers: { authorization: `Bearer ${apiKey}` } });
    expect(plain.statusCode).toBe(400);
    expect(plain.json()).toMatchObject({ error: 'payment.websocket_required' });
  });
});
