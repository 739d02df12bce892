import type { Queryable } from '../db/types.js';
import type { VendorBrand, VendorKind, VendorStatus, VendorSummary } from './types.js';

/** A vendor row with its brands and link counts; `overdue` is decided by the service (it owns the clock). */
export type VendorRecord = Omit<VendorSummary, 'overdue'>;

const iso = (v: unknown): string => new Date(v as string | Date).toISOString();
const isoOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : iso(v));

const SELECT = `SELECT v.*,
  (SELECT count(*)::int FROM vendor_api_keys k WHERE k.vendor_id = v.id) AS api_key_count,
  (SELECT count(*)::int FROM vendor_users u WHERE u.vendor_id = v.id) AS user_count
  FROM vendors v`;

function toVendor(r: Record<string, unknown>, brands: VendorBrand[]): VendorRecord {
  return {
    id: r.id as string,
    name: r.name as string,
    kind: r.kind as VendorKind,
    services: r.services as string,
    status: r.status as VendorStatus,
    riskScore: r.risk_score === null ? null : Number(r.risk_score),
    reviewIntervalDays: Number(r.review_interval_days),
    lastReviewedAt: isoOrNull(r.last_reviewed_at),
    nextReviewAt: iso(r.next_review_at),
    revokedAt: isoOrNull(r.revoked_at),
    revokedBy: (r.revoked_by as string | null) ?? null,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    brands,
    apiKeyCount: Number(r.api_key_count ?? 0),
    userCount: Number(r.user_count ?? 0),
  };
}

async function brandsOf(q: Queryable, ids: string[]): Promise<Map<string, VendorBrand[]>> {
  const out = new Map<string, VendorBrand[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const { rows } = await q.query<{ vendor_id: string; brand_id: string; data_access: string }>(
    'SELECT vendor_id, brand_id, data_access FROM vendor_brands WHERE vendor_id = ANY($1::uuid[]) ORDER BY brand_id',
    [ids],
  );
  for (const r of rows) out.get(r.vendor_id)?.push({ brandId: r.brand_id, dataAccess: r.data_access });
  return out;
}

export async function findVendor(q: Queryable, id: string, forUpdate = false): Promise<VendorRecord | null> {
  // FOR UPDATE cannot sit beside the count subqueries' aggregates, so the lock is taken first.
  if (forUpdate) await q.query('SELECT id FROM vendors WHERE id = $1 FOR UPDATE', [id]);
  const { rows } = await q.query<Record<string, unknown>>(`${SELECT} WHERE v.id = $1`, [id]);
  const r = rows[0];
  if (!r) return null;
  return toVendor(r, (await brandsOf(q, [id])).get(id) ?? []);
}

/** Vendors touching any of `brands` (null: every vendor), by name. */
export async function listVendors(q: Queryable, filter: { brands: string[] | null; status?: VendorStatus; kind?: VendorKind }): Promise<VendorRecord[]> {
  const { rows } = await q.query<Record<string, unknown>>(
    `${SELECT}
      WHERE ($1::uuid[] IS NULL OR EXISTS (SELECT 1 FROM vendor_brands b WHERE b.vendor_id = v.id AND b.brand_id = ANY($1::uuid[])))
        AND ($2::text IS NULL OR v.status = $2) AND ($3::text IS NULL OR v.kind = $3)
      ORDER BY lower(v.name)`,
    [filter.brands, filter.status ?? null, filter.kind ?? null],
  );
  const brands = await brandsOf(q, rows.map((r) => r.id as string));
  return rows.map((r) => toVendor(r, brands.get(r.id as string) ?? []));
}

export async function nameTaken(q: Queryable, name: string, exceptId: string | null): Promise<boolean> {
  const { rows } = await q.query('SELECT 1 FROM vendors WHERE lower(name) = lower($1) AND ($2::uuid IS NULL OR id <> $2)', [name, exceptId]);
  return rows.length > 0;
}

export interface VendorRow {
  id: string;
  name: string;
  kind: VendorKind;
  services: string;
  reviewIntervalDays: number;
  lastReviewedAt: Date | null;
  nextReviewAt: Date;
  createdBy: string;
  at: Date;
}

export async function insertVendor(tx: Queryable, v: VendorRow): Promise<void> {
  await tx.query(
    `INSERT INTO vendors (id, name, kind, services, review_interval_days, last_reviewed_at, next_review_at, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
    [v.id, v.name, v.kind, v.services, v.reviewIntervalDays, v.lastReviewedAt, v.nextReviewAt, v.createdBy, v.at],
  );
}

export async function updateVendor(
  tx: Queryable,
  id: string,
  c: { name: string; kind: VendorKind; services: string; reviewIntervalDays: number; nextReviewAt: Date },
  at: Date,
): Promise<void> {
  await tx.query('UPDATE vendors SET name = $2, kind = $3, services = $4, review_interval_days = $5, next_review_at = $6, updated_at = $7 WHERE id = $1', [
    id,
    c.name,
    c.kind,
    c.services,
    c.reviewIntervalDays,
    c.nextReviewAt,
    at,
  ]);
}

/** Replaces the brands a vendor touches. Links of keys and users stay (the service checks they still fit). */
export async function setBrands(tx: Queryable, vendorId: string, brands: readonly VendorBrand[]): Promise<void> {
  await tx.query('DELETE FROM vendor_brands WHERE vendor_id = $1', [vendorId]);
  for (const b of brands) await tx.query('INSERT INTO vendor_brands (vendor_id, brand_id, data_access) VALUES ($1, $2, $3)', [vendorId, b.brandId, b.dataAccess]);
}

export async function existingBrands(q: Queryable, ids: readonly string[]): Promise<Set<string>> {
  const { rows } = await q.query<{ id: string }>('SELECT id FROM brands WHERE id = ANY($1::uuid[])', [ids]);
  return new Set(rows.map((r) => r.id));
}

export async function markRevoked(tx: Queryable, id: string, by: string, at: Date): Promise<void> {
  await tx.query(`UPDATE vendors SET status = 'revoked', revoked_at = $2, revoked_by = $3, updated_at = $2 WHERE id = $1`, [id, at, by]);
}
