-- The access layer: organisations, users, sessions, API tokens, login attempts, consent
-- forms and the NEN 7513 access log. Secrets are stored only as SHA-256 digests;
-- timestamps are UTC ISO 8601 text ("2026-03-01T09:30:00Z"), so text order is time order.
-- Written with IF NOT EXISTS so it can be applied again safely.

CREATE TABLE IF NOT EXISTS organisations (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL,              -- role wire name of its staff
  provider_id TEXT NOT NULL DEFAULT '',   -- kind 'provider'
  region      TEXT NOT NULL DEFAULT ''    -- kind 'zorgkantoor': care-office region code
);

CREATE TABLE IF NOT EXISTS users (
  id              TEXT PRIMARY KEY,
  email           TEXT NOT NULL UNIQUE,
  display_name    TEXT NOT NULL,
  role            TEXT NOT NULL,
  organisation_id TEXT NOT NULL DEFAULT '',
  password_hash   TEXT NOT NULL DEFAULT '',
  active          INTEGER NOT NULL DEFAULT 1,
  created_at      TEXT NOT NULL
);

-- The clients a user is (role client) or represents (role representative).
CREATE TABLE IF NOT EXISTS user_clients (
  user_id   TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  client_id TEXT NOT NULL,
  seq       INTEGER NOT NULL,
  PRIMARY KEY (user_id, client_id)
);
CREATE INDEX IF NOT EXISTS user_clients_by_client ON user_clients(client_id);

CREATE TABLE IF NOT EXISTS sessions (
  id          TEXT PRIMARY KEY,
  secret_hash TEXT NOT NULL UNIQUE,
  csrf_token  TEXT NOT NULL,
  user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at  TEXT NOT NULL,
  last_seen   TEXT NOT NULL,
  expires_at  TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS api_tokens (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  secret_hash TEXT NOT NULL UNIQUE,
  user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at  TEXT NOT NULL,
  expires_at  TEXT,
  revoked_at  TEXT
);

CREATE TABLE IF NOT EXISTS login_attempts (
  id      INTEGER PRIMARY KEY AUTOINCREMENT,
  key     TEXT NOT NULL,                  -- 'account:<email>' or 'ip:<address>'
  at      TEXT NOT NULL,
  success INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS login_attempts_by_key ON login_attempts(key, at);

CREATE TABLE IF NOT EXISTS consents (
  id           TEXT PRIMARY KEY,
  client_id    TEXT NOT NULL,
  purpose      TEXT NOT NULL,             -- registration, care_delivery, indication
  granted_at   TEXT NOT NULL,
  granted_by   TEXT NOT NULL,
  valid_until  TEXT,
  withdrawn_at TEXT,
  withdrawn_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS consents_by_client ON consents(client_id, granted_at);

CREATE TABLE IF NOT EXISTS consent_organisations (
  consent_id      TEXT NOT NULL REFERENCES consents(id) ON DELETE CASCADE,
  organisation_id TEXT NOT NULL,
  seq             INTEGER NOT NULL,
  PRIMARY KEY (consent_id, organisation_id)
);
CREATE INDEX IF NOT EXISTS consent_organisations_by_org ON consent_organisations(organisation_id);

-- The NEN 7513 access log: a hash chain (see access/audit.h). Append-only: the triggers
-- refuse deletes and changes, except the erasure's removal of the free-text reason
-- (its digest stays in the chain).
CREATE TABLE IF NOT EXISTS audit_log (
  seq             INTEGER PRIMARY KEY,
  ts              TEXT NOT NULL,
  user_id         TEXT NOT NULL,
  role            TEXT NOT NULL,
  organisation_id TEXT NOT NULL,
  client_id       TEXT NOT NULL,
  resource        TEXT NOT NULL,
  action          TEXT NOT NULL,
  reason          TEXT NOT NULL,
  reason_digest   TEXT NOT NULL,
  prev_hash       TEXT NOT NULL,
  hash            TEXT NOT NULL,
  redacted        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS audit_log_by_client ON audit_log(client_id, seq);

CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER IF NOT EXISTS audit_log_no_update
BEFORE UPDATE OF seq, ts, user_id, role, organisation_id, client_id, resource, action,
                 reason_digest, prev_hash, hash ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER IF NOT EXISTS audit_log_redact_only
BEFORE UPDATE OF reason, redacted ON audit_log
WHEN NEW.reason <> '' OR NEW.redacted <> 1
BEGIN
  SELECT RAISE(ABORT, 'audit_log: only redaction is allowed');
END;
