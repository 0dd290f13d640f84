-- Quality information with its source and date (issue 21.6): the PostgreSQL twin of
-- store/sqlite/migrations/0015_offer_quality.sql, column for column. The bare score had
-- neither source nor date and is dropped.
CREATE TABLE offer_quality (
  offer_id  TEXT COLLATE "C" NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
  seq       INTEGER NOT NULL,
  kind      TEXT COLLATE "C" NOT NULL,
  source    TEXT COLLATE "C" NOT NULL,
  measured  TEXT COLLATE "C" NOT NULL,
  score     DOUBLE PRECISION NOT NULL DEFAULT 0,
  reviews   INTEGER NOT NULL DEFAULT 0,
  outcome   TEXT COLLATE "C" NOT NULL DEFAULT '',
  link      TEXT COLLATE "C" NOT NULL DEFAULT '',
  PRIMARY KEY (offer_id, seq)
);
ALTER TABLE offers DROP COLUMN quality;
