-- An issue's final counts per language, written when its sending ends
-- (`finish_if_done`): its recipients' rows in the outbox are erased 90
-- days later, and the back office still shows what the sending came to.
ALTER TABLE newsletter_issues ADD COLUMN sent_fr BIGINT;
ALTER TABLE newsletter_issues ADD COLUMN sent_en BIGINT;
ALTER TABLE newsletter_issues ADD COLUMN failed_fr BIGINT;
ALTER TABLE newsletter_issues ADD COLUMN failed_en BIGINT;

-- The issue the bundled sample data loads (sample text, sent to nobody),
-- so that a fresh site shows the newsletter's archive; removed with the
-- rest of the sample.
ALTER TABLE newsletter_issues ADD COLUMN sample BOOLEAN NOT NULL DEFAULT FALSE;

-- The archive shows the issues whose sending has begun: the public pages
-- change when an issue starts sending (or, a sample one, is added or
-- removed), not when a draft is edited or a sending is paused.
CREATE TRIGGER newsletter_issues_published AFTER UPDATE OF status ON newsletter_issues
    FOR EACH ROW
    WHEN ((OLD.status IN ('draft', 'scheduled')) IS DISTINCT FROM (NEW.status IN ('draft', 'scheduled')))
    EXECUTE FUNCTION oneinfive_changed();

CREATE TRIGGER newsletter_issues_inserted AFTER INSERT ON newsletter_issues
    FOR EACH ROW WHEN (NEW.status NOT IN ('draft', 'scheduled'))
    EXECUTE FUNCTION oneinfive_changed();

CREATE TRIGGER newsletter_issues_deleted AFTER DELETE ON newsletter_issues
    FOR EACH ROW WHEN (OLD.status NOT IN ('draft', 'scheduled'))
    EXECUTE FUNCTION oneinfive_changed();
