-- Deleted signatories, events and news items, kept for 30 days so that
-- staff can restore them. A deletion moves the whole record here in the
-- transaction that deletes it: every column of its row as JSON (and, for a
-- news item, its translations' rows; for a signatory, the events that named
-- it), and a news item's image with its bytes. The live tables lose the
-- row, so the counter, the feeds and every public page follow by
-- themselves. Restoring writes it all back under the same id, or under a
-- new one when SQLite has given the id to another row since.
CREATE TABLE trash (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('signatory', 'event', 'news')),
    item_id    INTEGER NOT NULL,
    -- What the trash page lists: the name or title in each language.
    label_fr   TEXT NOT NULL,
    label_en   TEXT NOT NULL,
    deleted_at TEXT NOT NULL,
    -- None: the command line.
    deleted_by TEXT,
    record     TEXT NOT NULL,
    image_hash TEXT,
    image_type TEXT,
    image_data BLOB,
    CHECK ((image_hash IS NULL) = (image_data IS NULL) AND (image_hash IS NULL) = (image_type IS NULL))
);

CREATE INDEX trash_by_age ON trash (deleted_at);
CREATE INDEX trash_by_item ON trash (kind, item_id);
