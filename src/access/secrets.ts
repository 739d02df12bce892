import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** SHA-256 of a high-entropy secret (session ids, API key secrets, recovery codes). */
export function sha256(value: string | Buffer): Buffer {
  return createHash('sha256').update(value).digest();
}

/** `bytes` random bytes as base64url (32 bytes = 256 bits for session ids and API key secrets). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Constant-time equality of two byte strings; different lengths are unequal (and say nothing else). */
export function safeEqual(a: Buffer | Uint8Array, b: Buffer | Uint8Array): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  if (x.length !== y.length) {
    timingSafeEqual(x, x); // same work either way
    return false;
  }
  return timingSafeEqual(x, y);
}

// Crockford-style alphabet without I, L, O, U: easy to read aloud and type from a printout.
const READABLE = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `length` characters from a 32-symbol alphabet (5 bits each), unbiased. */
export function readableCode(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += READABLE[b & 31];
  return out;
}

/** Bytes from the database: pg gives Buffer, PGlite gives Uint8Array. */
export function toBuffer(value: unknown): Buffer {
  if (value instanceof Uint8Array) return Buffer.from(value);
  throw new TypeError('expected bytes from the database');
}
