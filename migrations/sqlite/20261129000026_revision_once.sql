-- SQLite's triggers fire for each row, so an import of many signatories
-- would raise the revision once per row. While this table holds its row,
-- changes to signatories leave the revision alone: an import inserts the
-- row, writes, deletes the row and raises the revision once, all in its
-- transaction, so that no other connection ever sees the row.
CREATE TABLE revision_held (
    id INTEGER PRIMARY KEY CHECK (id = 1)
);

DROP TRIGGER signatories_inserted;
DROP TRIGGER signatories_updated;
DROP TRIGGER signatories_deleted;

CREATE TRIGGER signatories_inserted AFTER INSERT ON signatories
WHEN NOT EXISTS (SELECT 1 FROM revision_held)
BEGIN
    UPDATE site_revision SET value = value + 1 WHERE id = 1;
END;

CREATE TRIGGER signatories_updated AFTER UPDATE ON signatories
WHEN NOT EXISTS (SELECT 1 FROM revision_held)
BEGIN
    UPDATE site_revision SET value = value + 1 WHERE id = 1;
END;

CREATE TRIGGER signatories_deleted AFTER DELETE ON signatories
WHEN NOT EXISTS (SELECT 1 FROM revision_held)
BEGIN
    UPDATE site_revision SET value = value + 1 WHERE id = 1;
END;
