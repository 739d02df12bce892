import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { migrate, openPglite, openPostgres, type Db } from '../db/index.js';

export const postgresAvailable = (): boolean => process.env.CALLVAULT_TEST_POSTGRES === '1';
const adminUrl = (): string => process.env.CALLVAULT_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh, migrated PostgreSQL database for one test file; `drop` removes it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `callvault_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * Runs the same suite against PGlite and PostgreSQL. One database per backend per call, shared
 * by the suite's tests (PGlite is slow to create). Without a reachable server the PostgreSQL half
 * is skipped and says so.
 *
 *   forEachDatabase('audit chain', (getDb) => { it('appends', async () => { const db = getDb(); ... }) })
 */
export function forEachDatabase(name: string, suite: (getDb: () => Db, backend: 'pglite' | 'postgres') => void): void {
  describe(`${name} [pglite]`, () => {
    let db: Db | undefined;
    beforeAll(async () => {
      db = await openPglite();
      await migrate(db);
    });
    afterAll(async () => db?.close());
    suite(() => must(db), 'pglite');
  });
  describe.skipIf(!postgresAvailable())(`${name} [postgres]`, () => {
    let db: Db | undefined;
    let drop: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      const created = await createPostgresDatabase();
      drop = created.drop;
      db = openPostgres(created.url);
      await migrate(db);
    });
    afterAll(async () => {
      await db?.close();
      await drop?.();
    });
    suite(() => must(db), 'postgres');
  });
}

function must(db: Db | undefined): Db {
  if (!db) throw new Error('database not opened yet: call getDb() inside a test or hook');
  return db;
}
