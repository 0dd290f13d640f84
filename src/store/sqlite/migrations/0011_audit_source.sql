-- Where an access came from and whether it was let in (issue 23.16): the source address
-- (or "cli" for the command line), the session, API token or operating-system user it
-- came through, and "denied" for an attempt the policy refused (the 404 that reads like
-- a missing client). Older entries keep '' in all three; the hash chain covers the
-- three as soon as one is set (access/audit.h).
ALTER TABLE audit_log ADD COLUMN source TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN credential TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN outcome TEXT NOT NULL DEFAULT '';

DROP TRIGGER IF EXISTS audit_log_no_update;
CREATE TRIGGER audit_log_no_update
BEFORE UPDATE OF seq, ts, user_id, role, organisation_id, client_id, resource, action,
                 reason_digest, prev_hash, hash, source, credential, outcome ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
