import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { makeStack, systemPrincipal } from '../audit/audit.test-helpers.js';
import type { Db } from '../db/types.js';
import { forEachDatabase } from '../testing/databases.js';
import { createKeyService } from './key-service.js';
import { openLocalKms } from './local-kms.js';
import { createVault, type VaultService } from './vault.js';

/**
 * Crypto-shredding (destroying a brand's keys makes all its data unreadable, backups included) and
 * associated-data binding (a ciphertext moved to another record or brand does not decrypt).
 */
forEachDatabase('vault security', (getDb) => {
  let stack: Awaited<ReturnType<typeof makeStack>>;
  beforeAll(async () => {
    stack = await makeStack();
    await getDb().exec(`CREATE TABLE IF NOT EXISTS test_notes (id UUID PRIMARY KEY, brand_id UUID NOT NULL, body BYTEA NOT NULL)`);
  });

  async function note(db: Db, vault: VaultService, brandId: string, text: string): Promise<string> {
    const id = randomUUID();
    await db.query(`INSERT INTO test_notes (id, brand_id, body) VALUES ($1, $2, $3)`, [id, brandId, await vault.encrypt(db, { brandId }, id, Buffer.from(text))]);
    return id;
  }
  async function read(db: Db, vault: VaultService, id: string): Promise<string> {
    const { rows } = await db.query<{ brand_id: string; body: Uint8Array }>(`SELECT brand_id, body FROM test_notes WHERE id = $1`, [id]);
    const row = rows[0];
    if (!row) throw new Error('no such note');
    return (await vault.decrypt(db, { brandId: row.brand_id }, id, Buffer.from(row.body))).toString();
  }

  it('destroying a brand makes its data unreadable, even from a database backup taken before', async () => {
    const db = getDb();
    const { vault, audit, keysDir } = stack;
    const keys = createKeyService({ db, vault, audit });
    const [doomed, kept] = [randomUUID(), randomUUID()];
    const doomedNotes = [await note(db, vault, doomed, 'customer said 4111 1111 1111 1111'), await note(db, vault, doomed, 'second call')];
    await db.transaction((tx) => vault.rotateDataKey(tx, { brandId: doomed })); // two key versions to destroy
    doomedNotes.push(await note(db, vault, doomed, 'after rotation'));
    const keptNote = await note(db, vault, kept, 'other brand');

    // "Backup": the brand's key rows and records as a dump would hold them.
    const backup = (await db.query(`SELECT scope, version, status, kek_id, wrapped FROM vault_data_keys WHERE scope = $1`, [`brand:${doomed}`])).rows;
    expect(backup).toHaveLength(2);

    await expect(keys.destroyBrand(systemPrincipal, doomed, 'not-the-id')).rejects.toMatchObject({ code: 'vault.confirmation_required' });
    expect(await read(db, vault, doomedNotes[0] as string)).toContain('4111');
    expect(await keys.destroyBrand(systemPrincipal, doomed, doomed)).toEqual({ versions: 2 });

    for (const id of doomedNotes) await expect(read(db, vault, id)).rejects.toMatchObject({ code: 'vault.key_destroyed' });
    await expect(vault.encrypt(db, { brandId: doomed }, randomUUID(), Buffer.from('new'))).rejects.toMatchObject({ code: 'vault.key_destroyed' });
    expect(await read(db, vault, keptNote)).toBe('other brand');

    // Restore the backup into the live database, and read it from a freshly started server
    // holding the same KEK: the wrapped keys are back, but nothing can unwrap them.
    await db.query(`DELETE FROM vault_destroyed_scopes WHERE scope = $1`, [`brand:${doomed}`]);
    for (const r of backup) {
      await db.query(`INSERT INTO vault_data_keys (scope, version, status, kek_id, wrapped) VALUES ($1, $2, $3, $4, $5)`, [r.scope, r.version, r.status, r.kek_id, r.wrapped]);
    }
    const restarted = createVault({ kms: await openLocalKms({ keysDir }) });
    for (const id of doomedNotes) await expect(read(db, restarted, id)).rejects.toMatchObject({ code: 'vault.scope_key_missing' });
    expect(await read(db, restarted, keptNote)).toBe('other brand');

    const { rows } = await db.query<{ action: string; outcome: string }>(`SELECT action, outcome FROM audit_events WHERE brand_id = $1 ORDER BY seq`, [doomed]);
    expect(rows).toEqual([
      { action: 'key.create', outcome: 'success' },
      { action: 'key.destroy', outcome: 'success' },
    ]);
  });

  it('a ciphertext moved to another record does not decrypt there', async () => {
    const db = getDb();
    const brand = randomUUID();
    const [a, b] = [await note(db, stack.vault, brand, 'note A'), await note(db, stack.vault, brand, 'note B')];
    await db.query(`UPDATE test_notes SET body = (SELECT body FROM test_notes WHERE id = $1) WHERE id = $2`, [a, b]);
    expect(await read(db, stack.vault, a)).toBe('note A');
    await expect(read(db, stack.vault, b)).rejects.toMatchObject({ code: 'vault.decrypt_failed' });
  });

  it('a ciphertext moved to another brand does not decrypt there', async () => {
    const db = getDb();
    const [brandA, brandB] = [randomUUID(), randomUUID()];
    const id = await note(db, stack.vault, brandA, 'belongs to A');
    await note(db, stack.vault, brandB, 'B has a version 1 key too');
    await db.query(`UPDATE test_notes SET brand_id = $2 WHERE id = $1`, [id, brandB]);
    await expect(read(db, stack.vault, id)).rejects.toMatchObject({ code: 'vault.decrypt_failed' });
  });

  it('a flipped bit, a cut tag or a relabelled key version is rejected', async () => {
    const db = getDb();
    const brand = { brandId: randomUUID() };
    const sealed = await stack.vault.encrypt(db, brand, 'r', Buffer.from('some sensitive bytes'));
    await db.transaction((tx) => stack.vault.rotateDataKey(tx, brand));
    const flipped = Buffer.from(sealed);
    flipped[20] = (flipped[20] ?? 0) ^ 0x01;
    const relabelled = Buffer.from(sealed);
    relabelled.writeUInt32BE(2, 1);
    for (const bad of [flipped, sealed.subarray(0, sealed.length - 1), relabelled]) {
      await expect(stack.vault.decrypt(db, brand, 'r', bad)).rejects.toMatchObject({ code: 'vault.decrypt_failed' });
    }
  });

  it('unwrapped keys are not printable: the cache holds KeyObjects, the database only wrapped bytes', async () => {
    const db = getDb();
    const brand = { brandId: randomUUID() };
    await stack.vault.encrypt(db, brand, 'r', Buffer.from('x'));
    const { rows } = await db.query<{ wrapped: Uint8Array }>(`SELECT wrapped FROM vault_data_keys WHERE scope = $1`, [`brand:${brand.brandId}`]);
    expect(Buffer.from(rows[0]?.wrapped ?? []).length).toBe(1 + 8 + 12 + 32 + 16);
    expect(JSON.stringify(stack.vault)).not.toMatch(/[A-Za-z0-9+/]{40,}/);
  });
});
