import { brandsAllowed, isAllowed, isUuid, type Principal } from '../access/index.js';
import { eventContext, recordAlone, type ChainedAuditLog } from '../audit/index.js';
import type { Db, Queryable } from '../db/types.js';
import type { ObjectStore } from '../storage/index.js';
import type { Vault } from '../vault/index.js';
import { vendorErrors } from './errors.js';
import { findVendor, type VendorRecord } from './vendors-data.js';

export interface VendorDeps {
  db: Db;
  vault: Vault;
  audit: ChainedAuditLog;
  /** Where evidence files are kept, sealed. */
  store: ObjectStore;
  now?: () => Date;
}

type Details = Record<string, string | number | boolean | null>;

/** What the parts of the vendor service share: who sees which vendor, loading, and audit events. */
export interface VendorContext extends Required<VendorDeps> {
  /** Brands whose vendors the principal may read (null: all vendors, including those touching no brand). */
  readableBrands(p: Principal): string[] | null;
  canSee(p: Principal, v: VendorRecord): boolean;
  /** Vendors are installation-wide: changing one takes vendor.manage on every brand it touches (security admins hold it everywhere). */
  canManage(p: Principal, brandIds: readonly string[]): boolean;
  /** Loads a vendor the principal may act on: unseen vendors look not found; seen but not manageable ones are forbidden. Denials are audited. */
  load(p: Principal, id: string, need: 'read' | 'manage', verb: string, q?: Queryable): Promise<VendorRecord>;
  /** Appends the event to each touched brand's chain (in brand order), or the installation chain. */
  record(tx: Queryable, p: Principal, v: { id: string; brands: readonly { brandId: string }[] }, action: string, details?: Details): Promise<void>;
  deny(p: Principal, verb: string, brandId: string | null, target?: { type: string; id: string }): Promise<void>;
}

export const actorRef = (p: Principal): string => `${p.actor.kind}:${p.actor.id}`;

export function createVendorContext(deps: VendorDeps): VendorContext {
  const { db, audit } = deps;
  const now = deps.now ?? (() => new Date());
  const readableBrands = (p: Principal) => brandsAllowed(p, 'vendor.read');
  const canSee = (p: Principal, v: VendorRecord) => {
    const brands = readableBrands(p);
    return brands === null || v.brands.some((b) => brands.includes(b.brandId));
  };
  const canManage = (p: Principal, brandIds: readonly string[]) =>
    isAllowed(p, 'vendor.manage', null) || (brandIds.length > 0 && brandIds.every((b) => isAllowed(p, 'vendor.manage', b)));
  const deny = async (p: Principal, verb: string, brandId: string | null, target?: { type: string; id: string }) =>
    recordAlone({ db, audit }, { ...eventContext(p), action: verb, brandId, outcome: 'denied', ...(target && { target }) });

  return {
    ...deps,
    now,
    readableBrands,
    canSee,
    canManage,
    deny,
    async load(p, id, need, verb, q = db) {
      const v = isUuid(id) ? await findVendor(q, id) : null;
      if (!v) throw vendorErrors.not_found();
      const target = { type: 'vendor', id };
      const brandId = v.brands[0]?.brandId ?? null;
      if (!canSee(p, v)) {
        await deny(p, verb, brandId, target);
        throw vendorErrors.not_found();
      }
      if (need === 'manage' && !canManage(p, v.brands.map((b) => b.brandId))) {
        await deny(p, verb, brandId, target);
        throw vendorErrors.forbidden();
      }
      return v;
    },
    async record(tx, p, v, action, details = {}) {
      const brands = v.brands.length > 0 ? [...new Set(v.brands.map((b) => b.brandId))].sort() : [null];
      for (const brandId of brands) await audit.append(tx, { ...eventContext(p), action, brandId, outcome: 'success', target: { type: 'vendor', id: v.id }, details });
    },
  };
}
