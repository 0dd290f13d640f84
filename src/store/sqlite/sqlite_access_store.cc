#include "store/sqlite/sqlite_access_store.h"

#include "store/sqlite/sql_query.h"
#include "store/sqlite/sqlite_database.h"

namespace passend::store::sqlite {

namespace a = passend::access;

namespace {

std::optional<a::Time> OptTime(const Statement& st, int col) {
  if (st.IsNull(col)) return std::nullopt;
  return a::ParseUtc(st.Text(col));
}
a::Time TimeAt(const Statement& st, int col) {
  return a::ParseUtc(st.Text(col)).value_or(a::Time{});
}
void BindOpt(Statement& st, int i, const std::optional<a::Time>& t) {
  if (t)
    st.Bind(i, a::FormatUtc(*t));
  else
    st.BindNull(i);
}

// Runs `st` and collects one value per row with `read`.
template <typename T, typename Read>
Result<std::vector<T>> Rows(Statement& st, Read read) {
  std::vector<T> out;
  while (true) {
    PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    PASSEND_ASSIGN_OR_RETURN(T v, read(st));
    out.push_back(std::move(v));
  }
}

constexpr const char* kUserColumns =
    "SELECT id, email, display_name, role, organisation_id, password_hash, active, created_at "
    "FROM users";

Result<a::User> ReadUser(const Statement& st) {
  a::User u;
  u.id = st.Text(0);
  u.email = st.Text(1);
  u.display_name = st.Text(2);
  auto role = a::ParseRole(st.Text(3));
  if (!role) return Internal("Onbekende rol in database bij " + u.id);
  u.role = *role;
  u.organisation_id = st.Text(4);
  u.password_hash = st.Text(5);
  u.active = st.Int(6) != 0;
  u.created_at = TimeAt(st, 7);
  return u;
}

Status LoadUserClients(Connection& conn, a::User& u) {
  PASSEND_ASSIGN_OR_RETURN(
      Statement st,
      conn.Prepare("SELECT client_id FROM user_clients WHERE user_id = ? ORDER BY seq"));
  st.Bind(1, u.id);
  PASSEND_ASSIGN_OR_RETURN(u.client_ids, Rows<std::string>(st, [](const Statement& s) {
                             return Result<std::string>(s.Text(0));
                           }));
  return Ok();
}

// One user by a unique column, with the clients bound to them.
Result<a::User> UserWhere(SqliteDatabase& db, const char* sql, const std::string& key) {
  std::optional<a::User> out;
  PASSEND_RETURN_IF_ERROR(db.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Statement st, conn.Prepare(sql));
    st.Bind(1, key);
    PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return Ok();
    PASSEND_ASSIGN_OR_RETURN(a::User u, ReadUser(st));
    PASSEND_RETURN_IF_ERROR(LoadUserClients(conn, u));
    out = std::move(u);
    return Ok();
  }));
  if (!out) return NotFound("Gebruiker bestaat niet.");
  return std::move(*out);
}

constexpr const char* kSessionColumns =
    "SELECT id, secret_hash, csrf_token, user_id, created_at, last_seen, expires_at FROM sessions";
constexpr const char* kTokenColumns =
    "SELECT id, name, secret_hash, user_id, created_at, expires_at, revoked_at FROM api_tokens";
constexpr const char* kConsentColumns =
    "SELECT id, client_id, purpose, granted_at, granted_by, valid_until, withdrawn_at, "
    "withdrawn_by FROM consents";
constexpr const char* kAuditColumns =
    "SELECT seq, ts, user_id, role, organisation_id, client_id, resource, action, reason, "
    "reason_digest, prev_hash, hash, redacted, source, credential, outcome FROM audit_log";

Result<a::ApiToken> ReadToken(const Statement& st) {
  return a::ApiToken{st.Text(0),    st.Text(1),     st.Text(2),    st.Text(3),
                     TimeAt(st, 4), OptTime(st, 5), OptTime(st, 6)};
}

Result<a::ConsentForm> ReadConsent(const Statement& st) {
  a::ConsentForm c;
  c.id = st.Text(0);
  c.client_id = st.Text(1);
  auto purpose = a::ParsePurpose(st.Text(2));
  if (!purpose) return Internal("Onbekend doel in database bij " + c.id);
  c.purpose = *purpose;
  c.granted_at = TimeAt(st, 3);
  c.granted_by = st.Text(4);
  c.valid_until = OptTime(st, 5);
  c.withdrawn_at = OptTime(st, 6);
  c.withdrawn_by = st.Text(7);
  return c;
}

Status LoadConsentOrganisations(Connection& conn, a::ConsentForm& c) {
  PASSEND_ASSIGN_OR_RETURN(Statement st, conn.Prepare("SELECT organisation_id FROM "
                                                      "consent_organisations WHERE consent_id = ? "
                                                      "ORDER BY seq"));
  st.Bind(1, c.id);
  PASSEND_ASSIGN_OR_RETURN(c.organisation_ids, Rows<std::string>(st, [](const Statement& s) {
                             return Result<std::string>(s.Text(0));
                           }));
  return Ok();
}

Result<a::AuditEntry> ReadAudit(const Statement& st) {
  a::AuditEntry e;
  e.seq = st.Int(0);
  e.ts = st.Text(1);
  e.user_id = st.Text(2);
  e.role = st.Text(3);
  e.organisation_id = st.Text(4);
  e.client_id = st.Text(5);
  e.resource = st.Text(6);
  e.action = st.Text(7);
  e.reason = st.Text(8);
  e.reason_digest = st.Text(9);
  e.prev_hash = st.Text(10);
  e.hash = st.Text(11);
  e.redacted = st.Int(12) != 0;
  e.source = st.Text(13);
  e.credential = st.Text(14);
  e.outcome = st.Text(15);
  return e;
}

}  // namespace

Status SqliteAccessStore::PutOrganisation(const a::Organisation& o) {
  return db_.Write([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Statement st,
        conn.Prepare("INSERT INTO organisations (id, name, kind, provider_id, region) "
                     "VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                     "name = excluded.name, kind = excluded.kind, "
                     "provider_id = excluded.provider_id, "
                     "region = excluded.region"));
    st.Bind(1, o.id)
        .Bind(2, o.name)
        .Bind(3, a::ToString(o.kind))
        .Bind(4, o.provider_id)
        .Bind(5, o.region);
    return st.Run();
  });
}

Result<a::Organisation> SqliteAccessStore::GetOrganisation(const std::string& id) {
  std::optional<a::Organisation> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Statement st,
        conn.Prepare("SELECT id, name, kind, provider_id, region FROM organisations WHERE id = ?"));
    st.Bind(1, id);
    PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return Ok();
    auto kind = a::ParseRole(st.Text(2));
    if (!kind) return Internal("Onbekend soort organisatie in database bij " + id);
    out = a::Organisation{st.Text(0), st.Text(1), *kind, st.Text(3), st.Text(4)};
    return Ok();
  }));
  if (!out) return NotFound("Organisatie " + id + " bestaat niet.", "organisation_id");
  return std::move(*out);
}

Result<std::vector<a::Organisation>> SqliteAccessStore::ListOrganisations() {
  std::vector<a::Organisation> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Statement st,
                             conn.Prepare("SELECT id, name, kind, provider_id, region FROM "
                                          "organisations ORDER BY name, id"));
    PASSEND_ASSIGN_OR_RETURN(
        out, Rows<a::Organisation>(st, [](const Statement& s) -> Result<a::Organisation> {
          auto kind = a::ParseRole(s.Text(2));
          if (!kind) return Internal("Onbekend soort organisatie in database");
          return a::Organisation{s.Text(0), s.Text(1), *kind, s.Text(3), s.Text(4)};
        }));
    return Ok();
  }));
  return out;
}

Status SqliteAccessStore::PutUser(const a::User& u) {
  return db_.Write([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Statement st,
        conn.Prepare("INSERT INTO users (id, email, display_name, role, organisation_id, "
                     "password_hash, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                     "ON CONFLICT(id) DO UPDATE SET email = excluded.email, display_name = "
                     "excluded.display_name, role = excluded.role, organisation_id = "
                     "excluded.organisation_id, password_hash = excluded.password_hash, "
                     "active = excluded.active"));
    st.Bind(1, u.id)
        .Bind(2, u.email)
        .Bind(3, u.display_name)
        .Bind(4, a::ToString(u.role))
        .Bind(5, u.organisation_id)
        .Bind(6, u.password_hash)
        .Bind(7, u.active ? 1 : 0)
        .Bind(8, a::FormatUtc(u.created_at));
    PASSEND_RETURN_IF_ERROR(st.Run());
    PASSEND_ASSIGN_OR_RETURN(Statement del,
                             conn.Prepare("DELETE FROM user_clients WHERE user_id = ?"));
    del.Bind(1, u.id);
    PASSEND_RETURN_IF_ERROR(del.Run());
    for (size_t i = 0; i < u.client_ids.size(); ++i) {
      PASSEND_ASSIGN_OR_RETURN(
          Statement ins,
          conn.Prepare("INSERT INTO user_clients (user_id, client_id, seq) VALUES (?, ?, ?) "
                       "ON CONFLICT DO NOTHING"));
      ins.Bind(1, u.id).Bind(2, u.client_ids[i]).Bind(3, static_cast<int64_t>(i));
      PASSEND_RETURN_IF_ERROR(ins.Run());
    }
    return Ok();
  });
}

Result<a::User> SqliteAccessStore::GetUser(const std::string& id) {
  static const std::string sql = std::string(kUserColumns) + " WHERE id = ?";
  return UserWhere(db_, sql.c_str(), id);
}

Result<a::User> SqliteAccessStore::FindUserByEmail(const std::string& email) {
  static const std::string sql = std::string(kUserColumns) + " WHERE email = ?";
  return UserWhere(db_, sql.c_str(), email);
}

Result<Page<a::User>> SqliteAccessStore::ListUsers(const PageRequest& page) {
  SqlQuery q(kUserColumns);
  q.Page("id", page);
  Page<a::User> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(out, ReadPage<a::User>(conn, q, ReadUser));
    for (auto& u : out.items) PASSEND_RETURN_IF_ERROR(LoadUserClients(conn, u));
    return Ok();
  }));
  return out;
}

Result<std::vector<a::User>> SqliteAccessStore::UsersForClient(const std::string& client_id) {
  std::vector<a::User> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Statement st,
                             conn.Prepare(std::string(kUserColumns) +
                                          " WHERE id IN (SELECT user_id FROM user_clients WHERE "
                                          "client_id = ?) ORDER BY id"));
    st.Bind(1, client_id);
    PASSEND_ASSIGN_OR_RETURN(out, Rows<a::User>(st, ReadUser));
    for (auto& u : out) PASSEND_RETURN_IF_ERROR(LoadUserClients(conn, u));
    return Ok();
  }));
  return out;
}

Status SqliteAccessStore::PutSession(const a::Session& s) {
  return db_.Write([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Statement st, conn.Prepare("INSERT INTO sessions (id, secret_hash, csrf_token, user_id, "
                                   "created_at, last_seen, expires_at) VALUES (?, ?, ?, ?, ?, ?, "
                                   "?) ON CONFLICT(id) DO UPDATE SET secret_hash = "
                                   "excluded.secret_hash, csrf_token = excluded.csrf_token, "
                                   "user_id = excluded.user_id, created_at = excluded.created_at, "
                                   "last_seen = excluded.last_seen, "
                                   "expires_at = excluded.expires_at"));
    st.Bind(1, s.id)
        .Bind(2, s.secret_hash)
        .Bind(3, s.csrf_token)
        .Bind(4, s.user_id)
        .Bind(5, a::FormatUtc(s.created_at))
        .Bind(6, a::FormatUtc(s.last_seen))
        .Bind(7, a::FormatUtc(s.expires_at));
    return st.Run();
  });
}

Result<a::Session> SqliteAccessStore::FindSession(const std::string& secret_hash) {
  std::optional<a::Session> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Statement st,
                             conn.Prepare(std::string(kSessionColumns) + " WHERE secret_hash = ?"));
    st.Bind(1, secret_hash);
    PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
    if (row)
      out = a::Session{st.Text(0),    st.Text(1),    st.Text(2),   st.Text(3),
                       TimeAt(st, 4), TimeAt(st, 5), TimeAt(st, 6)};
    return Ok();
  }));
  if (!out) return NotFound("Sessie bestaat niet.");
  return std::move(*out);
}

Status SqliteAccessStore::DeleteSession(const std::string& id) {
  return db_.Write([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Statement st, conn.Prepare("DELETE FROM sessions WHERE id = ?"));
    st.Bind(1, id);
    return st.Run();
  });
}

Status SqliteAccessStore::DeleteSessionsOfUser(const std::string& user_id,
                                               const std::string& keep_id) {
  return db_.Write([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Statement st,
                             conn.Prepare("DELETE FROM sessions WHERE user_id = ? AND id <> ?"));
    st.Bind(1, user_id);
    st.Bind(2, keep_id);
    return st.Run();
  });
}

Status SqliteAccessStore::PutApiToken(const a::ApiToken& t) {
  return db_.Write([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Statement st, conn.Prepare("INSERT INTO api_tokens (id, name, secret_hash, user_id, "
                                   "created_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, "
                                   "?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, "
                                   "secret_hash = excluded.secret_hash, user_id = "
                                   "excluded.user_id, created_at = excluded.created_at, "
                                   "expires_at = excluded.expires_at, "
                                   "revoked_at = excluded.revoked_at"));
    st.Bind(1, t.id).Bind(2, t.name).Bind(3, t.secret_hash).Bind(4, t.user_id);
    st.Bind(5, a::FormatUtc(t.created_at));
    BindOpt(st, 6, t.expires_at);
    BindOpt(st, 7, t.revoked_at);
    return st.Run();
  });
}

Result<a::ApiToken> SqliteAccessStore::FindApiToken(const std::string& secret_hash) {
  std::optional<a::ApiToken> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Statement st,
                             conn.Prepare(std::string(kTokenColumns) + " WHERE secret_hash = ?"));
    st.Bind(1, secret_hash);
    PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return Ok();
    PASSEND_ASSIGN_OR_RETURN(out, ReadToken(st));
    return Ok();
  }));
  if (!out) return NotFound("API-sleutel bestaat niet.");
  return std::move(*out);
}

Result<std::vector<a::ApiToken>> SqliteAccessStore::ListApiTokens() {
  std::vector<a::ApiToken> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Statement st,
                             conn.Prepare(std::string(kTokenColumns) + " ORDER BY id"));
    PASSEND_ASSIGN_OR_RETURN(out, Rows<a::ApiToken>(st, ReadToken));
    return Ok();
  }));
  return out;
}

Status SqliteAccessStore::RecordLoginAttempt(const std::string& key, a::Time at, bool success) {
  return db_.Write([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Statement st,
        conn.Prepare("INSERT INTO login_attempts (key, at, success) VALUES (?, ?, ?)"));
    st.Bind(1, key).Bind(2, a::FormatUtc(at)).Bind(3, success ? 1 : 0);
    PASSEND_RETURN_IF_ERROR(st.Run());
    // Attempts older than a day no longer count for anything.
    PASSEND_ASSIGN_OR_RETURN(Statement old, conn.Prepare("DELETE FROM login_attempts WHERE key = ? "
                                                         "AND at < ?"));
    old.Bind(1, key).Bind(2, a::FormatUtc(at - std::chrono::hours(24)));
    return old.Run();
  });
}

Status SqliteAccessStore::DeleteLoginAttempts(const std::string& key) {
  return db_.Write([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Statement st, conn.Prepare("DELETE FROM login_attempts WHERE lower(key) = lower(?)"));
    st.Bind(1, key);
    return st.Run();
  });
}

Result<int> SqliteAccessStore::CountRecentFailures(const std::string& key, a::Time since) {
  int n = 0;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Statement st,
        conn.Prepare("SELECT COUNT(*) FROM login_attempts WHERE key = ?1 AND success = 0 AND at "
                     ">= ?2 AND id > COALESCE((SELECT MAX(id) FROM login_attempts WHERE key = ?1 "
                     "AND success = 1), 0)"));
    st.Bind(1, key).Bind(2, a::FormatUtc(since));
    PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
    if (row) n = static_cast<int>(st.Int(0));
    return Ok();
  }));
  return n;
}

Status SqliteAccessStore::PutConsent(const a::ConsentForm& c) {
  return db_.Write([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Statement st,
        conn.Prepare("INSERT INTO consents (id, client_id, purpose, granted_at, granted_by, "
                     "valid_until, withdrawn_at, withdrawn_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                     "ON CONFLICT(id) DO UPDATE SET valid_until = excluded.valid_until, "
                     "withdrawn_at = excluded.withdrawn_at, withdrawn_by = excluded.withdrawn_by"));
    st.Bind(1, c.id).Bind(2, c.client_id).Bind(3, a::ToString(c.purpose));
    st.Bind(4, a::FormatUtc(c.granted_at)).Bind(5, c.granted_by);
    BindOpt(st, 6, c.valid_until);
    BindOpt(st, 7, c.withdrawn_at);
    st.Bind(8, c.withdrawn_by);
    PASSEND_RETURN_IF_ERROR(st.Run());
    for (size_t i = 0; i < c.organisation_ids.size(); ++i) {
      PASSEND_ASSIGN_OR_RETURN(Statement ins,
                               conn.Prepare("INSERT INTO consent_organisations "
                                            "(consent_id, organisation_id, seq) VALUES (?, ?, ?) "
                                            "ON CONFLICT DO NOTHING"));
      ins.Bind(1, c.id).Bind(2, c.organisation_ids[i]).Bind(3, static_cast<int64_t>(i));
      PASSEND_RETURN_IF_ERROR(ins.Run());
    }
    return Ok();
  });
}

Result<a::ConsentForm> SqliteAccessStore::GetConsent(const std::string& id) {
  std::optional<a::ConsentForm> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Statement st,
                             conn.Prepare(std::string(kConsentColumns) + " WHERE id = ?"));
    st.Bind(1, id);
    PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return Ok();
    PASSEND_ASSIGN_OR_RETURN(a::ConsentForm c, ReadConsent(st));
    PASSEND_RETURN_IF_ERROR(LoadConsentOrganisations(conn, c));
    out = std::move(c);
    return Ok();
  }));
  if (!out) return NotFound("Toestemming " + id + " bestaat niet.", "consent_id");
  return std::move(*out);
}

Result<std::vector<a::ConsentForm>> SqliteAccessStore::ConsentsForClient(
    const std::string& client_id) {
  std::vector<a::ConsentForm> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Statement st,
                             conn.Prepare(std::string(kConsentColumns) +
                                          " WHERE client_id = ? ORDER BY granted_at, id"));
    st.Bind(1, client_id);
    PASSEND_ASSIGN_OR_RETURN(out, Rows<a::ConsentForm>(st, ReadConsent));
    for (auto& c : out) PASSEND_RETURN_IF_ERROR(LoadConsentOrganisations(conn, c));
    return Ok();
  }));
  return out;
}

Result<std::vector<a::ConsentForm>> SqliteAccessStore::ConsentsForOrganisation(
    const std::string& organisation_id) {
  std::vector<a::ConsentForm> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Statement st, conn.Prepare(std::string(kConsentColumns) +
                                   " WHERE id IN (SELECT consent_id FROM consent_organisations "
                                   "WHERE organisation_id = ?) ORDER BY client_id, granted_at"));
    st.Bind(1, organisation_id);
    PASSEND_ASSIGN_OR_RETURN(out, Rows<a::ConsentForm>(st, ReadConsent));
    for (auto& c : out) PASSEND_RETURN_IF_ERROR(LoadConsentOrganisations(conn, c));
    return Ok();
  }));
  return out;
}

Result<std::vector<a::AuditEntry>> SqliteAccessStore::AppendAudits(size_t count,
                                                                   const ChainedEntries& make) {
  std::vector<a::AuditEntry> out;
  // One write transaction (BEGIN IMMEDIATE): no other writer, in this process or another,
  // can append between reading the newest entry and inserting the next ones.
  PASSEND_RETURN_IF_ERROR(db_.Write([&](Connection& conn) -> Status {
    out.clear();
    std::optional<a::AuditEntry> prev;
    PASSEND_ASSIGN_OR_RETURN(
        Statement q, conn.Prepare(std::string(kAuditColumns) + " ORDER BY seq DESC LIMIT 1"));
    PASSEND_ASSIGN_OR_RETURN(bool row, q.Step());
    if (row) {
      PASSEND_ASSIGN_OR_RETURN(prev, ReadAudit(q));
    }
    PASSEND_ASSIGN_OR_RETURN(
        Statement st,
        conn.Prepare(
            "INSERT INTO audit_log (seq, ts, user_id, role, organisation_id, client_id, "
            "resource, action, reason, reason_digest, prev_hash, hash, redacted, source, "
            "credential, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)"));
    for (size_t i = 0; i < count; ++i) {
      a::AuditEntry e = make(i, prev);
      st.Reset();
      st.Bind(1, e.seq).Bind(2, e.ts).Bind(3, e.user_id).Bind(4, e.role);
      st.Bind(5, e.organisation_id).Bind(6, e.client_id).Bind(7, e.resource);
      st.Bind(8, e.action).Bind(9, e.reason).Bind(10, e.reason_digest).Bind(11, e.prev_hash);
      st.Bind(12, e.hash).Bind(13, e.source).Bind(14, e.credential).Bind(15, e.outcome);
      PASSEND_RETURN_IF_ERROR(st.Run());
      out.push_back(e);
      prev = std::move(e);
    }
    return Ok();
  }));
  return out;
}

bool SqliteAccessStore::InOpenTransaction() const { return db_.InTransactionOnThisThread(); }

Result<std::optional<a::AuditEntry>> SqliteAccessStore::LastAudit() {
  std::optional<a::AuditEntry> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Statement st, conn.Prepare(std::string(kAuditColumns) + " ORDER BY seq DESC LIMIT 1"));
    PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return Ok();
    PASSEND_ASSIGN_OR_RETURN(out, ReadAudit(st));
    return Ok();
  }));
  return out;
}

Result<std::vector<a::AuditEntry>> SqliteAccessStore::AuditForClient(const std::string& client_id,
                                                                     int64_t before_seq,
                                                                     int limit) {
  std::vector<a::AuditEntry> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Statement st, conn.Prepare(std::string(kAuditColumns) +
                                   " WHERE client_id = ? AND (? = 0 OR seq < ?) ORDER BY seq DESC "
                                   "LIMIT ?"));
    st.Bind(1, client_id).Bind(2, before_seq).Bind(3, before_seq).Bind(4, limit);
    PASSEND_ASSIGN_OR_RETURN(out, Rows<a::AuditEntry>(st, ReadAudit));
    return Ok();
  }));
  return out;
}

Status SqliteAccessStore::ForEachAudit(const std::function<Status(const a::AuditEntry&)>& fn) {
  return db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Statement st,
                             conn.Prepare(std::string(kAuditColumns) + " ORDER BY seq"));
    while (true) {
      PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) return Ok();
      PASSEND_ASSIGN_OR_RETURN(a::AuditEntry e, ReadAudit(st));
      PASSEND_RETURN_IF_ERROR(fn(e));
    }
  });
}

Status SqliteAccessStore::RedactReasons(const std::string& client_id) {
  return db_.Write([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Statement st, conn.Prepare("UPDATE audit_log SET reason = '', "
                                                        "redacted = 1 WHERE client_id = ?"));
    st.Bind(1, client_id);
    return st.Run();
  });
}

}  // namespace passend::store::sqlite
