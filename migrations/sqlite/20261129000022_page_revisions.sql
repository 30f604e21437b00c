-- The prose pages (About, Campaign aims, The Pact, the privacy notice, the
-- legal notice, the accessibility statement) as staff edit them: every save
-- is a new revision, and the latest of a page and language is the one the
-- public sees. Without any, the site shows the text it was built with. A
-- revision keeps its author's address, for when the account is deleted.
-- `seq` counts a page's revisions in its language: two saves made from the
-- same revision cannot both be written.
CREATE TABLE page_revisions (
    id           INTEGER PRIMARY KEY,
    page         TEXT NOT NULL CHECK (page IN ('about', 'aims', 'pact', 'privacy', 'legal', 'accessibility')),
    lang         TEXT NOT NULL CHECK (lang IN ('fr', 'en')),
    seq          INTEGER NOT NULL CHECK (seq > 0),
    body         TEXT NOT NULL CHECK (length(body) > 0),
    author_id    INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    author_email TEXT,
    created_at   TEXT NOT NULL,
    UNIQUE (page, lang, seq)
);

-- History is kept: a revision's text, page and time never change (only its
-- link to an account, when that account is deleted).
CREATE TRIGGER page_revisions_kept BEFORE UPDATE OF page, lang, seq, body, author_email, created_at ON page_revisions
BEGIN
    SELECT RAISE(ABORT, 'a page revision is kept as it was written');
END;

CREATE TRIGGER page_revisions_inserted AFTER INSERT ON page_revisions
BEGIN
    UPDATE site_revision SET value = value + 1 WHERE id = 1;
END;

CREATE TRIGGER page_revisions_deleted AFTER DELETE ON page_revisions
BEGIN
    UPDATE site_revision SET value = value + 1 WHERE id = 1;
END;
