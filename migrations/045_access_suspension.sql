-- Suspension (incident containment): a suspended user cannot sign in and has no sessions until a
-- security admin reinstates them. Distinct from lockout, which expires by itself.
ALTER TABLE users ADD COLUMN suspended_at TIMESTAMPTZ;
