import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { makeStack, systemPrincipal, userPrincipal } from '../audit/audit.test-helpers.js';
import { verifyChain } from '../audit/verify.js';
import { getJob } from '../jobs/queue.js';
import { createWorker } from '../jobs/worker.js';
import { forEachDatabase } from '../testing/databases.js';
import { sealedKeyVersion } from './ciphertext.js';
import { createKeyService } from './key-service.js';
import { REENCRYPT_JOB, reencryptJobHandler } from './reencrypt.js';
import { declareEncryptedColumn } from './registry.js';
import { keysOf } from './key-store.js';

forEachDatabase('key rotation', (getDb) => {
  let stack: Awaited<ReturnType<typeof makeStack>>;
  beforeAll(async () => {
    stack = await makeStack();
    const db = getDb();
    await db.exec(`CREATE TABLE IF NOT EXISTS test_secrets (id UUID PRIMARY KEY, brand_id UUID, secret BYTEA)`);
    await declareEncryptedColumn(db, { table: 'test_secrets', column: 'secret', idColumn: 'id', scopeColumn: 'brand_id' });
  });

  it('rotates, re-encrypts every record in the background, then retires the old version', async () => {
    const db = getDb();
    const { vault, audit } = stack;
    const keys = createKeyService({ db, vault, audit });
    const brand = randomUUID();
    const other = randomUUID();
    const ids: string[] = [];
    for (let i = 0; i < 450; i++) {
      const id = randomUUID();
      ids.push(id);
      const b = i % 10 === 0 ? other : brand;
      await db.query(`INSERT INTO test_secrets VALUES ($1, $2, $3)`, [id, b, await vault.encrypt(db, { brandId: b }, id, Buffer.from(`secret ${i}`))]);
    }
    await db.query(`INSERT INTO test_secrets VALUES ($1, $2, NULL)`, [randomUUID(), brand]); // NULLs are skipped

    const admin = userPrincipal({}, true);
    const rotation = await keys.rotate(admin, { brandId: brand });
    expect(rotation.version).toBe(2);
    // Old records still read while the job has not run.
    const first = await db.query<{ secret: Uint8Array }>(`SELECT secret FROM test_secrets WHERE id = $1`, [ids[1]]);
    expect((await vault.decrypt(db, { brandId: brand }, ids[1] as string, Buffer.from(first.rows[0]?.secret ?? []))).toString()).toBe('secret 1');

    const worker = createWorker({ db, handlers: { [REENCRYPT_JOB]: reencryptJobHandler({ db, vault, audit, retireGraceMs: 0 }) } });
    await worker.runUntilIdle();
    expect(await getJob(db, rotation.jobId)).toMatchObject({ status: 'succeeded', progress: { done: 405, total: 405 } });

    const { rows } = await db.query<{ id: string; brand_id: string; secret: Uint8Array }>(`SELECT id, brand_id, secret FROM test_secrets WHERE secret IS NOT NULL`);
    for (const r of rows) {
      const sealed = Buffer.from(r.secret);
      expect(sealedKeyVersion(sealed)).toBe(r.brand_id === brand ? 2 : 1); // the other brand is untouched
      const i = ids.indexOf(r.id);
      expect((await vault.decrypt(db, { brandId: r.brand_id }, r.id, sealed)).toString()).toBe(`secret ${i}`);
    }
    const versions = await keysOf(db, `brand:${brand}`);
    expect(versions.map((v) => [v.version, v.status, v.wrapped === null])).toEqual([
      [1, 'retired', true],
      [2, 'active', false],
    ]);
    const events = await db.query<{ action: string; actor_kind: string }>(`SELECT action, actor_kind FROM audit_events WHERE chain_id = $1 ORDER BY seq`, [brand]);
    expect(events.rows).toEqual([
      { action: 'key.create', actor_kind: 'system' },
      { action: 'key.rotate', actor_kind: 'user' },
      { action: 'key.retire', actor_kind: 'system' },
    ]);
    expect((await verifyChain(db, audit.signingKeys, brand)).ok).toBe(true);
  });

  it('a record that cannot be decrypted stops retirement: the job fails and the old version stays', async () => {
    const db = getDb();
    const { vault, audit } = stack;
    const keys = createKeyService({ db, vault, audit });
    const brand = randomUUID();
    const [good, bad] = [randomUUID(), randomUUID()];
    for (const id of [good, bad]) await db.query(`INSERT INTO test_secrets VALUES ($1, $2, $3)`, [id, brand, await vault.encrypt(db, { brandId: brand }, id, Buffer.from('s'))]);
    await db.query(`UPDATE test_secrets SET secret = (SELECT secret FROM test_secrets WHERE id = $1) WHERE id = $2`, [good, bad]); // moved: AAD fails
    const { jobId } = await keys.rotate(systemPrincipal, { brandId: brand });
    const worker = createWorker({ db, backoffMs: 60_000, handlers: { [REENCRYPT_JOB]: reencryptJobHandler({ db, vault, audit, retireGraceMs: 0 }) } });
    await worker.runUntilIdle();
    expect(await getJob(db, jobId)).toMatchObject({ status: 'queued', attempts: 1, lastError: expect.stringContaining('vault.decrypt_failed') });
    expect((await keysOf(db, `brand:${brand}`)).map((v) => v.status)).toEqual(['decrypt_only', 'active']);
  });

  it('waits out the lookup-cache window after a rotation before retiring', async () => {
    const db = getDb();
    const { vault, audit } = stack;
    const brand = randomUUID();
    await vault.encrypt(db, { brandId: brand }, 'r', Buffer.from('x'));
    const { jobId } = await createKeyService({ db, vault, audit }).rotate(systemPrincipal, { brandId: brand });
    const worker = createWorker({ db, handlers: { [REENCRYPT_JOB]: reencryptJobHandler({ db, vault, audit, retireGraceMs: 800 }) } });
    const started = Date.now();
    await worker.runUntilIdle();
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect(await getJob(db, jobId)).toMatchObject({ status: 'succeeded' });
    expect((await keysOf(db, `brand:${brand}`)).map((v) => v.status)).toEqual(['retired', 'active']);
  });

  it('rotateAll rotates every brand and the system scope; KEK rotation is audited', async () => {
    const db = getDb();
    const keys = createKeyService({ db, vault: stack.vault, audit: stack.audit });
    const brand = randomUUID();
    await stack.vault.encrypt(db, { brandId: brand }, 'r', Buffer.from('x'));
    const results = await keys.rotateAll(systemPrincipal);
    expect(results.map((r) => r.scope)).toEqual(expect.arrayContaining([`brand:${brand}`, 'system']));
    const kek = await keys.rotateKek(systemPrincipal);
    expect(kek.rewrapped).toBeGreaterThan(2);
    const { rows } = await db.query<{ action: string }>(`SELECT action FROM audit_events WHERE chain_id = 'installation' AND action = 'key.rotate_kek'`);
    expect(rows.length).toBeGreaterThanOrEqual(1);
  });

  it('denies key operations outside the role, and the denial is in the trail', async () => {
    const db = getDb();
    const keys = createKeyService({ db, vault: stack.vault, audit: stack.audit });
    const brand = randomUUID();
    const auditor = userPrincipal({ [brand]: 'auditor' });
    await expect(keys.rotate(auditor, { brandId: brand })).rejects.toMatchObject({ code: 'access.forbidden' });
    await expect(keys.destroyBrand(auditor, brand, brand)).rejects.toMatchObject({ code: 'access.forbidden' });
    await expect(keys.rotateKek(userPrincipal({ [brand]: 'supervisor' }))).rejects.toMatchObject({ code: 'access.forbidden' });
    const { rows } = await db.query<{ action: string; outcome: string }>(`SELECT action, outcome FROM audit_events WHERE actor_id = $1 ORDER BY seq`, [auditor.actor.id]);
    expect(rows).toEqual([
      { action: 'key.rotate', outcome: 'denied' },
      { action: 'key.destroy', outcome: 'denied' },
    ]);
  });
});
