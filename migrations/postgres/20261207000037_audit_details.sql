-- An entry's details as data (JSON: named texts, counts and words), so that
-- the back office shows them in the reader's language. The summary stays:
-- one line of English for the command line and for the entries written
-- before this column, which keep no details (NULL). Rows are still kept as
-- written: the triggers that refuse changes and deletions stand.
ALTER TABLE audit_log ADD COLUMN details TEXT;
