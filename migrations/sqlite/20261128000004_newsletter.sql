-- Newsletter subscriptions with double opt-in, and the mail outbox.
-- Instants are RFC 3339 text in UTC to the second, so that they sort as text.
CREATE TABLE subscribers (
    id                     INTEGER PRIMARY KEY,
    email                  TEXT NOT NULL UNIQUE CHECK (length(email) BETWEEN 3 AND 254 AND email = lower(email)),
    lang                   TEXT NOT NULL CHECK (lang IN ('fr', 'en')),
    status                 TEXT NOT NULL CHECK (status IN ('pending', 'confirmed')),
    -- Only SHA-256 hashes of the tokens sent by mail are kept.
    confirm_token_hash     TEXT NOT NULL UNIQUE,
    confirm_expires_at     TEXT NOT NULL,
    unsubscribe_token_hash TEXT NOT NULL UNIQUE,
    -- The consent given: when, and to which wording of the privacy notice.
    consent_at             TEXT NOT NULL,
    consent_version        TEXT NOT NULL,
    created_at             TEXT NOT NULL,
    confirmed_at           TEXT,
    last_mail_at           TEXT,
    CHECK ((status = 'confirmed') = (confirmed_at IS NOT NULL))
);

CREATE INDEX subscribers_pending ON subscribers (confirm_expires_at) WHERE status = 'pending';

-- Mails to send, written in the same transaction as what they announce,
-- sent by a background worker with retries. The message is cleared once sent.
CREATE TABLE mail_outbox (
    id              INTEGER PRIMARY KEY,
    subscriber_id   INTEGER REFERENCES subscribers (id) ON DELETE CASCADE,
    recipient       TEXT NOT NULL,
    message         BLOB,
    status          TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    claimed_at      TEXT,
    last_error      TEXT,
    created_at      TEXT NOT NULL,
    sent_at         TEXT
);

CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status IN ('pending', 'sending');

-- Secrets the site makes for itself on first start (e.g. the form-token key),
-- shared by every instance on this database.
CREATE TABLE site_secrets (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
