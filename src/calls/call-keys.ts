import type { Queryable } from '../db/types.js';
import type { Vault } from '../vault/index.js';
import { newRecordKey } from '../vault/record-key.js';
import { brandScope } from '../vault/scope.js';
import { callErrors } from './errors.js';

/**
 * A call's own data keys (vault/record-key.ts), sealed by the brand key: 'content' for the redacted
 * call, 'original' for the original while the policy keeps it. Deleting a row crypto-shreds what
 * that key sealed, in backups too.
 */
export type CallKeyPurpose = 'content' | 'original';

const keyId = (callId: string, purpose: CallKeyPurpose) => `${callId}:${purpose}`;

/** Seals and stores `key` (default: a new random one) as the call's key for `purpose`. */
export async function createCallKey(tx: Queryable, vault: Vault, brandId: string, callId: string, purpose: CallKeyPurpose, key: Buffer = newRecordKey()): Promise<Buffer> {
  const sealed = await vault.encrypt(tx, brandScope(brandId), keyId(callId, purpose), key);
  await tx.query('INSERT INTO call_keys (id, call_id, brand_id, purpose, key_sealed) VALUES ($1, $2, $3, $4, $5)', [keyId(callId, purpose), callId, brandId, purpose, sealed]);
  return key;
}

/** The unsealed key; throws calls.original_not_kept when an original's key was purged. */
export async function openCallKey(q: Queryable, vault: Vault, brandId: string, callId: string, purpose: CallKeyPurpose): Promise<Buffer> {
  const { rows } = await q.query<{ key_sealed: Uint8Array }>('SELECT key_sealed FROM call_keys WHERE id = $1 AND brand_id = $2', [keyId(callId, purpose), brandId]);
  const row = rows[0];
  if (!row) throw purpose === 'original' ? callErrors.original_not_kept() : callErrors.not_found();
  return vault.decrypt(q, brandScope(brandId), keyId(callId, purpose), Buffer.from(row.key_sealed));
}

/** The slot a sealed piece is bound to, so it cannot be moved to another call or kind. */
export const contentPurpose = (callId: string, kind: string) => `call:${callId}:${kind}`;
