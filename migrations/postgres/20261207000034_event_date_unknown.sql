-- An event postponed before its new date is known: it keeps its old dates
-- (for sorting and the feeds' windows), and every page and feed says that
-- the new date is to be announced. Only a postponed event can be so.
ALTER TABLE events
    ADD COLUMN date_unknown BOOLEAN NOT NULL DEFAULT FALSE,
    ADD CONSTRAINT events_date_unknown_postponed CHECK (NOT date_unknown OR status = 'postponed');
