-- The change feed (store/change.h): the PostgreSQL twin of
-- store/sqlite/migrations/0004_change_log.sql (numbered 0005 here, where 0004 is the
-- offers' temporary flag). One row per committed write to a provider, location, offer or
-- client, written by triggers inside the writer's own transaction, so
-- every writer is seen (an import by another process, an API write, an erasure, a script
-- in psql) and a change is visible exactly when its record is. Child rows (an offer's
-- profiles, a client's wishes) are written only together with their parent row, whose
-- trigger records them.
--
-- Seqs grow in commit order. A sequence alone does not give that: two writers may take
-- 10 and 11 and commit 11 first, and a reader that saw 11 would skip 10 for good. So the
-- trigger takes the write lock first, the transaction-level advisory lock every passend
-- write transaction already takes at BEGIN (postgres_database.cc, kBeginWrite; taking it
-- again is a lookup in the backend's own lock table). It is held until the transaction
-- has committed and become visible (PostgreSQL releases locks after the commit), so the
-- next writer takes its seq only after every smaller seq is visible or rolled back.
-- Taking it here as well covers writers that do not begin through passend: a migration,
-- psql, another tool. A rolled-back writer leaves a hole in the numbers, never a reorder.

CREATE TABLE change_log (
  seq       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity    TEXT COLLATE "C" NOT NULL,   -- 'provider', 'location', 'offer', 'client'
  entity_id TEXT COLLATE "C" NOT NULL
);

-- The highest seq pruning removed: a reader that last saw an older seq has a gap.
CREATE TABLE change_log_pruned (through BIGINT NOT NULL);
INSERT INTO change_log_pruned VALUES (0);

-- TG_ARGV[0] is the entity. NOTIFY is delivered at commit, and once per transaction
-- (PostgreSQL folds equal notifications), to every server's WaitForChange.
CREATE FUNCTION change_log_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(1886877289);  -- the write lock ('pwri')
  IF TG_OP = 'DELETE' THEN
    INSERT INTO change_log (entity, entity_id) VALUES (TG_ARGV[0], OLD.id);
  ELSE
    INSERT INTO change_log (entity, entity_id) VALUES (TG_ARGV[0], NEW.id);
  END IF;
  PERFORM pg_notify('passend_changes', '');
  RETURN NULL;
END $$;

CREATE TRIGGER providers_logged AFTER INSERT OR UPDATE OR DELETE ON providers
  FOR EACH ROW EXECUTE FUNCTION change_log_record('provider');
CREATE TRIGGER locations_logged AFTER INSERT OR UPDATE OR DELETE ON locations
  FOR EACH ROW EXECUTE FUNCTION change_log_record('location');
CREATE TRIGGER offers_logged AFTER INSERT OR UPDATE OR DELETE ON offers
  FOR EACH ROW EXECUTE FUNCTION change_log_record('offer');
CREATE TRIGGER clients_logged AFTER INSERT OR UPDATE OR DELETE ON clients
  FOR EACH ROW EXECUTE FUNCTION change_log_record('client');
