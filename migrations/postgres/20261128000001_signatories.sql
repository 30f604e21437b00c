-- The cities and regions that have signed the Pact.
CREATE TABLE signatories (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(btrim(name)) > 0 AND length(name) <= 200),
    -- The name folded to lower case: "Paris" and "PARIS" are one city.
    name_key    TEXT NOT NULL CHECK (name_key = lower(name_key)),
    kind        TEXT NOT NULL CHECK (kind IN ('city', 'region')),
    country     CHAR(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    joined_on   DATE NOT NULL,
    name_fr     TEXT CHECK (name_fr IS NULL OR length(btrim(name_fr)) > 0),
    name_en     TEXT CHECK (name_en IS NULL OR length(btrim(name_en)) > 0),
    -- Keys computed from the names: accent-folded lower case, for sorting
    -- by the name shown in each language and for searching.
    sort_fr     TEXT NOT NULL,
    sort_en     TEXT NOT NULL,
    search_text TEXT NOT NULL,
    website     TEXT CHECK (website IS NULL OR website ~ '^https?://'),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (name_key, country)
);

CREATE INDEX signatories_country_fr ON signatories (country, sort_fr);
CREATE INDEX signatories_country_en ON signatories (country, sort_en);
CREATE INDEX signatories_kind ON signatories (kind);
CREATE INDEX signatories_joined_on ON signatories (joined_on);
