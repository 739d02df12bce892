import type { Queryable } from '../db/types.js';
import type { AccessLimits } from './types.js';

/**
 * PCI DSS 8.3.4: invalid authentication attempts (password or MFA) lock the account after at
 * most 10 tries for at least 30 minutes. The count restarts when the lock is set, so after it
 * expires an attacker gets another 10 tries, not one. Returns the lock end when this failure locked it.
 */
export async function registerFailure(q: Queryable, userId: string, now: Date, limits: AccessLimits): Promise<Date | null> {
  const until = new Date(now.getTime() + limits.lockoutSeconds * 1000);
  const { rows } = await q.query<{ locked_until: Date | null; locked_now: boolean }>(
    `UPDATE users
        SET failed_attempts = CASE WHEN failed_attempts + 1 >= $2 THEN 0 ELSE failed_attempts + 1 END,
            locked_until = CASE WHEN failed_attempts + 1 >= $2 THEN $3::timestamptz ELSE locked_until END
      WHERE id = $1
      RETURNING locked_until, (locked_until = $3::timestamptz) AS locked_now`,
    [userId, limits.lockoutThreshold, until],
  );
  return rows[0]?.locked_now ? until : null;
}

/** A completed sign-in forgets earlier failures (password success alone does not: MFA is still to come). */
export async function clearFailures(q: Queryable, userId: string): Promise<void> {
  await q.query('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = $1', [userId]);
}

/** Seconds the account stays locked, or 0. */
export function lockedForSeconds(lockedUntil: Date | null, now: Date): number {
  if (lockedUntil === null || lockedUntil <= now) return 0;
  return Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000);
}
