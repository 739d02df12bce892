import type { Principal } from '../access/index.js';
import { createVendorContext, type VendorDeps } from './context.js';
import { createEvidenceFiles, type EvidenceFiles } from './evidence.js';
import { createVendorRegistry, type VendorRegistry } from './registry.js';
import { createReviewCheck, type ReviewCheck } from './review-check.js';
import { createVendorRevoker } from './revoke.js';
import type { RevokeResult } from './types.js';

/** The vendor registry (vendor.read to read, vendor.manage to change), evidence files, review alerts and revocation. */
export interface VendorService extends VendorRegistry, EvidenceFiles, ReviewCheck {
  /** Every linked API key revoked, every linked user suspended, the vendor revoked: one transaction, audited. */
  revoke(p: Principal, vendorId: string): Promise<RevokeResult>;
}

export function createVendorService(deps: VendorDeps): VendorService {
  const ctx = createVendorContext(deps);
  return { ...createVendorRegistry(ctx), ...createEvidenceFiles(ctx), ...createReviewCheck(ctx), revoke: createVendorRevoker(ctx) };
}
