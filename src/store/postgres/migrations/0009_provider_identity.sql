-- One identity per provider (issue 21.3): the PostgreSQL twin of
-- store/sqlite/migrations/0009_provider_identity.sql.
ALTER TABLE providers ADD COLUMN agb_code TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE providers ADD COLUMN kvk_number TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE providers ADD COLUMN ura_number TEXT COLLATE "C" NOT NULL DEFAULT '';
CREATE UNIQUE INDEX providers_by_agb ON providers(agb_code) WHERE agb_code <> '';
CREATE UNIQUE INDEX providers_by_kvk ON providers(kvk_number) WHERE kvk_number <> '';
CREATE UNIQUE INDEX providers_by_ura ON providers(ura_number) WHERE ura_number <> '';
