-- Search in Dutch over the catalogue (issue 21.5): an FTS5 index of every offer's name and
-- description, keyed by the offer's rowid. unicode61 with remove_diacritics 2 folds case
-- and diacritics ("clienten" finds "cliënten"); the prefix indexes serve type-ahead. The
-- triggers keep it with every write to offers (PutOffer, imports, PATCH), in the same
-- transaction.
CREATE VIRTUAL TABLE offer_search USING fts5(
  name, description, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4');
INSERT INTO offer_search (rowid, name, description) SELECT rowid, name, description FROM offers;

CREATE TRIGGER offer_search_insert AFTER INSERT ON offers BEGIN
  INSERT INTO offer_search (rowid, name, description) VALUES (new.rowid, new.name, new.description);
END;
CREATE TRIGGER offer_search_update AFTER UPDATE OF name, description ON offers BEGIN
  DELETE FROM offer_search WHERE rowid = old.rowid;
  INSERT INTO offer_search (rowid, name, description) VALUES (new.rowid, new.name, new.description);
END;
CREATE TRIGGER offer_search_delete AFTER DELETE ON offers BEGIN
  DELETE FROM offer_search WHERE rowid = old.rowid;
END;
