// Databases for the storage benches: an in-memory PGlite, and a throwaway PostgreSQL database on
// the server at CALLVAULT_BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres)
// when one is reachable. Both migrated with the project's migrations.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function benchDatabases(root) {
  const { migrate, openPglite, openPostgres } = await import(pathToFileURL(join(root, 'dist', 'db', 'index.js')).href);
  const pg = (await import('pg')).default;
  const out = [];
  const lite = await openPglite();
  await migrate(lite);
  out.push({ name: 'PGlite (in-memory)', db: lite, drop: async () => lite.close() });

  const adminUrl = process.env.CALLVAULT_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    const name = `callvault_bench_${randomBytes(4).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const db = openPostgres(url.toString(), 16);
    await migrate(db);
    const others = [];
    out.push({
      name: `PostgreSQL (${url.host})`,
      db,
      /** For other processes (a `callvault jobs work` node) on the same database. */
      url: url.toString(),
      // Another server node's own pool on the same database, as separate processes would have.
      another: () => {
        const next = openPostgres(url.toString(), 16);
        others.push(next);
        return next;
      },
      drop: async () => {
        for (const o of others) await o.close().catch(() => undefined);
        await db.close();
        const c = new pg.Client({ connectionString: adminUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    });
  } catch {
    await admin.end().catch(() => undefined);
    console.log(`PostgreSQL not reachable at ${adminUrl.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@')}: PostgreSQL rows skipped`);
  }
  return out;
}
