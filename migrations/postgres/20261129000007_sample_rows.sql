-- Rows the bundled sample data loaded are marked, so that the site can say
-- it shows examples while any remain, label them, and remove them all at
-- once (`oneinfive sample remove`). Imports of real data never mark a row;
-- they unmark the rows they name.
ALTER TABLE signatories ADD COLUMN sample BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE events ADD COLUMN sample BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE news ADD COLUMN sample BOOLEAN NOT NULL DEFAULT FALSE;

-- Sites seeded before this migration: their sample events and news are
-- known by their slugs (sample signatories are marked by `seed` again).
UPDATE events SET sample = TRUE WHERE slug LIKE 'sample-%';
UPDATE news SET sample = TRUE WHERE slug IN (
    '2024-11-18-european-day', '2025-03-10-tromso-joins', '2025-06-05-guide-ecoles',
    '2025-10-28-congress-debate', '2026-03-02-aarhus-joins', '2026-09-15-webinar',
    '2026-11-18-european-day');
