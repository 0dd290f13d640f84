-- The versions of a client's dossier: the PostgreSQL twin of
-- store/sqlite/migrations/0007_client_versions.sql (same tables, same column order).
CREATE TABLE client_versions (
  client_id               TEXT COLLATE "C" NOT NULL REFERENCES clients(id),
  version                 BIGINT NOT NULL,
  recorded_at             TEXT COLLATE "C" NOT NULL,
  author_id               TEXT COLLATE "C" NOT NULL,
  author_name             TEXT COLLATE "C" NOT NULL DEFAULT '',
  author_role             TEXT COLLATE "C" NOT NULL,
  reason                  TEXT COLLATE "C" NOT NULL,
  name                    TEXT COLLATE "C" NOT NULL DEFAULT '',
  birth_year              BIGINT NOT NULL DEFAULT 0,
  municipality_code       TEXT COLLATE "C" NOT NULL,
  lat                     DOUBLE PRECISION NOT NULL,
  lon                     DOUBLE PRECISION NOT NULL,
  sector                  TEXT COLLATE "C" NOT NULL,
  indication              TEXT COLLATE "C" NOT NULL,
  profile                 TEXT COLLATE "C" NOT NULL DEFAULT '',
  preferred_forms         TEXT COLLATE "C" NOT NULL DEFAULT '',
  seeking                 TEXT COLLATE "C" NOT NULL DEFAULT '',
  representative_name     TEXT COLLATE "C",
  representative_relation TEXT COLLATE "C",
  care_status             TEXT COLLATE "C" NOT NULL,
  care_provider_id        TEXT COLLATE "C" NOT NULL DEFAULT '',
  PRIMARY KEY (client_id, version)
);

CREATE TABLE client_version_wishes (
  client_id  TEXT COLLATE "C" NOT NULL,
  version    BIGINT NOT NULL,
  seq        BIGINT NOT NULL,
  feature_id TEXT COLLATE "C" NOT NULL DEFAULT '',
  importance TEXT COLLATE "C" NOT NULL,
  value      DOUBLE PRECISION,
  text       TEXT COLLATE "C" NOT NULL DEFAULT '',
  PRIMARY KEY (client_id, version, seq),
  FOREIGN KEY (client_id, version) REFERENCES client_versions(client_id, version)
    ON DELETE CASCADE
);

CREATE TABLE client_version_needs (
  client_id  TEXT COLLATE "C" NOT NULL,
  version    BIGINT NOT NULL,
  seq        BIGINT NOT NULL,
  feature_id TEXT COLLATE "C" NOT NULL,
  note       TEXT COLLATE "C" NOT NULL DEFAULT '',
  PRIMARY KEY (client_id, version, seq),
  FOREIGN KEY (client_id, version) REFERENCES client_versions(client_id, version)
    ON DELETE CASCADE
);

CREATE TABLE client_version_places (
  client_id  TEXT COLLATE "C" NOT NULL,
  version    BIGINT NOT NULL,
  seq        BIGINT NOT NULL,
  kind       TEXT COLLATE "C" NOT NULL,
  label      TEXT COLLATE "C" NOT NULL DEFAULT '',
  lat        DOUBLE PRECISION NOT NULL,
  lon        DOUBLE PRECISION NOT NULL,
  max_km     DOUBLE PRECISION NOT NULL,
  importance TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (client_id, version, seq),
  FOREIGN KEY (client_id, version) REFERENCES client_versions(client_id, version)
    ON DELETE CASCADE
);
