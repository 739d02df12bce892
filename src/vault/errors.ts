import { errorCodes } from '../errors.js';

/** Vault error codes. Messages name scopes and versions only, never key material or plaintext. */
export const vaultErrors = errorCodes('vault', {
  invalid_scope: ['invalid_input', 'the key scope is not a brand id or the system scope'],
  invalid_ciphertext: ['invalid_input', 'the value is not a callvault ciphertext'],
  decrypt_failed: ['forbidden', 'the ciphertext does not belong to this record or was altered'],
  key_destroyed: ['not_found', 'the keys of this scope were destroyed; its data is unreadable'],
  key_retired: ['not_found', 'the data-key version of this ciphertext was retired'],
  key_unknown: ['not_found', 'no data key of this version exists for the scope'],
  scope_key_missing: ['unavailable', 'the key folder holds no key material for this scope'],
  kek_unavailable: ['unavailable', 'the key-encryption key cannot be read'],
  kek_rotation_unsupported: ['conflict', 'the key-encryption key comes from CALLVAULT_KEK; rotate it in the secret store'],
  confirmation_required: ['invalid_input', 'destroying keys needs the brand id repeated as confirmation'],
  forbidden: ['forbidden', 'not allowed'],
});
