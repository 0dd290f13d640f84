#pragma once
// Connection and Statement: a thin RAII layer over the sqlite3 C API, the only place
// that calls it. SQLite result codes become passend Errors here, at the boundary: a
// unique or primary-key violation is kAlreadyExists, a foreign-key or check violation
// kFailedPrecondition, a busy or locked database kUnavailable, anything else kInternal.
// A Connection is used by one thread at a time (the pool in sqlite_database.cc sees to
// that); prepared statements are cached per connection.
#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "domain/error.h"
#include "store/tables.h"

namespace passend::store::sqlite {

Error ErrorFromSqlite(sqlite3* db, int rc, std::string_view what);

class Connection;

// A prepared statement borrowed from the connection's cache; reset and unbound when it
// goes out of scope. Bind indexes start at 1, column indexes at 0.
class Statement {
 public:
  Statement(Connection* conn, sqlite3_stmt* stmt) : conn_(conn), stmt_(stmt) {}
  Statement(Statement&& o) noexcept : conn_(o.conn_), stmt_(o.stmt_) { o.stmt_ = nullptr; }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& Bind(int i, std::string_view v);
  Statement& Bind(int i, const std::string& v) { return Bind(i, std::string_view(v)); }
  Statement& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Statement& Bind(int i, int64_t v);
  Statement& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Statement& Bind(int i, double v);
  Statement& Bind(int i, std::optional<double> v);
  Statement& BindNull(int i);
  // A plain value of store/tables.h, by its type.
  Statement& BindValue(int i, const Value& v);

  // Advances to the next row: true with a row, false when done, or an error.
  Result<bool> Step();
  // Runs a statement that returns no rows.
  Status Run();
  // Makes the statement ready to run again (bindings stay until rebound).
  void Reset();

  std::string Text(int col) const;
  int64_t Int(int col) const;
  double Double(int col) const;
  bool IsNull(int col) const;
  // The column as a plain value of store/tables.h, by its stored type.
  Value ValueAt(int col) const;

 private:
  Connection* conn_;
  sqlite3_stmt* stmt_;
};

class Connection {
 public:
  // Opens (creating when missing) the database file and sets WAL mode, foreign keys,
  // a busy timeout and normal synchronisation. A "file:" URI is understood (the
  // in-memory databases use one); WAL is then whatever that VFS supports.
  static Result<std::unique_ptr<Connection>> Open(const std::string& path);
  ~Connection();

  // Runs one or more statements without parameters (migrations, BEGIN/COMMIT).
  Status Exec(std::string_view sql);
  // A cached prepared statement for `sql` (a string literal or other stable text).
  Result<Statement> Prepare(std::string_view sql);

  sqlite3* raw() { return db_; }

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  // Looked up by string_view without making a string: Prepare runs once per row written.
  struct SqlHash {
    using is_transparent = void;
    size_t operator()(std::string_view sql) const { return std::hash<std::string_view>{}(sql); }
  };
  std::unordered_map<std::string, sqlite3_stmt*, SqlHash, std::equal_to<>> cache_;
};

}  // namespace passend::store::sqlite
