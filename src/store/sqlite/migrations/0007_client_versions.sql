-- The versions of a client's dossier (intake/client_store.h). The current record stays in
-- clients and its child tables (what matching reads and the change feed follows); every
-- change made through the dossier also keeps a copy of the whole record as it was after
-- the change, with who made it, when (UTC) and why. Versions are never changed; an
-- erasure removes them with the rest of the client's personal data. They do not affect
-- matching, so they have no change-log triggers.
CREATE TABLE client_versions (
  client_id               TEXT NOT NULL REFERENCES clients(id),
  version                 INTEGER NOT NULL,
  recorded_at             TEXT NOT NULL,
  author_id               TEXT NOT NULL,
  author_name             TEXT NOT NULL DEFAULT '',
  author_role             TEXT NOT NULL,
  reason                  TEXT NOT NULL,
  name                    TEXT NOT NULL DEFAULT '',
  birth_year              INTEGER NOT NULL DEFAULT 0,
  municipality_code       TEXT NOT NULL,
  lat                     REAL NOT NULL,
  lon                     REAL NOT NULL,
  sector                  TEXT NOT NULL,
  indication              TEXT NOT NULL,
  profile                 TEXT NOT NULL DEFAULT '',
  preferred_forms         TEXT NOT NULL DEFAULT '',
  seeking                 TEXT NOT NULL DEFAULT '',
  representative_name     TEXT,
  representative_relation TEXT,
  care_status             TEXT NOT NULL,
  care_provider_id        TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (client_id, version)
) WITHOUT ROWID;

CREATE TABLE client_version_wishes (
  client_id  TEXT NOT NULL,
  version    INTEGER NOT NULL,
  seq        INTEGER NOT NULL,
  feature_id TEXT NOT NULL DEFAULT '',
  importance TEXT NOT NULL,
  value      REAL,
  text       TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (client_id, version, seq),
  FOREIGN KEY (client_id, version) REFERENCES client_versions(client_id, version)
    ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE client_version_needs (
  client_id  TEXT NOT NULL,
  version    INTEGER NOT NULL,
  seq        INTEGER NOT NULL,
  feature_id TEXT NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (client_id, version, seq),
  FOREIGN KEY (client_id, version) REFERENCES client_versions(client_id, version)
    ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE client_version_places (
  client_id  TEXT NOT NULL,
  version    INTEGER NOT NULL,
  seq        INTEGER NOT NULL,
  kind       TEXT NOT NULL,
  label      TEXT NOT NULL DEFAULT '',
  lat        REAL NOT NULL,
  lon        REAL NOT NULL,
  max_km     REAL NOT NULL,
  importance TEXT NOT NULL,
  PRIMARY KEY (client_id, version, seq),
  FOREIGN KEY (client_id, version) REFERENCES client_versions(client_id, version)
    ON DELETE CASCADE
) WITHOUT ROWID;
