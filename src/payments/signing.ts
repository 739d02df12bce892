import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed webhooks in both directions (keypresses from the telephony platform, recording
 * pause/resume and charges from callvault): HMAC-SHA256 over `timestamp.body`, sent as
 * `x-callvault-timestamp` (Unix seconds) and `x-callvault-signature: v1=<hex>`. A message older
 * or newer than the tolerance is refused, so a captured message cannot be replayed later; within
 * the window, the caller refuses an event id it has already seen.
 */
export const TIMESTAMP_HEADER = 'x-callvault-timestamp';
export const SIGNATURE_HEADER = 'x-callvault-signature';
export const TOLERANCE_SECONDS = 300;

export function signBody(secret: string, body: Buffer | string, now: Date): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000).toString();
  return { [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: `v1=${mac(secret, timestamp, body)}` };
}

export type SignatureProblem = 'missing' | 'malformed' | 'stale' | 'mismatch';

/** Checks a signed body; several `v1=` values (comma-separated) are allowed while a secret is rotated. */
export function verifySignature(secrets: readonly string[], body: Buffer, headers: Record<string, string | string[] | undefined>, now: Date): SignatureProblem | null {
  const timestamp = headers[TIMESTAMP_HEADER];
  const signature = headers[SIGNATURE_HEADER];
  if (typeof timestamp !== 'string' || typeof signature !== 'string') return 'missing';
  if (!/^\d{1,12}$/.test(timestamp)) return 'malformed';
  const offered = signature.split(',').map((s) => s.trim()).filter((s) => s.startsWith('v1=')).map((s) => s.slice(3));
  if (offered.length === 0 || offered.some((s) => !/^[0-9a-f]{64}$/.test(s))) return 'malformed';
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > TOLERANCE_SECONDS) return 'stale';
  for (const secret of secrets) {
    const expected = Buffer.from(mac(secret, timestamp, body), 'hex');
    if (offered.some((s) => timingSafeEqual(Buffer.from(s, 'hex'), expected))) return null;
  }
  return 'mismatch';
}

function mac(secret: string, timestamp: string, body: Buffer | string): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}
