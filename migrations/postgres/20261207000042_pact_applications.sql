-- Applications to join the Pact, sent by an authority from the public form.
-- An application is 'unconfirmed' until its contact follows the mailed link,
-- then 'received' (staff see it), then 'approved' or 'declined'.
CREATE TABLE pact_applications (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    status             TEXT NOT NULL CHECK (status IN ('unconfirmed', 'received', 'approved', 'declined')),
    name               TEXT NOT NULL CHECK (length(trim(name)) > 0 AND length(name) <= 200),
    -- The name folded (no case, no accents), to find a duplicate.
    name_fold          TEXT NOT NULL,
    name_fr            TEXT,
    name_en            TEXT,
    kind               TEXT NOT NULL CHECK (kind IN ('city', 'region')),
    country            TEXT NOT NULL CHECK (length(country) = 2 AND country = upper(country)),
    website            TEXT CHECK (website IS NULL OR website LIKE 'http://%' OR website LIKE 'https://%'),
    -- The date of the council's or assembly's decision, YYYY-MM-DD.
    decided_on         DATE NOT NULL,
    contact_name       TEXT NOT NULL,
    contact_role       TEXT NOT NULL,
    contact_email      TEXT NOT NULL CHECK (length(contact_email) BETWEEN 3 AND 254),
    contact_phone      TEXT,
    message            TEXT CHECK (message IS NULL OR length(message) <= 5000),
    -- The decision or the signed Pact, a PDF; never public.
    document           BYTEA,
    lang               TEXT NOT NULL CHECK (lang IN ('fr', 'en')),
    -- Only SHA-256 hashes of the tokens sent by mail are kept.
    confirm_token_hash TEXT NOT NULL UNIQUE,
    confirm_expires_at TIMESTAMPTZ NOT NULL,
    status_token_hash  TEXT UNIQUE,
    consent_at         TIMESTAMPTZ NOT NULL,
    consent_version    TEXT NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    confirmed_at       TIMESTAMPTZ,
    decided_at         TIMESTAMPTZ,
    decline_reason     TEXT,
    signatory_id       BIGINT REFERENCES signatories (id) ON DELETE SET NULL,
    CHECK ((status = 'unconfirmed') = (confirmed_at IS NULL)),
    CHECK ((status IN ('approved', 'declined')) = (decided_at IS NOT NULL)),
    CHECK ((status = 'declined') = (decline_reason IS NOT NULL))
);
CREATE INDEX pact_applications_status ON pact_applications (status, created_at);
CREATE INDEX pact_applications_key ON pact_applications (name_fold, country);
