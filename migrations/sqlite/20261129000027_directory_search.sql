-- The directory's word search finds a text anywhere in the folded names:
-- an FTS5 table with the trigram tokenizer answers it without reading the
-- whole table. It holds a copy of each signatory's `search_text` under the
-- signatory's id, kept in step by the triggers below, inside the very
-- transaction that writes the signatory. Case-sensitive, as `search_text`
-- and the searched words are both folded already: a phrase of the folded
-- words then matches exactly where `search_text LIKE '%words%'` does.
CREATE VIRTUAL TABLE signatories_search USING fts5 (search_text, tokenize = 'trigram case_sensitive 1');

INSERT INTO signatories_search (rowid, search_text) SELECT id, search_text FROM signatories;

CREATE TRIGGER signatories_search_insert AFTER INSERT ON signatories BEGIN
    INSERT INTO signatories_search (rowid, search_text) VALUES (new.id, new.search_text);
END;

CREATE TRIGGER signatories_search_update AFTER UPDATE OF id, search_text ON signatories BEGIN
    DELETE FROM signatories_search WHERE rowid = old.id;
    INSERT INTO signatories_search (rowid, search_text) VALUES (new.id, new.search_text);
END;

CREATE TRIGGER signatories_search_delete AFTER DELETE ON signatories BEGIN
    DELETE FROM signatories_search WHERE rowid = old.id;
END;
