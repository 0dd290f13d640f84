-- Where a client stands with care: the PostgreSQL twin of
-- store/sqlite/migrations/0003_client_care_status.sql.
ALTER TABLE clients ADD COLUMN care_status TEXT COLLATE "C" NOT NULL DEFAULT 'orienting';
ALTER TABLE clients ADD COLUMN care_provider_id TEXT COLLATE "C" NOT NULL DEFAULT '';
CREATE INDEX clients_by_care_status ON clients(care_status);
