-- The outbox's queue in the order the worker takes it (the site's own
-- mails before the newsletter's, then by id), and each issue's mails left
-- to send: with an issue of 100,000 recipients queued, taking the next
-- few and asking whether an issue is done read a few index entries rather
-- than every row left.
CREATE INDEX mail_outbox_queue ON mail_outbox ((issue_id IS NOT NULL), id) WHERE status IN ('pending', 'sending');
CREATE INDEX mail_outbox_issue_left ON mail_outbox (issue_id) WHERE status IN ('pending', 'sending');
