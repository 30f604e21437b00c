-- The campaign's calendar. Times are kept as the organisers wrote them
-- (local wall-clock time, or whole days, in the event's time zone); the
-- instants they stand for are kept too, for sorting and filtering.
CREATE TABLE events (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug             TEXT NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
    status           TEXT NOT NULL CHECK (status IN ('scheduled', 'postponed', 'cancelled')),
    title_fr         TEXT NOT NULL CHECK (length(btrim(title_fr)) > 0),
    title_en         TEXT NOT NULL CHECK (length(btrim(title_en)) > 0),
    description_fr   TEXT NOT NULL DEFAULT '',
    description_en   TEXT NOT NULL DEFAULT '',
    all_day          BOOLEAN NOT NULL,
    -- YYYY-MM-DD for whole days (the end day included), else YYYY-MM-DDTHH:MM
    start_local      TEXT NOT NULL,
    end_local        TEXT NOT NULL,
    time_zone        TEXT NOT NULL,
    starts_at        TIMESTAMPTZ NOT NULL,
    ends_at          TIMESTAMPTZ NOT NULL,
    venue_name       TEXT,
    venue_city       TEXT,
    venue_country    CHAR(2) CHECK (venue_country ~ '^[A-Z]{2}$'),
    online_url       TEXT CHECK (online_url ~ '^https?://'),
    registration_url TEXT CHECK (registration_url ~ '^https?://'),
    signatory_id     BIGINT REFERENCES signatories (id) ON DELETE SET NULL,
    -- Raised each time the event changes, for calendar apps (iCalendar SEQUENCE).
    sequence         INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    CHECK (ends_at > starts_at),
    CHECK ((venue_name IS NULL) = (venue_city IS NULL) AND (venue_name IS NULL) = (venue_country IS NULL)),
    CHECK (venue_name IS NOT NULL OR online_url IS NOT NULL)
);

CREATE INDEX events_starts_at ON events (starts_at);
CREATE INDEX events_ends_at ON events (ends_at);
CREATE INDEX events_venue_country ON events (venue_country);
