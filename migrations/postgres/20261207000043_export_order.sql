-- Every signatory in the export's order (country, folded name, id): the
-- open data reads the list a page at a time, each page starting after the
-- last one's key, and finds it in this index without sorting the table.
CREATE INDEX signatories_export_order ON signatories (country, name_key, id);
