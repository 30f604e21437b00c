-- The two-step sign-in with an authenticator app (TOTP).
--
-- `accounts.totp_secret` holds the base32 secret: pending while
-- `totp_confirmed_at` is empty (set-up begun, not yet confirmed with a
-- code), in use once it is set. `totp_last_step` is the last 30-second
-- step whose code was accepted: a code is accepted only for a later step,
-- so a code seen once cannot be used again.
ALTER TABLE accounts ADD COLUMN totp_last_step INTEGER;

-- Ten recovery codes per account, each usable once; only the SHA-256 hash
-- of each is kept. A new set replaces the old one.
CREATE TABLE recovery_codes (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    code_hash  TEXT NOT NULL CHECK (length(code_hash) = 64),
    used_at    TEXT,
    UNIQUE (account_id, code_hash)
);

-- A sign-in half done: the password was right, the second step is
-- awaited. Only the SHA-256 hash of the cookie's random token is kept; it
-- lasts five minutes.
CREATE TABLE pending_sign_ins (
    token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

CREATE INDEX pending_sign_ins_by_account ON pending_sign_ins (account_id);

-- The site's settings that admins change in the back office, by name:
-- `two_step_required` ('on' or 'off').
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
