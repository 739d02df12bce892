-- Access recertification (PCI DSS 7.2.4: review every user account and its privileges at least
-- once every six months). A campaign snapshots, at opening, every role assignment and every live
-- API key of its brands; each brand's supervisors confirm or remove each item; at the deadline
-- the unanswered ones are removed (or kept and marked, per the campaign's rule) and the campaign
-- is closed with a summary per brand, kept as evidence.
CREATE TABLE recert_campaigns (
  id UUID PRIMARY KEY,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed')),
  -- What happens to items nobody answered by the deadline.
  at_deadline TEXT NOT NULL CHECK (at_deadline IN ('remove', 'keep')),
  deadline TIMESTAMPTZ NOT NULL,
  opened_by TEXT NOT NULL,
  opened_at TIMESTAMPTZ NOT NULL,
  closed_at TIMESTAMPTZ,
  closed_by TEXT
);
CREATE INDEX recert_campaigns_open ON recert_campaigns (deadline) WHERE status = 'open';

-- The brands a campaign covers; `summary` is written when it closes (the evidence, per brand, so
-- each brand's auditors see their own part only).
CREATE TABLE recert_campaign_brands (
  campaign_id UUID NOT NULL REFERENCES recert_campaigns (id) ON DELETE CASCADE,
  brand_id UUID NOT NULL REFERENCES brands (id) ON DELETE CASCADE,
  summary JSONB,
  PRIMARY KEY (campaign_id, brand_id)
);
CREATE INDEX recert_campaign_brands_brand ON recert_campaign_brands (brand_id);

-- One item per access held at opening. No foreign key to users or api_keys: the evidence outlives them.
CREATE TABLE recert_items (
  id UUID PRIMARY KEY,
  campaign_id UUID NOT NULL REFERENCES recert_campaigns (id) ON DELETE CASCADE,
  brand_id UUID NOT NULL REFERENCES brands (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('user_role', 'api_key')),
  subject_id UUID NOT NULL,
  -- The role held at opening (user_role items only).
  role TEXT,
  -- NULL while unanswered.
  decision TEXT CHECK (decision IN ('confirmed', 'removed', 'removed_at_deadline', 'kept_unanswered')),
  -- A reviewer's reason (about the access, not about customers).
  note TEXT,
  answered_by TEXT,
  answered_at TIMESTAMPTZ,
  UNIQUE (campaign_id, brand_id, kind, subject_id)
);
CREATE INDEX recert_items_campaign ON recert_items (campaign_id, brand_id);
