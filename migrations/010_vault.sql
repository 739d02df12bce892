-- Vault: data keys per scope ('system' or 'brand:<id>'), each wrapped by the KMS. Ciphertexts
-- record the version that sealed them (see src/vault/ciphertext.ts for the binary layout).
CREATE TABLE vault_data_keys (
  scope TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version > 0),
  -- active: seals new writes (one per scope); decrypt_only: older, still read until re-encryption
  -- has moved its records; retired: wrapped key erased.
  status TEXT NOT NULL CHECK (status IN ('active', 'decrypt_only', 'retired')),
  kek_id TEXT NOT NULL,
  wrapped BYTEA,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  retired_at TIMESTAMPTZ,
  PRIMARY KEY (scope, version),
  CHECK ((status = 'retired') = (wrapped IS NULL))
);
CREATE UNIQUE INDEX vault_data_keys_one_active ON vault_data_keys (scope) WHERE status = 'active';

-- Scopes whose keys were destroyed (crypto-shredding): no new key is ever created for them.
CREATE TABLE vault_destroyed_scopes (
  scope TEXT PRIMARY KEY,
  destroyed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Registry of encrypted columns, declared by the module that owns them (in its migration:
-- INSERT ... ON CONFLICT DO NOTHING, or declareEncryptedColumn()). Re-encryption after a key
-- rotation finds records through it. scope_column holds the brand id; NULL = 'system' scope.
-- The record id bound as associated data is the value of id_column, as text.
CREATE TABLE vault_encrypted_columns (
  table_name TEXT NOT NULL CHECK (table_name ~ '^[a-z_][a-z0-9_]*$'),
  column_name TEXT NOT NULL CHECK (column_name ~ '^[a-z_][a-z0-9_]*$'),
  id_column TEXT NOT NULL CHECK (id_column ~ '^[a-z_][a-z0-9_]*$'),
  scope_column TEXT CHECK (scope_column ~ '^[a-z_][a-z0-9_]*$'),
  PRIMARY KEY (table_name, column_name)
);
