-- Each change to an event raises its version, so that staff editing the
-- same event at once do not overwrite each other unseen: a form carries the
-- version it was read at, and a save of an older one is refused. (The
-- sequence is for calendar apps; the version is for the back office.)
ALTER TABLE events ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version > 0);
