-- Nothing to change on PostgreSQL: since 20261129000026_revision_once the
-- trigger function raises the revision once per transaction, so an import
-- of events or news, one transaction, raises it once. (SQLite's migration
-- of the same number holds its per-row triggers during those imports.)
SELECT 1;
