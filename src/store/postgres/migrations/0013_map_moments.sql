-- The regional mismatch map kept at moments, for its trend (issue 19.9;
-- monitor/map_history_store.h). Only the publishable map, as JSON: no count of fewer than
-- 5 clients and nothing that points at a person, so an erasure leaves it.
CREATE TABLE map_moments (
  region   TEXT NOT NULL,
  taken_at TEXT NOT NULL,
  map_json TEXT NOT NULL,
  PRIMARY KEY (region, taken_at)
);
