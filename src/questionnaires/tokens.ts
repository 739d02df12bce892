import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'cvq_';
/** 32 random bytes, base64url: what a link's token looks like (the prefix makes a leaked one recognisable). */
export const TOKEN_PATTERN = /^cvq_[A-Za-z0-9_-]{43}$/;

export function newLinkToken(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

/**
 * Only this hash is stored. A token has 256 bits of entropy, so a plain SHA-256 (no salt, no slow
 * hash) cannot be reversed, and looking it up by hash through a unique index leaks no timing
 * about the token itself.
 */
export function linkTokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
