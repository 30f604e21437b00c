-- The directory's word search finds a text anywhere in the folded names
-- (`search_text LIKE '%…%'`): a trigram index answers it without reading
-- the whole table. pg_trgm ships with PostgreSQL; creating it needs the
-- right to create extensions in the database (the owner of the database
-- has it from PostgreSQL 13 on, as pg_trgm is a trusted extension). Where
-- the site's role has not, a superuser runs
-- `CREATE EXTENSION IF NOT EXISTS pg_trgm;` in the site's database once,
-- before the site starts (see the README, "Performance").
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX signatories_search_trgm ON signatories USING gin (search_text gin_trgm_ops);
