-- The home page's counter, the directory's and the map's counts by country
-- and kind, and the history's signatures by year would otherwise count the
-- whole table on each rendering. This table holds those counts, one row
-- per country, kind and year of signature: how many signatories, and how
-- many of them have a position (the map shows the others as a note). The
-- triggers below keep it exact inside the very transaction that writes a
-- signatory, whatever writes it (an import, the back office, SQL typed by
-- hand), and whether or not `revision_held` holds the revision. A row may
-- fall to zero and stay; readers leave such rows out.
CREATE TABLE signatory_counts (
    country TEXT NOT NULL,
    kind    TEXT NOT NULL,
    year    INTEGER NOT NULL,
    n       INTEGER NOT NULL,
    placed  INTEGER NOT NULL,
    PRIMARY KEY (country, kind, year)
) WITHOUT ROWID;

INSERT INTO signatory_counts (country, kind, year, n, placed)
SELECT country, kind, CAST(substr(joined_on, 1, 4) AS INTEGER), count(*), count(latitude)
FROM signatories GROUP BY 1, 2, 3;

CREATE TRIGGER signatory_counts_insert AFTER INSERT ON signatories BEGIN
    INSERT INTO signatory_counts (country, kind, year, n, placed)
    VALUES (new.country, new.kind, CAST(substr(new.joined_on, 1, 4) AS INTEGER), 1, new.latitude IS NOT NULL)
    ON CONFLICT (country, kind, year) DO UPDATE SET n = n + 1, placed = placed + excluded.placed;
END;

-- A signatory moving from one count to another: out of the old one, into
-- the new one (the row of its new group may not exist yet).
CREATE TRIGGER signatory_counts_update AFTER UPDATE OF country, kind, joined_on, latitude ON signatories
WHEN old.country IS NOT new.country OR old.kind IS NOT new.kind
    OR substr(old.joined_on, 1, 4) IS NOT substr(new.joined_on, 1, 4)
    OR (old.latitude IS NULL) IS NOT (new.latitude IS NULL)
BEGIN
    UPDATE signatory_counts SET n = n - 1, placed = placed - (old.latitude IS NOT NULL)
    WHERE country = old.country AND kind = old.kind AND year = CAST(substr(old.joined_on, 1, 4) AS INTEGER);
    INSERT INTO signatory_counts (country, kind, year, n, placed)
    VALUES (new.country, new.kind, CAST(substr(new.joined_on, 1, 4) AS INTEGER), 1, new.latitude IS NOT NULL)
    ON CONFLICT (country, kind, year) DO UPDATE SET n = n + 1, placed = placed + excluded.placed;
END;

CREATE TRIGGER signatory_counts_delete AFTER DELETE ON signatories BEGIN
    UPDATE signatory_counts SET n = n - 1, placed = placed - (old.latitude IS NOT NULL)
    WHERE country = old.country AND kind = old.kind AND year = CAST(substr(old.joined_on, 1, 4) AS INTEGER);
END;

-- The map's dots: the signatories with a position, in the map's order,
-- found without reading those without one.
CREATE INDEX signatories_placed ON signatories (country, name_key, id) WHERE latitude IS NOT NULL;

-- (The directory's slices need no new index here: SQLite's indexes on the
-- country and each language's sort key end with the id already.)
