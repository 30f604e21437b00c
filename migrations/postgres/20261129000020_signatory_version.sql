-- Each change to a signatory raises its version, so that staff editing
-- the same signatory at once do not overwrite each other unseen: a form
-- carries the version it was read at, and a save of an older one is refused.
ALTER TABLE signatories ADD COLUMN version BIGINT NOT NULL DEFAULT 1 CHECK (version > 0);
