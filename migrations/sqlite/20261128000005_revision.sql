-- A number raised by every change to what the public pages show, so that
-- the site's page cache is invalidated by changes, not by time.
CREATE TABLE site_revision (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
);

INSERT INTO site_revision (id, value) VALUES (1, 0);

CREATE TRIGGER signatories_inserted AFTER INSERT ON signatories
BEGIN
    UPDATE site_revision SET value = value + 1 WHERE id = 1;
END;

CREATE TRIGGER signatories_updated AFTER UPDATE ON signatories
BEGIN
    UPDATE site_revision SET value = value + 1 WHERE id = 1;
END;

CREATE TRIGGER signatories_deleted AFTER DELETE ON signatories
BEGIN
    UPDATE site_revision SET value = value + 1 WHERE id = 1;
END;

CREATE TRIGGER events_inserted AFTER INSERT ON events
BEGIN
    UPDATE site_revision SET value = value + 1 WHERE id = 1;
END;

CREATE TRIGGER events_updated AFTER UPDATE ON events
BEGIN
    UPDATE site_revision SET value = value + 1 WHERE id = 1;
END;

CREATE TRIGGER events_deleted AFTER DELETE ON events
BEGIN
    UPDATE site_revision SET value = value + 1 WHERE id = 1;
END;

CREATE TRIGGER news_inserted AFTER INSERT ON news
BEGIN
    UPDATE site_revision SET value = value + 1 WHERE id = 1;
END;

CREATE TRIGGER news_updated AFTER UPDATE ON news
BEGIN
    UPDATE site_revision SET value = value + 1 WHERE id = 1;
END;

CREATE TRIGGER news_deleted AFTER DELETE ON news
BEGIN
    UPDATE site_revision SET value = value + 1 WHERE id = 1;
END;

CREATE TRIGGER news_translations_inserted AFTER INSERT ON news_translations
BEGIN
    UPDATE site_revision SET value = value + 1 WHERE id = 1;
END;

CREATE TRIGGER news_translations_updated AFTER UPDATE ON news_translations
BEGIN
    UPDATE site_revision SET value = value + 1 WHERE id = 1;
END;

CREATE TRIGGER news_translations_deleted AFTER DELETE ON news_translations
BEGIN
    UPDATE site_revision SET value = value + 1 WHERE id = 1;
END;

CREATE TRIGGER news_images_inserted AFTER INSERT ON news_images
BEGIN
    UPDATE site_revision SET value = value + 1 WHERE id = 1;
END;

CREATE TRIGGER news_images_updated AFTER UPDATE ON news_images
BEGIN
    UPDATE site_revision SET value = value + 1 WHERE id = 1;
END;

CREATE TRIGGER news_images_deleted AFTER DELETE ON news_images
BEGIN
    UPDATE site_revision SET value = value + 1 WHERE id = 1;
END;
