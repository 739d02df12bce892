// Detection as the server runs it: simulated audit traffic written into the real audit trail
// (hash chain, checkpoints), then one node's monitor scoring it from the database — chain pages
// read, merged in time order, scored, alerts and cursors committed — on PGlite and PostgreSQL.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchDatabases } from './lib/databases.mjs';

export const name = 'detection-server';
export const order = 41;
export const description = 'continuous detection in the server: audit events scored/s from the database by the monitor (PGlite, PostgreSQL; 250 users × 1 week, --quick: 100)';

export async function run(ctx) {
  const dist = (p) => pathToFileURL(join(ctx.root, 'dist', p)).href;
  const { createAuditLog } = await import(dist('audit/index.js'));
  const { createVault, openLocalKms } = await import(dist('vault/index.js'));
  const { createDetectionMonitor } = await import(dist('anomalies/index.js'));
  const sim = await import(dist('detection/simulation/index.js'));
  const users = ctx.quick ? 100 : 250;
  const s = sim.simulate({ users, weeks: 1, seed: 5, perKind: 1 });
  const events = [...s.events()];
  const keysDir = await mkdtemp(join(tmpdir(), 'callvault-bench-keys-'));
  const kms = await openLocalKms({ keysDir });
  const rows = [];
  try {
    for (const { name: backend, db, drop } of await benchDatabases(ctx.root)) {
      let at = new Date(events[0].at);
      const audit = createAuditLog({ vault: createVault({ kms }), checkpointEvery: 1000, now: () => at });
      try {
        // Written a minute at a time, each minute's events stamped with that minute.
        const t0 = process.hrtime.bigint();
        for (let i = 0; i < events.length; ) {
          const minute = Math.floor(events[i].at / 60_000);
          const batch = [];
          while (i < events.length && Math.floor(events[i].at / 60_000) === minute && batch.length < 2000) {
            const e = events[i++];
            batch.push({
              actor: e.actor.kind === 'anonymous' ? { kind: 'system', id: 'unauthenticated' } : e.actor,
              action: e.action,
              brandId: e.brandId,
              ...(e.target && { target: e.target }),
              outcome: e.outcome,
              ...(e.ip && { ip: e.ip }),
              details: e.details,
            });
          }
          at = new Date(minute * 60_000);
          await db.transaction((tx) => audit.appendMany(tx, batch));
        }
        const writeS = Number(process.hrtime.bigint() - t0) / 1e9;
        const monitor = createDetectionMonitor({ db, audit, now: () => at, batch: 2000 });
        const t1 = process.hrtime.bigint();
        const r = await monitor.scan();
        const scanS = Number(process.hrtime.bigint() - t1) / 1e9;
        await monitor.release();
        rows.push([backend, events.length, events.length / writeS, r.scored, r.scored / scanS, r.raised]);
      } finally {
        await drop();
      }
    }
  } finally {
    await rm(keysDir, { recursive: true, force: true });
  }
  console.log(`${users} users, ${s.days} days, ${events.length} events, ${s.labels.length} injected attacks`);
  console.log(`${'backend'.padEnd(28)} ${'written/s'.padStart(10)} ${'scored'.padStart(8)} ${'scored/s'.padStart(10)} ${'alerts'.padStart(7)}`);
  for (const [b, , w, n, rate, alerts] of rows) {
    console.log(`${b.padEnd(28)} ${Math.round(w).toLocaleString('en-US').padStart(10)} ${String(n).padStart(8)} ${Math.round(rate).toLocaleString('en-US').padStart(10)} ${String(alerts).padStart(7)}`);
  }
  console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB (includes the simulator and both databases)`);
}
