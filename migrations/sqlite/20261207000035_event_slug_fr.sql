-- An event's French address, made from its French title (`slug` stays the
-- English one, and the calendar UID). Existing events keep their one slug
-- in French too, so that the links already given keep working.
--
-- SQLite cannot add a UNIQUE or a NOT NULL column without a default: the
-- column is added with its CHECK (which lets NULL through), filled, made
-- unique by an index, and kept from NULL by triggers.
ALTER TABLE events ADD COLUMN slug_fr TEXT
    CHECK (length(slug_fr) BETWEEN 1 AND 80 AND slug_fr NOT GLOB '*[^a-z0-9-]*');
UPDATE events SET slug_fr = slug;
CREATE UNIQUE INDEX events_slug_fr ON events (slug_fr);

CREATE TRIGGER events_slug_fr_insert BEFORE INSERT ON events WHEN NEW.slug_fr IS NULL
BEGIN
    SELECT RAISE(ABORT, 'NOT NULL constraint failed: events.slug_fr');
END;

CREATE TRIGGER events_slug_fr_update BEFORE UPDATE OF slug_fr ON events WHEN NEW.slug_fr IS NULL
BEGIN
    SELECT RAISE(ABORT, 'NOT NULL constraint failed: events.slug_fr');
END;
