-- The change feed (store/change.h): one row per committed write to a provider, location,
-- offer or client, written by triggers inside the writer's own transaction, so every
-- writer is seen (an import by another process, an API write, an erasure) and a change
-- is visible exactly when its record is. Child rows (an offer's profiles, a client's
-- wishes) are written only together with their parent row, whose trigger records them.

-- seq is the rowid: max(seq) is one b-tree lookup, and seqs grow in commit order because
-- SQLite has one writer at a time. Pruning always keeps the newest row, so a seq is never
-- handed out twice.
CREATE TABLE change_log (
  seq       INTEGER PRIMARY KEY,
  entity    TEXT NOT NULL,   -- 'provider', 'location', 'offer', 'client'
  entity_id TEXT NOT NULL
);

-- The highest seq pruning removed: a reader that last saw an older seq has a gap.
CREATE TABLE change_log_pruned (through INTEGER NOT NULL);
INSERT INTO change_log_pruned VALUES (0);

CREATE TRIGGER providers_insert_logged AFTER INSERT ON providers BEGIN
  INSERT INTO change_log (entity, entity_id) VALUES ('provider', NEW.id);
END;
CREATE TRIGGER providers_update_logged AFTER UPDATE ON providers BEGIN
  INSERT INTO change_log (entity, entity_id) VALUES ('provider', NEW.id);
END;
CREATE TRIGGER providers_delete_logged AFTER DELETE ON providers BEGIN
  INSERT INTO change_log (entity, entity_id) VALUES ('provider', OLD.id);
END;

CREATE TRIGGER locations_insert_logged AFTER INSERT ON locations BEGIN
  INSERT INTO change_log (entity, entity_id) VALUES ('location', NEW.id);
END;
CREATE TRIGGER locations_update_logged AFTER UPDATE ON locations BEGIN
  INSERT INTO change_log (entity, entity_id) VALUES ('location', NEW.id);
END;
CREATE TRIGGER locations_delete_logged AFTER DELETE ON locations BEGIN
  INSERT INTO change_log (entity, entity_id) VALUES ('location', OLD.id);
END;

CREATE TRIGGER offers_insert_logged AFTER INSERT ON offers BEGIN
  INSERT INTO change_log (entity, entity_id) VALUES ('offer', NEW.id);
END;
CREATE TRIGGER offers_update_logged AFTER UPDATE ON offers BEGIN
  INSERT INTO change_log (entity, entity_id) VALUES ('offer', NEW.id);
END;
CREATE TRIGGER offers_delete_logged AFTER DELETE ON offers BEGIN
  INSERT INTO change_log (entity, entity_id) VALUES ('offer', OLD.id);
END;

CREATE TRIGGER clients_insert_logged AFTER INSERT ON clients BEGIN
  INSERT INTO change_log (entity, entity_id) VALUES ('client', NEW.id);
END;
CREATE TRIGGER clients_update_logged AFTER UPDATE ON clients BEGIN
  INSERT INTO change_log (entity, entity_id) VALUES ('client', NEW.id);
END;
CREATE TRIGGER clients_delete_logged AFTER DELETE ON clients BEGIN
  INSERT INTO change_log (entity, entity_id) VALUES ('client', OLD.id);
END;
