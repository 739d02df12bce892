-- Secure payment capture. No table here holds a card number or a security code in clear: the
-- session row carries masked progress only, keypress rows carry ids only (for replay refusal),
-- and a reusable card is kept as a token sealed with the brand's payment key, which is separate
-- from its data key.

-- Which of a brand's keys seals a registered column: its data key or its payment key.
ALTER TABLE vault_encrypted_columns ADD COLUMN key_purpose TEXT NOT NULL DEFAULT 'data' CHECK (key_purpose IN ('data', 'payment'));

CREATE TABLE payment_settings (
  brand_id UUID PRIMARY KEY REFERENCES brands (id) ON DELETE CASCADE,
  processor TEXT NOT NULL DEFAULT 'sandbox' CHECK (processor IN ('sandbox', 'webhook')),
  -- The brand's processor endpoint (webhook connector) and where recording pause/resume is sent.
  processor_url TEXT CHECK (processor_url ~ '^https://'),
  recording_url TEXT CHECK (recording_url ~ '^https://'),
  collect_postal BOOLEAN NOT NULL DEFAULT false,
  keep_token BOOLEAN NOT NULL DEFAULT false,
  max_attempts INTEGER NOT NULL DEFAULT 3 CHECK (max_attempts BETWEEN 1 AND 10),
  timeout_seconds INTEGER NOT NULL DEFAULT 300 CHECK (timeout_seconds BETWEEN 60 AND 1800),
  -- HMAC secrets (vault, brand data key) for keypresses the telephony platform signs and for
  -- webhooks callvault signs; the previous one stays valid during a rotation.
  signing_secret_sealed BYTEA,
  previous_secret_sealed BYTEA,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO vault_encrypted_columns (table_name, column_name, id_column, scope_column)
VALUES ('payment_settings', 'signing_secret_sealed', 'brand_id', 'brand_id'), ('payment_settings', 'previous_secret_sealed', 'brand_id', 'brand_id')
ON CONFLICT DO NOTHING;

-- Server nodes able to hold sessions: the public half of each one's in-memory code key, so any
-- node can seal a digit that only the holder can open, and a heartbeat to notice a node gone.
CREATE TABLE payment_nodes (
  node_id TEXT PRIMARY KEY CHECK (node_id ~ '^[A-Za-z0-9_.:-]{1,100}$'),
  code_public_key BYTEA NOT NULL,
  started_at TIMESTAMPTZ NOT NULL,
  heartbeat_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE payment_sessions (
  id UUID PRIMARY KEY,
  brand_id UUID NOT NULL REFERENCES brands (id) ON DELETE CASCADE,
  -- The telephony platform's call id, so its keypresses and RTP streams find the session.
  call_ref TEXT NOT NULL CHECK (length(call_ref) BETWEEN 1 AND 200),
  agent_id UUID REFERENCES users (id) ON DELETE SET NULL,
  amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
  currency TEXT NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  -- Agents type it and may name the customer: sealed with the brand's data key.
  description_sealed BYTEA NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('collecting', 'ready', 'processing', 'succeeded', 'declined', 'failed', 'cancelled', 'expired')),
  progress JSONB NOT NULL,
  masked_card TEXT CHECK (masked_card !~ '[0-9]{5}'),
  card_brand TEXT NOT NULL DEFAULT 'unknown',
  reason TEXT,
  processor_reference TEXT,
  token_id TEXT,
  holder_node TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  expires_at TIMESTAMPTZ NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  ended_at TIMESTAMPTZ
);
INSERT INTO vault_encrypted_columns (table_name, column_name, id_column, scope_column)
VALUES ('payment_sessions', 'description_sealed', 'id', 'brand_id') ON CONFLICT DO NOTHING;
-- One live capture per call: a second agent click must not open a parallel keypad.
CREATE UNIQUE INDEX payment_sessions_live_call ON payment_sessions (brand_id, call_ref) WHERE state IN ('collecting', 'ready', 'processing');
CREATE INDEX payment_sessions_brand_created ON payment_sessions (brand_id, created_at DESC, id DESC);
CREATE INDEX payment_sessions_live_expiry ON payment_sessions (expires_at) WHERE state IN ('collecting', 'ready', 'processing');

-- Ids of keypress messages already taken: a replay of a signed message is refused. No key value.
CREATE TABLE payment_keypress_events (
  session_id UUID NOT NULL REFERENCES payment_sessions (id) ON DELETE CASCADE,
  event_id TEXT NOT NULL CHECK (event_id ~ '^[A-Za-z0-9_.:-]{1,100}$'),
  received_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (session_id, event_id)
);

-- Reusable cards: opaque id, what may be shown beside it, and the number sealed with the brand's
-- payment key (record id bound), opened only by the processor connector.
CREATE TABLE payment_tokens (
  id TEXT PRIMARY KEY CHECK (id ~ '^tok_[A-Za-z0-9_-]{20,64}$'),
  brand_id UUID NOT NULL REFERENCES brands (id) ON DELETE CASCADE,
  card_sealed BYTEA NOT NULL,
  card_brand TEXT NOT NULL,
  last_four TEXT NOT NULL CHECK (last_four ~ '^[0-9]{4}$'),
  exp_month INTEGER NOT NULL CHECK (exp_month BETWEEN 1 AND 12),
  exp_year INTEGER NOT NULL CHECK (exp_year BETWEEN 2000 AND 2099),
  session_id UUID REFERENCES payment_sessions (id) ON DELETE SET NULL,
  created_at TIMESTAMPTZ NOT NULL,
  revoked_at TIMESTAMPTZ
);
CREATE INDEX payment_tokens_brand ON payment_tokens (brand_id, created_at DESC);
INSERT INTO vault_encrypted_columns (table_name, column_name, id_column, scope_column, key_purpose)
VALUES ('payment_tokens', 'card_sealed', 'id', 'brand_id', 'payment') ON CONFLICT DO NOTHING;
