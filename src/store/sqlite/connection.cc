#include "store/sqlite/connection.h"

namespace passend::store::sqlite {

Error ErrorFromSqlite(sqlite3* db, int rc, std::string_view what) {
  std::string detail = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Unavailable("Database is bezet, probeer het opnieuw (" + detail + ")");
    case SQLITE_CONSTRAINT:
      if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
        return AlreadyExists("Bestaat al (" + detail + ")");
      return FailedPrecondition("Verwijzing of regel in de database klopt niet (" + detail + ")");
    case SQLITE_CANTOPEN: return Unavailable("Database kan niet worden geopend (" + detail + ")");
    case SQLITE_NOTADB:
      return Unavailable("Dit bestand is geen Passend-database (geen SQLite-bestand: " + detail +
                         ")");
    case SQLITE_FULL: return ResourceExhausted("Schijf is vol (" + detail + ")");
    default: return Internal("Databasefout (" + detail + ")");
  }
}

Statement::~Statement() {
  if (stmt_ != nullptr) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
}

Statement& Statement::Bind(int i, std::string_view v) {
  sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::Bind(int i, int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}
Statement& Statement::Bind(int i, double v) {
  sqlite3_bind_double(stmt_, i, v);
  return *this;
}
Statement& Statement::Bind(int i, std::optional<double> v) { return v ? Bind(i, *v) : BindNull(i); }
Statement& Statement::BindNull(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}

Statement& Statement::BindValue(int i, const Value& v) {
  if (const auto* n = std::get_if<int64_t>(&v)) return Bind(i, *n);
  if (const auto* d = std::get_if<double>(&v)) return Bind(i, *d);
  if (const auto* t = std::get_if<std::string>(&v)) return Bind(i, *t);
  return BindNull(i);
}

void Statement::Reset() { sqlite3_reset(stmt_); }

Value Statement::ValueAt(int col) const {
  switch (sqlite3_column_type(stmt_, col)) {
    case SQLITE_NULL: return std::monostate{};
    case SQLITE_INTEGER: return Int(col);
    case SQLITE_FLOAT: return Double(col);
    default: return Text(col);
  }
}

Result<bool> Statement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return ErrorFromSqlite(conn_->raw(), sqlite3_extended_errcode(conn_->raw()), "step");
}

Status Statement::Run() {
  PASSEND_ASSIGN_OR_RETURN(bool row, Step());
  (void)row;
  return Ok();
}

std::string Statement::Text(int col) const {
  const auto* p = sqlite3_column_text(stmt_, col);
  return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, col))
           : std::string();
}
int64_t Statement::Int(int col) const { return sqlite3_column_int64(stmt_, col); }
double Statement::Double(int col) const { return sqlite3_column_double(stmt_, col); }
bool Statement::IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(
      path.c_str(), &db,
      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI, nullptr);
  if (rc != SQLITE_OK) {
    Error e = ErrorFromSqlite(db, rc, "open " + path);
    sqlite3_close(db);
    return e;
  }
  std::unique_ptr<Connection> conn(new Connection(db));
  sqlite3_busy_timeout(db, 10000);
  PASSEND_RETURN_IF_ERROR(
      conn->Exec("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;"
                 "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY; PRAGMA secure_delete=ON;"));
  return conn;
}

Connection::~Connection() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

Status Connection::Exec(std::string_view sql) {
  char* err = nullptr;
  const std::string text(sql);
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    Error e = ErrorFromSqlite(db_, sqlite3_extended_errcode(db_), err ? err : "exec");
    sqlite3_free(err);
    return e;
  }
  return Ok();
}

Result<Statement> Connection::Prepare(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return ErrorFromSqlite(db_, rc, "prepare");
    it = cache_.emplace(std::string(sql), stmt).first;
  }
  return Statement(this, it->second);
}

}  // namespace passend::store::sqlite
