-- News items, in French, English or both, with an optional image.

-- Images are stored once, by the SHA-256 of their bytes, and served from
-- the site's own origin at an address that names that hash.
CREATE TABLE news_images (
    hash         TEXT PRIMARY KEY CHECK (hash ~ '^[0-9a-f]{64}$'),
    content_type TEXT NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
    data         BYTEA NOT NULL CHECK (octet_length(data) BETWEEN 1 AND 2097152),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE news (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug             TEXT NOT NULL UNIQUE
                     CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 100),
    -- The instant of publication, and the UTC offset (in seconds) it was
    -- written with, so that it is shown and exported as its author wrote it.
    published_at     TIMESTAMPTZ NOT NULL,
    published_offset INTEGER NOT NULL CHECK (published_offset BETWEEN -86399 AND 86399),
    image_hash       TEXT REFERENCES news_images (hash),
    -- The image's file name in the import folder, for exports.
    image_name       TEXT CHECK (image_name ~ '^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$'),
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((image_hash IS NULL) = (image_name IS NULL))
);

CREATE INDEX news_published_at ON news (published_at DESC, slug);

-- An item's text in one language; an item may have one language only.
CREATE TABLE news_translations (
    news_id   BIGINT NOT NULL REFERENCES news (id) ON DELETE CASCADE,
    lang      TEXT NOT NULL CHECK (lang IN ('fr', 'en')),
    title     TEXT NOT NULL CHECK (length(btrim(title)) > 0 AND length(title) <= 200),
    -- Markdown, rendered and sanitised when shown.
    summary   TEXT NOT NULL CHECK (length(btrim(summary)) > 0),
    body      TEXT NOT NULL CHECK (length(btrim(body)) > 0),
    image_alt TEXT CHECK (image_alt IS NULL OR length(btrim(image_alt)) > 0),
    PRIMARY KEY (news_id, lang)
);

CREATE INDEX news_translations_lang ON news_translations (lang, news_id);
