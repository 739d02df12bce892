import { accessErrors } from './errors.js';
import { ROLES, type Role } from './permissions.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids reach SQL only when well-formed, so a bad id is "not found", never a database error. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Trimmed text of 1..max characters, or an invalid_input error naming the field (never its value). */
export function text(value: unknown, field: string, max: number): string {
  const v = typeof value === 'string' ? value.trim() : '';
  if (v.length === 0 || v.length > max) throw accessErrors.invalid_input(`${field}: expected 1 to ${max} characters`);
  return v;
}

export function email(value: unknown): string {
  const v = text(value, 'email', 320).toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) throw accessErrors.invalid_input('email: not an email address');
  return v;
}

/** Per-brand roles; security_admin is BPO-wide (users.is_security_admin), never a brand assignment. */
export function assignments(value: unknown): { brandId: string; role: Role }[] {
  if (!Array.isArray(value)) throw accessErrors.invalid_input('assignments: expected a list');
  const seen = new Set<string>();
  return value.map((a: unknown) => {
    const { brandId, role } = (a ?? {}) as { brandId?: unknown; role?: unknown };
    if (!isUuid(brandId)) throw accessErrors.invalid_input('assignments: brandId must be a brand id');
    if (typeof role !== 'string' || role === 'security_admin' || !(ROLES as readonly string[]).includes(role)) {
      throw accessErrors.invalid_input('assignments: role must be supervisor, agent, qa_reviewer or auditor');
    }
    if (seen.has(brandId)) throw accessErrors.invalid_input('assignments: one role per brand');
    seen.add(brandId);
    return { brandId: brandId.toLowerCase(), role: role as Role };
  });
}

/** PostgreSQL unique-violation (SQLSTATE 23505), same on PGlite and the server. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}

/** PostgreSQL foreign-key violation (23503): e.g. an assignment to a brand that does not exist. */
export function isForeignKeyViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23503';
}
