#include "store/postgres/connection.h"

#include <poll.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstring>

namespace passend::store::postgres {
namespace {

// libpq's messages end in a newline; ours do not.
std::string Trimmed(const char* s) {
  std::string out = s ? s : "";
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

Error ErrorFromState(std::string_view state, const std::string& detail) {
  auto is = [&](std::string_view code) { return state == code; };
  auto cls = [&](std::string_view prefix) { return state.substr(0, 2) == prefix; };
  if (is("23505")) return AlreadyExists("Bestaat al (" + detail + ")");
  if (cls("23") || is("P0001"))
    return FailedPrecondition("Verwijzing of regel in de database klopt niet (" + detail + ")");
  if (cls("08") || cls("57") || is("53300") || is("40001") || is("40P01") || is("55P03"))
    return Unavailable("Database is bezet of niet bereikbaar, probeer het opnieuw (" + detail +
                       ")");
  if (cls("53")) return ResourceExhausted("Database heeft geen ruimte meer (" + detail + ")");
  return Internal("Databasefout (" + detail + ")");
}

std::atomic<uint64_t> next_cursor{0};

}  // namespace

Param P(std::string_view v) { return std::string(v); }
Param P(int64_t v) { return std::to_string(v); }
Param P(double v) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  (void)ec;
  return std::string(buf, end);
}
Param P(std::optional<double> v) { return v ? P(*v) : Null(); }

Error ErrorFromPg(const PGresult* res, PGconn* conn, std::string_view what) {
  std::string detail = std::string(what) + ": ";
  detail += Trimmed(res ? PQresultErrorMessage(res) : PQerrorMessage(conn));
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  // No SQLSTATE: libpq itself failed, which happens when the connection is gone.
  if (state == nullptr)
    return (conn == nullptr || PQstatus(conn) != CONNECTION_OK)
               ? Unavailable("Database is niet bereikbaar (" + detail + ")")
               : Internal("Databasefout (" + detail + ")");
  return ErrorFromState(state, detail);
}

std::string Rows::Row::Text(int col) const { return std::string(View(col)); }
std::string_view Rows::Row::View(int col) const {
  return {PQgetvalue(res_, row_, col), static_cast<size_t>(PQgetlength(res_, row_, col))};
}
int64_t Rows::Row::Int(int col) const {
  const std::string_view s = View(col);
  if (s == "t") return 1;  // a boolean column
  int64_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}
double Rows::Row::Double(int col) const {
  const std::string_view s = View(col);
  double v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}
bool Rows::Row::IsNull(int col) const { return PQgetisnull(res_, row_, col) != 0; }

int64_t Rows::affected() const {
  const char* n = PQcmdTuples(res_.get());
  return (n && *n) ? std::stoll(n) : 0;
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& conninfo) {
  PGconn* conn = PQconnectdb(conninfo.c_str());
  if (conn == nullptr) return Unavailable("Database: geen geheugen voor een verbinding");
  if (PQstatus(conn) != CONNECTION_OK) {
    Error e = Unavailable("Database kan niet worden geopend (" + RedactUri(conninfo) + ": " +
                          Trimmed(PQerrorMessage(conn)) + ")");
    PQfinish(conn);
    return e;
  }
  // Notices ("... does not exist, skipping") are not errors; libpq would print them.
  PQsetNoticeProcessor(
      conn, [](void*, const char*) {}, nullptr);
  std::unique_ptr<Connection> c(new Connection(conn));
  // Timestamps are stored as UTC text by the stores; the session zone only matters for
  // now() in migrations, which should say UTC too.
  PASSEND_RETURN_IF_ERROR(c->Exec("SET TIME ZONE 'UTC'"));
  return c;
}

Connection::~Connection() { PQfinish(conn_); }

bool Connection::in_transaction() const {
  const PGTransactionStatusType s = PQtransactionStatus(conn_);
  return s == PQTRANS_INTRANS || s == PQTRANS_INERROR || s == PQTRANS_ACTIVE;
}

Result<Rows> Connection::Checked(PGresult* res, std::string_view what, ExecStatusType expected) {
  Rows rows(res);
  const ExecStatusType st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
  if (st == expected || st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return rows;
  return ErrorFromPg(res, conn_, what);
}

Status Connection::Exec(std::string_view sql) {
  const std::string text(sql);
  PASSEND_ASSIGN_OR_RETURN(Rows res, Checked(PQexec(conn_, text.c_str()), "exec"));
  (void)res;
  return Ok();
}

Result<Rows> Connection::Query(std::string_view sql, const std::vector<Param>& params) {
  std::string key(sql);
  auto it = prepared_.find(key);
  if (it == prepared_.end()) {
    // Dynamic filters make new texts; keep the cache bounded.
    if (prepared_.size() >= 1000) {
      PASSEND_RETURN_IF_ERROR(Exec("DEALLOCATE ALL"));
      prepared_.clear();
    }
    std::string name = "passend_" + std::to_string(next_statement_++);
    PASSEND_ASSIGN_OR_RETURN(
        Rows prepared, Checked(PQprepare(conn_, name.c_str(), key.c_str(), 0, nullptr), "prepare"));
    (void)prepared;
    it = prepared_.emplace(std::move(key), std::move(name)).first;
  }
  const std::vector<const char*> values = Values(params);
  return Checked(PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(values.size()),
                                values.data(), nullptr, nullptr, 0),
                 "query");
}

Result<Rows> Connection::QueryOnce(std::string_view sql, const std::vector<Param>& params) {
  const std::string text(sql);
  const std::vector<const char*> values = Values(params);
  return Checked(PQexecParams(conn_, text.c_str(), static_cast<int>(values.size()), nullptr,
                              values.data(), nullptr, nullptr, 0),
                 "query");
}

std::vector<const char*> Connection::Values(const std::vector<Param>& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const Param& p : params) values.push_back(p ? p->c_str() : nullptr);
  return values;
}

Status Connection::CopyIn(std::string_view copy_sql,
                          const std::function<Status(const CopyWriter&)>& produce) {
  PASSEND_ASSIGN_OR_RETURN(
      Rows started, Checked(PQexec(conn_, std::string(copy_sql).c_str()), "copy", PGRES_COPY_IN));
  (void)started;
  // Rows are gathered into chunks of about 64 KiB before they go to the server.
  std::string buffer;
  auto flush = [&]() -> Status {
    if (buffer.empty()) return Ok();
    if (PQputCopyData(conn_, buffer.data(), static_cast<int>(buffer.size())) != 1)
      return ErrorFromPg(nullptr, conn_, "copy");
    buffer.clear();
    return Ok();
  };
  Status s = produce([&](std::string_view data) -> Status {
    buffer.append(data);
    return buffer.size() >= 64 * 1024 ? flush() : Ok();
  });
  if (s.ok()) s = flush();
  // Ending with an error message makes the server abandon the copy.
  if (PQputCopyEnd(conn_, s.ok() ? nullptr : "afgebroken") != 1 && s.ok())
    s = ErrorFromPg(nullptr, conn_, "copy");
  Status ended = Ok();
  while (PGresult* res = PQgetResult(conn_)) {
    auto r = Checked(res, "copy");
    if (!r.ok() && ended.ok()) ended = r.error();
  }
  return s.ok() ? ended : s;
}

Result<bool> Connection::AwaitNotification(int wake_fd, std::chrono::milliseconds timeout) {
  auto take_all = [&] {
    bool any = false;
    while (PGnotify* n = PQnotifies(conn_)) {
      PQfreemem(n);
      any = true;
    }
    return any;
  };
  if (take_all()) return true;  // read along with an earlier result
  const int socket = PQsocket(conn_);
  if (socket < 0 || !healthy()) return Unavailable("Database is niet bereikbaar (listen)");
  pollfd fds[2] = {{socket, POLLIN, 0}, {wake_fd, POLLIN, 0}};
  const int n =
      ::poll(fds, wake_fd >= 0 ? 2 : 1, static_cast<int>(std::max<int64_t>(0, timeout.count())));
  if (n < 0) return errno == EINTR ? Result<bool>(false) : Internal("poll mislukt (listen)");
  if (fds[0].revents != 0 && PQconsumeInput(conn_) == 0)
    return ErrorFromPg(nullptr, conn_, "listen");
  return take_all();
}

Result<Cursor> Cursor::Open(Connection& conn, std::string_view sql,
                            const std::vector<Param>& params) {
  std::string name = "passend_cursor_" + std::to_string(next_cursor.fetch_add(1));
  PASSEND_ASSIGN_OR_RETURN(
      Rows declared,
      conn.QueryOnce("DECLARE " + name + " NO SCROLL CURSOR FOR " + std::string(sql), params));
  (void)declared;
  return Cursor(&conn, std::move(name));
}

Cursor::~Cursor() {
  if (conn_ != nullptr && conn_->healthy() && conn_->in_transaction())
    (void)conn_->Exec("CLOSE " + name_);
}

Result<Rows> Cursor::Fetch(int n) {
  return conn_->QueryOnce("FETCH " + std::to_string(n) + " FROM " + name_);
}

std::string RedactUri(std::string_view uri) {
  std::string out(uri);
  const size_t scheme = out.find("://");
  if (scheme == std::string::npos) return out;
  const size_t at = out.find('@', scheme + 3);
  if (at == std::string::npos) return out;
  const size_t colon = out.find(':', scheme + 3);
  if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
  return out;
}

}  // namespace passend::store::postgres
