import pg from 'pg';
import { createPgListener } from './pg-listener.js';
import type { Db, Queryable } from './types.js';

// BIGINT and NUMERIC come back as strings by default; counts and sequence numbers here fit in a
// JS number (2^53), and PGlite returns numbers, so both backends agree.
pg.types.setTypeParser(20, (v) => Number(v));

/** A PostgreSQL server through a connection pool. */
export function openPostgres(connectionString: string, max = 10): Db {
  const pool = new pg.Pool({ connectionString, max });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const run =
    (c: pg.Pool | pg.PoolClient): Queryable => ({
      async query(sql, params) {
        const res = await c.query(sql, params ? [...params] : undefined);
        return { rows: res.rows };
      },
      // With no parameters pg uses the simple protocol, which accepts several statements.
      async exec(sql) {
        await c.query(sql);
      },
    });
  const listener = createPgListener(connectionString);
  return {
    dialect: 'postgres',
    ...run(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(run(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    listen: (channel, onPayload) => listener.listen(channel, onPayload),
    async close() {
      await listener.close();
      await pool.end();
    },
  };
}
