// Vault encrypt/decrypt throughput: AES-256-GCM with the scope and record id as associated data,
// including the per-call data-key lookup in the database (the unwrapped key is cached).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const name = 'crypto';
export const order = 41;
export const description = 'vault encrypt/decrypt MB/s and records/s by record size (AES-256-GCM, key lookup on PGlite)';

export async function run(ctx) {
  const dist = (p) => pathToFileURL(join(ctx.root, 'dist', p)).href;
  const { createVault, openLocalKms } = await import(dist('vault/index.js'));
  const { migrate, openPglite } = await import(dist('db/index.js'));
  const keysDir = await mkdtemp(join(tmpdir(), 'callvault-bench-keys-'));
  const db = await openPglite();
  await migrate(db);
  const vault = createVault({ kms: await openLocalKms({ keysDir }) });
  const scope = { brandId: 'bench-brand' };
  const totalBytes = (ctx.quick ? 16 : 128) * 1024 * 1024;
  console.log(`${'record size'.padEnd(12)} ${'records'.padStart(8)} ${'encrypt MB/s'.padStart(13)} ${'decrypt MB/s'.padStart(13)} ${'enc rec/s'.padStart(10)} ${'dec rec/s'.padStart(10)}`);
  try {
    for (const size of [1024, 64 * 1024, 1024 * 1024, 16 * 1024 * 1024]) {
      const n = Math.max(4, Math.min(Math.floor(totalBytes / size), 20_000));
      const plain = randomBytes(size);
      await vault.encrypt(db, scope, 'warm-up', plain);
      const sealed = new Array(n);
      let t = process.hrtime.bigint();
      for (let i = 0; i < n; i++) sealed[i] = await vault.encrypt(db, scope, `r${i}`, plain);
      const enc = Number(process.hrtime.bigint() - t) / 1e9;
      t = process.hrtime.bigint();
      for (let i = 0; i < n; i++) {
        const out = await vault.decrypt(db, scope, `r${i}`, sealed[i]);
        if (out.length !== size) throw new Error('round trip failed');
      }
      const dec = Number(process.hrtime.bigint() - t) / 1e9;
      const mb = (n * size) / 1e6;
      const label = size >= 1024 * 1024 ? `${size / 1024 / 1024} MiB` : `${size / 1024} KiB`;
      console.log(`${label.padEnd(12)} ${String(n).padStart(8)} ${(mb / enc).toFixed(0).padStart(13)} ${(mb / dec).toFixed(0).padStart(13)} ${Math.round(n / enc).toString().padStart(10)} ${Math.round(n / dec).toString().padStart(10)}`);
    }
  } finally {
    await db.close();
    await rm(keysDir, { recursive: true, force: true });
  }
}
