import { PGlite } from '@electric-sql/pglite';
import { assertChannel } from './channel.js';
import type { Db, Queryable } from './types.js';

/**
 * Embedded PostgreSQL (WASM). One connection: PGlite serialises queries and transactions itself,
 * so concurrent callers simply queue. `dataDir` undefined keeps everything in memory (tests).
 */
export async function openPglite(dataDir?: string): Promise<Db> {
  const pg = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  const run: Queryable['query'] = async (sql, params) => {
    const res = await pg.query(sql, params ? [...params] : undefined);
    return { rows: res.rows as never[] };
  };
  return {
    dialect: 'pglite',
    query: run,
    async exec(sql) {
      await pg.exec(sql);
    },
    async transaction(fn) {
      return pg.transaction(async (tx) =>
        fn({
          async query(sql, params) {
            const res = await tx.query(sql, params ? [...params] : undefined);
            return { rows: res.rows as never[] };
          },
          async exec(sql) {
            await tx.exec(sql);
          },
        }),
      );
    },
    async listen(channel, onPayload) {
      assertChannel(channel);
      const unlisten = await pg.listen(channel, onPayload);
      return async () => {
        await unlisten();
      };
    },
    async close() {
      await pg.close();
    },
  };
}
