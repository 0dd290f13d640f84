-- The catalogue (providers, locations, offers) and clients with wishes, needs, places:
-- the PostgreSQL twin of store/sqlite/migrations/0001_catalog_and_clients.sql, table for
-- table and column for column. Text is compared byte for byte (COLLATE "C"), as SQLite
-- does, so ids sort the same in both backends and keyset paging agrees.

CREATE TABLE providers (
  id          TEXT COLLATE "C" PRIMARY KEY,
  name        TEXT COLLATE "C" NOT NULL,
  established BIGINT NOT NULL,
  website     TEXT COLLATE "C" NOT NULL DEFAULT ''
);

CREATE TABLE locations (
  id                TEXT COLLATE "C" PRIMARY KEY,
  provider_id       TEXT COLLATE "C" NOT NULL REFERENCES providers(id),
  name              TEXT COLLATE "C" NOT NULL,
  address           TEXT COLLATE "C" NOT NULL DEFAULT '',
  municipality_code TEXT COLLATE "C" NOT NULL,
  lat               DOUBLE PRECISION NOT NULL,
  lon               DOUBLE PRECISION NOT NULL
);
CREATE INDEX locations_by_provider ON locations(provider_id);
CREATE INDEX locations_by_municipality ON locations(municipality_code);

CREATE TABLE offers (
  id                TEXT COLLATE "C" PRIMARY KEY,
  provider_id       TEXT COLLATE "C" NOT NULL REFERENCES providers(id),
  location_id       TEXT COLLATE "C" NOT NULL REFERENCES locations(id),
  kind              TEXT COLLATE "C" NOT NULL,
  name              TEXT COLLATE "C" NOT NULL,
  description       TEXT COLLATE "C" NOT NULL DEFAULT '',
  sectors           TEXT COLLATE "C" NOT NULL,
  delivery_forms    TEXT COLLATE "C" NOT NULL,
  capacity          BIGINT NOT NULL CHECK (capacity >= 0),
  free_places       BIGINT NOT NULL CHECK (free_places >= 0),
  waiting_people    BIGINT NOT NULL CHECK (waiting_people >= 0),
  waiting_weeks     BIGINT NOT NULL CHECK (waiting_weeks >= 0),
  quality           DOUBLE PRECISION,
  service_radius_km DOUBLE PRECISION NOT NULL DEFAULT 0
);
CREATE INDEX offers_by_provider ON offers(provider_id);
CREATE INDEX offers_by_location ON offers(location_id);
CREATE INDEX offers_by_kind ON offers(kind);

CREATE TABLE offer_profiles (
  offer_id TEXT COLLATE "C" NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
  seq      BIGINT NOT NULL,
  profile  TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (offer_id, seq)
);
CREATE INDEX offer_profiles_by_profile ON offer_profiles(profile);

CREATE TABLE offer_regions (
  offer_id    TEXT COLLATE "C" NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
  seq         BIGINT NOT NULL,
  region_code TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (offer_id, seq)
);
CREATE INDEX offer_regions_by_region ON offer_regions(region_code);

CREATE TABLE offer_features (
  offer_id   TEXT COLLATE "C" NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
  seq        BIGINT NOT NULL,
  feature_id TEXT COLLATE "C" NOT NULL,
  value      DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (offer_id, seq)
);
CREATE INDEX offer_features_by_feature ON offer_features(feature_id);

CREATE TABLE clients (
  id                      TEXT COLLATE "C" PRIMARY KEY,
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
  representative_relation TEXT COLLATE "C"
);
CREATE INDEX clients_by_municipality ON clients(municipality_code);

CREATE TABLE client_wishes (
  client_id  TEXT COLLATE "C" NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  seq        BIGINT NOT NULL,
  feature_id TEXT COLLATE "C" NOT NULL DEFAULT '',
  importance TEXT COLLATE "C" NOT NULL,
  value      DOUBLE PRECISION,
  text       TEXT COLLATE "C" NOT NULL DEFAULT '',
  PRIMARY KEY (client_id, seq)
);

CREATE TABLE client_needs (
  client_id  TEXT COLLATE "C" NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  seq        BIGINT NOT NULL,
  feature_id TEXT COLLATE "C" NOT NULL,
  note       TEXT COLLATE "C" NOT NULL DEFAULT '',
  PRIMARY KEY (client_id, seq)
);

CREATE TABLE client_places (
  client_id  TEXT COLLATE "C" NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  seq        BIGINT NOT NULL,
  kind       TEXT COLLATE "C" NOT NULL,
  label      TEXT COLLATE "C" NOT NULL DEFAULT '',
  lat        DOUBLE PRECISION NOT NULL,
  lon        DOUBLE PRECISION NOT NULL,
  max_km     DOUBLE PRECISION NOT NULL,
  importance TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (client_id, seq)
);
