/**
 * Reads the shared secret out of an otpauth:// URL (Key Uri Format) so a person without a camera
 * can type it into their authenticator app.
 */
export function secretFromOtpauthUrl(url: string): string | undefined {
  const q = url.indexOf('?');
  if (q < 0) return undefined;
  return new URLSearchParams(url.slice(q + 1)).get('secret') ?? undefined;
}

/** Groups a base32 secret in fours so it is easier to type. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}
