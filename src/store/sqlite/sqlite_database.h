#pragma once
// The SQLite backend of store::Database: one file, WAL mode, foreign keys on, numbered
// migrations (migrations/NNNN_*.sql, compiled into the binary) applied on open, with
// the schema version kept in the database (table schema_version).
//
// The change feed (store/change.h) is the change_log table of migration 0004, filled by
// triggers; writers prune it in their own transaction once it is twice kChangeLogKeep
// long (change_log.h), and WaitForChange polls it every 100 ms between commits of its own.
//
// Concurrency: readers take a connection from a pool, so reads run in parallel; a
// transaction holds one connection and a process-wide write lock, so writes are
// serialised (as SQLite requires) and see their own uncommitted rows. Safe for
// concurrent use by many threads.
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/sqlite/connection.h"
#include "store/tables.h"

namespace passend::store::sqlite {

class SqliteAccessStore;
class SqliteMapHistoryStore;
class SqliteCatalogStore;
class SqliteClientStore;

// Opens or creates the database at `path` and migrates it to the newest schema.
// kInMemory opens a fresh private database in memory instead (shared by this object's
// pooled connections, gone when it is destroyed).
inline constexpr const char* kInMemory = ":memory:";
Result<std::unique_ptr<Database>> OpenSqliteDatabase(const std::string& path);
// The same with its plain tables (store/tables.h), for copying whole databases.
Result<DatabaseWithTables> OpenSqliteDatabaseWithTables(const std::string& path);

class SqliteDatabase : public Database {
 public:
  ~SqliteDatabase() override;

  catalog::CatalogStore& catalog() override;
  intake::ClientStore& clients() override;
  access::AccountStore& accounts() override;
  access::ConsentStore& consents() override;
  access::AuditStore& audit() override;
  monitor::MapHistoryStore& map_history() override;
  Status InTransaction(const std::function<Status()>& fn) override;
  // Whether the calling thread is inside a transaction of this database.
  bool InTransactionOnThisThread() const;
  // Foreign keys are checked once (PRAGMA foreign_key_check) before the commit instead of
  // at every row: writing the nl data set takes 15% less CPU.
  Status InBulkTransaction(const std::function<Status()>& fn) override;
  Result<int> SchemaVersion() override;
  Status DiscardOldVersions() override;
  Result<int64_t> LastChange() override;
  Result<ChangePage> ChangesSince(int64_t after, int limit) override;
  Result<int64_t> WaitForChange(int64_t after, std::chrono::milliseconds timeout) override;
  Status PruneChanges(int64_t keep) override;

  // Runs `fn` with a connection: the calling thread's transaction connection when it is
  // inside InTransaction, else a pooled one. For the module stores of this backend.
  Status WithConnection(const std::function<Status(Connection&)>& fn);
  // Runs `fn` as a write: inside the current transaction, or in a new one.
  Status Write(const std::function<Status(Connection&)>& fn);

 private:
  friend Result<DatabaseWithTables> OpenSqliteDatabaseWithTables(const std::string& path);
  // The same with its plain tables (store/tables.h), for copying whole databases.
  Result<DatabaseWithTables> OpenSqliteDatabaseWithTables(const std::string& path);
  explicit SqliteDatabase(std::string path);
  Result<std::unique_ptr<Connection>> Take();
  void Give(std::unique_ptr<Connection> c);
  Status RunTransaction(const std::function<Status()>& fn, bool bulk);

  std::string path_;
  std::mutex pool_mu_;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::mutex write_mu_;
  // Bumped after every commit through this object, to wake WaitForChange at once.
  std::mutex commit_mu_;
  std::condition_variable committed_;
  uint64_t commits_ = 0;
  std::unique_ptr<SqliteCatalogStore> catalog_;
  std::unique_ptr<SqliteClientStore> clients_;
  std::unique_ptr<SqliteAccessStore> access_;
  std::unique_ptr<SqliteMapHistoryStore> map_history_;
};

}  // namespace passend::store::sqlite
