-- Where an access came from and whether it was let in (issue 23.16): the source address
-- (or "cli" for the command line), the session, API token or operating-system user it
-- came through, and "denied" for an attempt the policy refused (the 404 that reads like
-- a missing client). Older entries keep '' in all three; the hash chain covers the
-- three as soon as one is set (access/audit.h).
ALTER TABLE audit_log ADD COLUMN source TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN credential TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN outcome TEXT COLLATE "C" NOT NULL DEFAULT '';

CREATE OR REPLACE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
    RAISE EXCEPTION 'audit_log is append-only';
  END IF;
  IF (NEW.seq, NEW.ts, NEW.user_id, NEW.role, NEW.organisation_id, NEW.client_id,
      NEW.resource, NEW.action, NEW.reason_digest, NEW.prev_hash, NEW.hash, NEW.source,
      NEW.credential, NEW.outcome)
     IS DISTINCT FROM
     (OLD.seq, OLD.ts, OLD.user_id, OLD.role, OLD.organisation_id, OLD.client_id,
      OLD.resource, OLD.action, OLD.reason_digest, OLD.prev_hash, OLD.hash, OLD.source,
      OLD.credential, OLD.outcome) THEN
    RAISE EXCEPTION 'audit_log is append-only';
  END IF;
  IF (NEW.reason, NEW.redacted) IS DISTINCT FROM (OLD.reason, OLD.redacted)
     AND (NEW.reason <> '' OR NEW.redacted <> 1) THEN
    RAISE EXCEPTION 'audit_log: only redaction is allowed';
  END IF;
  RETURN NEW;
END $$;
