import { expect, it } from 'vitest';
import { forEachDatabase } from '../testing/databases.js';
import { migrate } from './migrate.js';

forEachDatabase('migrations', (getDb) => {
  it('applies every migration once and is a no-op the second time', async () => {
    const db = getDb();
    const again = await migrate(db);
    expect(again).toEqual([]);
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
    expect(rows[0]?.n).toBeGreaterThan(0);
  });

  it('rolls back a failed transaction entirely', async () => {
    const db = getDb();
    await db.exec('CREATE TABLE IF NOT EXISTS tx_probe (v int)');
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO tx_probe VALUES (1)');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM tx_probe');
    expect(rows[0]?.n).toBe(0);
  });
});
