-- Where a client stands with care: in care at a provider, or searching with a public
-- waiting status (orienting, urgent, active, preference, precaution). Existing clients were
-- all modelled as searching, so they read as 'orienting'.
ALTER TABLE clients ADD COLUMN care_status TEXT NOT NULL DEFAULT 'orienting';
ALTER TABLE clients ADD COLUMN care_provider_id TEXT NOT NULL DEFAULT '';
CREATE INDEX clients_by_care_status ON clients(care_status);
