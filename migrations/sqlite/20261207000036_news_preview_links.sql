-- A private link to a draft news item, for a colleague without an account
-- to read it before it goes out. One live link per item at most (a new one
-- replaces it); only the SHA-256 hash of the link's random 256-bit token is
-- kept. The link ends when the item is published (the publication deletes
-- it), withdrawn (deleted), deleted (the cascade), or 7 days after it was
-- made; expired rows are purged with the site's other housekeeping.
CREATE TABLE news_preview_links (
    news_id    INTEGER PRIMARY KEY REFERENCES news (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    -- None: the command line.
    created_by TEXT,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

CREATE INDEX news_preview_links_by_expiry ON news_preview_links (expires_at);
