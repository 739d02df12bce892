import { describe, expect, it } from 'vitest';
import { forEachDatabase } from '../testing/databases.js';
import { until } from '../testing/until.js';

forEachDatabase('LISTEN/NOTIFY', (getDb) => {
  it('delivers a notification to every subscriber of the channel, and only after commit', async () => {
    const db = getDb();
    const a: string[] = [];
    const b: string[] = [];
    const stopA = await db.listen('cv_test_news', (p) => a.push(p));
    const stopB = await db.listen('cv_test_news', (p) => b.push(p));
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_notify($1, $2)', ['cv_test_news', 'inside']);
      await new Promise((r) => setTimeout(r, 50));
      expect(a).toEqual([]);
    });
    await until(() => a.length === 1 && b.length === 1);
    expect(a).toEqual(['inside']);
    await stopA();
    await db.query('SELECT pg_notify($1, $2)', ['cv_test_news', 'second']);
    await until(() => b.length === 2);
    expect(a).toEqual(['inside']);
    await stopB();
  });

  it('does not deliver what a rolled-back transaction sent', async () => {
    const db = getDb();
    const got: string[] = [];
    const stop = await db.listen('cv_test_rollback', (p) => got.push(p));
    await expect(
      db.transaction(async (tx) => {
        await tx.query('SELECT pg_notify($1, $2)', ['cv_test_rollback', 'lost']);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await db.query('SELECT pg_notify($1, $2)', ['cv_test_rollback', 'kept']);
    await until(() => got.length === 1);
    expect(got).toEqual(['kept']);
    await stop();
  });
});

describe('channel names', () => {
  it('refuses a channel name that is not a plain identifier', async () => {
    const { openPglite } = await import('./pglite.js');
    const db = await openPglite();
    await expect(db.listen('x"; DROP TABLE users; --', () => undefined)).rejects.toThrow(/identifier/);
    await db.close();
  });
});
