-- Tamper-evident audit trail (PCI DSS 10.2, 10.3.4): one hash chain per brand plus the
-- installation-wide chain 'installation'; the head of each chain is a row locked by appenders.
CREATE TABLE audit_chains (
  chain_id TEXT PRIMARY KEY,
  head_seq BIGINT NOT NULL DEFAULT 0,
  head_hash BYTEA NOT NULL,
  checkpoint_seq BIGINT NOT NULL DEFAULT 0,
  checkpoint_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Who, what, when, where, which brand and record, outcome: never the data itself.
CREATE TABLE audit_events (
  chain_id TEXT NOT NULL,
  seq BIGINT NOT NULL,
  at TIMESTAMPTZ NOT NULL,
  brand_id TEXT,
  actor_kind TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  action TEXT NOT NULL,
  target_type TEXT,
  target_id TEXT,
  outcome TEXT NOT NULL,
  ip TEXT,
  user_agent TEXT,
  request_id TEXT,
  details JSONB NOT NULL DEFAULT '{}'::jsonb,
  prev_hash BYTEA NOT NULL,
  hash BYTEA NOT NULL,
  PRIMARY KEY (chain_id, seq)
);
CREATE INDEX audit_events_at ON audit_events (at);
CREATE INDEX audit_events_actor ON audit_events (actor_id, at);
CREATE INDEX audit_events_brand_at ON audit_events (brand_id, at);

-- Signed checkpoints: an RFC 9162 Merkle root over events (from_seq, to_seq], chained to the
-- previous checkpoint by prev_digest, signed with Ed25519.
CREATE TABLE audit_checkpoints (
  chain_id TEXT NOT NULL,
  to_seq BIGINT NOT NULL,
  from_seq BIGINT NOT NULL,
  root BYTEA NOT NULL,
  at TIMESTAMPTZ NOT NULL,
  prev_digest BYTEA NOT NULL,
  key_id TEXT NOT NULL,
  signature BYTEA NOT NULL,
  PRIMARY KEY (chain_id, to_seq)
);

-- Checkpoint signing keys. The private key is sealed by the vault (system scope, record id = id).
CREATE TABLE audit_signing_keys (
  id TEXT PRIMARY KEY,
  public_key BYTEA NOT NULL,
  sealed_private_key BYTEA NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  retired_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX audit_signing_keys_one_current ON audit_signing_keys ((true)) WHERE retired_at IS NULL;

INSERT INTO vault_encrypted_columns (table_name, column_name, id_column, scope_column)
VALUES ('audit_signing_keys', 'sealed_private_key', 'id', NULL) ON CONFLICT DO NOTHING;

-- Forwarders (syslog / CEF) remember how far they sent each chain, so a restart resends nothing
-- twice and skips nothing.
CREATE TABLE audit_forward_cursors (
  forwarder TEXT NOT NULL,
  chain_id TEXT NOT NULL,
  seq BIGINT NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (forwarder, chain_id)
);
