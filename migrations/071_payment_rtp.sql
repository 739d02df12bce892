-- RFC 4733 streams forked to callvault's UDP listener: which call an SSRC belongs to, declared by
-- the telephony platform (API key), optionally pinned to the address the packets come from.
CREATE TABLE payment_rtp_streams (
  ssrc BIGINT PRIMARY KEY CHECK (ssrc BETWEEN 0 AND 4294967295),
  brand_id UUID NOT NULL REFERENCES brands (id) ON DELETE CASCADE,
  call_ref TEXT NOT NULL CHECK (length(call_ref) BETWEEN 1 AND 200),
  source_ip TEXT,
  payload_type INTEGER NOT NULL DEFAULT 101 CHECK (payload_type BETWEEN 96 AND 127),
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX payment_rtp_streams_call ON payment_rtp_streams (brand_id, call_ref);
