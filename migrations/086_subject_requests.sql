-- Data-subject requests (GDPR Art. 15 access / Art. 17 erasure, CCPA right to know / to delete).
-- No identifier of the subject is stored in clear: each one is kept as its type and the keyed hash
-- the calls' blind index uses (HMAC under the brand's secret), so the table can find the calls but
-- reveals nothing without the brand key. Free-text reasons are sealed with the brand key.

CREATE TABLE subject_requests (
  id UUID PRIMARY KEY,
  brand_id UUID NOT NULL REFERENCES brands (id) ON DELETE CASCADE,
  -- A short number per installation, for people to name the request ("DSR-12").
  number BIGSERIAL NOT NULL UNIQUE,
  regime TEXT NOT NULL CHECK (regime IN ('gdpr', 'ccpa')),
  -- GDPR: access (Art. 15) or erasure (Art. 17); CCPA: know or delete (Cal. Civ. Code 1798.100/105).
  kind TEXT NOT NULL CHECK ((regime = 'gdpr' AND kind IN ('access', 'erasure')) OR (regime = 'ccpa' AND kind IN ('know', 'delete'))),
  status TEXT NOT NULL CHECK (status IN ('open', 'found', 'exported', 'erased', 'closed', 'rejected')),
  received_at TIMESTAMPTZ NOT NULL,
  -- The statutory deadline as first computed, and as extended.
  base_due_at TIMESTAMPTZ NOT NULL,
  due_at TIMESTAMPTZ NOT NULL,
  rejection_sealed BYTEA,
  found_count INTEGER,
  found_at TIMESTAMPTZ,
  exported_at TIMESTAMPTZ,
  erased_at TIMESTAMPTZ,
  closed_at TIMESTAMPTZ,
  closed_by TEXT,
  created_by TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX subject_requests_brand ON subject_requests (brand_id, received_at DESC, id DESC);
CREATE INDEX subject_requests_open_due ON subject_requests (due_at) WHERE status NOT IN ('closed', 'rejected');

-- The subject's identifiers: type (PHONE, EMAIL, PERSON, BANK_ACCOUNT) and keyed hash only.
CREATE TABLE subject_request_identifiers (
  request_id UUID NOT NULL REFERENCES subject_requests (id) ON DELETE CASCADE,
  entity_type TEXT NOT NULL CHECK (entity_type IN ('PHONE', 'EMAIL', 'PERSON', 'BANK_ACCOUNT')),
  value_hash BYTEA NOT NULL,
  PRIMARY KEY (request_id, entity_type, value_hash)
);

-- Extensions of the deadline, each with its reason (sealed: it may describe the subject).
-- id = '<request id>:<position>' is the record id bound into the sealed reason.
CREATE TABLE subject_request_extensions (
  id TEXT PRIMARY KEY,
  request_id UUID NOT NULL REFERENCES subject_requests (id) ON DELETE CASCADE,
  brand_id UUID NOT NULL,
  position INTEGER NOT NULL CHECK (position BETWEEN 1 AND 2),
  reason_sealed BYTEA NOT NULL,
  previous_due_at TIMESTAMPTZ NOT NULL,
  new_due_at TIMESTAMPTZ NOT NULL,
  extended_by TEXT NOT NULL,
  extended_at TIMESTAMPTZ NOT NULL,
  UNIQUE (request_id, position)
);

-- The calls found, and what became of each. call_id has no foreign key: an erased call's row is
-- gone, and this row is the evidence that it was erased (ids and dates only).
CREATE TABLE subject_request_calls (
  request_id UUID NOT NULL REFERENCES subject_requests (id) ON DELETE CASCADE,
  call_id UUID NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('found', 'exported', 'erased', 'held')),
  hold_id UUID,
  found_at TIMESTAMPTZ NOT NULL,
  acted_at TIMESTAMPTZ,
  -- Erasure evidence: the call's keys destroyed and its payment tokens deleted (counts).
  keys_destroyed INTEGER,
  tokens_destroyed INTEGER,
  PRIMARY KEY (request_id, call_id)
);

-- Brand key rotation re-seals the reasons (record id bound: the request id, the extension id).
INSERT INTO vault_encrypted_columns (table_name, column_name, id_column, scope_column) VALUES
  ('subject_requests', 'rejection_sealed', 'id', 'brand_id'),
  ('subject_request_extensions', 'reason_sealed', 'id', 'brand_id');
