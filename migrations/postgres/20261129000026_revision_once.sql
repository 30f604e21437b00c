-- The revision rises once per transaction, however many statements it
-- runs: an import writes its signatories in a few large statements, and
-- each would otherwise raise it (other sessions see only what a
-- transaction commits, so one step tells them as much as many). The
-- transaction that raised it last is remembered by its id.
ALTER TABLE site_revision ADD COLUMN raised_in BIGINT;

CREATE OR REPLACE FUNCTION oneinfive_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE site_revision SET value = value + 1, raised_in = txid_current()
        WHERE id = 1 AND raised_in IS DISTINCT FROM txid_current();
    PERFORM pg_notify('oneinfive_changes', '');
    RETURN NULL;
END
$$;
