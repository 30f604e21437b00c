-- Events and news as signatories (20261129000026_revision_once): SQLite's
-- triggers fire for each row, so an import of many events or news items
-- raised the revision once per row (news: per item, translation and
-- image). While `revision_held` holds its row, these tables' changes leave
-- the revision alone: `events import` and `news import` insert the row,
-- write, delete the row and raise the revision once, all in their
-- transaction, so that no other connection ever sees the row. Changes made
-- any other way (the back office, SQL typed by hand) raise it as before.

DROP TRIGGER events_inserted;
CREATE TRIGGER events_inserted AFTER INSERT ON events
WHEN NOT EXISTS (SELECT 1 FROM revision_held)
BEGIN
    UPDATE site_revision SET value = value + 1 WHERE id = 1;
END;

DROP TRIGGER events_updated;
CREATE TRIGGER events_updated AFTER UPDATE ON events
WHEN NOT EXISTS (SELECT 1 FROM revision_held)
BEGIN
    UPDATE site_revision SET value = value + 1 WHERE id = 1;
END;

DROP TRIGGER events_deleted;
CREATE TRIGGER events_deleted AFTER DELETE ON events
WHEN NOT EXISTS (SELECT 1 FROM revision_held)
BEGIN
    UPDATE site_revision SET value = value + 1 WHERE id = 1;
END;

DROP TRIGGER news_inserted;
CREATE TRIGGER news_inserted AFTER INSERT ON news
WHEN NOT EXISTS (SELECT 1 FROM revision_held)
BEGIN
    UPDATE site_revision SET value = value + 1 WHERE id = 1;
END;

DROP TRIGGER news_updated;
CREATE TRIGGER news_updated AFTER UPDATE ON news
WHEN NOT EXISTS (SELECT 1 FROM revision_held)
BEGIN
    UPDATE site_revision SET value = value + 1 WHERE id = 1;
END;

DROP TRIGGER news_deleted;
CREATE TRIGGER news_deleted AFTER DELETE ON news
WHEN NOT EXISTS (SELECT 1 FROM revision_held)
BEGIN
    UPDATE site_revision SET value = value + 1 WHERE id = 1;
END;

DROP TRIGGER news_translations_inserted;
CREATE TRIGGER news_translations_inserted AFTER INSERT ON news_translations
WHEN NOT EXISTS (SELECT 1 FROM revision_held)
BEGIN
    UPDATE site_revision SET value = value + 1 WHERE id = 1;
END;

DROP TRIGGER news_translations_updated;
CREATE TRIGGER news_translations_updated AFTER UPDATE ON news_translations
WHEN NOT EXISTS (SELECT 1 FROM revision_held)
BEGIN
    UPDATE site_revision SET value = value + 1 WHERE id = 1;
END;

DROP TRIGGER news_translations_deleted;
CREATE TRIGGER news_translations_deleted AFTER DELETE ON news_translations
WHEN NOT EXISTS (SELECT 1 FROM revision_held)
BEGIN
    UPDATE site_revision SET value = value + 1 WHERE id = 1;
END;

DROP TRIGGER news_images_inserted;
CREATE TRIGGER news_images_inserted AFTER INSERT ON news_images
WHEN NOT EXISTS (SELECT 1 FROM revision_held)
BEGIN
    UPDATE site_revision SET value = value + 1 WHERE id = 1;
END;

DROP TRIGGER news_images_updated;
CREATE TRIGGER news_images_updated AFTER UPDATE ON news_images
WHEN NOT EXISTS (SELECT 1 FROM revision_held)
BEGIN
    UPDATE site_revision SET value = value + 1 WHERE id = 1;
END;

DROP TRIGGER news_images_deleted;
CREATE TRIGGER news_images_deleted AFTER DELETE ON news_images
WHEN NOT EXISTS (SELECT 1 FROM revision_held)
BEGIN
    UPDATE site_revision SET value = value + 1 WHERE id = 1;
END;
