-- The bounce and complaint reports `newsletter bounces` has read, so that
-- reading a mailbox again counts no soft bounce twice. Only a hash (SHA-256)
-- of each report's Message-ID (of its bytes when it has none) is kept, and
-- for 90 days: never an address or anything else of the report.
CREATE TABLE bounce_messages (
    hash TEXT PRIMARY KEY CHECK (length(hash) = 64),
    at   TEXT NOT NULL
);

CREATE INDEX bounce_messages_at ON bounce_messages (at);
