#pragma once
// Database: the one storage seam. A backend (store/sqlite, store/postgres)
// implements every module's store interface and hands them out here; modules see only
// those interfaces, never SQL. Safe for concurrent use by many threads.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "access/access_store.h"
#include "catalog/catalog_store.h"
#include "domain/error.h"
#include "intake/client_store.h"
#include "monitor/map_history_store.h"
#include "store/change.h"

namespace passend::store {

class Database {
 public:
  virtual ~Database() = default;

  virtual catalog::CatalogStore& catalog() = 0;
  virtual intake::ClientStore& clients() = 0;
  virtual access::AccountStore& accounts() = 0;
  virtual access::ConsentStore& consents() = 0;
  virtual access::AuditStore& audit() = 0;
  virtual monitor::MapHistoryStore& map_history() = 0;

  // Runs `fn` in one transaction on the calling thread: every store write `fn` makes
  // commits together when it returns Ok, and none does when it returns an error (which
  // is passed on) or throws. Transactions do not nest.
  virtual Status InTransaction(const std::function<Status()>& fn) = 0;
  // InTransaction for writing a whole data set (an import): a backend may check the
  // references between rows once before the commit instead of at every row written.
  // A dangling reference fails it with kFailedPrecondition, and nothing is written.
  virtual Status InBulkTransaction(const std::function<Status()>& fn) { return InTransaction(fn); }

  // The schema version the database is at (the number of the last migration applied).
  virtual Result<int> SchemaVersion() = 0;

  // Makes rows that were deleted or overwritten unreadable in the database's files too
  // (after an erasure). SQLite: every connection zeroes freed content (secure_delete), and
  // this checkpoints the WAL and truncates it, so no old page image stays behind;
  // kUnavailable when readers kept old pages in use past the busy timeout. PostgreSQL:
  // nothing here (a VACUUM by the operator reclaims dead rows; docs/operations.md).
  virtual Status DiscardOldVersions() { return Ok(); }

  // The change feed (contract in store/change.h).
  // The seq of the newest committed change (0: none yet). One indexed lookup: poll it.
  // A backend without a change log yet answers kFailedPrecondition (the defaults below).
  virtual Result<int64_t> LastChange() { return NoChangeLog(); }
  // Changes with seq > `after`, oldest first, at most `limit` (clamped to 1..10000);
  // `gap` when some of them were pruned.
  virtual Result<ChangePage> ChangesSince(int64_t /*after*/, int /*limit*/) {
    return NoChangeLog();
  }
  // Waits until a change with seq > `after` is committed or `timeout` passes, and returns
  // LastChange(). A commit through this object wakes it at once; one by another process
  // within the backend's poll interval (SQLite: 100 ms) or at its notification
  // (PostgreSQL: LISTEN/NOTIFY, and a read of the head at least every 500 ms).
  virtual Result<int64_t> WaitForChange(int64_t /*after*/, std::chrono::milliseconds /*timeout*/) {
    return NoChangeLog();
  }
  // Removes all but the newest `keep` entries (keep >= 1). Writers also prune on their own
  // as the log grows (see the backend); this is for operators and tests.
  virtual Status PruneChanges(int64_t /*keep*/) { return NoChangeLog(); }

 private:
  static Error NoChangeLog() {
    return FailedPrecondition("Deze opslag houdt (nog) geen wijzigingen bij.");
  }
};

}  // namespace passend::store
