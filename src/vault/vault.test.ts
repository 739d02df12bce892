import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDatabase } from '../testing/databases.js';
import { makeStack } from '../audit/audit.test-helpers.js';
import { createVault } from './vault.js';
import { sealedKeyVersion } from './ciphertext.js';
import { openLocalKms } from './local-kms.js';
import { parseScopeKey, paymentScope } from './scope.js';

forEachDatabase('vault', (getDb) => {
  // One key folder per database, as in an installation: every test's keys live under one KEK.
  let stack: Awaited<ReturnType<typeof makeStack>>;
  beforeAll(async () => {
    stack = await makeStack();
  });
  it('seals and opens per brand, recording the key version', async () => {
    const db = getDb();
    const { vault } = stack;
    const brand = { brandId: randomUUID() };
    const sealed = await vault.encrypt(db, brand, 'rec-1', Buffer.from('card holder note'));
    expect(sealedKeyVersion(sealed)).toBe(1);
    expect(sealed.includes(Buffer.from('card holder'))).toBe(false);
    expect((await vault.decrypt(db, brand, 'rec-1', sealed)).toString()).toBe('card holder note');
  });

  it("keeps a brand's payment key apart from its data key: a card sealed with one does not open with the other", async () => {
    const db = getDb();
    const { vault } = stack;
    const brandId = randomUUID();
    const card = await vault.encrypt(db, paymentScope(brandId), 'tok_1', Buffer.from('4242424242424242'));
    expect((await vault.decrypt(db, paymentScope(brandId), 'tok_1', card)).toString()).toBe('4242424242424242');
    await expect(vault.decrypt(db, { brandId }, 'tok_1', card)).rejects.toThrow();
    const scopes = (await db.query<{ scope: string }>('SELECT scope FROM vault_data_keys WHERE scope LIKE $1', [`%${brandId}`])).rows.map((r) => r.scope);
    expect(scopes).toEqual([`payment:${brandId}`]);
    expect(parseScopeKey(`payment:${brandId}`)).toEqual(paymentScope(brandId));
  });

  it('keeps old versions readable after a rotation and seals new writes with the new one', async () => {
    const db = getDb();
    const { vault } = stack;
    const brand = { brandId: randomUUID() };
    const old = await vault.encrypt(db, brand, 'r', Buffer.from('v1 data'));
    const version = await db.transaction((tx) => vault.rotateDataKey(tx, brand));
    expect(version).toBe(2);
    const fresh = await vault.encrypt(db, brand, 'r', Buffer.from('v2 data'));
    expect(sealedKeyVersion(fresh)).toBe(2);
    expect((await vault.decrypt(db, brand, 'r', old)).toString()).toBe('v1 data');
  });

  it('a second vault instance (another server) reads what the first sealed', async () => {
    const db = getDb();
    const { vault, keysDir } = stack;
    const sys = { system: true } as const;
    const sealed = await vault.encrypt(db, sys, 'mfa-1', Buffer.from('JBSWY3DPEHPK3PXP'));
    const other = createVault({ kms: await openLocalKms({ keysDir }) });
    expect((await other.decrypt(db, sys, 'mfa-1', sealed)).toString()).toBe('JBSWY3DPEHPK3PXP');
  });

  it('rotating the KEK re-wraps data keys and leaves records untouched', async () => {
    const db = getDb();
    const { vault, kms, keysDir } = stack;
    const brand = { brandId: randomUUID() };
    const sealed = await vault.encrypt(db, brand, 'r', Buffer.from('before kek rotation'));
    const oldKek = kms.kekId;
    const { kekId, rewrapped } = await vault.rotateKek(db);
    expect(kekId).not.toBe(oldKek);
    expect(rewrapped).toBeGreaterThanOrEqual(1);
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM vault_data_keys WHERE kek_id = $1`, [oldKek]);
    expect(rows[0]?.n).toBe(0);
    // A fresh process reading the key folder after the rotation still decrypts the old record.
    const restarted = createVault({ kms: await openLocalKms({ keysDir }) });
    expect(restarted.kms.kekId).toBe(kekId);
    expect((await restarted.decrypt(db, brand, 'r', sealed)).toString()).toBe('before kek rotation');
  });

  it('refuses a ciphertext that is not ours', async () => {
    const db = getDb();
    const { vault } = stack;
    await expect(vault.decrypt(db, { brandId: randomUUID() }, 'r', Buffer.from('plain text value here, not sealed'))).rejects.toMatchObject({
      code: 'vault.invalid_ciphertext',
    });
  });
});

describe('vault scopes', () => {
  it('rejects brand ids that could be confused with another scope', async () => {
    const { vault } = await makeStack();
    await expect(vault.encrypt({} as never, { brandId: 'a:b' }, 'r', Buffer.from('x'))).rejects.toMatchObject({ code: 'vault.invalid_scope' });
  });
});
