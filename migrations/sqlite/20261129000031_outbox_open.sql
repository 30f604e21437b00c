-- The outbox's worker takes the oldest mail due, by id. Scanning the table
-- in id order to find it read every mail ever sent first, and each mail
-- not sent yet to its end (the columns it checks come after the message),
-- on every claim: 200 sign-ups a second kept a processor busy. This index
-- holds just the mails not sent yet, in id order, with what the claim
-- checks, so that a claim reads a few entries of it.
CREATE INDEX mail_outbox_open ON mail_outbox (id, status, next_attempt_at, claimed_at)
    WHERE status IN ('pending', 'sending');
