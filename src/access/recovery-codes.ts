import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/types.js';
import { readableCode, safeEqual, sha256, toBuffer } from './secrets.js';

export const RECOVERY_CODE_COUNT = 10;

/**
 * 16 symbols of 5 bits = 80 bits each. That entropy is why a plain SHA-256 is enough to store
 * them (no guessable input to brute-force offline, unlike a password).
 */
function newCode(): string {
  const c = readableCode(16);
  return `${c.slice(0, 4)}-${c.slice(4, 8)}-${c.slice(8, 12)}-${c.slice(12)}`;
}

/** People type codes with or without dashes, in either case. */
function normalise(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

/** Replaces the user's recovery codes with 10 new ones, returned once and stored only hashed. */
export async function issueRecoveryCodes(q: Queryable, userId: string): Promise<string[]> {
  await q.query('DELETE FROM mfa_recovery_codes WHERE user_id = $1', [userId]);
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  for (const code of codes) {
    await q.query('INSERT INTO mfa_recovery_codes (id, user_id, code_hash) VALUES ($1, $2, $3)', [
      randomUUID(),
      userId,
      sha256(normalise(code)),
    ]);
  }
  return codes;
}

/**
 * Uses one recovery code: compares against every unused hash in constant time, then burns the
 * match with a conditional UPDATE (a code raced twice is accepted once). Returns codes left, or null.
 */
export async function redeemRecoveryCode(q: Queryable, userId: string, code: string, now: Date): Promise<number | null> {
  if (code.length > 64) return null;
  const wanted = sha256(normalise(code));
  const { rows } = await q.query<{ id: string; code_hash: Uint8Array }>(
    'SELECT id, code_hash FROM mfa_recovery_codes WHERE user_id = $1 AND used_at IS NULL',
    [userId],
  );
  let match: string | null = null;
  for (const r of rows) if (safeEqual(toBuffer(r.code_hash), wanted)) match = r.id; // no early exit
  if (match === null) return null;
  const burned = await q.query('UPDATE mfa_recovery_codes SET used_at = $2 WHERE id = $1 AND used_at IS NULL RETURNING id', [match, now]);
  return burned.rows.length === 1 ? rows.length - 1 : null;
}
