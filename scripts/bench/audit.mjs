// Audit events appended per second with the hash chain (and signed checkpoints every 1000 events),
// on PGlite and PostgreSQL: one event per transaction, concurrent writers, and batched appendMany.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchDatabases } from './lib/databases.mjs';

export const name = 'audit';
export const order = 40;
export const description = 'audit events appended/s with the hash chain + signed checkpoints (PGlite, PostgreSQL), verify speed';

const event = (brandId, i) => ({
  actor: { kind: 'user', id: `user-${i % 50}` },
  action: i % 3 === 0 ? 'call.read' : 'transcript.read',
  brandId,
  target: { type: 'call', id: randomUUID() },
  outcome: 'success',
  ip: '198.51.100.7',
  userAgent: 'agent-desktop/1.0',
  requestId: randomUUID(),
  details: { n: i },
});

async function timed(fn) {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e9;
}

export async function run(ctx) {
  const dist = (p) => pathToFileURL(join(ctx.root, 'dist', p)).href;
  const { createAuditLog, verifyChain } = await import(dist('audit/index.js'));
  const { createVault, openLocalKms } = await import(dist('vault/index.js'));
  const keysDir = await mkdtemp(join(tmpdir(), 'callvault-bench-keys-'));
  const kms = await openLocalKms({ keysDir });
  const scale = ctx.quick ? 0.2 : 1;
  const rows = [];
  try {
    for (const { name: backend, db, drop } of await benchDatabases(ctx.root)) {
      // A vault and log per database, as each installation has its own.
      const audit = createAuditLog({ vault: createVault({ kms }), checkpointEvery: 1000 });
      try {
        const pg = backend.startsWith('PostgreSQL');
        // 1. one event per transaction, one writer
        const single = Math.round((pg ? 2000 : 2000) * scale);
        const b1 = randomUUID();
        const s1 = await timed(async () => {
          for (let i = 0; i < single; i++) await db.transaction((tx) => audit.append(tx, event(b1, i)));
        });
        rows.push([backend, 'append, 1 event/tx, 1 writer', single, single / s1]);
        // 2. one event per transaction, 16 concurrent writers on one chain, then on 16 chains
        if (pg) {
          for (const chains of [1, 16]) {
            const brands = Array.from({ length: chains }, () => randomUUID());
            const per = Math.round(300 * scale);
            const s = await timed(() =>
              Promise.all(
                Array.from({ length: 16 }, async (_, w) => {
                  for (let i = 0; i < per; i++) await db.transaction((tx) => audit.append(tx, event(brands[w % chains], i)));
                }),
              ),
            );
            rows.push([backend, `append, 1 event/tx, 16 writers, ${chains} chain(s)`, per * 16, (per * 16) / s]);
          }
        }
        // 3. batched: appendMany of 1000 events per transaction (4 writers on 4 chains on PostgreSQL)
        const batches = Math.round((pg ? 40 : 20) * scale);
        const writers = pg ? 4 : 1;
        const brands = Array.from({ length: writers }, () => randomUUID());
        const s3 = await timed(() =>
          Promise.all(
            brands.map(async (b) => {
              for (let k = 0; k < batches / writers; k++) {
                await db.transaction((tx) => audit.appendMany(tx, Array.from({ length: 1000 }, (_, i) => event(b, k * 1000 + i))));
              }
            }),
          ),
        );
        rows.push([backend, `appendMany, 1000 events/tx, ${writers} writer(s)`, batches * 1000, (batches * 1000) / s3]);
        // 4. verification speed (re-hash chain + check checkpoints and signatures)
        let verified = 0;
        const s4 = await timed(async () => {
          const r = await verifyChain(db, audit.signingKeys, brands[0]);
          if (!r.ok) throw new Error(`bench chain does not verify: ${r.problems.length} problem(s)`);
          verified = r.events;
        });
        rows.push([backend, 'verify (re-hash + Merkle + Ed25519)', verified, verified / s4]);
      } finally {
        await drop();
      }
    }
  } finally {
    await rm(keysDir, { recursive: true, force: true });
  }
  console.log(`${'backend'.padEnd(28)} ${'operation'.padEnd(44)} ${'events'.padStart(7)} ${'events/s'.padStart(10)}`);
  for (const [b, op, n, rate] of rows) console.log(`${b.padEnd(28)} ${op.padEnd(44)} ${String(n).padStart(7)} ${Math.round(rate).toLocaleString('en-US').padStart(10)}`);
}
