-- Vendor security questionnaires: one sent to a vendor, answered through a time-limited link with
-- no account, then reviewed. The definition is in the repository (id + version kept here, so the
-- questions of an answered questionnaire never change). Answers are vendor business data; the
-- free-text ones are sealed with the vault's system scope anyway (record id = questionnaire id).
CREATE TABLE questionnaires (
  id UUID PRIMARY KEY,
  vendor_id UUID NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
  definition_id TEXT NOT NULL,
  definition_version INTEGER NOT NULL,
  -- sent (awaiting answers; a draft may be saved) → submitted → accepted | rejected, or back to
  -- sent with a new link when the reviewer asks again (round + 1).
  status TEXT NOT NULL CHECK (status IN ('sent', 'submitted', 'accepted', 'rejected')),
  round INTEGER NOT NULL DEFAULT 1,
  answers JSONB NOT NULL DEFAULT '{}'::jsonb,
  text_answers_sealed BYTEA,
  draft_saved_at TIMESTAMPTZ,
  submitted_at TIMESTAMPTZ,
  findings JSONB,
  risk_score INTEGER CHECK (risk_score IS NULL OR risk_score BETWEEN 0 AND 100),
  review_comment_sealed BYTEA,
  reviewed_by TEXT,
  reviewed_at TIMESTAMPTZ,
  sent_by TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX questionnaires_vendor ON questionnaires (vendor_id, created_at DESC);
CREATE INDEX questionnaires_status ON questionnaires (status, updated_at DESC);

-- The links: only the SHA-256 of the random token is kept, so the table cannot be used to answer.
-- One live link per questionnaire: asking again revokes the old one.
CREATE TABLE questionnaire_links (
  id UUID PRIMARY KEY,
  questionnaire_id UUID NOT NULL REFERENCES questionnaires (id) ON DELETE CASCADE,
  token_hash BYTEA NOT NULL UNIQUE,
  expires_at TIMESTAMPTZ NOT NULL,
  created_by TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  used_at TIMESTAMPTZ,
  revoked_at TIMESTAMPTZ
);
CREATE INDEX questionnaire_links_questionnaire ON questionnaire_links (questionnaire_id, created_at DESC);

INSERT INTO vault_encrypted_columns (table_name, column_name, id_column, scope_column)
VALUES ('questionnaires', 'text_answers_sealed', 'id', NULL), ('questionnaires', 'review_comment_sealed', 'id', NULL) ON CONFLICT DO NOTHING;
