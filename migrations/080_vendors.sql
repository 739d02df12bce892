-- Vendors (sub-processors, telephony and CCaaS providers, QA outsourcers): who else reaches the
-- brands' data, how (API keys, console users), under which certifications, and when they are due
-- for review. Contacts are people at the vendor (business contact data, not customer data).
CREATE TABLE vendors (
  id UUID PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('sub_processor', 'telephony', 'ccaas', 'qa_outsourcer', 'other')),
  services TEXT NOT NULL DEFAULT '',
  -- active → revoked (every API key revoked and every user suspended, in one audited action).
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
  -- Risk from the last accepted questionnaire (0–100, higher is riskier); NULL until one is accepted.
  risk_score INTEGER CHECK (risk_score IS NULL OR risk_score BETWEEN 0 AND 100),
  review_interval_days INTEGER NOT NULL DEFAULT 365 CHECK (review_interval_days BETWEEN 1 AND 3650),
  last_reviewed_at TIMESTAMPTZ,
  next_review_at TIMESTAMPTZ NOT NULL,
  revoked_at TIMESTAMPTZ,
  revoked_by TEXT,
  created_by TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX vendors_name_unique ON vendors (lower(name));
CREATE INDEX vendors_next_review ON vendors (next_review_at) WHERE status = 'active';

-- Which brands' data a vendor touches, and why (the data it sees).
CREATE TABLE vendor_brands (
  vendor_id UUID NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
  brand_id UUID NOT NULL REFERENCES brands (id) ON DELETE CASCADE,
  data_access TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (vendor_id, brand_id)
);
CREATE INDEX vendor_brands_brand ON vendor_brands (brand_id);

-- The vendor's means of access: its API keys and its people's console accounts.
CREATE TABLE vendor_api_keys (
  vendor_id UUID NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
  api_key_id UUID NOT NULL REFERENCES api_keys (id) ON DELETE CASCADE,
  PRIMARY KEY (api_key_id)
);
CREATE INDEX vendor_api_keys_vendor ON vendor_api_keys (vendor_id);
CREATE TABLE vendor_users (
  vendor_id UUID NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (user_id)
);
CREATE INDEX vendor_users_vendor ON vendor_users (vendor_id);
