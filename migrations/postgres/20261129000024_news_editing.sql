-- News written in the back office. A draft is kept but shown nowhere on
-- the public site; a published item shows from its published_at on (a
-- future one is scheduled). A draft's published_at is only a placeholder,
-- set when it is published.
ALTER TABLE news ADD COLUMN draft BOOLEAN NOT NULL DEFAULT FALSE;

-- Each change to an item raises its version, so that staff editing the
-- same item at once do not overwrite each other unseen: a form carries the
-- version it was read at, and a save of an older one is refused.
ALTER TABLE news ADD COLUMN version BIGINT NOT NULL DEFAULT 1 CHECK (version > 0);
