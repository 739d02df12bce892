import type { Queryable } from '../db/types.js';
import type { Role } from './permissions.js';
import type { Assignment, User } from './types.js';

/** The users table as the sign-in code needs it (never leaves this module: it holds the hash). */
export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  isSecurityAdmin: boolean;
  passwordHash: string;
  passwordChangeRequired: boolean;
  failedAttempts: number;
  lockedUntil: Date | null;
  suspendedAt: Date | null;
}

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  is_security_admin: boolean;
  password_hash: string;
  password_change_required: boolean;
  failed_attempts: number;
  locked_until: Date | null;
  suspended_at: Date | null;
}

const USER_COLUMNS =
  'id, email, display_name, is_security_admin, password_hash, password_change_required, failed_attempts, locked_until, suspended_at';

function toRecord(r: UserRow): UserRecord {
  return {
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    isSecurityAdmin: r.is_security_admin,
    passwordHash: r.password_hash,
    passwordChangeRequired: r.password_change_required,
    failedAttempts: Number(r.failed_attempts),
    lockedUntil: r.locked_until === null ? null : new Date(r.locked_until),
    suspendedAt: r.suspended_at === null ? null : new Date(r.suspended_at),
  };
}

export async function findUserByEmail(q: Queryable, email: string): Promise<UserRecord | null> {
  const { rows } = await q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE lower(email) = lower($1)`, [email]);
  return rows[0] ? toRecord(rows[0]) : null;
}

export async function findUserById(q: Queryable, id: string, forUpdate = false): Promise<UserRecord | null> {
  const { rows } = await q.query<UserRow>(
    `SELECT ${USER_COLUMNS} FROM users WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ? toRecord(rows[0]) : null;
}

/** Assignments of users, limited to `brandIds` when given (brand scoping in the data layer). */
export async function loadAssignments(
  q: Queryable,
  userIds: string[],
  brandIds: string[] | null,
): Promise<Map<string, Assignment[]>> {
  const out = new Map<string, Assignment[]>();
  if (userIds.length === 0) return out;
  const { rows } = await q.query<{ user_id: string; brand_id: string; name: string; role: Role }>(
    `SELECT r.user_id, r.brand_id, b.name, r.role FROM user_brand_roles r JOIN brands b ON b.id = r.brand_id
      WHERE r.user_id = ANY($1::uuid[]) AND ($2::uuid[] IS NULL OR r.brand_id = ANY($2::uuid[]))
      ORDER BY b.name`,
    [userIds, brandIds],
  );
  for (const r of rows) {
    const list = out.get(r.user_id) ?? [];
    list.push({ brandId: r.brand_id, brandName: r.name, role: r.role });
    out.set(r.user_id, list);
  }
  return out;
}

export async function replaceAssignments(
  q: Queryable,
  userId: string,
  assignments: { brandId: string; role: Role }[],
): Promise<void> {
  await q.query('DELETE FROM user_brand_roles WHERE user_id = $1', [userId]);
  for (const a of assignments) {
    await q.query('INSERT INTO user_brand_roles (user_id, brand_id, role) VALUES ($1, $2, $3)', [userId, a.brandId, a.role]);
  }
}

/** What MFA a user has set up (confirmed TOTP, passkeys, unused recovery codes). */
export async function mfaFactors(q: Queryable, userId: string): Promise<{ totp: boolean; passkeys: number; recoveryCodes: number }> {
  const { rows } = await q.query<{ totp: boolean; passkeys: number; recovery: number }>(
    `SELECT EXISTS (SELECT 1 FROM mfa_totp WHERE user_id = $1 AND confirmed_at IS NOT NULL) AS totp,
            (SELECT count(*) FROM webauthn_credentials WHERE user_id = $1)::int AS passkeys,
            (SELECT count(*) FROM mfa_recovery_codes WHERE user_id = $1 AND used_at IS NULL)::int AS recovery`,
    [userId],
  );
  const r = rows[0];
  return { totp: r?.totp ?? false, passkeys: Number(r?.passkeys ?? 0), recoveryCodes: Number(r?.recovery ?? 0) };
}

/**
 * Whether MFA is mandatory: for every role but agent, and for agents when any of their brands
 * requires it (brands.agent_mfa_required).
 */
export async function mfaRequired(q: Queryable, user: Pick<UserRecord, 'id' | 'isSecurityAdmin'>): Promise<boolean> {
  if (user.isSecurityAdmin) return true;
  const { rows } = await q.query<{ required: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM user_brand_roles r JOIN brands b ON b.id = r.brand_id
                     WHERE r.user_id = $1 AND (r.role <> 'agent' OR b.agent_mfa_required)) AS required`,
    [user.id],
  );
  return rows[0]?.required ?? false;
}

/**
 * Users visible in `brandIds` (null = all, for BPO-wide principals), each with the assignments
 * in those brands only: a supervisor never learns what a user does for another brand.
 */
export async function listUsers(q: Queryable, brandIds: string[] | null, now: Date, onlyUserId?: string): Promise<User[]> {
  const { rows } = await q.query<UserRow & { mfa: boolean }>(
    `SELECT ${USER_COLUMNS},
            (EXISTS (SELECT 1 FROM mfa_totp t WHERE t.user_id = u.id AND t.confirmed_at IS NOT NULL)
             OR EXISTS (SELECT 1 FROM webauthn_credentials w WHERE w.user_id = u.id)) AS mfa
       FROM users u
      WHERE ($1::uuid[] IS NULL
             OR EXISTS (SELECT 1 FROM user_brand_roles r WHERE r.user_id = u.id AND r.brand_id = ANY($1::uuid[])))
        AND ($2::uuid IS NULL OR u.id = $2)
      ORDER BY lower(u.email)`,
    [brandIds, onlyUserId ?? null],
  );
  const assignments = await loadAssignments(q, rows.map((r) => r.id), brandIds);
  return rows.map((r) => toUser(toRecord(r), r.mfa, assignments.get(r.id) ?? [], now));
}

export function toUser(u: UserRecord, mfaEnrolled: boolean, assignments: Assignment[], now: Date): User {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    isSecurityAdmin: u.isSecurityAdmin,
    locked: u.lockedUntil !== null && u.lockedUntil > now,
    suspended: u.suspendedAt !== null,
    mfaEnrolled,
    assignments,
  };
}
