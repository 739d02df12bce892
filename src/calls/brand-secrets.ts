import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/types.js';
import type { Vault } from '../vault/index.js';
import { brandScope } from '../vault/scope.js';

export type SecretPurpose = 'blind_index' | 'pseudonym';

/**
 * A brand's secret for keyed hashes (the blind index; the hash operator's pseudonyms), created on
 * first use and sealed by the brand key: destroying the brand's keys makes its index meaningless too.
 */
export async function brandSecret(tx: Queryable, vault: Vault, brandId: string, purpose: SecretPurpose, now: Date): Promise<Buffer> {
  const id = `${brandId}:${purpose}`;
  const read = async () => (await tx.query<{ secret_sealed: Uint8Array }>('SELECT secret_sealed FROM brand_secrets WHERE id = $1', [id])).rows[0];
  let row = await read();
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
