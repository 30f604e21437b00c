-- The back office: staff accounts, their sessions, and the audit log.

-- A person of the campaign team. Only an Argon2id hash of the password is
-- kept. Failed sign-ins are counted on the account: after five in a row it
-- waits fifteen minutes from the last of them. The TOTP columns are for the
-- two-step sign-in, unused until it lands.
CREATE TABLE accounts (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email               TEXT NOT NULL UNIQUE CHECK (length(email) BETWEEN 3 AND 254 AND email = lower(email)),
    role                TEXT NOT NULL CHECK (role IN ('admin', 'editor')),
    password_hash       TEXT NOT NULL,
    -- The interface language the person chose; none yet: the browser's.
    lang                TEXT CHECK (lang IN ('fr', 'en')),
    created_at          TIMESTAMPTZ NOT NULL,
    password_changed_at TIMESTAMPTZ NOT NULL,
    disabled_at         TIMESTAMPTZ,
    failed_sign_ins     INTEGER NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
    last_failed_at      TIMESTAMPTZ,
    totp_secret         TEXT,
    totp_confirmed_at   TIMESTAMPTZ
);

-- A signed-in browser. Only the SHA-256 hash of the cookie's random id is
-- kept. A session ends on sign-out, after 30 minutes idle or 12 hours in
-- all (both settings), and with its account.
CREATE TABLE sessions (
    id_hash      TEXT PRIMARY KEY CHECK (length(id_hash) = 64),
    account_id   BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at   TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX sessions_by_account ON sessions (account_id);

-- Every change made in the back office or by the command line: when, who
-- (an account's address at the time, or none for the command line), what,
-- and a short summary. Kept: rows can be neither changed nor deleted.
CREATE TABLE audit_log (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    actor_email TEXT,
    kind        TEXT NOT NULL,
    summary     TEXT NOT NULL
);

CREATE INDEX audit_log_by_actor ON audit_log (actor_email, id);
CREATE INDEX audit_log_by_kind ON audit_log (kind, id);

CREATE FUNCTION oneinfive_audit_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is kept: its rows cannot be changed or deleted';
END
$$;

CREATE TRIGGER audit_log_kept BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION oneinfive_audit_kept();
CREATE TRIGGER audit_log_not_truncated BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION oneinfive_audit_kept();
