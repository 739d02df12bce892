import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from '../db/index.js';
import { seedPgliteFromTemplate, writePgliteTemplate } from './pglite-template.js';

it('a first start unpacks the build-time template into a migrated, empty database, once', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'callvault-tpl-'));
  try {
    const template = join(dir, 'template.tar.gz');
    await writePgliteTemplate(template);
    const dataDir = join(dir, 'data');
    expect(await seedPgliteFromTemplate(dataDir, template)).toBe(true);
    expect(await seedPgliteFromTemplate(dataDir, template)).toBe(false); // never over an existing cluster
    const db = await openDatabase({ dataDir });
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM brands');
    expect(rows[0]?.n).toBe(0);
    await db.close();
    expect(await seedPgliteFromTemplate(join(dir, 'other'), join(dir, 'missing.tar.gz'))).toBe(false);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 180_000);
