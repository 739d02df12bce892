import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { Db } from '../db/types.js';
import { forEachDatabase } from '../testing/databases.js';
import { makeStack, sampleEvent } from './audit.test-helpers.js';
import { createGroupCommit } from './group-commit.js';
import type { ChainedAuditLog } from './log.js';
import { verifyChain } from './verify.js';

/** The same database, counting the transactions it is asked to run. */
function counting(db: Db): { db: Db; transactions: () => number } {
  let n = 0;
  return {
    db: { ...db, query: db.query.bind(db), transaction: (fn) => (n++, db.transaction(fn)) } as Db,
    transactions: () => n,
  };
}

forEachDatabase('audit group commit', (getDb) => {
  let audit: ChainedAuditLog;
  beforeAll(async () => {
    ({ audit } = await makeStack(1000));
    await getDb().query('CREATE TABLE IF NOT EXISTS group_commit_probe (id text PRIMARY KEY)');
  });

  it('commits many callers of the same moment together: each change with its events, the chain intact', async () => {
    const brand = randomUUID();
    const c = counting(getDb());
    const group = createGroupCommit({ db: c.db, audit });
    const ids = Array.from({ length: 60 }, () => randomUUID());
    const results = await Promise.all(ids.map((id, i) => group.run([sampleEvent(brand, i)], async (tx) => (await tx.query('INSERT INTO group_commit_probe (id) VALUES ($1)', [id]), id))));
    expect(results).toEqual(ids);
    expect(c.transactions()).toBeLessThan(10);
    const { rows } = await getDb().query<{ n: number }>('SELECT count(*)::int AS n FROM group_commit_probe WHERE id = ANY($1)', [ids]);
    expect(rows[0]!.n).toBe(60);
    expect(await verifyChain(getDb(), audit.signingKeys, brand)).toMatchObject({ ok: true, events: 60 });
  });

  it('fails only the caller whose change fails; the others commit, and its events are not kept', async () => {
    const brand = randomUUID();
    const group = createGroupCommit({ db: getDb(), audit });
    const taken = randomUUID();
    await getDb().query('INSERT INTO group_commit_probe (id) VALUES ($1)', [taken]);
    const ids = [randomUUID(), taken, randomUUID()];
    const settled = await Promise.allSettled(ids.map((id, i) => group.run([sampleEvent(brand, i)], (tx) => tx.query('INSERT INTO group_commit_probe (id) VALUES ($1)', [id]))));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await verifyChain(getDb(), audit.signingKeys, brand)).toMatchObject({ ok: true, events: 2 });
  });

  it('commits a lone caller at once', async () => {
    const brand = randomUUID();
    const group = createGroupCommit({ db: getDb(), audit });
    expect(await group.run([sampleEvent(brand, 1)], async () => 'done')).toBe('done');
    expect(await verifyChain(getDb(), audit.signingKeys, brand)).toMatchObject({ ok: true, events: 1 });
  });
});
