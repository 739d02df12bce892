import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { Db } from '../db/types.js';
import { forEachDatabase } from '../testing/databases.js';
import { makeStack, sampleEvent } from './audit.test-helpers.js';
import { eventHash } from './canonical.js';
import { rowToEvent, type StoredEvent } from './chain-store.js';
import { checkpointBytes } from './checkpoint.js';
import type { ChainedAuditLog } from './log.js';
import { signBytes } from './signing.js';
import { verifyChain, type Problem } from './verify.js';

/**
 * Tamper evidence (PCI DSS 10.3.4): each way of altering the stored trail is detected, with the
 * seq where it happened and its kind. Chains: 25 events, signed checkpoints after 10 and 20, so
 * events 21..25 are protected by the hash chain alone and 1..20 by chain and checkpoints.
 */
forEachDatabase('audit tampering', (getDb) => {
  let audit: ChainedAuditLog;
  beforeAll(async () => {
    audit = (await makeStack(10)).audit;
  });

  async function chain(db: Db): Promise<string> {
    const brand = randomUUID();
    for (const [from, to] of [[0, 10], [10, 20], [20, 25]] as const) {
      await db.transaction((tx) => audit.appendMany(tx, Array.from({ length: to - from }, (_, i) => sampleEvent(brand, from + i))));
    }
    expect((await verifyChain(db, audit.signingKeys, brand)).ok).toBe(true);
    return brand;
  }
  const problems = async (db: Db, brand: string): Promise<Problem[]> => (await verifyChain(db, audit.signingKeys, brand)).problems;
  const at = (seq: number, kind: Problem['kind']) => expect.objectContaining({ seq, kind });

  async function event(db: Db, brand: string, seq: number): Promise<StoredEvent> {
    const { rows } = await db.query<Record<string, unknown>>(`SELECT * FROM audit_events WHERE chain_id = $1 AND seq = $2`, [brand, seq]);
    return rowToEvent(rows[0] as Record<string, unknown>);
  }
  /** Writes an event row as an attacker with database access would: hash recomputed to look valid. */
  async function writeForged(db: Db, e: Omit<StoredEvent, 'hash'>): Promise<Buffer> {
    const hash = eventHash(e);
    await db.query(
      `INSERT INTO audit_events (chain_id, seq, at, brand_id, actor_kind, actor_id, action, target_type, target_id, outcome,
                                 ip, user_agent, request_id, details, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [e.chainId, e.seq, e.at.toISOString(), e.brandId, e.actor.kind, e.actor.id, e.action, e.target?.type ?? null, e.target?.id ?? null,
       e.outcome, e.ip, e.userAgent, e.requestId, JSON.stringify(e.details), e.prevHash, hash],
    );
    return hash;
  }
  async function shift(db: Db, brand: string, fromSeq: number, by: number): Promise<void> {
    // Two steps: a primary key is checked row by row, so shift through negative numbers.
    await db.query(`UPDATE audit_events SET seq = -(seq + $3) WHERE chain_id = $1 AND seq >= $2`, [brand, fromSeq, by]);
    await db.query(`UPDATE audit_events SET seq = -seq WHERE chain_id = $1 AND seq < 0`, [brand]);
  }

  it('an untouched chain verifies', async () => {
    const db = getDb();
    expect(await problems(db, await chain(db))).toEqual([]);
  });

  it('edited event: found at its seq (chain-only tail and checkpointed range)', async () => {
    const db = getDb();
    const brand = await chain(db);
    await db.query(`UPDATE audit_events SET outcome = 'failure' WHERE chain_id = $1 AND seq = 22`, [brand]);
    await db.query(`UPDATE audit_events SET actor_id = 'someone-else' WHERE chain_id = $1 AND seq = 7`, [brand]);
    const found = await problems(db, brand);
    expect(found).toContainEqual(at(22, 'edited'));
    expect(found).toContainEqual(at(7, 'edited'));
    expect(found).toHaveLength(2);
  });

  it('edited event with its hash recomputed: the next link breaks and names it', async () => {
    const db = getDb();
    const brand = await chain(db);
    const e = await event(db, brand, 23);
    const edited = { ...e, action: 'call.export' };
    await db.query(`UPDATE audit_events SET action = $3, hash = $4 WHERE chain_id = $1 AND seq = $2`, [brand, 23, edited.action, eventHash(edited)]);
    expect(await problems(db, brand)).toContainEqual(at(23, 'edited'));
  });

  it('history rewritten end to end (every hash and the head recomputed): the signed checkpoint catches it', async () => {
    const db = getDb();
    const brand = await chain(db);
    let prev: Buffer | undefined;
    for (let seq = 5; seq <= 25; seq++) {
      const e = await event(db, brand, seq);
      const rewritten = { ...e, prevHash: prev ?? e.prevHash, ...(seq === 5 && { outcome: 'failure' as const }) };
      prev = eventHash(rewritten);
      await db.query(`UPDATE audit_events SET outcome = $3, prev_hash = $4, hash = $5 WHERE chain_id = $1 AND seq = $2`, [brand, seq, rewritten.outcome, rewritten.prevHash, prev]);
    }
    await db.query(`UPDATE audit_chains SET head_hash = $2 WHERE chain_id = $1`, [brand, prev]);
    const found = await problems(db, brand);
    expect(found).toContainEqual(at(10, 'checkpoint'));
    expect(found).toContainEqual(at(20, 'checkpoint'));
  });

  it('deleted event: found at the missing seq', async () => {
    const db = getDb();
    const brand = await chain(db);
    await db.query(`DELETE FROM audit_events WHERE chain_id = $1 AND seq IN (12, 23)`, [brand]);
    const found = await problems(db, brand);
    expect(found).toContainEqual(at(12, 'deleted'));
    expect(found).toContainEqual(at(23, 'deleted'));
  });

  it('deleted event with later events renumbered to close the gap: found where it was', async () => {
    const db = getDb();
    const brand = await chain(db);
    await db.query(`DELETE FROM audit_events WHERE chain_id = $1 AND seq = 22`, [brand]);
    await shift(db, brand, 23, -1);
    await db.query(`UPDATE audit_chains SET head_seq = 24 WHERE chain_id = $1`, [brand]);
    expect(await problems(db, brand)).toContainEqual(at(22, 'deleted'));
  });

  it('inserted event (forged with a valid hash, later events renumbered): found at its seq', async () => {
    const db = getDb();
    const brand = await chain(db);
    const before = await event(db, brand, 22);
    await shift(db, brand, 23, 1);
    await writeForged(db, { ...before, seq: 23, action: 'call.delete', prevHash: before.hash });
    await db.query(`UPDATE audit_chains SET head_seq = 26 WHERE chain_id = $1`, [brand]);
    expect((await problems(db, brand))[0]).toEqual(at(23, 'inserted'));
  });

  it('event appended behind the head (forged, correctly linked): found at its seq', async () => {
    const db = getDb();
    const brand = await chain(db);
    const last = await event(db, brand, 25);
    await writeForged(db, { ...last, seq: 26, prevHash: last.hash });
    expect(await problems(db, brand)).toEqual([at(26, 'inserted')]);
  });

  it('reordered events: both positions named', async () => {
    const db = getDb();
    const brand = await chain(db);
    await db.query(`UPDATE audit_events SET seq = -seq WHERE chain_id = $1 AND seq IN (22, 23)`, [brand]);
    await db.query(`UPDATE audit_events SET seq = CASE seq WHEN -22 THEN 23 ELSE 22 END WHERE chain_id = $1 AND seq < 0`, [brand]);
    const found = await problems(db, brand);
    expect(found).toContainEqual(at(22, 'reordered'));
    expect(found).toContainEqual(at(23, 'reordered'));
  });

  it('truncated tail: found at the first missing seq', async () => {
    const db = getDb();
    const brand = await chain(db);
    await db.query(`DELETE FROM audit_events WHERE chain_id = $1 AND seq >= 24`, [brand]);
    expect(await problems(db, brand)).toEqual([at(24, 'truncated')]);
  });

  it('truncated tail with the chain head moved back too: the signed checkpoint still shows it', async () => {
    const db = getDb();
    const brand = await chain(db);
    const e = await event(db, brand, 18);
    await db.query(`DELETE FROM audit_events WHERE chain_id = $1 AND seq > 18`, [brand]);
    await db.query(`UPDATE audit_chains SET head_seq = 18, head_hash = $2 WHERE chain_id = $1`, [brand, e.hash]);
    expect(await problems(db, brand)).toContainEqual(at(19, 'truncated'));
  });

  it('a checkpoint re-signed with a key that is not the sealed one is rejected', async () => {
    const db = getDb();
    const brand = await chain(db);
    const attacker = generateKeyPairSync('ed25519');
    const { rows } = await db.query<Record<string, unknown>>(`SELECT * FROM audit_checkpoints WHERE chain_id = $1 AND to_seq = 10`, [brand]);
    const row = rows[0] as Record<string, unknown>;
    const cp = {
      chainId: brand,
      fromSeq: Number(row.from_seq),
      toSeq: 10,
      root: Buffer.alloc(32, 7),
      at: row.at as Date,
      prevDigest: Buffer.from(row.prev_digest as Uint8Array),
      keyId: row.key_id as string,
      treeRoot: Buffer.from(row.tree_root as Uint8Array),
    };
    // The attacker also swaps the stored public key for theirs.
    await db.query(`UPDATE audit_checkpoints SET root = $2, signature = $3 WHERE chain_id = $1 AND to_seq = 10`, [brand, cp.root, signBytes(attacker.privateKey, checkpointBytes(cp))]);
    const original = await db.query<{ public_key: Uint8Array }>(`SELECT public_key FROM audit_signing_keys WHERE id = $1`, [cp.keyId]);
    await db.query(`UPDATE audit_signing_keys SET public_key = $2 WHERE id = $1`, [cp.keyId, attacker.publicKey.export({ format: 'der', type: 'spki' })]);
    try {
      audit.signingKeys; // same log: its cache must not hide the swap, verification re-derives the key
      const found = await problems(db, brand);
      expect(found).toContainEqual(at(10, 'signature'));
    } finally {
      await db.query(`UPDATE audit_signing_keys SET public_key = $2 WHERE id = $1`, [cp.keyId, original.rows[0]?.public_key]);
    }
  });

  it('a removed checkpoint breaks the checkpoint chain', async () => {
    const db = getDb();
    const brand = await chain(db);
    await db.query(`DELETE FROM audit_checkpoints WHERE chain_id = $1 AND to_seq = 10`, [brand]);
    expect(await problems(db, brand)).toContainEqual(at(20, 'checkpoint'));
  });
});
