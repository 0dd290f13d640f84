#pragma once
// The change log of migration 0005 on one connection: the queries behind
// PostgresDatabase's change feed (store/change.h) and the pruning writers do. The twin of
// store/sqlite/change_log.h; the same limits.
#include <cstdint>

#include "domain/error.h"
#include "store/change.h"
#include "store/postgres/connection.h"

namespace passend::store::postgres {

// A writer prunes when the log holds more than twice this many entries, down to this
// many. A reader more than this far behind rebuilds (a gap).
inline constexpr int64_t kChangeLogKeep = 100'000;

// The channel the change log's trigger notifies at every commit that changed something.
inline constexpr const char* kChangeChannel = "passend_changes";

Result<int64_t> LastChangeOn(Connection& c);
Result<ChangePage> ChangesSinceOn(Connection& c, int64_t after, int limit);
// Keeps the newest `keep` entries (at least one). Needs the write lock (a write
// transaction), so no seq is handed out while it runs.
Status PruneChangesOn(Connection& c, int64_t keep);
// When the log spans more than twice kChangeLogKeep seqs, removes every entry more than
// kChangeLogKeep seqs behind the newest (two index lookups when it does not). Runs inside
// every write transaction, before it commits.
Status PruneChangesIfLong(Connection& c);
// After a whole database was copied in without its triggers (store::Tables::Append):
// the feed restarts after the copied data. Empties the log and marks everything up to a
// fresh seq as pruned, so LastChange() is that seq and a reader that followed this
// database before the copy gets a gap and rebuilds. Inside the copy's write transaction.
Status RestartChangesOn(Connection& c);

}  // namespace passend::store::postgres
