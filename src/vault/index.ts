/**
 * Vault: envelope encryption per brand (and a 'system' scope for installation secrets), key
 * rotation with background re-encryption, KEK rotation, crypto-shredding.
 *
 *   const kms = await openLocalKms({ keysDir: join(config.dataDir, 'keys'), kekBase64: config.kekBase64 });
 *   const vault = createVault({ kms });
 *   const sealed = await vault.encrypt(tx, { brandId }, recordId, Buffer.from(text));
 */
export type { Kms, KeyScope, Vault } from './types.js';
export { createVault, type VaultOptions, type VaultService } from './vault.js';
export { openLocalKms, type LocalKms } from './local-kms.js';
export { declareEncryptedColumn, encryptedColumns, type EncryptedColumn } from './registry.js';
export { createKeyService, type KeyService, type KeyVersionView, type RotationResult } from './key-service.js';
export { REENCRYPT_JOB, reencryptJobHandler } from './reencrypt.js';
export { OVERHEAD_BYTES, sealedKeyVersion } from './ciphertext.js';
export { brandScope, parseScopeKey, paymentScope, purposeOf, scopeKey, SYSTEM_SCOPE } from './scope.js';
export { vaultErrors } from './errors.js';
