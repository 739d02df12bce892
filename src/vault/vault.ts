import { createHash, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import type { AuditLog } from '../audit/types.js';
import type { Db, Queryable } from '../db/types.js';
import { open, seal, sealedKeyVersion } from './ciphertext.js';
import { vaultErrors } from './errors.js';
import * as store from './key-store.js';
import type { LocalKms } from './local-kms.js';
import { parseScopeKey, scopeKey } from './scope.js';
import type { KeyScope, Kms, Vault } from './types.js';

export interface VaultOptions {
  kms: Kms | LocalKms;
  /** How long an unwrapped data key stays in memory (default 60 s); 0 disables the cache. */
  cacheTtlMs?: number;
  /**
   * How long a key row (which version is active, which versions exist) is trusted without asking
   * the database again (default 5 s). Another server's rotation or destruction reaches this one
   * within this delay; re-encryption waits longer than this before retiring a version.
   */
  lookupTtlMs?: number;
  now?: () => number;
}

/** Default delay a background re-encryption waits after a rotation before it retires old versions. */
export const RETIRE_GRACE_MS = 30_000;

/** The vault plus the key-lifecycle operations the key service and the re-encryption job use. */
export interface VaultService extends Vault {
  readonly kms: Kms;
  /** Creates version n+1 for new writes; older versions stay readable (decrypt-only). */
  rotateDataKey(tx: Queryable, scope: KeyScope): Promise<number>;
  /** Re-wraps every data key under a new KEK (records untouched). Local KMS only. */
  rotateKek(db: Db): Promise<{ kekId: string; rewrapped: number }>;
  /** Crypto-shredding: deletes the scope's keys in `tx`; call `shredKeyMaterial` after commit. */
  destroyScope(tx: Queryable, scope: KeyScope): Promise<number>;
  /** Deletes the KMS-side material of a destroyed scope, so database backups cannot unwrap it either. */
  shredKeyMaterial(scope: KeyScope): Promise<void>;
  /** Active version of a scope (creating version 1 if none), without sealing anything. */
  activeVersion(tx: Queryable, scope: KeyScope): Promise<number>;
  /** Forgets every unwrapped key held in memory. */
  clearCache(): void;
  /**
   * Where the creation of a brand's first data key is recorded (`key.create`, in the transaction
   * that needed it). createAuditLog calls this itself. System-scope keys are not recorded here:
   * the audit log's own signing key is sealed under that scope, inside an append.
   */
  recordKeyEventsIn(audit: AuditLog): void;
}

/**
 * Envelope encryption: one AES-256-GCM data key per scope and version, stored wrapped by the KMS,
 * unwrapped on demand and kept in memory only briefly, as a KeyObject (it prints no bytes if logged).
 */
export function createVault(opts: VaultOptions): VaultService {
  const kms = opts.kms;
  const ttl = opts.cacheTtlMs ?? 60_000;
  const lookupTtl = opts.lookupTtlMs ?? 5_000;
  const now = opts.now ?? Date.now;
  const cache = new Map<string, { key: KeyObject; expires: number }>();
  const rows = new Map<string, { row: store.DataKeyRow; expires: number }>();
  let keyAudit: AuditLog | undefined;
  const forget = (scope: string): void => {
    for (const m of [cache, rows]) for (const id of [...m.keys()]) if (id.startsWith(`${scope}#`)) m.delete(id);
  };
  const remember = (id: string, row: store.DataKeyRow): store.DataKeyRow => {
    if (lookupTtl > 0) rows.set(id, { row, expires: now() + lookupTtl });
    return row;
  };
  const recalled = (id: string): store.DataKeyRow | undefined => {
    const hit = rows.get(id);
    return hit && hit.expires > now() ? hit.row : undefined;
  };

  async function unwrapCached(row: store.DataKeyRow): Promise<KeyObject> {
    if (!row.wrapped) throw vaultErrors.key_retired();
    // The wrapped bytes' fingerprint is part of the id, so a re-wrapped or recreated key never hits.
    const id = `${row.scope}#${row.version}#${createHash('sha256').update(row.wrapped).digest('hex').slice(0, 32)}`;
    const hit = cache.get(id);
    if (hit && hit.expires > now()) return hit.key;
    const raw = await kms.unwrap(row.wrapped, row.scope);
    const key = createSecretKey(raw);
    raw.fill(0);
    if (ttl > 0) cache.set(id, { key, expires: now() + ttl });
    return key;
  }

  async function newWrappedKey(scope: string): Promise<Buffer> {
    const raw = randomBytes(32);
    try {
      return await kms.wrap(raw, scope);
    } finally {
      raw.fill(0);
    }
  }

  async function active(tx: Queryable, scope: string, fresh = false): Promise<store.DataKeyRow> {
    const cached = fresh ? undefined : recalled(`${scope}#active`);
    if (cached) return cached;
    for (let attempt = 0; attempt < 3; attempt++) {
      const row = await store.activeKey(tx, scope);
      if (row) return remember(`${scope}#active`, row);
      // No active row: a first write (create version 1) or a rotation committed while we waited.
      if (await store.isDestroyed(tx, scope)) throw vaultErrors.key_destroyed();
      if ((await store.keysOf(tx, scope)).length === 0 && (await store.insertFirstKey(tx, scope, kms.kekId, await newWrappedKey(scope)))) {
        const parsed = parseScopeKey(scope);
        if ('brandId' in parsed && keyAudit) {
          await keyAudit.append(tx, {
            actor: { kind: 'system', id: 'vault' },
            action: 'key.create',
            brandId: parsed.brandId,
            target: { type: 'data_key', id: scope },
            outcome: 'success',
            details: { version: 1, kekId: kms.kekId },
          });
        }
      }
    }
    throw vaultErrors.key_unknown();
  }

  return {
    kms,
    async encrypt(tx, scope, recordId, plaintext) {
      const s = scopeKey(scope);
      const row = await active(tx, s);
      return seal(await unwrapCached(row), row.version, s, recordId, plaintext);
    },
    async decrypt(tx, scope, recordId, sealed) {
      const s = scopeKey(scope);
      const bytes = Buffer.from(sealed);
      const version = sealedKeyVersion(bytes);
      const row = recalled(`${s}#v${version}`) ?? (await store.keyVersion(tx, s, version));
      if (row) remember(`${s}#v${version}`, row);
      if (!row) throw (await store.isDestroyed(tx, s)) ? vaultErrors.key_destroyed() : vaultErrors.key_unknown();
      return open(await unwrapCached(row), s, recordId, bytes);
    },
    async activeVersion(tx, scope) {
      return (await active(tx, scopeKey(scope), true)).version;
    },
    async rotateDataKey(tx, scope) {
      const s = scopeKey(scope);
      await active(tx, s, true); // a scope with no key yet gets version 1 first, so rotation yields 2
      forget(s);
      return store.addVersion(tx, s, kms.kekId, await newWrappedKey(s));
    },
    async rotateKek(db) {
      const local = kms as Partial<LocalKms>;
      if (!local.beginKekRotation || !local.completeKekRotation) throw vaultErrors.kek_rotation_unsupported('this KMS rotates its keys itself');
      const kekId = await local.beginKekRotation();
      const rewrapped = await db.transaction(async (tx) => {
        await tx.query('LOCK TABLE vault_data_keys IN SHARE ROW EXCLUSIVE MODE');
        let count = 0;
        for (const row of await store.keysOf(tx)) {
          if (!row.wrapped || row.kek_id === kekId) continue;
          const raw = await kms.unwrap(row.wrapped, row.scope);
          try {
            await store.rewrap(tx, row.scope, row.version, kekId, await kms.wrap(raw, row.scope));
          } finally {
            raw.fill(0);
          }
          count++;
        }
        return count;
      });
      await local.completeKekRotation();
      cache.clear();
      rows.clear();
      return { kekId, rewrapped };
    },
    async destroyScope(tx, scope) {
      const s = scopeKey(scope);
      if ('system' in scope) throw vaultErrors.invalid_scope('the system scope cannot be destroyed');
      forget(s);
      return store.destroyScopeKeys(tx, s);
    },
    async shredKeyMaterial(scope) {
      const s = scopeKey(scope);
      forget(s);
      const local = kms as Partial<LocalKms>;
      await local.destroyContext?.(s);
    },
    clearCache() {
      cache.clear();
      rows.clear();
    },
    recordKeyEventsIn(audit) {
      keyAudit = audit;
    },
  };
}
