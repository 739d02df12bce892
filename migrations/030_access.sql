-- Access: brands (tenants), users, per-brand roles, MFA, sessions, rate limits, API keys.
-- Every timestamp is written by the application clock (not now()), so expiry rules are testable.

CREATE TABLE brands (
  id UUID PRIMARY KEY,
  name TEXT NOT NULL,
  -- MFA is mandatory for every role but agent; for agents each brand decides.
  agent_mfa_required BOOLEAN NOT NULL DEFAULT false,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX brands_name_unique ON brands (lower(name));

CREATE TABLE users (
  id UUID PRIMARY KEY,
  email TEXT NOT NULL,
  display_name TEXT NOT NULL,
  is_security_admin BOOLEAN NOT NULL DEFAULT false,
  password_hash TEXT NOT NULL,
  -- One-time passwords (new and demo users) must be changed at first sign-in.
  password_change_required BOOLEAN NOT NULL DEFAULT true,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX users_email_unique ON users (lower(email));

-- One role per brand assignment.
CREATE TABLE user_brand_roles (
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  brand_id UUID NOT NULL REFERENCES brands (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('supervisor', 'agent', 'qa_reviewer', 'auditor')),
  PRIMARY KEY (user_id, brand_id)
);
CREATE INDEX user_brand_roles_brand ON user_brand_roles (brand_id);

-- TOTP secrets sealed by the vault (system scope). last_used_step makes each code single-use.
CREATE TABLE mfa_totp (
  user_id UUID PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  secret_sealed BYTEA,
  pending_secret_sealed BYTEA,
  confirmed_at TIMESTAMPTZ,
  last_used_step BIGINT
);

CREATE TABLE mfa_recovery_codes (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash BYTEA NOT NULL,
  used_at TIMESTAMPTZ
);
CREATE INDEX mfa_recovery_codes_user ON mfa_recovery_codes (user_id);

CREATE TABLE webauthn_credentials (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  credential_id TEXT NOT NULL UNIQUE,
  public_key BYTEA NOT NULL,
  counter BIGINT NOT NULL,
  transports TEXT NOT NULL DEFAULT '',
  label TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  last_used_at TIMESTAMPTZ
);
CREATE INDEX webauthn_credentials_user ON webauthn_credentials (user_id);

-- Sessions live in the database so several servers share them. Only the SHA-256 of the id is kept.
CREATE TABLE sessions (
  id_hash BYTEA PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- 'password_change' | 'mfa' | 'mfa_enrollment' | 'active'
  stage TEXT NOT NULL,
  mfa_verified BOOLEAN NOT NULL DEFAULT false,
  created_at TIMESTAMPTZ NOT NULL,
  last_seen_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- WebAuthn challenges, one per session and purpose, burned (deleted) when used.
CREATE TABLE webauthn_challenges (
  session_hash BYTEA NOT NULL REFERENCES sessions (id_hash) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('registration', 'authentication')),
  challenge TEXT NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (session_hash, purpose)
);

-- Fixed-window counters shared by every server.
CREATE TABLE rate_limits (
  key TEXT NOT NULL,
  window_start TIMESTAMPTZ NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (key, window_start)
);

CREATE TABLE api_keys (
  id UUID PRIMARY KEY,
  brand_id UUID NOT NULL REFERENCES brands (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  prefix TEXT NOT NULL UNIQUE,
  secret_hash BYTEA NOT NULL,
  scopes TEXT[] NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  last_used_at TIMESTAMPTZ,
  revoked_at TIMESTAMPTZ,
  created_by TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX api_keys_brand ON api_keys (brand_id);
