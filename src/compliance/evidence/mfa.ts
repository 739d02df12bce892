import type { Queryable } from '../../db/types.js';
import type { Evidence } from '../types.js';
import { percent } from './evidence.js';

interface Row {
  role: string;
  mfa: boolean;
  required: boolean;
  password_only_session: boolean;
}

/**
 * MFA coverage of the people who can reach the brand (PCI DSS 8.4.2/8.4.3, ISO A.8.5): its role
 * holders and the security admins (they hold every brand), suspended accounts left out. A user
 * without MFA whom sign-in forces to enrol is a partial finding; a live session that got in with a
 * password alone is a gap.
 */
export async function mfaEvidence(q: Queryable, brandId: string, now: Date): Promise<Evidence> {
  const { rows } = await q.query<Row>(
    `WITH people AS (
       SELECT u.id, COALESCE(r.role, 'security_admin') AS role, u.is_security_admin
       FROM users u LEFT JOIN user_brand_roles r ON r.user_id = u.id AND r.brand_id = $1
       WHERE u.suspended_at IS NULL AND (r.user_id IS NOT NULL OR u.is_security_admin))
     SELECT p.role,
            (EXISTS (SELECT 1 FROM mfa_totp t WHERE t.user_id = p.id AND t.confirmed_at IS NOT NULL)
              OR EXISTS (SELECT 1 FROM webauthn_credentials w WHERE w.user_id = p.id)) AS mfa,
            (p.is_security_admin OR EXISTS (SELECT 1 FROM user_brand_roles r JOIN brands b ON b.id = r.brand_id
                                             WHERE r.user_id = p.id AND (r.role <> 'agent' OR b.agent_mfa_required))) AS required,
            EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = p.id AND s.stage = 'active' AND NOT s.mfa_verified AND s.expires_at > $2) AS password_only_session
     FROM people p`,
    [brandId, now.toISOString()],
  );
  const { rows: brandRows } = await q.query<{ agent_mfa_required: boolean }>('SELECT agent_mfa_required FROM brands WHERE id = $1', [brandId]);
  const agentMfaRequired = brandRows[0]?.agent_mfa_required ?? false;
  const withMfa = rows.filter((r) => r.mfa).length;
  const without = rows.length - withMfa;
  const passwordOnly = rows.filter((r) => r.password_only_session).length;
  const notRequired = rows.filter((r) => !r.mfa && !r.required).length;
  const byRole: Record<string, { users: number; withMfa: number }> = {};
  for (const r of rows) {
    const e = (byRole[r.role] ??= { users: 0, withMfa: 0 });
    e.users++;
    if (r.mfa) e.withMfa++;
  }
  const gaps: string[] = [];
  if (without > 0) gaps.push(`${without} of ${rows.length} users without MFA`);
  for (const [role, e] of Object.entries(byRole)) if (e.withMfa < e.users) gaps.push(`${role}: ${e.users - e.withMfa} of ${e.users} without MFA`);
  if (notRequired > 0) gaps.push(`${notRequired} agent(s) may sign in with a password alone (the brand does not require MFA for agents)`);
  if (passwordOnly > 0) gaps.push(`${passwordOnly} user(s) hold a live session signed in without MFA`);
  const status = passwordOnly > 0 || notRequired > 0 ? 'gap' : without > 0 ? 'partial' : rows.length === 0 ? 'not_applicable' : 'met';
  const figures: Evidence['figures'] = { users: rows.length, withMfa, withoutMfa: without, coveragePercent: percent(withMfa, rows.length), agentMfaRequired, passwordOnlySessions: passwordOnly };
  for (const [role, e] of Object.entries(byRole).sort()) figures[`role.${role}`] = `${e.withMfa} of ${e.users}`;
  return {
    key: 'mfa',
    title: 'MFA coverage',
    source: 'access: users, user_brand_roles, mfa_totp, webauthn_credentials, sessions',
    status,
    readAt: now.toISOString(),
    summary: `${withMfa} of ${rows.length} users with MFA (${percent(withMfa, rows.length)}%)`,
    figures,
    gaps,
  };
}
