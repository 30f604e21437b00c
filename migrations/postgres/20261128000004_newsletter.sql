-- Newsletter subscriptions with double opt-in, and the mail outbox.
CREATE TABLE subscribers (
    id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email                  TEXT NOT NULL UNIQUE CHECK (length(email) BETWEEN 3 AND 254 AND email = lower(email)),
    lang                   TEXT NOT NULL CHECK (lang IN ('fr', 'en')),
    status                 TEXT NOT NULL CHECK (status IN ('pending', 'confirmed')),
    -- Only SHA-256 hashes of the tokens sent by mail are kept.
    confirm_token_hash     TEXT NOT NULL UNIQUE,
    confirm_expires_at     TIMESTAMPTZ NOT NULL,
    unsubscribe_token_hash TEXT NOT NULL UNIQUE,
    -- The consent given: when, and to which wording of the privacy notice.
    consent_at             TIMESTAMPTZ NOT NULL,
    consent_version        TEXT NOT NULL,
    created_at             TIMESTAMPTZ NOT NULL,
    confirmed_at           TIMESTAMPTZ,
    last_mail_at           TIMESTAMPTZ,
    CHECK ((status = 'confirmed') = (confirmed_at IS NOT NULL))
);

CREATE INDEX subscribers_pending ON subscribers (confirm_expires_at) WHERE status = 'pending';

-- Mails to send, written in the same transaction as what they announce,
-- sent by a background worker with retries. The message is cleared once sent.
CREATE TABLE mail_outbox (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscriber_id   BIGINT REFERENCES subscribers (id) ON DELETE CASCADE,
    recipient       TEXT NOT NULL,
    message         BYTEA,
    status          TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    claimed_at      TIMESTAMPTZ,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ
);

CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status IN ('pending', 'sending');

-- Secrets the site makes for itself on first start (e.g. the form-token key),
-- shared by every instance on this database.
CREATE TABLE site_secrets (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
