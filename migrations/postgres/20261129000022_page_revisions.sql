-- The prose pages (About, Campaign aims, The Pact, the privacy notice, the
-- legal notice, the accessibility statement) as staff edit them: every save
-- is a new revision, and the latest of a page and language is the one the
-- public sees. Without any, the site shows the text it was built with. A
-- revision keeps its author's address, for when the account is deleted.
-- `seq` counts a page's revisions in its language: two saves made from the
-- same revision cannot both be written.
CREATE TABLE page_revisions (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    page         TEXT NOT NULL CHECK (page IN ('about', 'aims', 'pact', 'privacy', 'legal', 'accessibility')),
    lang         TEXT NOT NULL CHECK (lang IN ('fr', 'en')),
    seq          BIGINT NOT NULL CHECK (seq > 0),
    body         TEXT NOT NULL CHECK (length(body) > 0),
    author_id    BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    author_email TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (page, lang, seq)
);

-- History is kept: a revision's text, page and time never change (only its
-- link to an account, when that account is deleted).
CREATE FUNCTION oneinfive_page_revision_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a page revision is kept as it was written';
END
$$;

CREATE TRIGGER page_revisions_kept BEFORE UPDATE OF page, lang, seq, body, author_email, created_at ON page_revisions
    FOR EACH ROW EXECUTE FUNCTION oneinfive_page_revision_kept();

CREATE TRIGGER page_revisions_changed AFTER INSERT OR DELETE OR TRUNCATE ON page_revisions
    FOR EACH STATEMENT EXECUTE FUNCTION oneinfive_changed();
