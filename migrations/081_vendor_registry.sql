-- Vendor registry, beyond 080: the vendor's people (contacts, sealed: names, e-mails and phone
-- numbers are personal data), its certifications with expiry dates, and uploaded evidence files
-- (sealed in the object store with a per-file key that is itself sealed by the vault).

CREATE TABLE vendor_contacts (
  id UUID PRIMARY KEY,
  vendor_id UUID NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  -- JSON {name, email, phone, role} sealed under the system scope, bound to id.
  contact_sealed BYTEA NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX vendor_contacts_vendor ON vendor_contacts (vendor_id, position);
INSERT INTO vault_encrypted_columns (table_name, column_name, id_column, scope_column)
VALUES ('vendor_contacts', 'contact_sealed', 'id', NULL) ON CONFLICT DO NOTHING;

CREATE TABLE vendor_certifications (
  id UUID PRIMARY KEY,
  vendor_id UUID NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('pci_dss_aoc', 'iso_27001', 'soc2_type2', 'other')),
  -- What an 'other' certification is (e.g. "HIPAA attestation"); optional for the named kinds.
  label TEXT NOT NULL DEFAULT '',
  certificate_id TEXT NOT NULL DEFAULT '',
  issued_on DATE NOT NULL,
  expires_on DATE NOT NULL CHECK (expires_on > issued_on),
  created_by TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX vendor_certifications_vendor ON vendor_certifications (vendor_id);
CREATE INDEX vendor_certifications_expiry ON vendor_certifications (expires_on);

CREATE TABLE vendor_evidence (
  id UUID PRIMARY KEY,
  vendor_id UUID NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
  certification_id UUID REFERENCES vendor_certifications (id) ON DELETE SET NULL,
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  plain_bytes BIGINT NOT NULL,
  -- SHA-256 of the plaintext: the reader can check a download against the upload.
  sha256 TEXT NOT NULL,
  object_key TEXT NOT NULL,
  -- The file's own AES key, sealed under the system scope and bound to id: deleting the row
  -- shreds the file even in backups of the object store.
  key_sealed BYTEA NOT NULL,
  uploaded_by TEXT NOT NULL,
  uploaded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX vendor_evidence_vendor ON vendor_evidence (vendor_id, uploaded_at DESC);
INSERT INTO vault_encrypted_columns (table_name, column_name, id_column, scope_column)
VALUES ('vendor_evidence', 'key_sealed', 'id', NULL) ON CONFLICT DO NOTHING;
