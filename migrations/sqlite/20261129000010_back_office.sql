-- The back office: staff accounts, their sessions, and the audit log.
-- Instants are RFC 3339 text in UTC to the second, so that they sort as text.

-- A person of the campaign team. Only an Argon2id hash of the password is
-- kept. Failed sign-ins are counted on the account: after five in a row it
-- waits fifteen minutes from the last of them. The TOTP columns are for the
-- two-step sign-in, unused until it lands.
CREATE TABLE accounts (
    id                  INTEGER PRIMARY KEY,
    email               TEXT NOT NULL UNIQUE CHECK (length(email) BETWEEN 3 AND 254 AND email = lower(email)),
    role                TEXT NOT NULL CHECK (role IN ('admin', 'editor')),
    password_hash       TEXT NOT NULL,
    -- The interface language the person chose; none yet: the browser's.
    lang                TEXT CHECK (lang IN ('fr', 'en')),
    created_at          TEXT NOT NULL,
    password_changed_at TEXT NOT NULL,
    disabled_at         TEXT,
    failed_sign_ins     INTEGER NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
    last_failed_at      TEXT,
    totp_secret         TEXT,
    totp_confirmed_at   TEXT
);

-- A signed-in browser. Only the SHA-256 hash of the cookie's random id is
-- kept. A session ends on sign-out, after 30 minutes idle or 12 hours in
-- all (both settings), and with its account.
CREATE TABLE sessions (
    id_hash      TEXT PRIMARY KEY CHECK (length(id_hash) = 64),
    account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL
);

CREATE INDEX sessions_by_account ON sessions (account_id);

-- Every change made in the back office or by the command line: when, who
-- (an account's address at the time, or none for the command line), what,
-- and a short summary. Kept: rows can be neither changed nor deleted.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor_email TEXT,
    kind        TEXT NOT NULL,
    summary     TEXT NOT NULL
);

CREATE INDEX audit_log_by_actor ON audit_log (actor_email, id);
CREATE INDEX audit_log_by_kind ON audit_log (kind, id);

CREATE TRIGGER audit_log_not_changed BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is kept: its rows cannot be changed or deleted');
END;

CREATE TRIGGER audit_log_not_deleted BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is kept: its rows cannot be changed or deleted');
END;
