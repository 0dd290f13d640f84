-- Providers keep their own offer current (issue 21): how to reach them for an intake, what
-- they ask before one, when free places and waits were last stated and when the rest was
-- last changed (UTC ISO 8601 text, so text order is time order), and who changed what.
-- Offers that exist already count as stated when this migration runs: the catalogue was
-- imported as current, and nothing better is known.
ALTER TABLE offers ADD COLUMN intake_contact TEXT NOT NULL DEFAULT '';
ALTER TABLE offers ADD COLUMN intake_requirements TEXT NOT NULL DEFAULT '';
ALTER TABLE offers ADD COLUMN places_updated TEXT NOT NULL DEFAULT '';
ALTER TABLE offers ADD COLUMN details_updated TEXT NOT NULL DEFAULT '';
UPDATE offers SET places_updated = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
                  details_updated = strftime('%Y-%m-%dT%H:%M:%SZ', 'now');
CREATE INDEX offers_by_places_updated ON offers(places_updated);
CREATE INDEX offers_by_details_updated ON offers(details_updated);

-- One row per changed field of an offer: who (user and organisation) and when.
CREATE TABLE offer_changes (
  seq             INTEGER PRIMARY KEY,
  offer_id        TEXT NOT NULL REFERENCES offers(id),
  changed_at      TEXT NOT NULL,
  user_id         TEXT NOT NULL,
  organisation_id TEXT NOT NULL DEFAULT '',
  field           TEXT NOT NULL,
  old_value       TEXT NOT NULL,
  new_value       TEXT NOT NULL
);
CREATE INDEX offer_changes_by_offer ON offer_changes(offer_id, seq);
