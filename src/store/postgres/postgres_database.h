#pragma once
// The PostgreSQL backend of store::Database, for a shared deployment: several passend
// processes on one database. Numbered migrations (migrations/NNNN_*.sql, compiled into
// the binary) are applied on open, the schema version kept in the table schema_version.
//
// Concurrency: a pool of connections (at most `pool_max`, a parameter of the URI that is
// read here and not passed to libpq; default 16) serves reads in parallel. A transaction
// holds one connection, and store calls made on that thread inside it join it. Every
// write transaction takes one transaction-level advisory lock at BEGIN, so writes are
// serialised across all processes on the database, as SQLite serialises its writers: a
// read-modify-write inside InTransaction never loses a concurrent update, and the access
// log's chain never forks. A connection lost to a server restart is replaced; a read
// that failed on it is tried once more. Safe for concurrent use by many threads.
//
// The change feed (store/change.h) is the change_log table of migration 0005, filled by
// triggers that also take the write lock (so seqs follow commit order whoever writes) and
// NOTIFY passend_changes. WaitForChange LISTENs on one extra connection of its own (not
// counted in pool_max): a commit by any process wakes it within the notification's round
// trip; it re-reads LastChange() at least every 500 ms besides, in case a notification
// was lost with its connection. Writers prune the log in their own transaction once it
// spans twice kChangeLogKeep (change_log.h).
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/postgres/connection.h"
#include "store/tables.h"

namespace passend::store::postgres {

class PostgresAccessStore;
class PostgresCatalogStore;
class PostgresClientStore;
class PostgresMapHistoryStore;

// Opens the database at `uri` ("postgresql://user:password@host:port/db[?pool_max=N]")
// and migrates it to the newest schema. kUnavailable when it cannot be reached.
Result<std::unique_ptr<Database>> OpenPostgresDatabase(const std::string& uri);
// The same with its plain tables (store/tables.h), for copying whole databases.
Result<DatabaseWithTables> OpenPostgresDatabaseWithTables(const std::string& uri);

class PostgresDatabase : public Database {
 public:
  ~PostgresDatabase() override;

  catalog::CatalogStore& catalog() override;
  intake::ClientStore& clients() override;
  access::AccountStore& accounts() override;
  access::ConsentStore& consents() override;
  access::AuditStore& audit() override;
  monitor::MapHistoryStore& map_history() override;
  Status InTransaction(const std::function<Status()>& fn) override;
  // Whether the calling thread is inside a transaction of this database.
  bool InTransactionOnThisThread() const;
  Result<int> SchemaVersion() override;
  Result<int64_t> LastChange() override;
  Result<ChangePage> ChangesSince(int64_t after, int limit) override;
  Result<int64_t> WaitForChange(int64_t after, std::chrono::milliseconds timeout) override;
  Status PruneChanges(int64_t keep) override;

  // Runs `fn` with a connection: the calling thread's transaction connection when it is
  // inside InTransaction, else a pooled one. For the module stores of this backend.
  Status WithConnection(const std::function<Status(Connection&)>& fn);
  // Runs `fn` as a write: inside the current transaction, or in a new one.
  Status Write(const std::function<Status(Connection&)>& fn);
  // Runs `fn` on one consistent snapshot, in a transaction (which cursors need): the
  // current one, or a new read-only one.
  Status ReadSnapshot(const std::function<Status(Connection&)>& fn);

  // The libpq connection string (without our own parameters) and the pool's limit.
  const std::string& conninfo() const { return conninfo_; }
  int pool_max() const { return pool_max_; }

 private:
  friend Result<DatabaseWithTables> OpenPostgresDatabaseWithTables(const std::string& uri);
  // The same with its plain tables (store/tables.h), for copying whole databases.
  Result<DatabaseWithTables> OpenPostgresDatabaseWithTables(const std::string& uri);
  PostgresDatabase(std::string conninfo, int pool_max);
  Result<std::unique_ptr<Connection>> Take();
  void Give(std::unique_ptr<Connection> c);
  // After a commit through this object: wakes the waiters of WaitForChange at once.
  void Committed();
  // Waits on listener_ (LISTENing, opened when needed) until `until`; true when a
  // notification or a commit of ours came. Called with listen_mu_ held.
  Result<bool> Listen(std::chrono::steady_clock::time_point until);

  std::string conninfo_;
  int pool_max_;
  std::mutex pool_mu_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<Connection>> idle_;
  int open_ = 0;  // connections handed out or idle
  // WaitForChange: one waiter at a time LISTENs on listener_ (listen_mu_); the others
  // wait for commits_ to move, which it bumps for every notification, as every commit
  // through this object does (which also writes wake_fd_, an eventfd, to end its poll).
  std::mutex listen_mu_;
  std::unique_ptr<Connection> listener_;
  int wake_fd_ = -1;
  std::mutex commit_mu_;
  std::condition_variable committed_;
  uint64_t commits_ = 0;
  std::unique_ptr<PostgresCatalogStore> catalog_;
  std::unique_ptr<PostgresClientStore> clients_;
  std::unique_ptr<PostgresAccessStore> access_;
  std::unique_ptr<PostgresMapHistoryStore> map_history_;
};

// Splits our own parameters off a PostgreSQL URI: `pool_max` (1..1000). The rest is
// passed to libpq unchanged. kInvalidArgument for a bad value.
struct ParsedUri {
  std::string conninfo;
  int pool_max = 16;
};
Result<ParsedUri> ParsePostgresUri(const std::string& uri);

}  // namespace passend::store::postgres
