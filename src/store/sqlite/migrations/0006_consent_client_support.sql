-- Consent purposes client_support and research (access/consent.h). Client supporters (OCO)
-- and neighbourhood teams now see a client only under consent for client support; before,
-- the only fitting purpose a client could choose for them was care_delivery. Their
-- existing care_delivery forms keep working:
-- 1. a form that names only such organisations becomes a client-support form;
-- 2. a form that also names others (a provider) keeps care_delivery for those, and its
--    supporters move to a new client-support form with the same dates, id <id>-ondersteuning.
-- The access log keeps the old reasons as they were written.
UPDATE consents SET purpose = 'client_support'
WHERE purpose = 'care_delivery'
  AND NOT EXISTS (
    SELECT 1 FROM consent_organisations co
    LEFT JOIN organisations o ON o.id = co.organisation_id
    WHERE co.consent_id = consents.id AND COALESCE(o.kind, '') NOT IN ('oco', 'wijkteam'));

INSERT INTO consents (id, client_id, purpose, granted_at, granted_by, valid_until, withdrawn_at,
                      withdrawn_by)
SELECT c.id || '-ondersteuning', c.client_id, 'client_support', c.granted_at, c.granted_by,
       c.valid_until, c.withdrawn_at, c.withdrawn_by
FROM consents c
WHERE c.purpose = 'care_delivery'
  AND EXISTS (
    SELECT 1 FROM consent_organisations co
    JOIN organisations o ON o.id = co.organisation_id
    WHERE co.consent_id = c.id AND o.kind IN ('oco', 'wijkteam'));

UPDATE consent_organisations SET consent_id = consent_id || '-ondersteuning'
WHERE consent_id IN (SELECT id FROM consents WHERE purpose = 'care_delivery')
  AND organisation_id IN (SELECT id FROM organisations WHERE kind IN ('oco', 'wijkteam'));
