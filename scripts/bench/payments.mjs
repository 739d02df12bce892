// Payment capture: RFC 4733 telephone-event packets parsed and keyed per second (each key arrives
// as ~6 packets incl. the triple end packet), keypad capture steps per second (in process), and
// keypress-to-agent-screen latency with 200 concurrent sessions: signed keypresses POSTed over
// HTTP to node B, sessions held by node A (same database), the agent's screen on node B — so
// each key goes B → A (LISTEN/NOTIFY, sealed) → database → B (NOTIFY) → screen.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const name = 'payments';
export const order = 60;
export const description = 'RFC 4733 packets parsed+keyed per second; keypad capture sessions per second; keypress-to-screen latency p50/p99 with 200 concurrent sessions across two nodes';

export async function run(ctx) {
  const dist = (p) => pathToFileURL(join(ctx.root, 'dist', p)).href;
  const { createRtpKeyTracker, parseRtpEvent, rtpKeyPackets } = await import(dist('audio/index.js'));
  const { PaymentSession, fieldsFor } = await import(dist('payments/index.js'));
  const keys = '4242424242424242#1228123';
  const packets = [];
  for (let ssrc = 1; ssrc <= 200; ssrc++) {
    let seq = 0;
    [...keys].forEach((key, i) => {
      const burst = rtpKeyPackets({ ssrc, payloadType: 101, key, timestamp: 8000 + i * 1600, firstSequence: seq });
      seq += burst.length;
      packets.push(...burst);
    });
  }
  const rounds = ctx.quick ? 20 : 100;
  let keyed = 0;
  let t = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) {
    const tracker = createRtpKeyTracker();
    for (const raw of packets) {
      const p = parseRtpEvent(raw, 101);
      if (typeof p !== 'string' && tracker.push(p)) keyed++;
    }
  }
  let s = Number(process.hrtime.bigint() - t) / 1e9;
  console.log(`RTP telephone-event: ${Math.round((packets.length * rounds) / s).toLocaleString('en-US')} packets/s, ${Math.round(keyed / s).toLocaleString('en-US')} keys/s (${keyed / rounds} keys from ${packets.length} packets per round)`);
  const sessions = ctx.quick ? 2_000 : 20_000;
  const now = new Date();
  t = process.hrtime.bigint();
  for (let i = 0; i < sessions; i++) {
    const session = new PaymentSession({ reference: `b${i}`, amountMinor: 100, currency: 'USD', description: 'bench' }, { fields: fieldsFor(false), maxAttempts: 3 });
    for (const k of keys) session.press(k, now);
    if (session.state !== 'ready') throw new Error('capture did not complete');
  }
  s = Number(process.hrtime.bigint() - t) / 1e9;
  console.log(`keypad capture: ${Math.round(sessions / s).toLocaleString('en-US')} sessions/s, ${Math.round((sessions * keys.length) / s).toLocaleString('en-US')} keypresses/s`);
  await latency(ctx, keys);
}

const system = { actor: { kind: 'system', id: 'bench' }, isSecurityAdmin: false, roles: new Map() };

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

async function latency(ctx, keys) {
  const dist = (p) => pathToFileURL(join(ctx.root, 'dist', p)).href;
  const { createServer } = await import(dist('server/start.js'));
  const { loadConfig } = await import(dist('config.js'));
  const { signBody } = await import(dist('payments/index.js'));
  const { benchDatabases } = await import('./lib/databases.mjs');
  const sessions = ctx.quick ? 50 : 200;
  const rows = [];
  // Two loads: every session keying as fast as the server answers (a capacity test), and at 2
  // keys per second each, about a customer reading the card off and keying it.
  const folders = new Map();
  for (const { name: backend, db, drop, another } of await benchDatabases(ctx.root)) for (const paceMs of [0, 500]) {
    const twoNodes = !backend.startsWith('PGlite');
    // One data folder for both nodes: they are one installation and share its key-encryption key.
    if (!folders.has(backend)) folders.set(backend, await mkdtemp(join(tmpdir(), 'cv-bench-pay-')));
    const dirs = [folders.get(backend)];
    const a = await createServer(loadConfig({ CALLVAULT_DATA_DIR: dirs[0], LOG_LEVEL: 'silent', CALLVAULT_PAYMENT_PAUSE_SECONDS: '30' }), { db, consoleDir: false });
    const b = twoNodes ? await createServer(loadConfig({ CALLVAULT_DATA_DIR: dirs[0], LOG_LEVEL: 'silent', CALLVAULT_PAYMENT_PAUSE_SECONDS: '30' }), { db: another(), consoleDir: false }) : a;
    try {
      await b.app.listen({ port: 0, host: '127.0.0.1' });
      const base = `http://127.0.0.1:${b.app.server.address().port}`;
      const { access } = a.services;
      const tag = randomUUID().slice(0, 8);
      const brand = await access.brands.create(system, { name: `Bench payments ${tag}` });
      const { user } = await access.users.create(system, { email: `bench-agent-${tag}@example.test`, displayName: 'Bench agent', assignments: [{ brandId: brand.id, role: 'agent' }] });
      const agent = { actor: { kind: 'user', id: user.id }, isSecurityAdmin: false, roles: new Map([[brand.id, 'agent']]) };
      const { secret: apiKey } = await access.apiKeys.create(system, brand.id, { name: 'telephony', scopes: ['payment.capture'], expiresInDays: 1 });
      const { secret } = await a.services.payments.rotateSigningSecret(system, brand.id);
      const samples = [];
      let seq = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: sessions }, async (_, i) => {
          const callRef = `bench-${i}`;
          const s = await a.services.payments.create(agent, { brandId: brand.id, callRef, amountMinor: 100, currency: 'USD', description: 'bench' });
          let waiting = null;
          let last = 0;
          const stop = await b.services.payments.watch(agent, s.id, (m) => {
            last = m.version;
            waiting?.(m);
          });
          if (paceMs) await new Promise((r) => setTimeout(r, Math.random() * paceMs)); // customers do not start in step
          for (const key of keys) {
            const due = performance.now() + paceMs;
            const before = last;
            const seen = new Promise((resolve) => (waiting = (m) => m.version > before && resolve()));
            const payload = JSON.stringify({ callRef, eventId: `b-${++seq}`, key });
            const started = performance.now();
            const res = await fetch(`${base}/api/v1/payments/keypresses`, { method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', ...signBody(secret, payload, new Date()) }, body: payload });
            if (res.status !== 202) throw new Error(`keypress answered ${res.status}: ${await res.text()}`);
            await seen;
            samples.push(performance.now() - started);
            const wait = due - performance.now();
            if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          }
          stop();
          await a.services.payments.cancel(agent, s.id).catch(() => undefined);
        }),
      );
      const seconds = (performance.now() - t0) / 1000;
      samples.sort((x, y) => x - y);
      rows.push([backend, twoNodes ? 'B → A → B' : 'one node', paceMs ? `${1000 / paceMs} keys/s each` : 'as fast as answered', sessions, samples.length, samples.length / seconds, percentile(samples, 50), percentile(samples, 99)]);
    } finally {
      if (b !== a) await b.close();
      await a.close();
      if (paceMs) {
        await drop();
        for (const d of dirs) await rm(d, { recursive: true, force: true });
      }
    }
  }
  console.log('keypress → agent screen (HTTP keypress POST answered and the masked view delivered to the watching screen):');
  console.log('| database | path | keying | concurrent sessions | keypresses | keypresses/s | p50 ms | p99 ms |');
  console.log('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [db, path, pace, n, k, rate, p50, p99] of rows) console.log(`| ${db} | ${path} | ${pace} | ${n} | ${k} | ${rate.toFixed(0)} | ${p50.toFixed(1)} | ${p99.toFixed(1)} |`);
}
