import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/types.js';
import type { Vault } from '../vault/index.js';
import { brandScope } from '../vault/scope.js';

export type SecretPurpose = 'blind_index' | 'pseudonym';

/**
 * Sealed secrets already committed, per vault: a row is written once and never changed, so every
 * redaction job need not read it again. Only the ciphertext is kept; each use still unseals it
 * through the vault, so destroying the brand's keys stops its use at once, cache or not.
 */
const committed = new WeakMap<Vault, Map<string, Buffer>>();

/**
 * A brand's secret for keyed hashes (the blind index; the hash operator's pseudonyms), created on
 * first use and sealed by the brand key: destroying the brand's keys makes its index meaningless too.
 */
export async function brandSecret(tx: Queryable, vault: Vault, brandId: string, purpose: SecretPurpose, now: Date): Promise<Buffer> {
  const id = `${brandId}:${purpose}`;
  let known = committed.get(vault);
  if (!known) committed.set(vault, (known = new Map()));
  const cached = known.get(id);
  if (cached) return vault.decrypt(tx, brandScope(brandId), id, cached);
  const read = async () => (await tx.query<{ secret_sealed: Uint8Array }>('SELECT secret_sealed FROM brand_secrets WHERE id = $1', [id])).rows[0];
  let row = await read();
  // Found by the first read: another transaction wrote and committed it (no caller creates and then
  // asks again in one transaction). A secret created below is not cached: a rollback would leave
  // the cache holding a secret no one stored.
  if (row) known.set(id, Buffer.from(row.secret_sealed));
  if (!row) {
    const sealed = await vault.encrypt(tx, brandScope(brandId), id, randomBytes(32));
    await tx.query(
      'INSERT INTO brand_secrets (id, brand_id, purpose, secret_sealed, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING',
      [id, brandId, purpose, sealed, now],
    );
    row = await read(); // another node may have won the race: use its secret
  }
  if (!row) throw new Error('brand secret missing after insert');
  return vault.decrypt(tx, brandScope(brandId), id, Buffer.from(row.secret_sealed));
}
