#include "store/postgres/postgres_database.h"

#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>

#include "store/postgres/change_log.h"
#include "store/postgres/migrations.h"
#include "store/postgres/postgres_access_store.h"
#include "store/postgres/postgres_catalog_store.h"
#include "store/postgres/postgres_client_store.h"
#include "store/postgres/postgres_map_history_store.h"
#include "store/postgres/postgres_tables.h"

namespace passend::store::postgres {
namespace {

// The connection of the transaction the calling thread is in, if any. Transactions do
// not nest, so one slot per thread is enough.
thread_local const PostgresDatabase* tx_owner = nullptr;
thread_local Connection* tx_connection = nullptr;

// The transaction-level advisory lock every write transaction takes ('pwri'). It also
// keeps the change feed's seqs in commit order: every write of this backend runs inside
// InTransaction (the stores' Write, Tables::Append, PruneChanges), so it holds the lock
// from BEGIN until its commit is visible, and a later writer takes its seq after that.
// Writers that do not begin here (a migration, psql) take the same lock in the change
// log's trigger before their first seq (migrations/0005_change_log.sql).
constexpr const char* kBeginWrite = "BEGIN; SELECT pg_advisory_xact_lock(1886877289)";

// How often WaitForChange reads the head without a notification: the listening waiter
// (a notification lost with its connection costs at most this), and the others.
constexpr auto kRecheckListening = std::chrono::milliseconds(500);
constexpr auto kRecheckWaiting = std::chrono::milliseconds(100);

// How long a caller waits for a free connection before giving up.
constexpr auto kPoolWait = std::chrono::seconds(30);

}  // namespace

Result<ParsedUri> ParsePostgresUri(const std::string& uri) {
  ParsedUri out;
  const size_t q = uri.find('?');
  out.conninfo = uri.substr(0, q);
  if (q == std::string::npos) return out;
  std::string kept;
  std::string_view rest(uri);
  rest.remove_prefix(q + 1);
  while (!rest.empty()) {
    const size_t amp = rest.find('&');
    const std::string_view part = rest.substr(0, amp);
    if (part.substr(0, 9) == "pool_max=") {
      const std::string_view v = part.substr(9);
      int n = 0;
      auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
      if (ec != std::errc() || end != v.data() + v.size() || n < 1 || n > 1000)
        return InvalidArgument("pool_max moet een getal van 1 tot 1000 zijn", "db");
      out.pool_max = n;
    } else if (!part.empty()) {
      kept += kept.empty() ? "" : "&";
      kept += part;
    }
    if (amp == std::string_view::npos) break;
    rest.remove_prefix(amp + 1);
  }
  if (!kept.empty()) out.conninfo += "?" + kept;
  return out;
}

Result<std::unique_ptr<Database>> OpenPostgresDatabase(const std::string& uri) {
  PASSEND_ASSIGN_OR_RETURN(DatabaseWithTables opened, OpenPostgresDatabaseWithTables(uri));
  return std::move(opened.db);
}

Result<DatabaseWithTables> OpenPostgresDatabaseWithTables(const std::string& uri) {
  PASSEND_ASSIGN_OR_RETURN(ParsedUri parsed, ParsePostgresUri(uri));
  std::unique_ptr<PostgresDatabase> db(new PostgresDatabase(parsed.conninfo, parsed.pool_max));
  PASSEND_ASSIGN_OR_RETURN(std::unique_ptr<Connection> conn, Connection::Open(parsed.conninfo));
  PASSEND_RETURN_IF_ERROR(Migrate(*conn));
  {
    std::lock_guard lock(db->pool_mu_);
    ++db->open_;
  }
  db->Give(std::move(conn));
  auto tables = std::make_unique<PostgresTables>(*db);
  return DatabaseWithTables{std::move(db), std::move(tables)};
}

PostgresDatabase::PostgresDatabase(std::string conninfo, int pool_max)
    : conninfo_(std::move(conninfo)),
      pool_max_(pool_max),
      catalog_(std::make_unique<PostgresCatalogStore>(*this)),
      clients_(std::make_unique<PostgresClientStore>(*this)),
      access_(std::make_unique<PostgresAccessStore>(*this)),
      map_history_(std::make_unique<PostgresMapHistoryStore>(*this)) {
  // Without it (out of descriptors), a commit of ours reaches the listener through the
  // server's notification instead, as another process's does.
  wake_fd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
}

PostgresDatabase::~PostgresDatabase() {
  if (wake_fd_ >= 0) ::close(wake_fd_);
}

catalog::CatalogStore& PostgresDatabase::catalog() { return *catalog_; }
intake::ClientStore& PostgresDatabase::clients() { return *clients_; }
access::AccountStore& PostgresDatabase::accounts() { return *access_; }
access::ConsentStore& PostgresDatabase::consents() { return *access_; }
access::AuditStore& PostgresDatabase::audit() { return *access_; }
monitor::MapHistoryStore& PostgresDatabase::map_history() { return *map_history_; }

Result<std::unique_ptr<Connection>> PostgresDatabase::Take() {
  {
    std::unique_lock lock(pool_mu_);
    const bool got =
        pool_cv_.wait_for(lock, kPoolWait, [&] { return !idle_.empty() || open_ < pool_max_; });
    if (!got)
      return Unavailable("Alle " + std::to_string(pool_max_) +
                         " databaseverbindingen zijn bezet, probeer het opnieuw");
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      return c;
    }
    ++open_;  // a place for the connection opened below, outside the lock
  }
  auto conn = Connection::Open(conninfo_);
  if (!conn.ok()) {
    std::lock_guard lock(pool_mu_);
    --open_;
    pool_cv_.notify_one();
  }
  return conn;
}

void PostgresDatabase::Give(std::unique_ptr<Connection> c) {
  // A connection that is lost, or left inside a transaction by a failure, is not reused.
  if (c->healthy() && c->in_transaction()) (void)c->Exec("ROLLBACK");
  std::lock_guard lock(pool_mu_);
  if (c->healthy() && !c->in_transaction()) {
    idle_.push_back(std::move(c));
  } else {
    --open_;
  }
  pool_cv_.notify_one();
}

Status PostgresDatabase::WithConnection(const std::function<Status(Connection&)>& fn) {
  if (tx_owner == this) return fn(*tx_connection);
  for (int attempt = 0;; ++attempt) {
    PASSEND_ASSIGN_OR_RETURN(std::unique_ptr<Connection> conn, Take());
    Status s = fn(*conn);
    const bool lost = !conn->healthy();
    Give(std::move(conn));
    // An idle connection may have died with a server restart: try once on a new one.
    if (s.ok() || !lost || attempt > 0 || s.error().code() != ErrorCode::kUnavailable) return s;
  }
}

Status PostgresDatabase::Write(const std::function<Status(Connection&)>& fn) {
  if (tx_owner == this) return fn(*tx_connection);
  return InTransaction([&] { return fn(*tx_connection); });
}

Status PostgresDatabase::ReadSnapshot(const std::function<Status(Connection&)>& fn) {
  if (tx_owner == this) return fn(*tx_connection);
  return WithConnection([&](Connection& c) -> Status {
    PASSEND_RETURN_IF_ERROR(c.Exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
    Status s = fn(c);
    if (s.ok()) return c.Exec("COMMIT");
    if (c.healthy()) (void)c.Exec("ROLLBACK");
    return s;
  });
}

bool PostgresDatabase::InTransactionOnThisThread() const { return tx_owner == this; }

Status PostgresDatabase::InTransaction(const std::function<Status()>& fn) {
  if (tx_owner != nullptr) return FailedPrecondition("Transacties kunnen niet genest worden");
  std::unique_ptr<Connection> conn;
  for (int attempt = 0;; ++attempt) {
    PASSEND_ASSIGN_OR_RETURN(conn, Take());
    Status begun = conn->Exec(kBeginWrite);
    if (begun.ok()) break;
    const bool lost = !conn->healthy();
    Give(std::move(conn));
    // Nothing ran yet, so a connection lost to a server restart can be replaced.
    if (!lost || attempt > 0) return begun;
  }
  tx_owner = this;
  tx_connection = conn.get();
  Status s = Ok();
  try {
    s = fn();
  } catch (...) {
    tx_owner = nullptr;
    tx_connection = nullptr;
    Give(std::move(conn));  // rolls back
    throw;
  }
  tx_owner = nullptr;
  tx_connection = nullptr;
  if (s.ok()) s = PruneChangesIfLong(*conn);
  if (s.ok()) s = conn->Exec("COMMIT");
  Give(std::move(conn));  // rolls back what did not commit
  if (s.ok()) Committed();
  return s;
}

void PostgresDatabase::Committed() {
  {
    std::lock_guard lock(commit_mu_);
    ++commits_;
  }
  committed_.notify_all();
  if (wake_fd_ >= 0) {
    const uint64_t one = 1;
    (void)!::write(wake_fd_, &one, sizeof one);
  }
}

Result<int> PostgresDatabase::SchemaVersion() {
  int version = 0;
  PASSEND_RETURN_IF_ERROR(WithConnection([&](Connection& c) -> Status {
    PASSEND_ASSIGN_OR_RETURN(version, CurrentVersion(c));
    return Ok();
  }));
  return version;
}

Result<int64_t> PostgresDatabase::LastChange() {
  int64_t last = 0;
  PASSEND_RETURN_IF_ERROR(WithConnection([&](Connection& c) -> Status {
    PASSEND_ASSIGN_OR_RETURN(last, LastChangeOn(c));
    return Ok();
  }));
  return last;
}

Result<ChangePage> PostgresDatabase::ChangesSince(int64_t after, int limit) {
  ChangePage page;
  PASSEND_RETURN_IF_ERROR(WithConnection([&](Connection& c) -> Status {
    PASSEND_ASSIGN_OR_RETURN(page, ChangesSinceOn(c, after, limit));
    return Ok();
  }));
  return page;
}

Status PostgresDatabase::PruneChanges(int64_t keep) {
  if (keep < 1) return InvalidArgument("Bewaar minstens één wijziging", "keep");
  return Write([&](Connection& c) { return PruneChangesOn(c, keep); });
}

Result<bool> PostgresDatabase::Listen(std::chrono::steady_clock::time_point until) {
  if (listener_ == nullptr || !listener_->healthy()) {
    listener_.reset();
    PASSEND_ASSIGN_OR_RETURN(std::unique_ptr<Connection> c, Connection::Open(conninfo_));
    PASSEND_RETURN_IF_ERROR(c->Exec(std::string("LISTEN ") + kChangeChannel));
    listener_ = std::move(c);
    // A commit between the caller's read of the head and the LISTEN would not notify:
    // let the caller read the head again, now that nothing can slip by.
    return true;
  }
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      until - std::chrono::steady_clock::now());
  auto got = listener_->AwaitNotification(wake_fd_, std::max(left, std::chrono::milliseconds(0)));
  if (wake_fd_ >= 0) {
    uint64_t count;
    while (::read(wake_fd_, &count, sizeof count) > 0) {
    }
  }
  if (!got.ok()) {
    listener_.reset();  // opened again by the next wait
    return got.error();
  }
  if (*got) {
    {
      std::lock_guard lock(commit_mu_);
      ++commits_;
    }
    committed_.notify_all();
  }
  return true;
}

Result<int64_t> PostgresDatabase::WaitForChange(int64_t after, std::chrono::milliseconds timeout) {
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
    std::unique_lock listening(listen_mu_, std::try_to_lock);
    if (listening.owns_lock()) {
      // A lost connection or a server that refuses another one: fall back to reading
      // the head (the next LastChange() reports the error if the server is gone).
      auto listened = Listen(std::min(deadline, now + kRecheckListening));
      listening.unlock();
      if (listened.ok()) continue;
    }
    std::unique_lock lock(commit_mu_);
    committed_.wait_until(lock, std::min(deadline, now + kRecheckWaiting),
                          [&] { return commits_ != seen; });
  }
}

}  // namespace passend::store::postgres
