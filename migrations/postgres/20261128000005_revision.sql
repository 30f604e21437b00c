-- A number raised by every change to what the public pages show, so that
-- the site's page cache is invalidated by changes, not by time. Every change
-- also notifies the channel oneinfive_changes, for any process that wants to
-- hear of changes as they happen.
CREATE TABLE site_revision (
    id    SMALLINT PRIMARY KEY CHECK (id = 1),
    value BIGINT NOT NULL
);

INSERT INTO site_revision (id, value) VALUES (1, 0);

CREATE FUNCTION oneinfive_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE site_revision SET value = value + 1 WHERE id = 1;
    PERFORM pg_notify('oneinfive_changes', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER signatories_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON signatories
    FOR EACH STATEMENT EXECUTE FUNCTION oneinfive_changed();

CREATE TRIGGER events_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION oneinfive_changed();

CREATE TRIGGER news_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON news
    FOR EACH STATEMENT EXECUTE FUNCTION oneinfive_changed();

CREATE TRIGGER news_translations_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON news_translations
    FOR EACH STATEMENT EXECUTE FUNCTION oneinfive_changed();

CREATE TRIGGER news_images_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON news_images
    FOR EACH STATEMENT EXECUTE FUNCTION oneinfive_changed();
