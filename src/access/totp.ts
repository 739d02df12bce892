import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { Queryable } from '../db/types.js';
import type { Vault } from '../vault/types.js';
import { toBuffer } from './secrets.js';

// RFC 6238 defaults every authenticator app supports: SHA-1, 6 digits, 30-second steps.
const PERIOD = 30;
const ISSUER = 'callvault';

const sealScope = { system: true } as const;
const recordId = (userId: string) => `mfa_totp:${userId}`;

/** A fresh 160-bit secret (RFC 4226 §4 recommends 160 bits), sealed by the vault, stored as pending. */
export async function startTotpEnrollment(
  q: Queryable,
  vault: Vault,
  user: { id: string; email: string },
): Promise<{ otpauthUrl: string; qrSvg: string }> {
  const secret = generateSecret({ length: 20 });
  const sealed = await vault.encrypt(q, sealScope, recordId(user.id), Buffer.from(secret, 'utf8'));
  await q.query(
    `INSERT INTO mfa_totp (user_id, pending_secret_sealed) VALUES ($1, $2)
     ON CONFLICT (user_id) DO UPDATE SET pending_secret_sealed = EXCLUDED.pending_secret_sealed`,
    [user.id, sealed],
  );
  const otpauthUrl = generateURI({ issuer: ISSUER, label: user.email, secret, period: PERIOD });
  const qrSvg = await QRCode.toString(otpauthUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { otpauthUrl, qrSvg };
}

/**
 * The time step a code matches, or null. Accepts the current step and one on either side
 * (±30 s of clock drift, RFC 6238 §5.2) and nothing else.
 */
export async function matchTotp(secret: string, code: string, now: Date): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const r = await verify({ secret, token: code, epoch: Math.floor(now.getTime() / 1000), epochTolerance: PERIOD, period: PERIOD });
    return r.valid && 'timeStep' in r ? r.timeStep : null;
  } catch {
    return null;
  }
}

export async function loadTotpSecret(q: Queryable, vault: Vault, userId: string, which: 'confirmed' | 'pending'): Promise<string | null> {
  const column = which === 'confirmed' ? 'secret_sealed' : 'pending_secret_sealed';
  const { rows } = await q.query<{ sealed: Uint8Array | null }>(`SELECT ${column} AS sealed FROM mfa_totp WHERE user_id = $1`, [userId]);
  const sealed = rows[0]?.sealed;
  if (!sealed) return null;
  return (await vault.decrypt(q, sealScope, recordId(userId), toBuffer(sealed))).toString('utf8');
}

/**
 * Records `step` as used; false when it (or a later step) was used before. The comparison and
 * the write are one statement, so the same code sent twice at once succeeds at most once.
 */
export async function burnTotpStep(q: Queryable, userId: string, step: number): Promise<boolean> {
  const { rows } = await q.query(
    `UPDATE mfa_totp SET last_used_step = $2
      WHERE user_id = $1 AND secret_sealed IS NOT NULL AND (last_used_step IS NULL OR last_used_step < $2)
      RETURNING user_id`,
    [userId, step],
  );
  return rows.length === 1;
}

/** Makes the pending secret the confirmed one; the confirming code's step counts as used. */
export async function confirmPendingTotp(q: Queryable, userId: string, step: number, now: Date): Promise<void> {
  await q.query(
    `UPDATE mfa_totp SET secret_sealed = pending_secret_sealed, pending_secret_sealed = NULL,
            confirmed_at = $2, last_used_step = $3
      WHERE user_id = $1 AND pending_secret_sealed IS NOT NULL`,
    [userId, now, step],
  );
}
