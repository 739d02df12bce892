import { createCipheriv, createDecipheriv, randomBytes, type KeyObject } from 'node:crypto';
import { vaultErrors } from './errors.js';

/**
 * Binary layout of every value the vault seals (big-endian):
 *
 *   offset  size  field
 *   0       1     format, 0x01 = AES-256-GCM, 96-bit random IV, 128-bit tag
 *   1       4     data-key version (uint32) of the scope's key that sealed it
 *   5       12    IV (NIST SP 800-38D §8.2.2 random construction)
 *   17      n     ciphertext (same length as the plaintext)
 *   17+n    16    GCM authentication tag
 *
 * Associated data (authenticated, not stored): the 5 header bytes, the scope string (`system` or
 * `brand:<id>`), a 0x00 separator and the record id. A ciphertext copied to another record or to
 * another brand therefore fails authentication instead of decrypting there.
 */
export const FORMAT_AES256_GCM = 0x01;
export const HEADER_BYTES = 5;
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const OVERHEAD_BYTES = HEADER_BYTES + IV_BYTES + TAG_BYTES;

/** Key version recorded in a sealed value (throws on anything that is not our format). */
export function sealedKeyVersion(sealed: Buffer): number {
  if (sealed.length < OVERHEAD_BYTES || sealed[0] !== FORMAT_AES256_GCM) throw vaultErrors.invalid_ciphertext();
  return sealed.readUInt32BE(1);
}

/** The 4 bytes a SQL query compares (`substring(col from 2 for 4)`) to find values of a version. */
export function versionBytes(version: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(version);
  return b;
}

function aad(header: Buffer, scope: string, recordId: string): Buffer {
  return Buffer.concat([header, Buffer.from(scope, 'utf8'), Buffer.from([0]), Buffer.from(recordId, 'utf8')]);
}

export function seal(key: KeyObject, version: number, scope: string, recordId: string, plaintext: Buffer): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header[0] = FORMAT_AES256_GCM;
  header.writeUInt32BE(version, 1);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad(header, scope, recordId));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([header, iv, body, cipher.getAuthTag()]);
}

export function open(key: KeyObject, scope: string, recordId: string, sealed: Buffer): Buffer {
  sealedKeyVersion(sealed);
  const header = sealed.subarray(0, HEADER_BYTES);
  const iv = sealed.subarray(HEADER_BYTES, HEADER_BYTES + IV_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const body = sealed.subarray(HEADER_BYTES + IV_BYTES, sealed.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(aad(header, scope, recordId));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw vaultErrors.decrypt_failed();
  }
}
