-- Incident response: incidents opened from alerts or reported by people, their playbook tasks,
-- regulatory clocks, reminders sent, and a log of what was done (the timeline's own entries).
-- Free text people type (title, summary, notes) may name customers, so it is sealed by the vault
-- (system scope, record id bound): the database holds no customer data in clear.
CREATE TABLE incidents (
  id UUID PRIMARY KEY,
  number BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  title_sealed BYTEA NOT NULL,
  summary_sealed BYTEA,
  playbook TEXT NOT NULL CHECK (playbook IN ('account_compromise', 'data_exfiltration', 'lost_device', 'vendor_breach', 'payment_data_exposure')),
  severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  status TEXT NOT NULL CHECK (status IN ('open', 'triage', 'contained', 'eradicated', 'recovered', 'closed')),
  source TEXT NOT NULL CHECK (source IN ('alert', 'automatic', 'reported')),
  owner_id UUID REFERENCES users (id) ON DELETE SET NULL,
  -- The actor under suspicion (user or API key), whose trail makes the timeline and blast radius.
  suspect_kind TEXT CHECK (suspect_kind IN ('user', 'api_key')),
  suspect_id TEXT,
  window_from TIMESTAMPTZ NOT NULL,
  window_to TIMESTAMPTZ,
  brand_ids TEXT[] NOT NULL,
  aware_at TIMESTAMPTZ NOT NULL,
  opened_by TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  closed_at TIMESTAMPTZ
);
CREATE INDEX incidents_created ON incidents (created_at DESC, id DESC);

INSERT INTO vault_encrypted_columns (table_name, column_name, id_column, scope_column)
VALUES ('incidents', 'title_sealed', 'id', NULL), ('incidents', 'summary_sealed', 'id', NULL) ON CONFLICT DO NOTHING;

CREATE TABLE incident_alerts (
  incident_id UUID NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  alert_id TEXT NOT NULL REFERENCES alerts (id),
  PRIMARY KEY (incident_id, alert_id)
);
CREATE UNIQUE INDEX incident_alerts_one_incident ON incident_alerts (alert_id);

CREATE TABLE incident_tasks (
  incident_id UUID NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  done_at TIMESTAMPTZ,
  done_by TEXT,
  PRIMARY KEY (incident_id, position)
);

CREATE TABLE incident_clocks (
  incident_id UUID NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('gdpr_authority', 'brand_notice', 'ccpa_notice', 'pci_acquirer')),
  hours NUMERIC(8, 3) NOT NULL,
  started_at TIMESTAMPTZ NOT NULL,
  due_at TIMESTAMPTZ NOT NULL,
  met_at TIMESTAMPTZ,
  met_by TEXT,
  PRIMARY KEY (incident_id, kind)
);

-- One row per reminder point (fraction of the clock, 1 = deadline): sent once by whichever node.
CREATE TABLE incident_reminders (
  incident_id UUID NOT NULL,
  kind TEXT NOT NULL,
  fraction NUMERIC(4, 3) NOT NULL,
  sent_at TIMESTAMPTZ NOT NULL,
  channels TEXT NOT NULL,
  PRIMARY KEY (incident_id, kind, fraction),
  FOREIGN KEY (incident_id, kind) REFERENCES incident_clocks (incident_id, kind) ON DELETE CASCADE
);

-- What happened to the incident: opened, status, owner, severity, notes, tasks, containment,
-- clocks met. details hold ids and codes; a note's text is sealed (record id = the row id).
CREATE TABLE incident_log (
  id UUID PRIMARY KEY,
  seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  incident_id UUID NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  at TIMESTAMPTZ NOT NULL,
  kind TEXT NOT NULL,
  actor TEXT NOT NULL,
  details JSONB NOT NULL DEFAULT '{}'::jsonb,
  note_sealed BYTEA
);
CREATE INDEX incident_log_incident ON incident_log (incident_id, seq);

INSERT INTO vault_encrypted_columns (table_name, column_name, id_column, scope_column)
VALUES ('incident_log', 'note_sealed', 'id', NULL) ON CONFLICT DO NOTHING;
