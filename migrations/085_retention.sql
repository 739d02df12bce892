-- Retention: how long each class of a brand's data is kept, legal holds that suspend purges, and
-- the reports of purge runs. No customer data here: ids, counts, days and case references only.

-- Days per brand and data class. The original transcript and recording are NOT here: their days
-- stay in brand_redaction_policies.keep_original_days (read at redaction time to set
-- calls.original_until), and the retention module reads and writes that column through the calls
-- module, so there is one source of truth. A missing row means the class is kept (no purge),
-- except audit events whose policy defaults to the PCI DSS 10.5.1 floor.
CREATE TABLE retention_policies (
  brand_id UUID NOT NULL REFERENCES brands (id) ON DELETE CASCADE,
  data_class TEXT NOT NULL CHECK (data_class IN ('redacted_calls', 'qa_notes', 'payment_tokens', 'audit_events')),
  days INTEGER NOT NULL CHECK (days BETWEEN 1 AND 36500),
  -- PCI DSS 10.5.1: audit logs are retained at least 12 months.
  CHECK (data_class <> 'audit_events' OR days >= 365),
  updated_by TEXT NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (brand_id, data_class)
);

-- Legal holds on a whole brand (call_id NULL) or on one call. The reason is a case reference
-- (e.g. "2026-CV-0142"), not free text: a hold lives for years and is shown to auditors, and a
-- reference keeps names out of it. call_id has no foreign key: a released hold stays as evidence
-- after its call is purged.
CREATE TABLE legal_holds (
  id UUID PRIMARY KEY,
  brand_id UUID NOT NULL REFERENCES brands (id) ON DELETE CASCADE,
  call_id UUID,
  case_ref TEXT NOT NULL CHECK (case_ref ~ '^[A-Za-z0-9][A-Za-z0-9._:/#-]{0,63}$'),
  placed_by TEXT NOT NULL,
  placed_at TIMESTAMPTZ NOT NULL,
  released_by TEXT,
  released_at TIMESTAMPTZ
);
CREATE INDEX legal_holds_active ON legal_holds (brand_id, call_id) WHERE released_at IS NULL;
-- One active hold per case and target (placing it twice is a conflict, not a second row).
CREATE UNIQUE INDEX legal_holds_unique_active ON legal_holds (brand_id, COALESCE(call_id::text, ''), case_ref) WHERE released_at IS NULL;

-- A purge run (hourly or on demand) and what it did per brand and class.
CREATE TABLE retention_runs (
  id UUID PRIMARY KEY,
  trigger TEXT NOT NULL CHECK (trigger IN ('schedule', 'manual')),
  triggered_by TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  started_at TIMESTAMPTZ NOT NULL,
  finished_at TIMESTAMPTZ,
  purged INTEGER NOT NULL DEFAULT 0,
  skipped_hold INTEGER NOT NULL DEFAULT 0,
  errors INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX retention_runs_started ON retention_runs (started_at DESC, id DESC);

CREATE TABLE retention_run_items (
  run_id UUID NOT NULL REFERENCES retention_runs (id) ON DELETE CASCADE,
  brand_id UUID NOT NULL,
  data_class TEXT NOT NULL CHECK (data_class IN ('originals', 'redacted_calls', 'qa_notes', 'payment_tokens', 'audit_events')),
  days INTEGER,
  purged INTEGER NOT NULL DEFAULT 0,
  skipped_hold INTEGER NOT NULL DEFAULT 0,
  errors INTEGER NOT NULL DEFAULT 0,
  -- A fixed note from the code ("kept: audit trail is append-only"), never data.
  note TEXT,
  PRIMARY KEY (run_id, brand_id, data_class)
);
