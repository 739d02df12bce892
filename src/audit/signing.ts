import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, sign, verify, type KeyObject } from 'node:crypto';
import type { Queryable } from '../db/types.js';
import type { VaultService } from '../vault/vault.js';

/**
 * Ed25519 keys that sign audit checkpoints. The private key exists in the database only sealed by
 * the vault (system scope), so whoever can write the database cannot forge a checkpoint without
 * also holding the key-encryption key.
 */
export interface SigningKeys {
  /** The current signing key (created on first use). */
  current(tx: Queryable): Promise<{ id: string; privateKey: KeyObject }>;
  /** Public key by id, checked against its sealed private key (a swapped public key is caught). */
  publicKey(tx: Queryable, id: string): Promise<KeyObject | undefined>;
}

const SYSTEM = { system: true } as const;

export function createSigningKeys(vault: VaultService, ttlMs = 60_000, now = Date.now): SigningKeys {
  const cache = new Map<string, { privateKey: KeyObject; publicKey: KeyObject; expires: number }>();

  async function load(tx: Queryable, row: KeyRow): Promise<{ privateKey: KeyObject; publicKey: KeyObject }> {
    const hit = cache.get(row.id);
    if (hit && hit.expires > now()) return hit;
    const der = await vault.decrypt(tx, SYSTEM, row.id, Buffer.from(row.sealed_private_key));
    const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    der.fill(0);
    const entry = { privateKey, publicKey: createPublicKey(privateKey), expires: now() + ttlMs };
    cache.set(row.id, entry);
    return entry;
  }

  return {
    async current(tx) {
      let row = await currentRow(tx);
      if (!row) {
        const id = randomUUID();
        const { privateKey, publicKey } = generateKeyPairSync('ed25519');
        const der = privateKey.export({ format: 'der', type: 'pkcs8' });
        const sealed = await vault.encrypt(tx, SYSTEM, id, der);
        der.fill(0);
        await tx.query(
          `INSERT INTO audit_signing_keys (id, public_key, sealed_private_key) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
          [id, publicKey.export({ format: 'der', type: 'spki' }), sealed],
        );
        row = await currentRow(tx);
        if (!row) throw new Error('audit signing key could not be created');
      }
      return { id: row.id, privateKey: (await load(tx, row)).privateKey };
    },
    async publicKey(tx, id) {
      const { rows } = await tx.query<KeyRow>(`SELECT id, public_key, sealed_private_key FROM audit_signing_keys WHERE id = $1`, [id]);
      const row = rows[0];
      if (!row) return undefined;
      const stored = createPublicKey({ key: Buffer.from(row.public_key), format: 'der', type: 'spki' });
      const derived = (await load(tx, row)).publicKey;
      const a = stored.export({ format: 'der', type: 'spki' });
      const b = derived.export({ format: 'der', type: 'spki' });
      return a.equals(b) ? stored : undefined;
    },
  };
}

interface KeyRow {
  id: string;
  public_key: Uint8Array;
  sealed_private_key: Uint8Array;
}

async function currentRow(tx: Queryable): Promise<KeyRow | undefined> {
  const { rows } = await tx.query<KeyRow>(
    `SELECT id, public_key, sealed_private_key FROM audit_signing_keys WHERE retired_at IS NULL`,
  );
  return rows[0];
}

export function signBytes(privateKey: KeyObject, bytes: Buffer): Buffer {
  return sign(null, bytes, privateKey);
}

export function verifyBytes(publicKey: KeyObject, bytes: Buffer, signature: Buffer): boolean {
  try {
    return verify(null, bytes, publicKey, signature);
  } catch {
    return false;
  }
}
