-- The directory counts signatories by country and kind on every page: an
-- index on both answers the count without reading the table.
CREATE INDEX signatories_country_kind ON signatories (country, kind);
