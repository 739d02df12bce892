import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { forEachDatabase } from '../testing/databases.js';
import { makeStack, sampleEvent, userPrincipal } from './audit.test-helpers.js';
import { authorize } from './authorize.js';
import { createAuditLog, type ChainedAuditLog } from './log.js';
import { verifyChain } from './verify.js';
import { openLocalKms } from '../vault/local-kms.js';
import { createVault } from '../vault/vault.js';

forEachDatabase('audit chain', (getDb, backend) => {
  let audit: ChainedAuditLog;
  let keysDir: string;
  beforeAll(async () => {
    ({ audit, keysDir } = await makeStack(10));
  });

  it('appends a chain with a signed checkpoint every N events, and it verifies', async () => {
    const db = getDb();
    const brand = randomUUID();
    for (let i = 0; i < 25; i++) await db.transaction((tx) => audit.append(tx, sampleEvent(brand, i)));
    const report = await verifyChain(db, audit.signingKeys, brand);
    expect(report).toMatchObject({ ok: true, events: 25, checkpoints: 2, problems: [] });
    const { rows } = await db.query<{ seq: number }>(`SELECT seq FROM audit_events WHERE chain_id = $1 ORDER BY seq`, [brand]);
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it('an event rolls back with the transaction it belongs to', async () => {
    const db = getDb();
    const brand = randomUUID();
    await db.transaction((tx) => audit.append(tx, sampleEvent(brand, 1)));
    await expect(
      db.transaction(async (tx) => {
        await audit.append(tx, sampleEvent(brand, 2));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await db.transaction((tx) => audit.append(tx, sampleEvent(brand, 3)));
    const report = await verifyChain(db, audit.signingKeys, brand);
    expect(report).toMatchObject({ ok: true, events: 2 });
  });

  it('appendMany spreads a batch over chains and keeps every chain valid', async () => {
    const db = getDb();
    const brands = [randomUUID(), randomUUID(), null];
    const events = Array.from({ length: 600 }, (_, i) => sampleEvent(brands[i % 3] ?? null, i));
    await db.transaction((tx) => audit.appendMany(tx, events));
    for (const b of brands.slice(0, 2)) {
      const r = await verifyChain(db, audit.signingKeys, b as string);
      expect(r).toMatchObject({ ok: true, events: 200 });
      expect(r.checkpoints).toBeGreaterThanOrEqual(1);
    }
  });

  it(`many concurrent appenders keep one gap-free chain (${backend})`, async () => {
    const db = getDb();
    const brand = randomUUID();
    // Two logs = two servers sharing the database; each writer appends in its own transactions.
    const second = createAuditLog({ vault: createVault({ kms: await openLocalKms({ keysDir }) }), checkpointEvery: 10 });
    const writers = Array.from({ length: 16 }, (_, w) =>
      (async () => {
        for (let i = 0; i < 8; i++) {
          await db.transaction(async (tx) => {
            await (w % 2 === 0 ? audit : second).append(tx, sampleEvent(brand, w * 100 + i));
            if (i % 3 === 0) await (w % 2 === 0 ? audit : second).appendMany(tx, [sampleEvent(brand, i), sampleEvent(brand, i + 1)]);
          });
        }
      })(),
    );
    await Promise.all(writers);
    const { rows } = await db.query<{ n: number; max: number }>(`SELECT count(*)::int AS n, max(seq)::int AS max FROM audit_events WHERE chain_id = $1`, [brand]);
    expect(rows[0]).toEqual({ n: 16 * 8 + 16 * 3 * 2, max: 16 * 8 + 16 * 3 * 2 });
    const report = await verifyChain(db, audit.signingKeys, brand);
    expect(report.problems).toEqual([]);
  });

  it('checkpointStale covers chains whose last checkpoint is older than T seconds', async () => {
    const db = getDb();
    const brand = randomUUID();
    for (let i = 0; i < 3; i++) await db.transaction((tx) => audit.append(tx, sampleEvent(brand, i)));
    expect(await audit.checkpointStale(db, 3600)).toBe(0);
    await db.query(`UPDATE audit_chains SET checkpoint_at = now() - interval '2 hours' WHERE chain_id = $1`, [brand]);
    expect(await audit.checkpointStale(db, 3600)).toBeGreaterThanOrEqual(1);
    expect((await verifyChain(db, audit.signingKeys, brand)).checkpoints).toBe(1);
  });

  it('a denial is recorded in its own transaction and persists although the action fails', async () => {
    const db = getDb();
    const brand = randomUUID();
    const agent = userPrincipal({ [brand]: 'agent' });
    // A service: permission first, then its change and its success event in one transaction.
    const rotate = async (): Promise<void> => {
      await authorize({ db, audit }, agent, 'key.rotate', brand, { action: 'key.rotate' });
      await db.transaction((tx) => audit.append(tx, { ...sampleEvent(brand), action: 'key.rotate' }));
    };
    await expect(rotate()).rejects.toMatchObject({ code: 'access.forbidden' });
    const { rows } = await db.query<{ outcome: string; actor_id: string }>(`SELECT outcome, actor_id FROM audit_events WHERE chain_id = $1`, [brand]);
    expect(rows).toEqual([{ outcome: 'denied', actor_id: agent.actor.id }]);
  });

  it('rejects an action name that is not a dotted code (free text could carry data)', async () => {
    const db = getDb();
    await expect(db.transaction((tx) => audit.append(tx, { ...sampleEvent(null), action: 'viewed card 4111 1111' }))).rejects.toThrow(TypeError);
  });
});
