-- An admin invites a colleague by address and role: the mail's link lets
-- them choose a password, once, within 48 hours. Only the SHA-256 hash of
-- the link's random 256-bit token is kept. Inviting an address again
-- replaces its invitation (and so voids the older link).
CREATE TABLE invitations (
    id         INTEGER PRIMARY KEY,
    email      TEXT NOT NULL UNIQUE CHECK (length(email) BETWEEN 3 AND 254 AND email = lower(email)),
    role       TEXT NOT NULL CHECK (role IN ('admin', 'editor')),
    -- The language of the mail, and of the account made from it.
    lang       TEXT NOT NULL CHECK (lang IN ('fr', 'en')),
    token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    invited_by TEXT,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at    TEXT
);
