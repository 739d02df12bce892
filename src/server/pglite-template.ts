import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { migrate, openPglite } from '../db/index.js';

/**
 * A freshly initialised and migrated, empty PGlite cluster, made once at build time (`npm run
 * build`). Creating a cluster (initdb, in WASM) is most of a first start's CPU; unpacking this copy
 * instead cuts it by about a third. It holds tables only, no data and no secret: each
 * installation's keys and users are created after it is unpacked. Migrations still run at every
 * start, so a template older than the code is simply brought up to date.
 */
export const PGLITE_TEMPLATE = fileURLToPath(new URL('../pglite-template.tar.gz', import.meta.url));

/** Unpacks the template into `<dataDir>/pglite` when that folder holds no cluster yet. Returns whether it did. */
export async function seedPgliteFromTemplate(dataDir: string, template = PGLITE_TEMPLATE): Promise<boolean> {
  const dir = join(dataDir, 'pglite');
  if (existsSync(join(dir, 'PG_VERSION')) || !existsSync(template)) return false;
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const pg = await PGlite.create(dir, { loadDataDir: new Blob([await readFile(template)]) });
  await pg.close();
  return true;
}

/** Build step: `node dist/server/pglite-template.js` writes the template beside the compiled code. */
export async function writePgliteTemplate(path: string = PGLITE_TEMPLATE): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'callvault-template-'));
  try {
    const db = await openPglite(dir);
    await migrate(db);
    await db.close();
    const pg = await PGlite.create(dir);
    const dump = await pg.dumpDataDir('gzip');
    await pg.close();
    await writeFile(path, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await writePgliteTemplate();
