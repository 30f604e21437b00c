-- The home page's counter, the directory's and the map's counts by country
-- and kind, and the history's signatures by year would otherwise count the
-- whole table on each rendering. This table holds those counts, one row
-- per country, kind and year of signature: how many signatories, and how
-- many of them have a position (the map shows the others as a note). The
-- triggers below keep it exact inside the very transaction that writes
-- signatories, whatever writes them (an import, the back office, SQL typed
-- by hand). They run once per statement, on the rows the statement wrote
-- (an import writes thousands in one), and add each group's change in one
-- step. A row may fall to zero and stay; readers leave such rows out. Two
-- transactions changing the same count wait for each other, the second
-- until the first ends.
CREATE TABLE signatory_counts (
    country CHAR(2) NOT NULL,
    kind    TEXT NOT NULL,
    year    INTEGER NOT NULL,
    n       BIGINT NOT NULL,
    placed  BIGINT NOT NULL,
    PRIMARY KEY (country, kind, year)
);

INSERT INTO signatory_counts (country, kind, year, n, placed)
SELECT country, kind, CAST(EXTRACT(YEAR FROM joined_on) AS INTEGER), count(*), count(latitude)
FROM signatories GROUP BY 1, 2, 3;

-- Adds to the counts what a statement changed: the rows it inserted
-- (`added`), less those it deleted (`removed`), or both for those it
-- updated, where groups whose counts come out the same are left alone.
-- The groups are written in one order, so that two statements never wait
-- for each other in a circle. (The counts carry no check that they stay
-- at or above zero: PostgreSQL checks the row an upsert proposes before it
-- finds the row already there, and a decrease is proposed as a row below
-- zero.)
CREATE FUNCTION signatory_counts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO signatory_counts AS c (country, kind, year, n, placed)
        SELECT country, kind, CAST(EXTRACT(YEAR FROM joined_on) AS INTEGER), count(*), count(latitude)
        FROM added GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (country, kind, year) DO UPDATE SET n = c.n + excluded.n, placed = c.placed + excluded.placed;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO signatory_counts AS c (country, kind, year, n, placed)
        SELECT country, kind, CAST(EXTRACT(YEAR FROM joined_on) AS INTEGER), -count(*), -count(latitude)
        FROM removed GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (country, kind, year) DO UPDATE SET n = c.n + excluded.n, placed = c.placed + excluded.placed;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO signatory_counts AS c (country, kind, year, n, placed)
        SELECT country, kind, year, sum(n), sum(placed)
        FROM (SELECT country, kind, CAST(EXTRACT(YEAR FROM joined_on) AS INTEGER) AS year,
                     1 AS n, CASE WHEN latitude IS NULL THEN 0 ELSE 1 END AS placed FROM added
              UNION ALL
              SELECT country, kind, CAST(EXTRACT(YEAR FROM joined_on) AS INTEGER),
                     -1, CASE WHEN latitude IS NULL THEN 0 ELSE -1 END FROM removed) AS moves
        GROUP BY 1, 2, 3 HAVING sum(n) <> 0 OR sum(placed) <> 0 ORDER BY 1, 2, 3
        ON CONFLICT (country, kind, year) DO UPDATE SET n = c.n + excluded.n, placed = c.placed + excluded.placed;
    ELSIF TG_OP = 'TRUNCATE' THEN
        DELETE FROM signatory_counts;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER signatory_counts_insert AFTER INSERT ON signatories
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION signatory_counts_changed();
CREATE TRIGGER signatory_counts_update AFTER UPDATE ON signatories
    REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION signatory_counts_changed();
CREATE TRIGGER signatory_counts_delete AFTER DELETE ON signatories
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION signatory_counts_changed();
CREATE TRIGGER signatory_counts_truncate AFTER TRUNCATE ON signatories
    FOR EACH STATEMENT EXECUTE FUNCTION signatory_counts_changed();

-- The map's dots: the signatories with a position, in the map's order,
-- found without reading those without one.
CREATE INDEX signatories_placed ON signatories (country, name_key, id) WHERE latitude IS NOT NULL;

-- The directory's slices: each country's signatories in either language's
-- order, with the id that breaks ties and the kind the filter may ask
-- for, so that a page far into a country skips the rows before it in the
-- index alone, then reads its own hundred rows by id.
DROP INDEX signatories_country_fr;
DROP INDEX signatories_country_en;
CREATE INDEX signatories_country_fr ON signatories (country, sort_fr, id) INCLUDE (kind);
CREATE INDEX signatories_country_en ON signatories (country, sort_en, id) INCLUDE (kind);
