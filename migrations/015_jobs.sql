-- Durable job queue: any node's workers claim jobs with FOR UPDATE SKIP LOCKED; a job whose
-- worker died (lease expired) is claimed again, so nothing is lost on restart.
CREATE TABLE jobs (
  id BIGSERIAL PRIMARY KEY,
  type TEXT NOT NULL,
  payload JSONB NOT NULL DEFAULT '{}'::jsonb,
  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL DEFAULT 8 CHECK (max_attempts > 0),
  run_after TIMESTAMPTZ NOT NULL DEFAULT now(),
  locked_by TEXT,
  locked_until TIMESTAMPTZ,
  progress_done BIGINT,
  progress_total BIGINT,
  -- Error code and class only (never a message that could carry data).
  last_error TEXT,
  -- At most one queued/running job per key (e.g. one re-encryption per scope).
  dedupe_key TEXT,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  finished_at TIMESTAMPTZ
);
CREATE INDEX jobs_ready ON jobs (run_after) WHERE status IN ('queued', 'running');
CREATE UNIQUE INDEX jobs_dedupe_active ON jobs (dedupe_key) WHERE status IN ('queued', 'running');
CREATE INDEX jobs_created ON jobs (created_at DESC);
