import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { accessFixture } from '../access/fixture.test-helpers.js';
import type { Principal } from '../access/index.js';
import { createAuditLog } from '../audit/index.js';
import { forEachDatabase } from '../testing/databases.js';
import { selfSignedCertificate } from '../testing/tls.js';
import { until } from '../testing/until.js';
import type { Key } from './capture.js';
import { createSandboxProcessor } from './processors/sandbox.js';
import { createPaymentService, type PaymentService } from './service.js';
import { signBody, verifySignature } from './signing.js';

interface Heard {
  event: string;
  paymentId: string;
  callRef: string;
  signed: boolean;
  idempotencyKey: string | undefined;
}

/**
 * The recording is paused while the customer keys the card and resumed after, through a signed
 * webhook to the brand's telephony endpoint over HTTPS; an endpoint that is down never holds up the
 * payment, and the failure is audited.
 */
forEachDatabase('recording pause and resume', (getDb) => {
  let f: Awaited<ReturnType<typeof accessFixture>>;
  let server: Server;
  let payments: PaymentService;
  let brandId: string;
  let agent: Principal;
  let telephony: Principal;
  let secret: string;
  let failNext = 0;
  const heard: Heard[] = [];
  let seq = 0;

  const press = async (callRef: string, keys: string) => {
    for (const key of keys) {
      const message = { callRef, eventId: `rec-${++seq}`, key: key as Key };
      const rawBody = Buffer.from(JSON.stringify(message));
      await payments.keypress(telephony, { rawBody, headers: signBody(secret, rawBody, f.now()) }, message);
    }
  };
  const recordingEvents = async (paymentId: string) =>
    (await getDb().query<{ action: string; outcome: string; details: Record<string, unknown> }>(`SELECT action, outcome, details FROM audit_events WHERE target_id = $1 AND action LIKE 'payment.recording.%' ORDER BY at, seq`, [paymentId])).rows;

  beforeAll(async () => {
    const tls = selfSignedCertificate();
    server = createServer(tls, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (failNext > 0) {
          failNext--;
          res.writeHead(503).end();
          return;
        }
        const body = Buffer.concat(chunks);
        const m = JSON.parse(body.toString('utf8')) as Heard;
        const signed = verifySignature([secret], body, req.headers, f.now()) === null;
        heard.push({ event: m.event, paymentId: m.paymentId, callRef: m.callRef, signed, idempotencyKey: req.headers['idempotency-key'] as string | undefined });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `https://localhost:${(server.address() as AddressInfo).port}/recording`;

    f = await accessFixture(getDb());
    brandId = (await f.brand()).id;
    const { user } = await f.newUser('agent', brandId);
    agent = { actor: { kind: 'user', id: user.id }, isSecurityAdmin: false, roles: new Map([[brandId, 'agent']]) };
    telephony = { actor: { kind: 'api_key', id: randomUUID() }, isSecurityAdmin: false, roles: new Map(), apiKeyBrands: new Set([brandId]), apiKeyScopes: new Set(['payment.capture']) };
    const audit = createAuditLog({ vault: f.vault, checkpointEvery: 1000 });
    payments = createPaymentService({ db: getDb(), vault: f.vault, audit, nodeId: `rec-${randomUUID()}`, ca: tls.cert, processorFor: () => createSandboxProcessor(), now: f.now, timings: { pauseMs: 60_000 } });
    await payments.start();
    secret = (await payments.rotateSigningSecret(f.system, brandId)).secret;
    await payments.updateSettings(f.system, brandId, { recordingUrl: url });
  });
  afterAll(async () => {
    await payments.stop();
    await new Promise((r) => server.close(r));
  });

  it('pauses the recording when capture starts and resumes it once the card is keyed, signed, in order', async () => {
    const s = await payments.create(agent, { brandId, callRef: 'rec-call-1', amountMinor: 900, currency: 'USD', description: 'x' });
    await until(() => heard.some((h) => h.paymentId === s.id));
    expect(heard.filter((h) => h.paymentId === s.id).map((h) => h.event)).toEqual(['recording.pause']);
    await press('rec-call-1', '4242424242424242#1230123');
    await until(() => heard.filter((h) => h.paymentId === s.id).length === 2);
    const mine = heard.filter((h) => h.paymentId === s.id);
    expect(mine).toEqual([
      { event: 'recording.pause', paymentId: s.id, callRef: 'rec-call-1', signed: true, idempotencyKey: `${s.id}:recording.pause` },
      { event: 'recording.resume', paymentId: s.id, callRef: 'rec-call-1', signed: true, idempotencyKey: `${s.id}:recording.resume` },
    ]);
    expect((await payments.get(agent, s.id)).state).toBe('ready');
    await until(async () => (await recordingEvents(s.id)).length === 2);
    expect((await recordingEvents(s.id)).map((e) => [e.action, e.outcome])).toEqual([
      ['payment.recording.pause', 'success'],
      ['payment.recording.resume', 'success'],
    ]);
    // Re-entering a field is keying again: the recording pauses again.
    await payments.reenter(agent, s.id, 'security_code');
    await until(() => heard.filter((h) => h.paymentId === s.id).length === 3);
    expect(heard.at(-1)?.event).toBe('recording.pause');
    await payments.cancel(agent, s.id);
    await until(() => heard.filter((h) => h.paymentId === s.id).length === 4);
    expect(heard.at(-1)?.event).toBe('recording.resume');
  });

  it('retries an endpoint that fails once, and never holds up the payment', async () => {
    failNext = 1;
    const s = await payments.create(agent, { brandId, callRef: 'rec-call-2', amountMinor: 900, currency: 'USD', description: 'x' });
    await press('rec-call-2', '4');
    expect((await payments.get(agent, s.id)).progress.fields.card_number?.digits).toBe(1);
    await until(() => heard.some((h) => h.paymentId === s.id), 5_000);
    await until(async () => (await recordingEvents(s.id)).length === 1);
    expect((await recordingEvents(s.id))[0]).toMatchObject({ action: 'payment.recording.pause', outcome: 'success', details: { attempts: 2, status: 204 } });
    await payments.cancel(agent, s.id);
  });

  it('audits a pause it could not deliver, with no card data and no endpoint answer in it', async () => {
    await payments.updateSettings(f.system, brandId, { recordingUrl: 'https://127.0.0.1:1/recording' });
    const s = await payments.create(agent, { brandId, callRef: 'rec-call-3', amountMinor: 900, currency: 'USD', description: 'x' });
    await press('rec-call-3', '42424242');
    await until(async () => (await recordingEvents(s.id)).length === 1, 10_000);
    expect((await recordingEvents(s.id))[0]).toMatchObject({ action: 'payment.recording.pause', outcome: 'failure', details: { attempts: 3, problem: 'network_error' } });
    expect((await payments.get(agent, s.id)).progress.fields.card_number?.digits).toBe(8);
    await payments.cancel(agent, s.id);
  });
});
