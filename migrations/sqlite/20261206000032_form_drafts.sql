-- What a person typed in a back-office form that could not be taken because
-- their session had ended or the form's token was stale: kept for an hour,
-- so that, signed in again, they find it back in the form, unsaved. Found by
-- the SHA-256 hash of a random id that the browser's cookie carries (one
-- form a browser); the account is kept when it is known, and then only that
-- account gets the text back. Nothing secret is kept: no token, no password,
-- no code.
CREATE TABLE form_drafts (
    id_hash    TEXT PRIMARY KEY CHECK (length(id_hash) = 64),
    account_id INTEGER REFERENCES accounts (id) ON DELETE CASCADE,
    -- The back-office page the form was on, and the address it was sent to.
    page       TEXT NOT NULL,
    action     TEXT NOT NULL,
    -- The typed fields, form-encoded.
    fields     TEXT NOT NULL,
    -- A file was chosen, and is not kept: it must be chosen again.
    files_left INTEGER NOT NULL CHECK (files_left IN (0, 1)),
    created_at TEXT NOT NULL
);

CREATE INDEX form_drafts_by_age ON form_drafts (created_at);
