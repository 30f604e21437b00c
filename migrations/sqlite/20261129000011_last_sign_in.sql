-- The accounts page lists when each person last signed in.
ALTER TABLE accounts ADD COLUMN last_sign_in_at TEXT;
