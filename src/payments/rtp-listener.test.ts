import { randomBytes, randomUUID } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { accessFixture } from '../access/fixture.test-helpers.js';
import type { Principal } from '../access/index.js';
import { rtpKeyPackets, type RtpEventKey } from '../audio/index.js';
import { createAuditLog } from '../audit/index.js';
import { forEachDatabase } from '../testing/databases.js';
import { createSandboxProcessor } from './processors/sandbox.js';
import { startRtpListener, type RtpListener } from './rtp-listener.js';
import { createPaymentService, type PaymentService } from './service.js';
import { until } from '../testing/until.js';

/**
 * RFC 4733 over real UDP: packets built in the test as a sender emits them (start, updates, the
 * triple end packet, retransmissions) reach the listener, which keys the call's session once per
 * key; garbage, unknown streams and a flood of made-up sources are dropped and counted while it
 * keeps working.
 */
forEachDatabase('RTP keypress listener', (getDb) => {
  let f: Awaited<ReturnType<typeof accessFixture>>;
  let payments: PaymentService;
  let listener: RtpListener;
  let sender: Socket;
  let brandId: string;
  let agent: Principal;
  let telephony: Principal;
  let seq = 1;

  const send = (packet: Uint8Array) => new Promise<void>((resolve, reject) => sender.send(packet, listener.port, '127.0.0.1', (err) => (err ? reject(err) : resolve())));
  const keyOn = async (ssrc: number, keys: string, opts: { retransmit?: boolean } = {}) => {
    let ts = 1000;
    for (const key of keys) {
      const packets = rtpKeyPackets({ ssrc, payloadType: 101, key: key as RtpEventKey, timestamp: (ts += 1600), firstSequence: seq });
      seq += packets.length;
      for (const p of packets) await send(p);
      if (opts.retransmit) for (const p of packets.slice(-3)) await send(p); // a late copy of the end packets
    }
  };

  /** Waits until the listener has taken what was sent (nothing new for 200 ms). */
  const quiet = async () => {
    let last = -1;
    while (listener.stats.packets !== last) {
      last = listener.stats.packets;
      await new Promise((r) => setTimeout(r, 200));
    }
    await until(() => listener.stats.pending === 0);
  };
  const diff = (b: typeof listener.stats) => Object.fromEntries(Object.entries(listener.stats).map(([k, v]) => [k, v - b[k as keyof typeof b]])) as unknown as typeof listener.stats;

  beforeAll(async () => {
    f = await accessFixture(getDb());
    brandId = (await f.brand()).id;
    const { user } = await f.newUser('agent', brandId);
    agent = { actor: { kind: 'user', id: user.id }, isSecurityAdmin: false, roles: new Map([[brandId, 'agent']]) };
    telephony = { actor: { kind: 'api_key', id: randomUUID() }, isSecurityAdmin: false, roles: new Map(), apiKeyBrands: new Set([brandId]), apiKeyScopes: new Set(['payment.capture']) };
    payments = createPaymentService({ db: getDb(), vault: f.vault, audit: createAuditLog({ vault: f.vault, checkpointEvery: 1000 }), nodeId: `rtp-${randomUUID().slice(0, 8)}`, processorFor: () => createSandboxProcessor(), now: f.now, timings: { pauseMs: 60_000 } });
    await payments.start();
    listener = await startRtpListener({ db: getDb(), port: 0, host: '127.0.0.1', press: (b, c, k) => payments.pressForCall(b, c, k, 'rtp') });
    sender = createSocket('udp4');
  });
  afterAll(async () => {
    sender?.close();
    await listener?.close();
    await payments?.stop();
  });

  it('keys a session from its bound stream once per key, despite the triple end packet and retransmissions', async () => {
    const s = await payments.create(agent, { brandId, callRef: 'rtp-call-1', amountMinor: 1000, currency: 'USD', description: 'x' });
    await payments.bindRtpStream(telephony, { callRef: 'rtp-call-1', ssrc: 0x1234abcd, sourceIp: '127.0.0.1' });
    await keyOn(0x1234abcd, '4242424242424242#1230123', { retransmit: true });
    await until(async () => (await payments.get(agent, s.id)).state === 'ready');
    expect((await payments.get(agent, s.id)).maskedCard).toBe('•••• •••• •••• 4242');
    expect(listener.stats.keys).toBe(24);
  });

  it('drops garbage, unbound streams, a wrong source and a flood of made-up sources, and keeps working', async () => {
    const before = { ...listener.stats };
    for (let i = 0; i < 200; i++) await send(randomBytes(i % 40)); // too short, bad version, random
    for (let i = 0; i < 2000; i++) await send(rtpKeyPackets({ ssrc: (0x5000_0000 + i) >>> 0, payloadType: 101, key: '5', timestamp: i, firstSequence: i })[0]!.slice());
    await quiet();
    const flood = diff(before);
    expect(flood.malformed).toBeGreaterThanOrEqual(150);
    expect(flood.keys).toBe(0);
    expect(flood.unbound + flood.shed + flood.malformed).toBe(flood.packets); // every packet accounted for, none keyed

    await payments.bindRtpStream(telephony, { callRef: 'rtp-call-pinned', ssrc: 77, sourceIp: '192.0.2.1' });
    await keyOn(77, '1');
    await until(() => listener.stats.wrongSource > before.wrongSource);

    const s = await payments.create(agent, { brandId, callRef: 'rtp-call-2', amountMinor: 1000, currency: 'USD', description: 'x' });
    await payments.bindRtpStream(telephony, { callRef: 'rtp-call-2', ssrc: 0x0badf00d });
    await keyOn(0x0badf00d, '42');
    await until(async () => (await payments.get(agent, s.id)).progress.fields.card_number?.digits === 2);
    await payments.cancel(agent, s.id);
  });

  it('keeps an SSRC bound by one brand from being taken by another', async () => {
    const other = (await f.brand()).id;
    const intruder: Principal = { ...telephony, actor: { kind: 'api_key', id: randomUUID() }, apiKeyBrands: new Set([other]) };
    await expect(payments.bindRtpStream(intruder, { callRef: 'theirs', ssrc: 0x1234abcd })).rejects.toMatchObject({ code: 'payment.ssrc_taken' });
  });
});
