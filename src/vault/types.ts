import type { Queryable } from '../db/types.js';

/**
 * Key-encryption key provider. The default wraps with a local 0600 key file (or CALLVAULT_KEK);
 * a cloud KMS implements the same two calls.
 */
export interface Kms {
  readonly kekId: string;
  wrap(dataKey: Buffer, context: string): Promise<Buffer>;
  unwrap(wrapped: Buffer, context: string): Promise<Buffer>;
}

/**
 * Which key protects a record: a brand's data key, the brand's separate payment key (card numbers
 * and tokens only, so a transcript key never opens a card: PCI DSS 3.6.1), or the installation's
 * own (MFA secrets, signing keys) under scope 'system'.
 */
export type KeyScope = { brandId: string; purpose?: KeyPurpose } | { system: true };
export type KeyPurpose = 'data' | 'payment';

/**
 * Envelope encryption (AES-256-GCM) with the brand and record id bound as associated data.
 * Every ciphertext records the key version it was sealed with.
 */
export interface Vault {
  encrypt(tx: Queryable, scope: KeyScope, recordId: string, plaintext: Buffer): Promise<Buffer>;
  decrypt(tx: Queryable, scope: KeyScope, recordId: string, sealed: Buffer): Promise<Buffer>;
}
