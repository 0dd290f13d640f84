-- One identity per provider (issue 21.3): its AGB code, KvK number and URA, each 8 digits
-- or empty (not known), each naming at most one provider.
ALTER TABLE providers ADD COLUMN agb_code TEXT NOT NULL DEFAULT '';
ALTER TABLE providers ADD COLUMN kvk_number TEXT NOT NULL DEFAULT '';
ALTER TABLE providers ADD COLUMN ura_number TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX providers_by_agb ON providers(agb_code) WHERE agb_code <> '';
CREATE UNIQUE INDEX providers_by_kvk ON providers(kvk_number) WHERE kvk_number <> '';
CREATE UNIQUE INDEX providers_by_ura ON providers(ura_number) WHERE ura_number <> '';
