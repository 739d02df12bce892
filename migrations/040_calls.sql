-- Calls: ingest, redaction per brand policy, QA review, break-glass access to originals.
-- Content (transcripts, findings, notes, reasons) is sealed with the call's own data key, which is
-- itself sealed by the brand's key (call_keys): deleting one call_keys row crypto-shreds one call.
-- Timestamps are written by the application clock, so retention and grant expiry are testable.

-- A brand's redaction policy (the engine's policy JSON: types, operators, minimum scores) and what
-- is kept. No customer data here.
CREATE TABLE brand_redaction_policies (
  brand_id UUID PRIMARY KEY REFERENCES brands (id) ON DELETE CASCADE,
  policy JSONB NOT NULL,
  -- NULL: the original is deleted once the redacted call is stored; N: kept N days, sealed.
  keep_original_days INTEGER CHECK (keep_original_days IS NULL OR keep_original_days BETWEEN 1 AND 3650),
  audio_mode TEXT NOT NULL DEFAULT 'silence' CHECK (audio_mode IN ('silence', 'tone')),
  mask_dtmf BOOLEAN NOT NULL DEFAULT true,
  version INTEGER NOT NULL DEFAULT 1,
  updated_by TEXT NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);

-- Per-brand secrets for keyed hashes (blind index, hash operator), sealed by the brand key.
-- id = '<brand id>:<purpose>' is the record id bound into the ciphertext.
CREATE TABLE brand_secrets (
  id TEXT PRIMARY KEY,
  brand_id UUID NOT NULL REFERENCES brands (id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('blind_index', 'pseudonym')),
  secret_sealed BYTEA NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  UNIQUE (brand_id, purpose)
);

CREATE TABLE calls (
  id UUID PRIMARY KEY,
  brand_id UUID NOT NULL REFERENCES brands (id) ON DELETE CASCADE,
  -- The platform's own ids: call id and agent id (opaque references, not names).
  external_id TEXT NOT NULL,
  agent_ref TEXT,
  started_at TIMESTAMPTZ,
  ended_at TIMESTAMPTZ,
  channels INTEGER NOT NULL DEFAULT 1 CHECK (channels BETWEEN 1 AND 8),
  source_format TEXT NOT NULL,
  has_recording BOOLEAN NOT NULL DEFAULT false,
  -- received → processing → ready | failed. A call is shown to reviewers only when ready.
  status TEXT NOT NULL CHECK (status IN ('received', 'processing', 'ready', 'failed')),
  failure_code TEXT,
  job_id BIGINT,
  idempotency_key TEXT,
  request_hash BYTEA,
  ingested_by TEXT NOT NULL,
  -- Summary of the redacted call (counts and scores only).
  turn_count INTEGER,
  redaction_count INTEGER,
  redaction_types TEXT[],
  sentiment REAL,
  duration_seconds REAL,
  policy_version INTEGER,
  -- When the kept original must be purged; NULL when none is kept (or it was purged).
  original_until TIMESTAMPTZ,
  original_purged_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX calls_idempotency ON calls (brand_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX calls_brand_created ON calls (brand_id, created_at DESC, id DESC);
CREATE INDEX calls_original_until ON calls (original_until) WHERE original_until IS NOT NULL;

-- The call's data keys (random 256-bit), sealed by the brand key with id = '<call id>:<purpose>'
-- bound: 'content' seals the redacted call, 'original' the original while it is kept. Purging the
-- original deletes its key, so copies in backups become unreadable too (crypto-shredding).
CREATE TABLE call_keys (
  id TEXT PRIMARY KEY,
  call_id UUID NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
  brand_id UUID NOT NULL,
  purpose TEXT NOT NULL CHECK (purpose IN ('content', 'original')),
  key_sealed BYTEA NOT NULL,
  UNIQUE (call_id, purpose)
);

-- Sealed content pieces of a call: original transcript, redacted document, review view, findings.
CREATE TABLE call_content (
  call_id UUID NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('original_transcript', 'redacted_transcript', 'review')),
  sealed BYTEA NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (call_id, kind)
);

-- Recordings in the object store: which object holds which version of the audio.
CREATE TABLE call_recordings (
  call_id UUID NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('original', 'redacted')),
  object_key TEXT NOT NULL,
  bytes BIGINT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (call_id, kind)
);

-- Blind index: HMAC-SHA256 (brand key) of each detected value's canonical form, so a data-subject
-- request finds every call mentioning a phone number or email without any value stored in clear.
CREATE TABLE call_blind_index (
  brand_id UUID NOT NULL,
  call_id UUID NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
  entity_type TEXT NOT NULL,
  value_hash BYTEA NOT NULL,
  PRIMARY KEY (call_id, entity_type, value_hash)
);
CREATE INDEX call_blind_index_lookup ON call_blind_index (brand_id, value_hash);

CREATE TABLE call_scorecards (
  id UUID PRIMARY KEY,
  call_id UUID NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
  brand_id UUID NOT NULL,
  reviewer_id UUID NOT NULL,
  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
  -- Notes as the reviewer typed them, after redaction, sealed with the call key.
  notes_sealed BYTEA,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX call_scorecards_call ON call_scorecards (call_id, created_at);

-- Break-glass: a supervisor's time-boxed access to a call's original, with a written reason.
CREATE TABLE call_break_glass (
  id UUID PRIMARY KEY,
  call_id UUID NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
  brand_id UUID NOT NULL,
  user_id UUID NOT NULL,
  -- The reason after redaction, sealed with the call key.
  reason_sealed BYTEA NOT NULL,
  granted_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  original_available BOOLEAN NOT NULL
);
CREATE INDEX call_break_glass_user ON call_break_glass (user_id, call_id, expires_at DESC);

-- Brand key rotation re-seals these (the call keys and brand secrets; the content stays sealed
-- by the call keys, which do not change).
INSERT INTO vault_encrypted_columns (table_name, column_name, id_column, scope_column) VALUES
  ('call_keys', 'key_sealed', 'id', 'brand_id'),
  ('brand_secrets', 'secret_sealed', 'id', 'brand_id'),
  ('call_break_glass', 'reason_sealed', 'id', 'brand_id');
