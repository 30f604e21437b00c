-- The cities and regions that have signed the Pact.
CREATE TABLE signatories (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0 AND length(name) <= 200),
    -- The name folded to lower case: "Paris" and "PARIS" are one city.
    name_key    TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('city', 'region')),
    country     TEXT NOT NULL CHECK (length(country) = 2 AND country = upper(country)),
    -- YYYY-MM-DD
    joined_on   DATE NOT NULL CHECK (joined_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    name_fr     TEXT CHECK (name_fr IS NULL OR length(trim(name_fr)) > 0),
    name_en     TEXT CHECK (name_en IS NULL OR length(trim(name_en)) > 0),
    -- Keys computed from the names: accent-folded lower case, for sorting
    -- by the name shown in each language and for searching.
    sort_fr     TEXT NOT NULL,
    sort_en     TEXT NOT NULL,
    search_text TEXT NOT NULL,
    website     TEXT CHECK (website IS NULL OR website LIKE 'http://%' OR website LIKE 'https://%'),
    created_at  TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at  TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (name_key, country)
);

CREATE INDEX signatories_country_fr ON signatories (country, sort_fr);
CREATE INDEX signatories_country_en ON signatories (country, sort_en);
CREATE INDEX signatories_kind ON signatories (kind);
CREATE INDEX signatories_joined_on ON signatories (joined_on);
