import type { Queryable } from '../db/types.js';
import { certificationState } from './records-data.js';

/** What the compliance report shows about a brand's vendors (PCI DSS 12.8, ISO 27001:2022 A.5.19–A.5.22): counts, dates and ids only. */
export interface VendorEvidence {
  brandId: string;
  asOf: string;
  /** Active vendors touching the brand's data. */
  vendors: number;
  revokedVendors: number;
  reviewedOnTime: number;
  overdue: number;
  overdueVendorIds: string[];
  /** Active vendors never reviewed (their first review may not be due yet). */
  neverReviewed: number;
  lastReviewAt: string | null;
  certifications: { valid: number; expiring: number; expired: number };
  expiredCertificationIds: string[];
  /** Active vendors with no certification currently valid (expiring counts as valid). */
  vendorsWithoutValidCertification: string[];
}

const iso = (v: unknown): string => new Date(v as string | Date).toISOString();
const day = (v: unknown): string => (typeof v === 'string' ? v.slice(0, 10) : (v as Date).toISOString().slice(0, 10));

/** The brand's vendor evidence at `now`, read in one pass (no audit: it holds no personal data). */
export async function vendorEvidence(q: Queryable, brandId: string, now: Date): Promise<VendorEvidence> {
  const { rows: vendors } = await q.query<{ id: string; status: string; next_review_at: Date; last_reviewed_at: Date | null }>(
    `SELECT v.id, v.status, v.next_review_at, v.last_reviewed_at FROM vendors v JOIN vendor_brands b ON b.vendor_id = v.id WHERE b.brand_id = $1 ORDER BY v.id`,
    [brandId],
  );
  const active = vendors.filter((v) => v.status === 'active');
  const overdue = active.filter((v) => new Date(v.next_review_at) <= now).map((v) => v.id);
  const reviews = active.map((v) => v.last_reviewed_at).filter((d): d is Date => d !== null).map((d) => iso(d)).sort();
  const { rows: certs } = await q.query<{ id: string; vendor_id: string; expires_on: Date | string }>(
    'SELECT id, vendor_id, expires_on FROM vendor_certifications WHERE vendor_id = ANY($1::uuid[]) ORDER BY id',
    [active.map((v) => v.id)],
  );
  const counts = { valid: 0, expiring: 0, expired: 0 };
  const expired: string[] = [];
  const certified = new Set<string>();
  for (const c of certs) {
    const state = certificationState(day(c.expires_on), now);
    counts[state]++;
    if (state === 'expired') expired.push(c.id);
    else certified.add(c.vendor_id);
  }
  return {
    brandId,
    asOf: now.toISOString(),
    vendors: active.length,
    revokedVendors: vendors.length - active.length,
    reviewedOnTime: active.length - overdue.length,
    overdue: overdue.length,
    overdueVendorIds: overdue,
    neverReviewed: active.filter((v) => v.last_reviewed_at === null).length,
    lastReviewAt: reviews.at(-1) ?? null,
    certifications: counts,
    expiredCertificationIds: expired,
    vendorsWithoutValidCertification: active.filter((v) => !certified.has(v.id)).map((v) => v.id),
  };
}
