import type { Queryable } from '../db/types.js';
import type { VendorDetail } from './types.js';

/** The vendor's means of access (080: vendor_api_keys, vendor_users), read and linked here. */

export type LinkedKey = VendorDetail['apiKeys'][number];
export type LinkedUser = VendorDetail['users'][number];

const iso = (v: unknown): string => new Date(v as string | Date).toISOString();

export async function linkedKeys(q: Queryable, vendorId: string): Promise<LinkedKey[]> {
  const { rows } = await q.query<Record<string, unknown>>(
    `SELECT k.id, k.brand_id, k.name, k.prefix, k.expires_at, k.revoked_at FROM vendor_api_keys l JOIN api_keys k ON k.id = l.api_key_id
      WHERE l.vendor_id = $1 ORDER BY k.created_at, k.id`,
    [vendorId],
  );
  return rows.map((r) => ({
    id: r.id as string,
    brandId: r.brand_id as string,
    name: r.name as string,
    prefix: r.prefix as string,
    expiresAt: iso(r.expires_at),
    revokedAt: r.revoked_at === null ? null : iso(r.revoked_at),
  }));
}

export async function linkedUsers(q: Queryable, vendorId: string): Promise<LinkedUser[]> {
  const { rows } = await q.query<{ id: string; suspended_at: Date | null; brand_ids: string[] | null }>(
    `SELECT u.id, u.suspended_at, array_remove(array_agg(r.brand_id::text ORDER BY r.brand_id), NULL) AS brand_ids
       FROM vendor_users l JOIN users u ON u.id = l.user_id LEFT JOIN user_brand_roles r ON r.user_id = u.id
      WHERE l.vendor_id = $1 GROUP BY u.id, u.suspended_at ORDER BY u.id`,
    [vendorId],
  );
  return rows.map((r) => ({ id: r.id, brandIds: r.brand_ids ?? [], suspended: r.suspended_at !== null }));
}

/** The key's brand and the vendor it is already linked to, or null when there is no such key. */
export async function keyForLink(q: Queryable, keyId: string): Promise<{ brandId: string; vendorId: string | null } | null> {
  const { rows } = await q.query<{ brand_id: string; vendor_id: string | null }>(
    'SELECT k.brand_id, l.vendor_id FROM api_keys k LEFT JOIN vendor_api_keys l ON l.api_key_id = k.id WHERE k.id = $1',
    [keyId],
  );
  const r = rows[0];
  return r ? { brandId: r.brand_id, vendorId: r.vendor_id } : null;
}

/** The user's brands and the vendor they are already linked to, or null when there is no such user. */
export async function userForLink(q: Queryable, userId: string): Promise<{ brandIds: string[]; vendorId: string | null } | null> {
  const { rows } = await q.query<{ vendor_id: string | null; brand_ids: string[] | null }>(
    `SELECT l.vendor_id, array_remove(array_agg(r.brand_id::text), NULL) AS brand_ids
       FROM users u LEFT JOIN vendor_users l ON l.user_id = u.id LEFT JOIN user_brand_roles r ON r.user_id = u.id
      WHERE u.id = $1 GROUP BY l.vendor_id`,
    [userId],
  );
  const r = rows[0];
  return r ? { brandIds: r.brand_ids ?? [], vendorId: r.vendor_id } : null;
}

export async function linkKey(tx: Queryable, vendorId: string, keyId: string): Promise<void> {
  await tx.query('INSERT INTO vendor_api_keys (vendor_id, api_key_id) VALUES ($1, $2) ON CONFLICT (api_key_id) DO NOTHING', [vendorId, keyId]);
}

export async function unlinkKey(tx: Queryable, vendorId: string, keyId: string): Promise<boolean> {
  const { rows } = await tx.query('DELETE FROM vendor_api_keys WHERE vendor_id = $1 AND api_key_id = $2 RETURNING 1', [vendorId, keyId]);
  return rows.length > 0;
}

export async function linkUser(tx: Queryable, vendorId: string, userId: string): Promise<void> {
  await tx.query('INSERT INTO vendor_users (vendor_id, user_id) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING', [vendorId, userId]);
}

export async function unlinkUser(tx: Queryable, vendorId: string, userId: string): Promise<boolean> {
  const { rows } = await tx.query('DELETE FROM vendor_users WHERE vendor_id = $1 AND user_id = $2 RETURNING 1', [vendorId, userId]);
  return rows.length > 0;
}
