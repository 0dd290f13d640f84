#pragma once
// Connection, Rows and Cursor: a thin RAII layer over libpq, the only place that calls
// it. PostgreSQL errors become passend Errors here, at the boundary, by SQLSTATE, the
// same codes the SQLite backend gives: a unique violation (23505) is kAlreadyExists; a
// foreign-key, check or not-null violation or a trigger's RAISE (other 23xxx, P0001)
// kFailedPrecondition; a lost or refused connection, a server shutting down, too many
// connections, a serialisation failure or a deadlock (08xxx, 57P0x, 53300, 40001, 40P01)
// kUnavailable; a full disk or out of memory (53xxx) kResourceExhausted; anything else
// kInternal.
//
// A Connection is used by one thread at a time (the pool in postgres_database.cc sees to
// that). Statements with parameters are prepared once per connection and cached.
// Parameters and results travel as text: integers in decimal, doubles in their shortest
// exact form, so a double read back is the double written.
#include <libpq-fe.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/error.h"

namespace passend::store::postgres {

// One statement parameter in text form; nullopt binds NULL.
using Param = std::optional<std::string>;
Param P(std::string_view v);
inline Param P(const std::string& v) { return v; }
inline Param P(const char* v) { return std::string(v); }
Param P(int64_t v);
inline Param P(int v) { return P(static_cast<int64_t>(v)); }
Param P(double v);
Param P(std::optional<double> v);
inline Param Null() { return std::nullopt; }

// The error for a failed result (`res` may be null when the connection broke).
Error ErrorFromPg(const PGresult* res, PGconn* conn, std::string_view what);

// The rows of one result; owns the PGresult. Columns index from 0.
class Rows {
 public:
  class Row {
   public:
    Row(const PGresult* res, int row) : res_(res), row_(row) {}
    std::string Text(int col) const;
    std::string_view View(int col) const;
    int64_t Int(int col) const;
    double Double(int col) const;
    bool IsNull(int col) const;

   private:
    const PGresult* res_;
    int row_;
  };
  class Iterator {
   public:
    Iterator(const PGresult* res, int row) : res_(res), row_(row) {}
    Row operator*() const { return Row(res_, row_); }
    Iterator& operator++() {
      ++row_;
      return *this;
    }
    bool operator!=(const Iterator& o) const { return row_ != o.row_; }

   private:
    const PGresult* res_;
    int row_;
  };

  explicit Rows(PGresult* res) : res_(res, &PQclear) {}
  int size() const { return PQntuples(res_.get()); }
  bool empty() const { return size() == 0; }
  Row operator[](int row) const { return Row(res_.get(), row); }
  Iterator begin() const { return Iterator(res_.get(), 0); }
  Iterator end() const { return Iterator(res_.get(), size()); }
  // Rows changed by an INSERT, UPDATE or DELETE.
  int64_t affected() const;
  // The type (pg_type oid) and name of a column.
  unsigned column_type(int col) const { return PQftype(res_.get(), col); }
  std::string column_name(int col) const { return PQfname(res_.get(), col); }
  int columns() const { return PQnfields(res_.get()); }

 private:
  std::unique_ptr<PGresult, void (*)(PGresult*)> res_;
};

class Connection {
 public:
  // Connects with a libpq URI or key=value string. kUnavailable when the server cannot
  // be reached or refuses the login (the message names host and database, never the
  // password).
  static Result<std::unique_ptr<Connection>> Open(const std::string& conninfo);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one or more statements without parameters (migrations, BEGIN/COMMIT).
  Status Exec(std::string_view sql);
  // Runs one statement with $1, $2, ... parameters, prepared once per connection.
  Result<Rows> Query(std::string_view sql, const std::vector<Param>& params = {});
  // The same without preparing: for statements run once (DECLARE, FETCH, copies).
  Result<Rows> QueryOnce(std::string_view sql, const std::vector<Param>& params = {});

  // Runs `copy_sql` (COPY ... FROM STDIN): `produce` writes the data in COPY's text
  // format through the function it is given; its error abandons the copy.
  using CopyWriter = std::function<Status(std::string_view)>;
  Status CopyIn(std::string_view copy_sql, const std::function<Status(const CopyWriter&)>& produce);

  // Waits until a notification arrives for a channel this connection LISTENs on, `wake_fd`
  // (if >= 0) becomes readable, or `timeout` passes. True when notifications arrived
  // (all that are waiting are consumed); `wake_fd` is left for the caller to drain.
  // kUnavailable when the connection is lost.
  Result<bool> AwaitNotification(int wake_fd, std::chrono::milliseconds timeout);

  // False once the connection to the server is lost.
  bool healthy() const { return PQstatus(conn_) == CONNECTION_OK; }
  // True between BEGIN and COMMIT/ROLLBACK (also in a failed transaction).
  bool in_transaction() const;
  PGconn* raw() { return conn_; }

 private:
  explicit Connection(PGconn* conn) : conn_(conn) {}
  // Takes ownership of `res`; the error when it is not a success.
  Result<Rows> Checked(PGresult* res, std::string_view what,
                       ExecStatusType expected = PGRES_COMMAND_OK);
  static std::vector<const char*> Values(const std::vector<Param>& params);

  PGconn* conn_;
  std::unordered_map<std::string, std::string> prepared_;  // sql -> statement name
  uint64_t next_statement_ = 0;
};

// A server-side cursor over one query, read in batches: for scans too large to hold in
// memory at once. Several cursors may be open on one connection and read in turn. Needs
// a transaction on `conn` (cursors live until its end); closed when destroyed.
class Cursor {
 public:
  static Result<Cursor> Open(Connection& conn, std::string_view sql,
                             const std::vector<Param>& params = {});
  Cursor(Cursor&& o) noexcept : conn_(o.conn_), name_(std::move(o.name_)) { o.conn_ = nullptr; }
  Cursor(const Cursor&) = delete;
  ~Cursor();
  // The next up to `n` rows; empty when the query is exhausted.
  Result<Rows> Fetch(int n);

 private:
  Cursor(Connection* conn, std::string name) : conn_(conn), name_(std::move(name)) {}
  Connection* conn_;
  std::string name_;
};

// `uri` with the password replaced by "***", for messages and logs.
std::string RedactUri(std::string_view uri);

}  // namespace passend::store::postgres
