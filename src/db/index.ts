import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { migrate } from './migrate.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import type { Db } from './types.js';

export type { Db, Queryable, Dialect } from './types.js';
export { migrate } from './migrate.js';
export { openPglite } from './pglite.js';
export { openPostgres } from './postgres.js';

/** Opens the configured database (PostgreSQL when a URL is set, else PGlite in the data folder) and migrates it. */
export async function openDatabase(opts: { databaseUrl?: string | undefined; dataDir: string }): Promise<Db> {
  let db: Db;
  if (opts.databaseUrl) {
    db = openPostgres(opts.databaseUrl);
  } else {
    const dir = join(opts.dataDir, 'pglite');
    await mkdir(dir, { recursive: true, mode: 0o700 });
    db = await openPglite(dir);
  }
  await migrate(db);
  return db;
}
