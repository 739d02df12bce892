// Call ingest through the real HTTP API: an integration posts calls with an API key at a fixed
// concurrency while this server's own worker redacts them. Two runs per database:
//   transcript-only: ~10 KB conversation transcripts (JSON body);
//   with recordings: the same with a 5-minute 8 kHz stereo WAV (multipart), DTMF masking on.
// Prints calls acknowledged per second, p50/p99 acknowledgement latency, calls fully redacted per
// second (first request → last call ready) and, with recordings, audio seconds redacted per second.
// The calls are built from the demo scripts (names, card numbers spoken and keyed, emails).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchDatabases } from './lib/databases.mjs';

export const name = 'ingest';
export const order = 60;
export const description = 'calls acknowledged and fully redacted per second over HTTP (10 KB transcripts; with 5-minute 8 kHz recordings), ack latency';

const system = { actor: { kind: 'system', id: 'bench' }, isSecurityAdmin: false, roles: new Map() };

/** Demo scripts joined turn after turn until the call is long enough (a long call on the same themes). */
function longScript(scripts, enough) {
  const turns = [];
  let keypad;
  for (let i = 0; !enough(turns); i++) {
    const s = scripts[i % scripts.length];
    if (s.keypad && !keypad) keypad = { afterTurn: turns.length + s.keypad.afterTurn, digits: s.keypad.digits };
    turns.push(...s.turns);
  }
  return { id: 'bench-long', agent: 'agent-bench', minutesAgo: 0, turns, ...(keypad && { keypad }) };
}

/** `callvault jobs work` as its own process on the same installation; resolves once it runs. */
async function workerProcess(root, env) {
  const child = spawn(process.execPath, [join(root, 'bin', 'callvault.js'), 'jobs', 'work'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const until = Date.now() + 30_000;
  while (!out.includes('running')) {
    if (child.exitCode !== null || Date.now() > until) throw new Error(`worker process did not start: ${out.slice(-300)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    stop: () => new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    }),
  };
}

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

async function pool(n, concurrency, task) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, async () => {
    while (next < n) await task(next++);
  }));
}

async function waitRedacted(db, brandId, n) {
  for (;;) {
    const r = (await db.query(`SELECT count(*) FILTER (WHERE status IN ('ready','failed'))::int AS done, count(*) FILTER (WHERE status = 'failed')::int AS failed FROM calls WHERE brand_id = $1`, [brandId])).rows[0];
    if (r.done >= n) return r.failed;
    await new Promise((res) => setTimeout(res, 20));
  }
}

async function runOnce({ base, key, db, brandId, count, concurrency, body }) {
  const latencies = [];
  const t0 = performance.now();
  await pool(count, concurrency, async (i) => {
    const started = performance.now();
    const res = await fetch(`${base}/api/v1/brands/${brandId}/calls`, { method: 'POST', headers: { authorization: `Bearer ${key}`, ...body.headers(i) }, body: body.make(i) });
    if (res.status !== 202 && res.status !== 201) throw new Error(`ingest answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
    await res.arrayBuffer();
    latencies.push(performance.now() - started);
  });
  const acked = (performance.now() - t0) / 1000;
  const failed = await waitRedacted(db, brandId, count);
  const redacted = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return { acked, redacted, failed, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

export async function run(ctx) {
  const dist = (p) => pathToFileURL(join(ctx.root, 'dist', p)).href;
  const { createServer } = await import(dist('server/start.js'));
  const { loadConfig } = await import(dist('config.js'));
  const { renderDemoCall } = await import(dist('server/demo-calls/render.js'));
  const { DEMO_SCRIPTS } = await import(dist('server/demo-calls/scripts.js'));

  const short = renderDemoCall(longScript(DEMO_SCRIPTS, (t) => Buffer.byteLength(renderDemoCall({ id: 'x', agent: 'a', minutesAgo: 0, turns: t }).transcript) >= 10_000));
  let long = renderDemoCall(longScript(DEMO_SCRIPTS, (t) => t.length >= 10));
  for (let turns = 20; long.durationSeconds < 300; turns += 10) long = renderDemoCall(longScript(DEMO_SCRIPTS, (t) => t.length >= turns));
  const transcriptCalls = ctx.quick ? 200 : 1000;
  const recordingCalls = ctx.quick ? 3 : 8;
  const concurrency = 16;
  console.log(`transcript ${(Buffer.byteLength(short.transcript) / 1024).toFixed(1)} KB; recording ${long.durationSeconds.toFixed(0)} s, ${(long.recording.length / 1e6).toFixed(1)} MB (8 kHz stereo PCM) with a ${(Buffer.byteLength(long.transcript) / 1024).toFixed(0)} KB transcript; ${concurrency} concurrent requests; 1 server process (HTTP + its worker), and on PostgreSQL also with a second worker process`);

  const rows = [];
  for (const { name: backend, db, drop, url } of await benchDatabases(ctx.root)) {
    const dataDir = await mkdtemp(join(tmpdir(), 'callvault-bench-ingest-'));
    const server = await createServer(loadConfig({ CALLVAULT_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), { db, consoleDir: false });
    try {
      await server.app.listen({ port: 0, host: '127.0.0.1' });
      const base = `http://127.0.0.1:${server.app.server.address().port}`;
      server.worker.start();
      const { access } = server.services;
      const tag = randomUUID().slice(0, 8);
      const transcriptOnly = {
        headers: () => ({ 'content-type': 'application/json' }),
        make: (i) => JSON.stringify({ metadata: { externalId: `t-${tag}-${i}`, channels: 2 }, transcript: short.transcript, format: 'conversation' }),
      };
      for (const [label, count, body, workerNode] of [
        ['transcript only', transcriptCalls, transcriptOnly],
        // The second core: a `callvault jobs work` process redacting next to the server (PostgreSQL only).
        ...(url ? [['transcript only, + 1 worker process', transcriptCalls, { ...transcriptOnly, make: (i) => transcriptOnly.make(`w${i}`) }, true]] : []),
        ['with 5-min recording', recordingCalls, {
          headers: () => ({}),
          make: (i) => {
            const form = new FormData();
            form.set('metadata', JSON.stringify({ externalId: `r-${tag}-${i}`, channels: 2 }));
            form.set('format', 'conversation');
            form.set('transcript', long.transcript);
            form.set('recording', new Blob([long.recording], { type: 'audio/wav' }), 'call.wav');
            return form;
          },
        }],
      ]) {
        const brand = await access.brands.create(system, { name: `Bench ${label} ${tag}` });
        const { secret } = await access.apiKeys.create(system, brand.id, { name: 'bench', scopes: ['call.ingest'], expiresInDays: 1 });
        const node = workerNode ? await workerProcess(ctx.root, { DATABASE_URL: url, CALLVAULT_DATA_DIR: dataDir }) : undefined;
        let r;
        try {
          r = await runOnce({ base, key: secret, db, brandId: brand.id, count, concurrency, body });
        } finally {
          await node?.stop();
        }
        const audio = label.startsWith('with 5') ? (count * long.durationSeconds) / r.redacted : NaN;
        rows.push([backend, label, count, count / r.acked, r.p50, r.p99, count / r.redacted, audio, r.failed]);
        console.log(`  ${backend}, ${label}: ${count} calls acknowledged in ${r.acked.toFixed(1)} s, redacted in ${r.redacted.toFixed(1)} s`);
      }
    } finally {
      await server.close();
      await drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  console.log('| database | calls | n | acknowledged/s | ack p50 ms | ack p99 ms | fully redacted/s | audio s per s | failed |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [b, label, n, ack, p50, p99, red, audio, failed] of rows) {
    console.log(`| ${b} | ${label} | ${n} | ${ack.toFixed(0)} | ${p50.toFixed(1)} | ${p99.toFixed(1)} | ${red.toFixed(1)} | ${Number.isNaN(audio) ? '–' : `${audio.toFixed(0)}×`} | ${failed} |`);
  }
}
