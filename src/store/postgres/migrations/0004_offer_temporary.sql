-- An offer can be temporary or bridging (a training house, respite while waiting for a
-- place): the PostgreSQL twin of store/sqlite/migrations/0005_offer_temporary.sql.
ALTER TABLE offers ADD COLUMN temporary INTEGER NOT NULL DEFAULT 0 CHECK (temporary IN (0, 1));
