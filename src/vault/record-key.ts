import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { vaultErrors } from './errors.js';

/**
 * A record's own data key: a random AES-256 key that seals one record's content (a call's
 * transcripts, notes, recording) and is itself sealed by the brand key (`vault.encrypt`). Deleting
 * the sealed record key erases that one record as surely as destroying the brand key erases a
 * brand (crypto-shredding per record), and a brand key rotation re-seals only the small record
 * keys, never the content.
 *
 * Layout of a small value sealed with a record key (big-endian):
 *   0   1   format 0x02 = AES-256-GCM with a record key
 *   1   12  IV (random, NIST SP 800-38D §8.2.2)
 *   13  n   ciphertext
 *   ..  16  tag
 * Associated data: the format byte, then the purpose string (e.g. `call:<id>:review`), so a value
 * moved to another record or slot fails authentication.
 */
export const RECORD_KEY_BYTES = 32;
const FORMAT = 0x02;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function newRecordKey(): Buffer {
  return randomBytes(RECORD_KEY_BYTES);
}

export function sealWithRecordKey(key: Buffer, purpose: string, plaintext: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.concat([Buffer.from([FORMAT]), Buffer.from(purpose, 'utf8')]));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([FORMAT]), iv, body, cipher.getAuthTag()]);
}

export function openWithRecordKey(key: Buffer, purpose: string, sealed: Buffer): Buffer {
  if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== FORMAT) throw vaultErrors.invalid_ciphertext();
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 1 + IV_BYTES));
    decipher.setAAD(Buffer.concat([Buffer.from([FORMAT]), Buffer.from(purpose, 'utf8')]));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw vaultErrors.decrypt_failed();
  }
}
