-- An event's French address, made from its French title (`slug` stays the
-- English one, and the calendar UID). Existing events keep their one slug
-- in French too, so that the links already given keep working.
ALTER TABLE events ADD COLUMN slug_fr TEXT
    CHECK (slug_fr ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug_fr) <= 80);
UPDATE events SET slug_fr = slug;
ALTER TABLE events ALTER COLUMN slug_fr SET NOT NULL;
ALTER TABLE events ADD CONSTRAINT events_slug_fr_key UNIQUE (slug_fr);
