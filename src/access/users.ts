import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/types.js';
import type { AccessContext } from './context.js';
import { accessErrors } from './errors.js';
import type { Action, Role } from './permissions.js';
import { brandsAllowed, type Principal } from './principal.js';
import { generateOneTimePassword, hashPassword } from './passwords.js';
import { closeUserSessions } from './sessions.js';
import type { NewUser, User } from './types.js';
import { findUserById, listUsers, loadAssignments, replaceAssignments } from './users-data.js';
import * as v from './validate.js';

export interface UserService {
  /** Users of the brands the principal may read (a supervisor: own brands, assignments there only). */
  list(principal: Principal, filter?: { brandId?: string }): Promise<User[]>;
  /** The one-time password is returned once; the user must change it at first sign-in. */
  create(principal: Principal, input: NewUser): Promise<{ user: User; oneTimePassword: string }>;
  setAssignments(principal: Principal, userId: string, assignments: { brandId: string; role: Role }[]): Promise<User>;
  /** Removes TOTP, passkeys and recovery codes and ends the user's sessions: next sign-in enrolls again. */
  resetMfa(principal: Principal, userId: string): Promise<void>;
  unlock(principal: Principal, userId: string): Promise<void>;
  /** Containment: no sign-in and every session ended until reinstated. Returns the sessions ended. */
  suspend(principal: Principal, userId: string): Promise<{ sessionsEnded: number }>;
  reinstate(principal: Principal, userId: string): Promise<void>;
  /** Signs the user out everywhere (a stolen session cookie stops working at once). */
  endSessions(principal: Principal, userId: string): Promise<{ sessionsEnded: number }>;
}

export function createUserService(ctx: AccessContext): UserService {
  /**
   * Managing a user needs the permission in every brand the user belongs to (and will belong to);
   * a BPO-wide user, or one with no brand, needs it installation-wide.
   */
  async function requireOverUser(principal: Principal, action: Action, userId: string, extraBrands: string[] = []): Promise<void> {
    const target = { type: 'user', id: String(userId) };
    const current = v.isUuid(userId) ? await currentBrands(userId) : { admin: false, brands: [] };
    const brands = [...new Set([...current.brands, ...extraBrands])];
    if (current.admin || brands.length === 0) return ctx.require(principal, action, null, target);
    for (const b of brands) await ctx.require(principal, action, b, target);
  }

  async function currentBrands(userId: string): Promise<{ admin: boolean; brands: string[] }> {
    const { rows } = await ctx.db.query<{ is_security_admin: boolean; brand_id: string | null }>(
      'SELECT u.is_security_admin, r.brand_id FROM users u LEFT JOIN user_brand_roles r ON r.user_id = u.id WHERE u.id = $1',
      [userId],
    );
    return { admin: rows[0]?.is_security_admin ?? false, brands: rows.flatMap((r) => (r.brand_id ? [r.brand_id] : [])) };
  }

  /**
   * The brand's training requirement (AccessDeps.assignmentGate), asked for every new assignment
   * or changed role, whatever the role: PCI DSS 12.6.1 security awareness is for all personnel,
   * and a supervisor, QA reviewer or auditor of the brand reads the same customer data (or its
   * trail) an agent handles. An unchanged assignment is not asked again, so a brand that adds a
   * requirement later does not lock out people already there (the training page shows them).
   */
  async function checkGate(tx: Queryable, userId: string, next: { brandId: string; role: Role }[], before: { brandId: string; role: Role }[]): Promise<void> {
    const gate = ctx.assignmentGate;
    if (!gate) return;
    const missing = new Set<string>();
    for (const a of next) {
      if (before.some((b) => b.brandId === a.brandId && b.role === a.role)) continue;
      for (const m of (await gate(tx, { userId, brandId: a.brandId, role: a.role }))?.missing ?? []) missing.add(m);
    }
    if (missing.size > 0) throw accessErrors.training_required(`The brand requires current training first: ${[...missing].sort().join(', ')}`);
  }

  async function load(userId: string): Promise<User> {
    const [user] = await listUsers(ctx.db, null, ctx.now(), userId);
    if (!user) throw accessErrors.user_not_found();
    return user;
  }

  return {
    async list(principal, filter = {}) {
      if (filter.brandId !== undefined) {
        await ctx.require(principal, 'user.read', filter.brandId);
        if (!v.isUuid(filter.brandId)) return [];
        return listUsers(ctx.db, [filter.brandId.toLowerCase()], ctx.now());
      }
      const brands = brandsAllowed(principal, 'user.read');
      if (brands !== null && brands.length === 0) await ctx.require(principal, 'user.read', null);
      return listUsers(ctx.db, brands, ctx.now());
    },

    async create(principal, input) {
      const assignments = v.assignments(input.assignments);
      const isSecurityAdmin = input.isSecurityAdmin === true;
      if (isSecurityAdmin || assignments.length === 0) await ctx.require(principal, 'user.manage', null);
      for (const a of assignments) await ctx.require(principal, 'user.manage', a.brandId);
      const email = v.email(input.email);
      const displayName = v.text(input.displayName, 'displayName', 200);
      const oneTimePassword = generateOneTimePassword();
      const hash = await hashPassword(oneTimePassword);
      const id = randomUUID();
      try {
        await ctx.db.transaction(async (tx) => {
          await tx.query(
            `INSERT INTO users (id, email, display_name, is_security_admin, password_hash, password_change_required, created_at)
             VALUES ($1, $2, $3, $4, $5, true, $6)`,
            [id, email, displayName, isSecurityAdmin, hash, ctx.now()],
          );
          await checkGate(tx, id, assignments, []);
          await replaceAssignments(tx, id, assignments);
          const target = { type: 'user', id };
          await ctx.record(tx, { actor: principal.actor, action: 'user.create', brandId: null, outcome: 'success', target, details: { isSecurityAdmin } }, principal);
          // Chains are locked in brand-id order everywhere, so concurrent writers cannot deadlock.
          for (const a of [...assignments].sort((x, y) => x.brandId.localeCompare(y.brandId))) {
            await ctx.record(tx, { actor: principal.actor, action: 'user.assign', brandId: a.brandId, outcome: 'success', target, details: { role: a.role } }, principal);
          }
        });
      } catch (err) {
        if (v.isUniqueViolation(err)) throw accessErrors.email_taken();
        if (v.isForeignKeyViolation(err)) throw accessErrors.brand_not_found();
        throw err;
      }
      return { user: await load(id), oneTimePassword };
    },

    async setAssignments(principal, userId, input) {
      const assignments = v.assignments(input);
      await requireOverUser(principal, 'user.manage', userId, assignments.map((a) => a.brandId));
      if (!v.isUuid(userId) || !(await findUserById(ctx.db, userId))) throw accessErrors.user_not_found();
      const before = (await loadAssignments(ctx.db, [userId], null)).get(userId) ?? [];
      try {
        await ctx.db.transaction(async (tx) => {
          await checkGate(tx, userId, assignments, before);
          await replaceAssignments(tx, userId, assignments);
          const target = { type: 'user', id: userId };
          // One event per brand whose access changed, in that brand's chain (its auditors see it).
          const touched = new Set([...before.map((a) => a.brandId), ...assignments.map((a) => a.brandId)]);
          for (const b of [...touched].sort()) {
            const role = assignments.find((a) => a.brandId === b)?.role ?? null;
            if (before.find((a) => a.brandId === b)?.role === role) continue;
            await ctx.record(tx, { actor: principal.actor, action: 'user.assign', brandId: b, outcome: 'success', target, details: { role } }, principal);
          }
        });
      } catch (err) {
        if (v.isForeignKeyViolation(err)) throw accessErrors.brand_not_found();
        throw err;
      }
      return load(userId);
    },

    async resetMfa(principal, userId) {
      await requireOverUser(principal, 'user.manage', userId);
      if (!v.isUuid(userId) || !(await findUserById(ctx.db, userId))) throw accessErrors.user_not_found();
      await ctx.db.transaction(async (tx) => {
        await tx.query('DELETE FROM mfa_totp WHERE user_id = $1', [userId]);
        await tx.query('DELETE FROM webauthn_credentials WHERE user_id = $1', [userId]);
        await tx.query('DELETE FROM mfa_recovery_codes WHERE user_id = $1', [userId]);
        await closeUserSessions(tx, userId);
        await ctx.record(tx, { actor: principal.actor, action: 'user.mfa_reset', brandId: null, outcome: 'success', target: { type: 'user', id: userId } }, principal);
      });
    },

    async suspend(principal, userId) {
      await requireOverUser(principal, 'user.manage', userId);
      if (!v.isUuid(userId) || !(await findUserById(ctx.db, userId))) throw accessErrors.user_not_found();
      if (principal.actor.kind === 'user' && principal.actor.id === userId) throw accessErrors.invalid_input('You cannot suspend your own account');
      return ctx.db.transaction(async (tx) => {
        await tx.query('UPDATE users SET suspended_at = COALESCE(suspended_at, $2) WHERE id = $1', [userId, ctx.now()]);
        const sessionsEnded = await closeUserSessions(tx, userId);
        await ctx.record(tx, { actor: principal.actor, action: 'user.suspend', brandId: null, outcome: 'success', target: { type: 'user', id: userId }, details: { sessionsEnded } }, principal);
        return { sessionsEnded };
      });
    },

    async reinstate(principal, userId) {
      await requireOverUser(principal, 'user.manage', userId);
      if (!v.isUuid(userId) || !(await findUserById(ctx.db, userId))) throw accessErrors.user_not_found();
      await ctx.db.transaction(async (tx) => {
        await tx.query('UPDATE users SET suspended_at = NULL WHERE id = $1', [userId]);
        await ctx.record(tx, { actor: principal.actor, action: 'user.reinstate', brandId: null, outcome: 'success', target: { type: 'user', id: userId } }, principal);
      });
    },

    async endSessions(principal, userId) {
      await requireOverUser(principal, 'user.manage', userId);
      if (!v.isUuid(userId) || !(await findUserById(ctx.db, userId))) throw accessErrors.user_not_found();
      return ctx.db.transaction(async (tx) => {
        const sessionsEnded = await closeUserSessions(tx, userId);
        await ctx.record(tx, { actor: principal.actor, action: 'user.end_sessions', brandId: null, outcome: 'success', target: { type: 'user', id: userId }, details: { sessionsEnded } }, principal);
        return { sessionsEnded };
      });
    },

    async unlock(principal, userId) {
      await requireOverUser(principal, 'user.manage', userId);
      if (!v.isUuid(userId) || !(await findUserById(ctx.db, userId))) throw accessErrors.user_not_found();
      await ctx.db.transaction(async (tx) => {
        await tx.query('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = $1', [userId]);
        await ctx.record(tx, { actor: principal.actor, action: 'user.unlock', brandId: null, outcome: 'success', target: { type: 'user', id: userId } }, principal);
      });
    },
  };
}
