-- Unusual-access detection over the audit trail. One node at a time scores (detection_lease);
-- detection_cursors say how far each audit chain has been scored, written in the same
-- transaction as the alerts those events raised, so each event is scored once.
CREATE TABLE detection_lease (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  holder TEXT NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE detection_cursors (
  chain_id TEXT PRIMARY KEY,
  seq BIGINT NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);

-- Alerts: who (actor ids), why (reasons: counts, brands, networks), evidence (audit event ids
-- chain:seq). Never customer data. status: new → acknowledged | dismissed | incident.
CREATE TABLE alerts (
  id TEXT PRIMARY KEY,
  raised_at TIMESTAMPTZ NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  role TEXT NOT NULL,
  brand_ids TEXT[] NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('medium', 'high', 'critical')),
  score INTEGER NOT NULL,
  rules TEXT[] NOT NULL,
  reasons TEXT[] NOT NULL,
  evidence TEXT[] NOT NULL,
  first_event_at TIMESTAMPTZ NOT NULL,
  last_event_at TIMESTAMPTZ NOT NULL,
  status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'acknowledged', 'dismissed', 'incident')),
  status_by TEXT,
  incident_id UUID,
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX alerts_raised ON alerts (raised_at DESC, id DESC);
CREATE INDEX alerts_actor ON alerts (actor_kind, actor_id);
