-- The catalogue (providers, locations, offers) and clients with wishes, needs, places.
-- Lists inside a record keep their order through a seq column; short closed lists of
-- enum names (sectors, delivery forms) are stored comma-separated.

CREATE TABLE providers (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  established INTEGER NOT NULL,
  website     TEXT NOT NULL DEFAULT ''
);

CREATE TABLE locations (
  id                TEXT PRIMARY KEY,
  provider_id       TEXT NOT NULL REFERENCES providers(id),
  name              TEXT NOT NULL,
  address           TEXT NOT NULL DEFAULT '',
  municipality_code TEXT NOT NULL,
  lat               REAL NOT NULL,
  lon               REAL NOT NULL
);
CREATE INDEX locations_by_provider ON locations(provider_id);
CREATE INDEX locations_by_municipality ON locations(municipality_code);

CREATE TABLE offers (
  id                TEXT PRIMARY KEY,
  provider_id       TEXT NOT NULL REFERENCES providers(id),
  location_id       TEXT NOT NULL REFERENCES locations(id),
  kind              TEXT NOT NULL,
  name              TEXT NOT NULL,
  description       TEXT NOT NULL DEFAULT '',
  sectors           TEXT NOT NULL,
  delivery_forms    TEXT NOT NULL,
  capacity          INTEGER NOT NULL CHECK (capacity >= 0),
  free_places       INTEGER NOT NULL CHECK (free_places >= 0),
  waiting_people    INTEGER NOT NULL CHECK (waiting_people >= 0),
  waiting_weeks     INTEGER NOT NULL CHECK (waiting_weeks >= 0),
  quality           REAL,
  service_radius_km REAL NOT NULL DEFAULT 0
);
CREATE INDEX offers_by_provider ON offers(provider_id);
CREATE INDEX offers_by_location ON offers(location_id);
CREATE INDEX offers_by_kind ON offers(kind);

CREATE TABLE offer_profiles (
  offer_id TEXT NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
  seq      INTEGER NOT NULL,
  profile  TEXT NOT NULL,
  PRIMARY KEY (offer_id, seq)
) WITHOUT ROWID;
CREATE INDEX offer_profiles_by_profile ON offer_profiles(profile);

CREATE TABLE offer_regions (
  offer_id    TEXT NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  region_code TEXT NOT NULL,
  PRIMARY KEY (offer_id, seq)
) WITHOUT ROWID;
CREATE INDEX offer_regions_by_region ON offer_regions(region_code);

CREATE TABLE offer_features (
  offer_id   TEXT NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  feature_id TEXT NOT NULL,
  value      REAL NOT NULL,
  PRIMARY KEY (offer_id, seq)
) WITHOUT ROWID;
CREATE INDEX offer_features_by_feature ON offer_features(feature_id);

CREATE TABLE clients (
  id                      TEXT PRIMARY KEY,
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
  representative_relation TEXT
);
CREATE INDEX clients_by_municipality ON clients(municipality_code);

CREATE TABLE client_wishes (
  client_id  TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  feature_id TEXT NOT NULL DEFAULT '',
  importance TEXT NOT NULL,
  value      REAL,
  text       TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (client_id, seq)
) WITHOUT ROWID;

CREATE TABLE client_needs (
  client_id  TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  feature_id TEXT NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (client_id, seq)
) WITHOUT ROWID;

CREATE TABLE client_places (
  client_id  TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  kind       TEXT NOT NULL,
  label      TEXT NOT NULL DEFAULT '',
  lat        REAL NOT NULL,
  lon        REAL NOT NULL,
  max_km     REAL NOT NULL,
  importance TEXT NOT NULL,
  PRIMARY KEY (client_id, seq)
) WITHOUT ROWID;
