import type { Principal } from '../access/principal.js';
import { authorize, eventContext, recordAlone } from '../audit/authorize.js';
import type { AuditLog } from '../audit/types.js';
import type { Db } from '../db/types.js';
import { enqueueJob } from '../jobs/queue.js';
import { vaultErrors } from './errors.js';
import * as store from './key-store.js';
import { REENCRYPT_JOB } from './reencrypt.js';
import { parseScopeKey, paymentScope, scopeKey, SYSTEM_SCOPE } from './scope.js';
import type { KeyScope } from './types.js';
import type { VaultService } from './vault.js';

export interface KeyVersionView {
  scope: string;
  version: number;
  status: store.KeyStatus;
  kekId: string;
  createdAt: Date;
  retiredAt: Date | null;
}

export interface RotationResult {
  scope: string;
  version: number;
  /** The background re-encryption job moving older records to the new version. */
  jobId: number;
}

/** Key operations for people and the CLI: permission first, every operation audited. */
export interface KeyService {
  rotate(principal: Principal, scope: KeyScope): Promise<RotationResult>;
  /** Rotates every scope that has keys (each brand and the system scope). */
  rotateAll(principal: Principal): Promise<RotationResult[]>;
  rotateKek(principal: Principal): Promise<{ kekId: string; rewrapped: number }>;
  /** Crypto-shredding of a brand: `confirmBrandId` must repeat the brand id. */
  destroyBrand(principal: Principal, brandId: string, confirmBrandId: string): Promise<{ versions: number }>;
  status(principal: Principal, brandId?: string): Promise<KeyVersionView[]>;
}

const brandOf = (scope: KeyScope): string | null => ('brandId' in scope ? scope.brandId : null);

export function createKeyService(deps: { db: Db; vault: VaultService; audit: AuditLog }): KeyService {
  const { db, vault, audit } = deps;

  const service: KeyService = {
    async rotate(principal, scope) {
      const s = scopeKey(scope);
      await authorize(deps, principal, 'key.rotate', brandOf(scope), { action: 'key.rotate', target: { type: 'data_key', id: s } });
      return db.transaction(async (tx) => {
        const version = await vault.rotateDataKey(tx, scope);
        const jobId = await enqueueJob(tx, REENCRYPT_JOB, { scope: s }, { dedupeKey: `${REENCRYPT_JOB}:${s}` });
        await audit.append(tx, {
          ...eventContext(principal),
          action: 'key.rotate',
          brandId: brandOf(scope),
          target: { type: 'data_key', id: s },
          outcome: 'success',
          details: { version, jobId },
        });
        return { scope: s, version, jobId };
      });
    },
    async rotateAll(principal) {
      await authorize(deps, principal, 'key.rotate', null, { action: 'key.rotate' });
      const scopes = await store.scopesWithKeys(db);
      const results: RotationResult[] = [];
      for (const s of scopes.includes(SYSTEM_SCOPE) ? scopes : [...scopes, SYSTEM_SCOPE]) {
        results.push(await service.rotate(principal, parseScopeKey(s)));
      }
      return results;
    },
    async rotateKek(principal) {
      await authorize(deps, principal, 'key.rotate', null, { action: 'key.rotate_kek' });
      try {
        const result = await vault.rotateKek(db);
        await recordAlone(deps, {
          ...eventContext(principal),
          action: 'key.rotate_kek',
          brandId: null,
          target: { type: 'kek', id: result.kekId },
          outcome: 'success',
          details: { rewrapped: result.rewrapped },
        });
        return result;
      } catch (err) {
        await recordAlone(deps, { ...eventContext(principal), action: 'key.rotate_kek', brandId: null, outcome: 'failure' });
        throw err;
      }
    },
    async destroyBrand(principal, brandId, confirmBrandId) {
      const scope = { brandId };
      const s = scopeKey(scope);
      await authorize(deps, principal, 'key.destroy', brandId, { action: 'key.destroy', target: { type: 'data_key', id: s } });
      if (confirmBrandId !== brandId) throw vaultErrors.confirmation_required();
      const versions = await db.transaction(async (tx) => {
        // The payment key goes with the brand: a destroyed brand leaves no readable card token.
        const n = (await vault.destroyScope(tx, scope)) + (await vault.destroyScope(tx, paymentScope(brandId)));
        await audit.append(tx, {
          ...eventContext(principal),
          action: 'key.destroy',
          brandId,
          target: { type: 'data_key', id: s },
          outcome: 'success',
          details: { versions: n },
        });
        return n;
      });
      // After commit: the KMS-side secret goes too, so database backups holding the wrapped keys
      // cannot be unwrapped either. Re-running the command finishes this step if it failed.
      await vault.shredKeyMaterial(scope);
      await vault.shredKeyMaterial(paymentScope(brandId));
      return { versions };
    },
    async status(principal, brandId) {
      await authorize(deps, principal, 'key.rotate', brandId ?? null, { action: 'key.status' });
      const rows = brandId ? [...(await store.keysOf(db, scopeKey({ brandId }))), ...(await store.keysOf(db, scopeKey(paymentScope(brandId))))] : await store.keysOf(db);
      await recordAlone(deps, { ...eventContext(principal), action: 'key.status', brandId: brandId ?? null, outcome: 'success', details: { versions: rows.length } });
      return rows.map((r) => ({ scope: r.scope, version: r.version, status: r.status, kekId: r.kek_id, createdAt: r.created_at, retiredAt: r.retired_at }));
    },
  };
  return service;
}
