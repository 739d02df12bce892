-- Security training records (PCI DSS 12.6.1-12.6.3: security awareness at hire and at least once
-- every 12 months; ISO 27001:2022 A.6.3). Modules with a validity period, completions with their
-- expiry, and the modules a brand requires before anyone is assigned to it.
CREATE TABLE training_modules (
  id TEXT PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9_]{1,62}$'),
  title TEXT NOT NULL,
  validity_months INTEGER NOT NULL DEFAULT 12 CHECK (validity_months BETWEEN 1 AND 60),
  created_by TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
-- The seeds' modules; the installation time is their creation time (no application clock here).
INSERT INTO training_modules (id, title, validity_months, created_by, created_at) VALUES
  ('data_handling', 'Handling card and personal data', 12, 'system:migration', now()),
  ('phishing', 'Recognising phishing and social engineering', 12, 'system:migration', now()),
  ('incident_reporting', 'Reporting a security incident', 12, 'system:migration', now());

CREATE TABLE training_completions (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  module_id TEXT NOT NULL REFERENCES training_modules (id) ON DELETE CASCADE,
  completed_at TIMESTAMPTZ NOT NULL,
  -- completed_at + the module's validity when recorded (a later change of validity keeps old records as they were).
  expires_at TIMESTAMPTZ NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX training_completions_user ON training_completions (user_id, module_id, expires_at DESC);

CREATE TABLE brand_training_requirements (
  brand_id UUID NOT NULL REFERENCES brands (id) ON DELETE CASCADE,
  module_id TEXT NOT NULL REFERENCES training_modules (id) ON DELETE CASCADE,
  PRIMARY KEY (brand_id, module_id)
);
