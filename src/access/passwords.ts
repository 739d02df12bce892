import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { readableCode } from './secrets.js';

/**
 * argon2id with the OWASP Password Storage Cheat Sheet's first recommended configuration:
 * m = 19 MiB (19456 KiB), t = 2 iterations, p = 1. Stated explicitly so a library default change
 * cannot weaken stored hashes; the parameters are kept in each PHC string, so old hashes still verify.
 */
export const ARGON2_PARAMS = {
  algorithm: 2 as Algorithm, // Algorithm.Argon2id (a const enum, not importable as a value here)
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const;

export const PASSWORD_MIN_LENGTH = 12; // PCI DSS 8.3.6: at least 12 characters
export const PASSWORD_MAX_LENGTH = 256; // bounds hashing work per request

const CURRENT_PREFIX = `$argon2id$v=19$m=${ARGON2_PARAMS.memoryCost},t=${ARGON2_PARAMS.timeCost},p=${ARGON2_PARAMS.parallelism}$`;

/** True when a stored hash was made with other parameters: re-hash it at the next successful sign-in. */
export function needsRehash(storedHash: string): boolean {
  return !storedHash.startsWith(CURRENT_PREFIX);
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMS);
}

/** Verifies; a malformed stored hash counts as a mismatch, never an exception that reveals it. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/**
 * Spends the same time as a real verification when the email is unknown, so response time does
 * not tell an attacker which accounts exist.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(readableCode(24));
  await verifyPassword(await dummyHash, password);
  return false;
}

/**
 * Password rules (NIST SP 800-63B §5.1.1.2: length, not composition; PCI DSS 8.3.6: at least 12
 * characters with letters and digits). Returns the reason code or null when acceptable.
 */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (password.length > PASSWORD_MAX_LENGTH) return 'too_long';
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return 'needs_letters_and_digits';
  const localPart = email.toLowerCase().split('@')[0] ?? '';
  if (localPart.length >= 4 && password.toLowerCase().includes(localPart)) return 'contains_email';
  return null;
}

/** A one-time password for a new or demo user: 20 readable characters (100 bits), changed at first sign-in. */
export function generateOneTimePassword(): string {
  const code = readableCode(20);
  return `${code.slice(0, 5)}-${code.slice(5, 10)}-${code.slice(10, 15)}-${code.slice(15)}`;
}
