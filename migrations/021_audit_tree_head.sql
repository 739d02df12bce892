-- Signed tree heads over whole chains: each chain keeps the frontier of its RFC 9162 tree (the
-- roots of its perfect subtrees, 32 bytes each, largest first), and each checkpoint also signs the
-- root of the tree over events 1..to_seq, so any two checkpoints can be proven consistent.
ALTER TABLE audit_chains ADD COLUMN frontier BYTEA NOT NULL DEFAULT '\x'::bytea;
ALTER TABLE audit_checkpoints ADD COLUMN tree_root BYTEA;
