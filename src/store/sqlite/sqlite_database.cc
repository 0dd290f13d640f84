#include "store/sqlite/sqlite_database.h"

#include <algorithm>
#include <atomic>
#include <chrono>

#include "store/sqlite/change_log.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/sqlite_access_store.h"
#include "store/sqlite/sqlite_catalog_store.h"
#include "store/sqlite/sqlite_client_store.h"
#include "store/sqlite/sqlite_map_history_store.h"
#include "store/sqlite/sqlite_tables.h"

namespace passend::store::sqlite {
namespace {

// The connection of the transaction the calling thread is in, if any. Transactions do
// not nest, so one slot per thread is enough.
thread_local const SqliteDatabase* tx_owner = nullptr;
thread_local Connection* tx_connection = nullptr;

// ":memory:" becomes a database of SQLite's memdb VFS with a name of its own: every
// pooled connection of this SqliteDatabase opens the same one, and it is gone when the
// last of them closes.
std::string PathOrMemoryUri(const std::string& path) {
  if (path != kInMemory) return path;
  static std::atomic<int64_t> next{0};
  return "file:/passend-memory-" + std::to_string(++next) + "?vfs=memdb";
}

}  // namespace

Result<std::unique_ptr<Database>> OpenSqliteDatabase(const std::string& path) {
  PASSEND_ASSIGN_OR_RETURN(DatabaseWithTables opened, OpenSqliteDatabaseWithTables(path));
  return std::move(opened.db);
}

Result<DatabaseWithTables> OpenSqliteDatabaseWithTables(const std::string& path) {
  if (path.empty()) return InvalidArgument("Geef een databasebestand op", "db");
  std::unique_ptr<SqliteDatabase> db(new SqliteDatabase(PathOrMemoryUri(path)));
  PASSEND_ASSIGN_OR_RETURN(std::unique_ptr<Connection> conn, Connection::Open(db->path_));
  PASSEND_RETURN_IF_ERROR(Migrate(*conn));
  db->Give(std::move(conn));
  auto tables = std::make_unique<SqliteTables>(*db);
  return DatabaseWithTables{std::move(db), std::move(tables)};
}

SqliteDatabase::SqliteDatabase(std::string path)
    : path_(std::move(path)),
      catalog_(std::make_unique<SqliteCatalogStore>(*this)),
      clients_(std::make_unique<SqliteClientStore>(*this)),
      access_(std::make_unique<SqliteAccessStore>(*this)),
      map_history_(std::make_unique<SqliteMapHistoryStore>(*this)) {}

SqliteDatabase::~SqliteDatabase() = default;

catalog::CatalogStore& SqliteDatabase::catalog() { return *catalog_; }
intake::ClientStore& SqliteDatabase::clients() { return *clients_; }
monitor::MapHistoryStore& SqliteDatabase::map_history() { return *map_history_; }
access::AccountStore& SqliteDatabase::accounts() { return *access_; }
access::ConsentStore& SqliteDatabase::consents() { return *access_; }
access::AuditStore& SqliteDatabase::audit() { return *access_; }

Result<std::unique_ptr<Connection>> SqliteDatabase::Take() {
  {
    std::lock_guard lock(pool_mu_);
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      return c;
    }
  }
  return Connection::Open(path_);
}

void SqliteDatabase::Give(std::unique_ptr<Connection> c) {
  std::lock_guard lock(pool_mu_);
  idle_.push_back(std::move(c));
}

Status SqliteDatabase::WithConnection(const std::function<Status(Connection&)>& fn) {
  if (tx_owner == this) return fn(*tx_connection);
  PASSEND_ASSIGN_OR_RETURN(std::unique_ptr<Connection> conn, Take());
  Status s = fn(*conn);
  Give(std::move(conn));
  return s;
}

Status SqliteDatabase::Write(const std::function<Status(Connection&)>& fn) {
  if (tx_owner == this) return fn(*tx_connection);
  return InTransaction([&] { return fn(*tx_connection); });
}

bool SqliteDatabase::InTransactionOnThisThread() const { return tx_owner == this; }

Status SqliteDatabase::InTransaction(const std::function<Status()>& fn) {
  return RunTransaction(fn, /*bulk=*/false);
}

Status SqliteDatabase::InBulkTransaction(const std::function<Status()>& fn) {
  return RunTransaction(fn, /*bulk=*/true);
}

namespace {

// The first dangling reference PRAGMA foreign_key_check finds, as an error; Ok when none.
Status CheckForeignKeys(Connection& conn) {
  PASSEND_ASSIGN_OR_RETURN(Statement st, conn.Prepare("PRAGMA foreign_key_check"));
  PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return Ok();
  return FailedPrecondition("Verwijzing in de database klopt niet: een rij in " + st.Text(0) +
                            " verwijst naar een ontbrekende rij in " + st.Text(2));
}

}  // namespace

Status SqliteDatabase::RunTransaction(const std::function<Status()>& fn, bool bulk) {
  if (tx_owner != nullptr) return FailedPrecondition("Transacties kunnen niet genest worden");
  std::lock_guard write_lock(write_mu_);
  PASSEND_ASSIGN_OR_RETURN(std::unique_ptr<Connection> conn, Take());
  // SQLite only switches foreign keys outside a transaction; they are on again before the
  // connection goes back to the pool, whatever happens.
  auto give_back = [&] {
    if (bulk) (void)conn->Exec("PRAGMA foreign_keys=ON");
    Give(std::move(conn));
  };
  Status s = bulk ? conn->Exec("PRAGMA foreign_keys=OFF") : Ok();
  if (s.ok()) s = conn->Exec("BEGIN IMMEDIATE");
  if (!s.ok()) {
    give_back();
    return s;
  }
  tx_owner = this;
  tx_connection = conn.get();
  try {
    s = fn();
  } catch (...) {
    tx_owner = nullptr;
    tx_connection = nullptr;
    (void)conn->Exec("ROLLBACK");
    give_back();
    throw;
  }
  tx_owner = nullptr;
  tx_connection = nullptr;
  if (s.ok() && bulk) s = CheckForeignKeys(*conn);
  if (s.ok()) s = PruneChangesIfLong(*conn);
  if (s.ok()) s = conn->Exec("COMMIT");
  if (!s.ok()) (void)conn->Exec("ROLLBACK");
  give_back();
  if (s.ok()) {
    std::lock_guard lock(commit_mu_);
    ++commits_;
    committed_.notify_all();
  }
  return s;
}

Status SqliteDatabase::DiscardOldVersions() {
  if (tx_owner != nullptr) return FailedPrecondition("Niet binnen een transactie.");
  // Freed cells and pages in the main file are zeroed already (secure_delete on every
  // connection); the older page images sit in the WAL until it is checkpointed and
  // truncated. Holding the write lock keeps this process's writers out meanwhile.
  std::lock_guard write_lock(write_mu_);
  return WithConnection([](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Statement st, conn.Prepare("PRAGMA wal_checkpoint(TRUNCATE)"));
    PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
    if (row && st.Int(0) != 0)
      return Unavailable("De database wordt nog gelezen; oude versies blijven tot later staan.");
    return Ok();
  });
}

Result<int> SqliteDatabase::SchemaVersion() {
  int version = 0;
  PASSEND_RETURN_IF_ERROR(WithConnection([&](Connection& c) -> Status {
    PASSEND_ASSIGN_OR_RETURN(version, CurrentVersion(c));
    return Ok();
  }));
  return version;
}

Result<int64_t> SqliteDatabase::LastChange() {
  int64_t last = 0;
  PASSEND_RETURN_IF_ERROR(WithConnection([&](Connection& c) -> Status {
    PASSEND_ASSIGN_OR_RETURN(last, LastChangeOn(c));
    return Ok();
  }));
  return last;
}

Result<ChangePage> SqliteDatabase::ChangesSince(int64_t after, int limit) {
  ChangePage page;
  PASSEND_RETURN_IF_ERROR(WithConnection([&](Connection& c) -> Status {
    PASSEND_ASSIGN_OR_RETURN(page, ChangesSinceOn(c, after, limit));
    return Ok();
  }));
  return page;
}

Result<int64_t> SqliteDatabase::WaitForChange(int64_t after, std::chrono::milliseconds timeout) {
  constexpr std::chrono::milliseconds kPoll(100);
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    uint64_t seen;
    {
      std::lock_guard lock(commit_mu_);
      seen = commits_;
    }
    PASSEND_ASSIGN_OR_RETURN(int64_t last, LastChange());
    const auto now = std::chrono::steady_clock::now();
    if (last > after || now >= deadline) return last;
    std::unique_lock lock(commit_mu_);
    committed_.wait_until(lock, std::min(deadline, now + kPoll), [&] { return commits_ != seen; });
  }
}

Status SqliteDatabase::PruneChanges(int64_t keep) {
  return Write([&](Connection& c) { return PruneChangesOn(c, keep); });
}

}  // namespace passend::store::sqlite
