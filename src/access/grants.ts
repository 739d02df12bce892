import type { Queryable } from '../db/types.js';
import type { Role } from './permissions.js';

/**
 * Who holds access to a brand, read and changed here so access keeps owning its tables: the
 * recertification campaign snapshots and removes through these, training counts people with them.
 * The callers audit (in the same transaction) and check permissions; these only touch rows.
 */
export interface BrandGrant {
  kind: 'user_role' | 'api_key';
  brandId: string;
  /** user_role: the user; api_key: the key. */
  subjectId: string;
  /** user_role only. */
  role: Role | null;
}

/** Every role assignment on the brands and every API key of theirs that still authenticates at `now`. */
export async function brandGrants(q: Queryable, brandIds: string[], now: Date): Promise<BrandGrant[]> {
  const users = await q.query<{ user_id: string; brand_id: string; role: Role }>(
    'SELECT user_id, brand_id, role FROM user_brand_roles WHERE brand_id = ANY($1::uuid[]) ORDER BY brand_id, user_id',
    [brandIds],
  );
  const keys = await q.query<{ id: string; brand_id: string }>(
    'SELECT id, brand_id FROM api_keys WHERE brand_id = ANY($1::uuid[]) AND revoked_at IS NULL AND expires_at > $2 ORDER BY brand_id, created_at',
    [brandIds, now],
  );
  return [
    ...users.rows.map((r) => ({ kind: 'user_role' as const, brandId: r.brand_id, subjectId: r.user_id, role: r.role })),
    ...keys.rows.map((r) => ({ kind: 'api_key' as const, brandId: r.brand_id, subjectId: r.id, role: null })),
  ];
}

/** People assigned to a brand, with their role there. */
export async function brandMembers(q: Queryable, brandId: string): Promise<{ userId: string; role: Role }[]> {
  const { rows } = await q.query<{ user_id: string; role: Role }>('SELECT user_id, role FROM user_brand_roles WHERE brand_id = $1 ORDER BY user_id', [brandId]);
  return rows.map((r) => ({ userId: r.user_id, role: r.role }));
}

/** The brands a user is assigned to. */
export async function brandsOfUser(q: Queryable, userId: string): Promise<string[]> {
  const { rows } = await q.query<{ brand_id: string }>('SELECT brand_id FROM user_brand_roles WHERE user_id = $1 ORDER BY brand_id', [userId]);
  return rows.map((r) => r.brand_id);
}

/** Takes the user off the brand (the role goes; sessions stay, roles are read fresh on every request). Returns the role removed, or null if none was held. */
export async function removeBrandAssignment(q: Queryable, userId: string, brandId: string): Promise<Role | null> {
  const { rows } = await q.query<{ role: Role }>('DELETE FROM user_brand_roles WHERE user_id = $1 AND brand_id = $2 RETURNING role', [userId, brandId]);
  return rows[0]?.role ?? null;
}

/** Revokes a key of the brand (same effect as ApiKeyService.revoke: it stops authenticating at once). Returns whether it was live. */
export async function revokeBrandApiKey(q: Queryable, keyId: string, brandId: string, at: Date): Promise<boolean> {
  const { rows } = await q.query('UPDATE api_keys SET revoked_at = $3 WHERE id = $1 AND brand_id = $2 AND revoked_at IS NULL RETURNING id', [keyId, brandId, at]);
  return rows.length > 0;
}

/** What a reviewer needs to recognise each grant: the user's name and email, the key's name and prefix (never its secret). */
export async function grantLabels(q: Queryable, userIds: string[], keyIds: string[]): Promise<Map<string, { label: string; detail: string }>> {
  const out = new Map<string, { label: string; detail: string }>();
  if (userIds.length > 0) {
    const { rows } = await q.query<{ id: string; display_name: string; email: string }>('SELECT id, display_name, email FROM users WHERE id = ANY($1::uuid[])', [userIds]);
    for (const r of rows) out.set(r.id, { label: r.display_name, detail: r.email });
  }
  if (keyIds.length > 0) {
    const { rows } = await q.query<{ id: string; name: string; prefix: string }>('SELECT id, name, prefix FROM api_keys WHERE id = ANY($1::uuid[])', [keyIds]);
    for (const r of rows) out.set(r.id, { label: r.name, detail: `cvk_${r.prefix}` });
  }
  return out;
}
