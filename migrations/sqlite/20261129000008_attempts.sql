-- Attempts at rate-limited actions (newsletter sign-ups, and sign-ins when
-- the back office lands), counted per client and per minute in the
-- database, so that several instances of the site share one limit.
-- Not public data: no trigger raises the site's revision.
CREATE TABLE attempts (
    scope TEXT NOT NULL,
    client TEXT NOT NULL,
    window_start BIGINT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (scope, client, window_start)
);
CREATE INDEX attempts_by_window ON attempts (window_start);
