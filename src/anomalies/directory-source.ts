import type { Db } from '../db/types.js';
import type { DirectoryEntry } from '../detection/index.js';

/**
 * Who the actors are, read from the access tables: a user's role (the role they hold in most of
 * their brands; security admins are one group) and brands, and each API key's brand. The detector
 * uses it for peer groups and to tell an attempt outside one's brands from a slip inside them.
 */
export async function loadDirectory(db: Db): Promise<DirectoryEntry[]> {
  const users = await db.query<{ id: string; is_security_admin: boolean; brand_id: string | null; role: string | null }>(
    `SELECT u.id, u.is_security_admin, r.brand_id, r.role FROM users u LEFT JOIN user_brand_roles r ON r.user_id = u.id`,
  );
  const byUser = new Map<string, { admin: boolean; roles: Map<string, number>; brands: string[] }>();
  for (const r of users.rows) {
    let u = byUser.get(r.id);
    if (!u) byUser.set(r.id, (u = { admin: r.is_security_admin, roles: new Map(), brands: [] }));
    if (r.brand_id && r.role) {
      u.brands.push(r.brand_id);
      u.roles.set(r.role, (u.roles.get(r.role) ?? 0) + 1);
    }
  }
  const out: DirectoryEntry[] = [];
  for (const [id, u] of byUser) {
    const role = u.admin ? 'security_admin' : ([...u.roles].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'user');
    out.push({ id, kind: 'user', role, brands: u.brands });
  }
  const keys = await db.query<{ id: string; brand_id: string }>('SELECT id, brand_id FROM api_keys');
  for (const k of keys.rows) out.push({ id: k.id, kind: 'api_key', role: 'integration', brands: [k.brand_id] });
  return out;
}
