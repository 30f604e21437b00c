-- News items, in French, English or both, with an optional image.

-- Images are stored once, by the SHA-256 of their bytes, and served from
-- the site's own origin at an address that names that hash.
CREATE TABLE news_images (
    hash         TEXT PRIMARY KEY CHECK (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'),
    content_type TEXT NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
    data         BLOB NOT NULL CHECK (length(data) BETWEEN 1 AND 2097152),
    created_at   TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE news (
    id               INTEGER PRIMARY KEY,
    slug             TEXT NOT NULL UNIQUE
                     CHECK (length(slug) BETWEEN 1 AND 100 AND slug NOT GLOB '*[^a-z0-9-]*'
                            AND slug NOT GLOB '-*' AND slug NOT GLOB '*-' AND slug NOT GLOB '*--*'),
    -- The instant of publication in UTC, RFC 3339 to the second
    -- (YYYY-MM-DDTHH:MM:SSZ, so that text order is time order), and the UTC
    -- offset (in seconds) it was written with.
    published_at     TEXT NOT NULL
                     CHECK (published_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z'),
    published_offset INTEGER NOT NULL CHECK (published_offset BETWEEN -86399 AND 86399),
    image_hash       TEXT REFERENCES news_images (hash),
    -- The image's file name in the import folder, for exports.
    image_name       TEXT CHECK (image_name IS NULL OR (length(image_name) BETWEEN 1 AND 100
                                 AND image_name NOT GLOB '*[^A-Za-z0-9._-]*' AND image_name NOT GLOB '.*')),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    CHECK ((image_hash IS NULL) = (image_name IS NULL))
);

CREATE INDEX news_published_at ON news (published_at DESC, slug);

-- An item's text in one language; an item may have one language only.
CREATE TABLE news_translations (
    news_id   INTEGER NOT NULL REFERENCES news (id) ON DELETE CASCADE,
    lang      TEXT NOT NULL CHECK (lang IN ('fr', 'en')),
    title     TEXT NOT NULL CHECK (length(trim(title)) > 0 AND length(title) <= 200),
    -- Markdown, rendered and sanitised when shown.
    summary   TEXT NOT NULL CHECK (length(trim(summary)) > 0),
    body      TEXT NOT NULL CHECK (length(trim(body)) > 0),
    image_alt TEXT CHECK (image_alt IS NULL OR length(trim(image_alt)) > 0),
    PRIMARY KEY (news_id, lang)
);

CREATE INDEX news_translations_lang ON news_translations (lang, news_id);
