#include "store/postgres/postgres_access_store.h"

#include "store/postgres/postgres_database.h"
#include "store/postgres/sql_query.h"

namespace passend::store::postgres {

namespace a = passend::access;

namespace {

using Row = Rows::Row;

std::optional<a::Time> OptTime(const Row& r, int col) {
  if (r.IsNull(col)) return std::nullopt;
  return a::ParseUtc(r.Text(col));
}
a::Time TimeAt(const Row& r, int col) { return a::ParseUtc(r.Text(col)).value_or(a::Time{}); }
Param OptTimeParam(const std::optional<a::Time>& t) { return t ? P(a::FormatUtc(*t)) : Null(); }

// Converts every row with `read` (returning T or Result<T>).
template <typename T, typename Read>
Result<std::vector<T>> All(const Rows& rows, Read read) {
  std::vector<T> out;
  out.reserve(rows.size());
  for (Row r : rows) {
    PASSEND_ASSIGN_OR_RETURN(T v, Result<T>(read(r)));
    out.push_back(std::move(v));
  }
  return out;
}

// Runs a statement whose rows are not needed.
Status Run(Connection& c, std::string_view sql, const std::vector<Param>& params) {
  PASSEND_ASSIGN_OR_RETURN(Rows r, c.Query(sql, params));
  (void)r;
  return Ok();
}

constexpr const char* kUserColumns =
    "SELECT id, email, display_name, role, organisation_id, password_hash, active, created_at "
    "FROM users";
constexpr const char* kOrganisationColumns =
    "SELECT id, name, kind, provider_id, region FROM organisations";
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

Result<a::User> ReadUser(const Row& r) {
  a::User u;
  u.id = r.Text(0);
  u.email = r.Text(1);
  u.display_name = r.Text(2);
  auto role = a::ParseRole(r.Text(3));
  if (!role) return Internal("Onbekende rol in database bij " + u.id);
  u.role = *role;
  u.organisation_id = r.Text(4);
  u.password_hash = r.Text(5);
  u.active = r.Int(6) != 0;
  u.created_at = TimeAt(r, 7);
  return u;
}

Result<a::Organisation> ReadOrganisation(const Row& r) {
  auto kind = a::ParseRole(r.Text(2));
  if (!kind) return Internal("Onbekend soort organisatie in database bij " + r.Text(0));
  return a::Organisation{r.Text(0), r.Text(1), *kind, r.Text(3), r.Text(4)};
}

// Fills the client ids of `users` with one query.
Status LoadUserClients(Connection& conn, std::vector<a::User>& users) {
  if (users.empty()) return Ok();
  std::vector<std::string> ids;
  for (const auto& u : users) ids.push_back(u.id);
  PASSEND_ASSIGN_OR_RETURN(Rows rows,
                           conn.Query("SELECT user_id, client_id FROM user_clients WHERE user_id "
                                      "= ANY($1::text[]) ORDER BY user_id, seq",
                                      {TextArray(ids)}));
  for (Row r : rows)
    for (auto& u : users)
      if (u.id == r.View(0)) u.client_ids.push_back(r.Text(1));
  return Ok();
}

// Users selected by `sql` with parameters, with the clients bound to them.
Result<std::vector<a::User>> UsersWhere(PostgresDatabase& db, const std::string& sql,
                                        const std::vector<Param>& params) {
  std::vector<a::User> out;
  PASSEND_RETURN_IF_ERROR(db.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Rows rows, conn.Query(sql, params));
    PASSEND_ASSIGN_OR_RETURN(out, All<a::User>(rows, ReadUser));
    return LoadUserClients(conn, out);
  }));
  return out;
}

Result<a::User> OneUser(PostgresDatabase& db, const std::string& sql, const std::string& key) {
  PASSEND_ASSIGN_OR_RETURN(std::vector<a::User> users, UsersWhere(db, sql, {P(key)}));
  if (users.empty()) return NotFound("Gebruiker bestaat niet.");
  return std::move(users.front());
}

Result<a::ApiToken> ReadToken(const Row& r) {
  return a::ApiToken{r.Text(0),    r.Text(1),     r.Text(2),    r.Text(3),
                     TimeAt(r, 4), OptTime(r, 5), OptTime(r, 6)};
}

Result<a::ConsentForm> ReadConsent(const Row& r) {
  a::ConsentForm c;
  c.id = r.Text(0);
  c.client_id = r.Text(1);
  auto purpose = a::ParsePurpose(r.Text(2));
  if (!purpose) return Internal("Onbekend doel in database bij " + c.id);
  c.purpose = *purpose;
  c.granted_at = TimeAt(r, 3);
  c.granted_by = r.Text(4);
  c.valid_until = OptTime(r, 5);
  c.withdrawn_at = OptTime(r, 6);
  c.withdrawn_by = r.Text(7);
  return c;
}

// Consent forms selected by `sql`, with the organisations each names.
Result<std::vector<a::ConsentForm>> ConsentsWhere(PostgresDatabase& db, const std::string& sql,
                                                  const std::vector<Param>& params) {
  std::vector<a::ConsentForm> out;
  PASSEND_RETURN_IF_ERROR(db.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Rows rows, conn.Query(sql, params));
    PASSEND_ASSIGN_OR_RETURN(out, All<a::ConsentForm>(rows, ReadConsent));
    if (out.empty()) return Ok();
    std::vector<std::string> ids;
    for (const auto& c : out) ids.push_back(c.id);
    PASSEND_ASSIGN_OR_RETURN(
        Rows orgs, conn.Query("SELECT consent_id, organisation_id FROM consent_organisations "
                              "WHERE consent_id = ANY($1::text[]) ORDER BY consent_id, seq",
                              {TextArray(ids)}));
    for (Row r : orgs)
      for (auto& c : out)
        if (c.id == r.View(0)) c.organisation_ids.push_back(r.Text(1));
    return Ok();
  }));
  return out;
}

a::AuditEntry ReadAudit(const Row& r) {
  a::AuditEntry e;
  e.seq = r.Int(0);
  e.ts = r.Text(1);
  e.user_id = r.Text(2);
  e.role = r.Text(3);
  e.organisation_id = r.Text(4);
  e.client_id = r.Text(5);
  e.resource = r.Text(6);
  e.action = r.Text(7);
  e.reason = r.Text(8);
  e.reason_digest = r.Text(9);
  e.prev_hash = r.Text(10);
  e.hash = r.Text(11);
  e.redacted = r.Int(12) != 0;
  e.source = r.Text(13);
  e.credential = r.Text(14);
  e.outcome = r.Text(15);
  return e;
}

}  // namespace

Status PostgresAccessStore::PutOrganisation(const a::Organisation& o) {
  return db_.Write([&](Connection& conn) {
    return Run(conn,
               "INSERT INTO organisations (id, name, kind, provider_id, region) VALUES ($1, $2, "
               "$3, $4, $5) ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = "
               "excluded.kind, provider_id = excluded.provider_id, region = excluded.region",
               {P(o.id), P(o.name), P(a::ToString(o.kind)), P(o.provider_id), P(o.region)});
  });
}

Result<a::Organisation> PostgresAccessStore::GetOrganisation(const std::string& id) {
  std::vector<a::Organisation> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Rows rows, conn.Query(std::string(kOrganisationColumns) + " WHERE id = $1", {P(id)}));
    PASSEND_ASSIGN_OR_RETURN(out, All<a::Organisation>(rows, ReadOrganisation));
    return Ok();
  }));
  if (out.empty()) return NotFound("Organisatie " + id + " bestaat niet.", "organisation_id");
  return std::move(out.front());
}

Result<std::vector<a::Organisation>> PostgresAccessStore::ListOrganisations() {
  std::vector<a::Organisation> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Rows rows,
                             conn.Query(std::string(kOrganisationColumns) + " ORDER BY name, id"));
    PASSEND_ASSIGN_OR_RETURN(out, All<a::Organisation>(rows, ReadOrganisation));
    return Ok();
  }));
  return out;
}

Status PostgresAccessStore::PutUser(const a::User& u) {
  return db_.Write([&](Connection& conn) -> Status {
    PASSEND_RETURN_IF_ERROR(
        Run(conn,
            "INSERT INTO users (id, email, display_name, role, organisation_id, password_hash, "
            "active, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO "
            "UPDATE SET email = excluded.email, display_name = excluded.display_name, role = "
            "excluded.role, organisation_id = excluded.organisation_id, password_hash = "
            "excluded.password_hash, active = excluded.active",
            {P(u.id), P(u.email), P(u.display_name), P(a::ToString(u.role)), P(u.organisation_id),
             P(u.password_hash), P(u.active ? 1 : 0), P(a::FormatUtc(u.created_at))}));
    PASSEND_RETURN_IF_ERROR(Run(conn, "DELETE FROM user_clients WHERE user_id = $1", {P(u.id)}));
    if (u.client_ids.empty()) return Ok();
    return Run(conn,
               "INSERT INTO user_clients (user_id, client_id, seq) SELECT $1, c, n - 1 FROM "
               "unnest($2::text[]) WITH ORDINALITY AS t(c, n) ON CONFLICT DO NOTHING",
               {P(u.id), TextArray(u.client_ids)});
  });
}

Result<a::User> PostgresAccessStore::GetUser(const std::string& id) {
  return OneUser(db_, std::string(kUserColumns) + " WHERE id = $1", id);
}

Result<a::User> PostgresAccessStore::FindUserByEmail(const std::string& email) {
  return OneUser(db_, std::string(kUserColumns) + " WHERE email = $1", email);
}

Result<Page<a::User>> PostgresAccessStore::ListUsers(const PageRequest& page) {
  SqlQuery q(kUserColumns);
  q.Page("id", page);
  Page<a::User> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(out, ReadPage<a::User>(conn, q, ReadUser));
    return LoadUserClients(conn, out.items);
  }));
  return out;
}

Result<std::vector<a::User>> PostgresAccessStore::UsersForClient(const std::string& client_id) {
  return UsersWhere(db_,
                    std::string(kUserColumns) +
                        " WHERE id IN (SELECT user_id FROM user_clients WHERE client_id = $1) "
                        "ORDER BY id",
                    {P(client_id)});
}

Status PostgresAccessStore::PutSession(const a::Session& s) {
  return db_.Write([&](Connection& conn) {
    return Run(
        conn,
        "INSERT INTO sessions (id, secret_hash, csrf_token, user_id, created_at, "
        "last_seen, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO "
        "UPDATE SET secret_hash = excluded.secret_hash, csrf_token = excluded.csrf_token, "
        "user_id = excluded.user_id, created_at = excluded.created_at, last_seen = "
        "excluded.last_seen, expires_at = excluded.expires_at",
        {P(s.id), P(s.secret_hash), P(s.csrf_token), P(s.user_id), P(a::FormatUtc(s.created_at)),
         P(a::FormatUtc(s.last_seen)), P(a::FormatUtc(s.expires_at))});
  });
}

Result<a::Session> PostgresAccessStore::FindSession(const std::string& secret_hash) {
  std::optional<a::Session> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Rows rows,
        conn.Query(std::string(kSessionColumns) + " WHERE secret_hash = $1", {P(secret_hash)}));
    if (!rows.empty()) {
      const Row r = rows[0];
      out = a::Session{r.Text(0),    r.Text(1),    r.Text(2),   r.Text(3),
                       TimeAt(r, 4), TimeAt(r, 5), TimeAt(r, 6)};
    }
    return Ok();
  }));
  if (!out) return NotFound("Sessie bestaat niet.");
  return std::move(*out);
}

Status PostgresAccessStore::DeleteSession(const std::string& id) {
  return db_.Write(
      [&](Connection& conn) { return Run(conn, "DELETE FROM sessions WHERE id = $1", {P(id)}); });
}

Status PostgresAccessStore::DeleteSessionsOfUser(const std::string& user_id,
                                                 const std::string& keep_id) {
  return db_.Write([&](Connection& conn) {
    return Run(conn, "DELETE FROM sessions WHERE user_id = $1 AND id <> $2",
               {P(user_id), P(keep_id)});
  });
}

Status PostgresAccessStore::PutApiToken(const a::ApiToken& t) {
  return db_.Write([&](Connection& conn) {
    return Run(conn,
               "INSERT INTO api_tokens (id, name, secret_hash, user_id, created_at, expires_at, "
               "revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO UPDATE SET "
               "name = excluded.name, secret_hash = excluded.secret_hash, user_id = "
               "excluded.user_id, created_at = excluded.created_at, expires_at = "
               "excluded.expires_at, revoked_at = excluded.revoked_at",
               {P(t.id), P(t.name), P(t.secret_hash), P(t.user_id), P(a::FormatUtc(t.created_at)),
                OptTimeParam(t.expires_at), OptTimeParam(t.revoked_at)});
  });
}

Result<a::ApiToken> PostgresAccessStore::FindApiToken(const std::string& secret_hash) {
  std::vector<a::ApiToken> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Rows rows,
        conn.Query(std::string(kTokenColumns) + " WHERE secret_hash = $1", {P(secret_hash)}));
    PASSEND_ASSIGN_OR_RETURN(out, All<a::ApiToken>(rows, ReadToken));
    return Ok();
  }));
  if (out.empty()) return NotFound("API-sleutel bestaat niet.");
  return std::move(out.front());
}

Result<std::vector<a::ApiToken>> PostgresAccessStore::ListApiTokens() {
  std::vector<a::ApiToken> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Rows rows, conn.Query(std::string(kTokenColumns) + " ORDER BY id"));
    PASSEND_ASSIGN_OR_RETURN(out, All<a::ApiToken>(rows, ReadToken));
    return Ok();
  }));
  return out;
}

Status PostgresAccessStore::RecordLoginAttempt(const std::string& key, a::Time at, bool success) {
  return db_.Write([&](Connection& conn) -> Status {
    PASSEND_RETURN_IF_ERROR(Run(conn,
                                "INSERT INTO login_attempts (key, at, success) VALUES ($1, $2, $3)",
                                {P(key), P(a::FormatUtc(at)), P(success ? 1 : 0)}));
    // Attempts older than a day no longer count for anything.
    return Run(conn, "DELETE FROM login_attempts WHERE key = $1 AND at < $2",
               {P(key), P(a::FormatUtc(at - std::chrono::hours(24)))});
  });
}

Status PostgresAccessStore::DeleteLoginAttempts(const std::string& key) {
  return db_.Write([&](Connection& conn) {
    return Run(conn, "DELETE FROM login_attempts WHERE lower(key) = lower($1)", {P(key)});
  });
}

Result<int> PostgresAccessStore::CountRecentFailures(const std::string& key, a::Time since) {
  int n = 0;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Rows rows,
        conn.Query("SELECT COUNT(*) FROM login_attempts WHERE key = $1 AND success = 0 AND at "
                   ">= $2 AND id > COALESCE((SELECT MAX(id) FROM login_attempts WHERE key = $1 "
                   "AND success = 1), 0)",
                   {P(key), P(a::FormatUtc(since))}));
    if (!rows.empty()) n = static_cast<int>(rows[0].Int(0));
    return Ok();
  }));
  return n;
}

Status PostgresAccessStore::PutConsent(const a::ConsentForm& c) {
  return db_.Write([&](Connection& conn) -> Status {
    PASSEND_RETURN_IF_ERROR(
        Run(conn,
            "INSERT INTO consents (id, client_id, purpose, granted_at, granted_by, valid_until, "
            "withdrawn_at, withdrawn_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT "
            "(id) DO UPDATE SET valid_until = excluded.valid_until, withdrawn_at = "
            "excluded.withdrawn_at, withdrawn_by = excluded.withdrawn_by",
            {P(c.id), P(c.client_id), P(a::ToString(c.purpose)), P(a::FormatUtc(c.granted_at)),
             P(c.granted_by), OptTimeParam(c.valid_until), OptTimeParam(c.withdrawn_at),
             P(c.withdrawn_by)}));
    if (c.organisation_ids.empty()) return Ok();
    return Run(conn,
               "INSERT INTO consent_organisations (consent_id, organisation_id, seq) SELECT $1, "
               "o, n - 1 FROM unnest($2::text[]) WITH ORDINALITY AS t(o, n) ON CONFLICT DO "
               "NOTHING",
               {P(c.id), TextArray(c.organisation_ids)});
  });
}

Result<a::ConsentForm> PostgresAccessStore::GetConsent(const std::string& id) {
  PASSEND_ASSIGN_OR_RETURN(
      std::vector<a::ConsentForm> out,
      ConsentsWhere(db_, std::string(kConsentColumns) + " WHERE id = $1", {P(id)}));
  if (out.empty()) return NotFound("Toestemming " + id + " bestaat niet.", "consent_id");
  return std::move(out.front());
}

Result<std::vector<a::ConsentForm>> PostgresAccessStore::ConsentsForClient(
    const std::string& client_id) {
  return ConsentsWhere(
      db_, std::string(kConsentColumns) + " WHERE client_id = $1 ORDER BY granted_at, id",
      {P(client_id)});
}

Result<std::vector<a::ConsentForm>> PostgresAccessStore::ConsentsForOrganisation(
    const std::string& organisation_id) {
  return ConsentsWhere(db_,
                       std::string(kConsentColumns) +
                           " WHERE id IN (SELECT consent_id FROM consent_organisations WHERE "
                           "organisation_id = $1) ORDER BY client_id, granted_at",
                       {P(organisation_id)});
}

Result<std::vector<a::AuditEntry>> PostgresAccessStore::AppendAudits(size_t count,
                                                                     const ChainedEntries& make) {
  std::vector<a::AuditEntry> out;
  // A write transaction: it holds the database's write lock (see PostgresDatabase), so
  // no other writer, in this process or another, appends between the read and the inserts.
  PASSEND_RETURN_IF_ERROR(db_.Write([&](Connection& conn) -> Status {
    out.clear();
    PASSEND_ASSIGN_OR_RETURN(Rows last,
                             conn.Query(std::string(kAuditColumns) + " ORDER BY seq DESC LIMIT 1"));
    std::optional<a::AuditEntry> prev;
    if (!last.empty()) prev = ReadAudit(last[0]);
    for (size_t i = 0; i < count; ++i) {
      a::AuditEntry e = make(i, prev);
      PASSEND_RETURN_IF_ERROR(Run(
          conn,
          "INSERT INTO audit_log (seq, ts, user_id, role, organisation_id, client_id, "
          "resource, action, reason, reason_digest, prev_hash, hash, redacted, source, credential, "
          "outcome) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 0, $13, $14, $15)",
          {P(e.seq), P(e.ts), P(e.user_id), P(e.role), P(e.organisation_id), P(e.client_id),
           P(e.resource), P(e.action), P(e.reason), P(e.reason_digest), P(e.prev_hash), P(e.hash),
           P(e.source), P(e.credential), P(e.outcome)}));
      out.push_back(e);
      prev = std::move(e);
    }
    return Ok();
  }));
  return out;
}

bool PostgresAccessStore::InOpenTransaction() const { return db_.InTransactionOnThisThread(); }

Result<std::optional<a::AuditEntry>> PostgresAccessStore::LastAudit() {
  std::optional<a::AuditEntry> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Rows rows,
                             conn.Query(std::string(kAuditColumns) + " ORDER BY seq DESC LIMIT 1"));
    if (!rows.empty()) out = ReadAudit(rows[0]);
    return Ok();
  }));
  return out;
}

Result<std::vector<a::AuditEntry>> PostgresAccessStore::AuditForClient(const std::string& client_id,
                                                                       int64_t before_seq,
                                                                       int limit) {
  std::vector<a::AuditEntry> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Rows rows, conn.Query(std::string(kAuditColumns) +
                                  " WHERE client_id = $1 AND ($2 = 0 OR seq < $2) ORDER BY seq "
                                  "DESC LIMIT $3",
                              {P(client_id), P(before_seq), P(limit)}));
    for (Row r : rows) out.push_back(ReadAudit(r));
    return Ok();
  }));
  return out;
}

Status PostgresAccessStore::ForEachAudit(const std::function<Status(const a::AuditEntry&)>& fn) {
  return db_.ReadSnapshot([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Cursor cursor,
                             Cursor::Open(conn, std::string(kAuditColumns) + " ORDER BY seq"));
    while (true) {
      PASSEND_ASSIGN_OR_RETURN(Rows batch, cursor.Fetch(5000));
      if (batch.empty()) return Ok();
      for (Row r : batch) PASSEND_RETURN_IF_ERROR(fn(ReadAudit(r)));
    }
  });
}

Status PostgresAccessStore::RedactReasons(const std::string& client_id) {
  return db_.Write([&](Connection& conn) {
    return Run(conn, "UPDATE audit_log SET reason = '', redacted = 1 WHERE client_id = $1",
               {P(client_id)});
  });
}

}  // namespace passend::store::postgres
