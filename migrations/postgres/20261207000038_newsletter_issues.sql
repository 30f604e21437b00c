-- Issues of the newsletter, written by staff in French and in English (a
-- language may be empty, not both), and sent through the mail outbox: one
-- row per recipient, made in the transaction that starts the sending.
CREATE TABLE newsletter_issues (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_fr    TEXT NOT NULL CHECK (length(subject_fr) <= 200),
    subject_en    TEXT NOT NULL CHECK (length(subject_en) <= 200),
    body_fr       TEXT NOT NULL CHECK (length(body_fr) <= 100000),
    body_en       TEXT NOT NULL CHECK (length(body_en) <= 100000),
    status        TEXT NOT NULL CHECK (status IN ('draft', 'scheduled', 'sending', 'paused', 'sent')),
    scheduled_at  TIMESTAMPTZ,
    -- The staff member's address; NULL for the command line.
    created_by    TEXT,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    version       BIGINT NOT NULL DEFAULT 1 CHECK (version > 0),
    started_at    TIMESTAMPTZ,
    finished_at   TIMESTAMPTZ,
    -- The recipients per language, counted when the sending starts.
    recipients_fr BIGINT,
    recipients_en BIGINT,
    CHECK (subject_fr <> '' OR subject_en <> ''),
    CHECK ((status = 'scheduled') = (scheduled_at IS NOT NULL)),
    CHECK ((status IN ('draft', 'scheduled')) = (started_at IS NULL)),
    CHECK ((started_at IS NULL) = (recipients_fr IS NULL) AND (started_at IS NULL) = (recipients_en IS NULL))
);

CREATE INDEX newsletter_issues_scheduled ON newsletter_issues (scheduled_at) WHERE status = 'scheduled';

-- An issue's mails carry no message (the worker renders each at sending
-- time) but the issue and the recipient's language; a recipient never has
-- two rows for one issue.
ALTER TABLE mail_outbox ADD COLUMN issue_id BIGINT REFERENCES newsletter_issues (id);
ALTER TABLE mail_outbox ADD COLUMN lang TEXT CHECK (lang IN ('fr', 'en'));
CREATE UNIQUE INDEX mail_outbox_issue ON mail_outbox (issue_id, subscriber_id) WHERE issue_id IS NOT NULL;

-- Addresses that get no more mail: refused for good, a complaint, or too
-- many soft bounces. Only what keeps an address suppressed is kept.
CREATE TABLE address_suppressions (
    email  TEXT PRIMARY KEY CHECK (length(email) BETWEEN 3 AND 254 AND email = lower(email)),
    reason TEXT NOT NULL CHECK (reason IN ('bounced', 'complained', 'soft_bounces')),
    at     TIMESTAMPTZ NOT NULL
);

-- Soft bounces of the last 30 days: three suppress the address.
CREATE TABLE soft_bounces (
    id    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email TEXT NOT NULL CHECK (email = lower(email)),
    at    TIMESTAMPTZ NOT NULL
);

CREATE INDEX soft_bounces_email ON soft_bounces (email, at);
