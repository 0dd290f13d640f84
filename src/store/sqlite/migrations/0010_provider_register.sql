-- The care office keeps the register (issue 21.2): each provider is submitted, approved or
-- suspended; only approved providers' offers are public and matched. Providers that exist
-- already were imported as the region's care offer: approved.
ALTER TABLE providers ADD COLUMN register_status TEXT NOT NULL DEFAULT 'approved'
  CHECK (register_status IN ('submitted', 'approved', 'suspended'));

-- One row per changed field of a provider's register entry: who (user and organisation)
-- and when.
CREATE TABLE provider_changes (
  seq             INTEGER PRIMARY KEY,
  provider_id     TEXT NOT NULL REFERENCES providers(id),
  changed_at      TEXT NOT NULL,
  user_id         TEXT NOT NULL,
  organisation_id TEXT NOT NULL DEFAULT '',
  field           TEXT NOT NULL,
  old_value       TEXT NOT NULL,
  new_value       TEXT NOT NULL
);
CREATE INDEX provider_changes_by_provider ON provider_changes(provider_id, seq);
