import { randomUUID } from 'node:crypto';
import type { AccessContext } from './context.js';
import { generateOneTimePassword, hashPassword } from './passwords.js';
import type { Role } from './permissions.js';
import type { DemoAccount } from './types.js';

// RFC 2606 reserves .example: these addresses can never reach a real mailbox.
const DEMO_USERS: { email: string; displayName: string; role: Role }[] = [
  { email: 'admin@callvault.example', displayName: 'Demo Security Admin', role: 'security_admin' },
  { email: 'supervisor@callvault.example', displayName: 'Demo Supervisor', role: 'supervisor' },
  { email: 'agent@callvault.example', displayName: 'Demo Agent', role: 'agent' },
  { email: 'qa@callvault.example', displayName: 'Demo QA Reviewer', role: 'qa_reviewer' },
  { email: 'auditor@callvault.example', displayName: 'Demo Auditor', role: 'auditor' },
];
const SYSTEM = { kind: 'system', id: 'first-start' } as const;

/**
 * First start: a demo brand and one user per role, each with a one-time password returned once
 * (printed by the server) and to be changed at first sign-in. Does nothing (null) when any user
 * exists, so a restart never creates or prints passwords again.
 */
export function createDemoSeeder(ctx: AccessContext): () => Promise<{ brandId: string; accounts: DemoAccount[] } | null> {
  return async () => {
    const passwords = DEMO_USERS.map(() => generateOneTimePassword());
    const hashes = await Promise.all(passwords.map(hashPassword));
    return ctx.db.transaction(async (tx) => {
      // Serialises concurrent first starts of several servers on one database.
      await tx.query('LOCK TABLE users IN EXCLUSIVE MODE');
      const existing = await tx.query('SELECT 1 FROM users LIMIT 1');
      if (existing.rows.length > 0) return null;
      const now = ctx.now();
      const brandId = randomUUID();
      await tx.query('INSERT INTO brands (id, name, agent_mfa_required, created_at) VALUES ($1, $2, false, $3)', [brandId, 'Demo Brand', now]);
      await ctx.record(tx, { actor: SYSTEM, action: 'brand.create', brandId, outcome: 'success', target: { type: 'brand', id: brandId } });
      const accounts: DemoAccount[] = [];
      for (const [i, u] of DEMO_USERS.entries()) {
        const id = randomUUID();
        const admin = u.role === 'security_admin';
        await tx.query(
          `INSERT INTO users (id, email, display_name, is_security_admin, password_hash, password_change_required, created_at)
           VALUES ($1, $2, $3, $4, $5, true, $6)`,
          [id, u.email, u.displayName, admin, hashes[i], now],
        );
        if (!admin) await tx.query('INSERT INTO user_brand_roles (user_id, brand_id, role) VALUES ($1, $2, $3)', [id, brandId, u.role]);
        await ctx.record(tx, { actor: SYSTEM, action: 'user.create', brandId: admin ? null : brandId, outcome: 'success', target: { type: 'user', id }, details: { role: u.role } });
        accounts.push({ email: u.email, role: u.role, oneTimePassword: passwords[i] as string });
      }
      return { brandId, accounts };
    });
  };
}
