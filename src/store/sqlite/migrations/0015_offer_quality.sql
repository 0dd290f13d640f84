-- Quality information with its source and date (issue 21.6): a review score with how many
-- reviews it is the mean of, or an inspection's outcome, one row per note in the offer's
-- order. The bare score in offers.quality had neither source nor date, so it cannot be
-- shown any more and is dropped (a catalogue import brings the notes back with them).
CREATE TABLE offer_quality (
  offer_id  TEXT NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
  seq       INTEGER NOT NULL,
  kind      TEXT NOT NULL,             -- reviews | inspection
  source    TEXT NOT NULL,
  measured  TEXT NOT NULL,             -- YYYY-MM-DD
  score     REAL NOT NULL DEFAULT 0,   -- reviews: mean, 1..10
  reviews   INTEGER NOT NULL DEFAULT 0,
  outcome   TEXT NOT NULL DEFAULT '',  -- inspection: meets | partly_meets | ...
  link      TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (offer_id, seq)
) WITHOUT ROWID;
ALTER TABLE offers DROP COLUMN quality;
