#pragma once
// The change log of migration 0004 on one connection: the queries behind
// SqliteDatabase's change feed (store/change.h), and the pruning writers do.
#include <cstdint>

#include "domain/error.h"
#include "store/change.h"
#include "store/sqlite/connection.h"

namespace passend::store::sqlite {

// A writer prunes when the log holds more than twice this many entries, down to this
// many: about 3 MB of entries. A reader more than this far behind rebuilds (a gap).
inline constexpr int64_t kChangeLogKeep = 100'000;

Result<int64_t> LastChangeOn(Connection& c);
Result<ChangePage> ChangesSinceOn(Connection& c, int64_t after, int limit);
// Keeps the newest `keep` entries (at least one, so a seq is never handed out twice).
Status PruneChangesOn(Connection& c, int64_t keep);
// Prunes to kChangeLogKeep when the log holds more than twice that (two indexed lookups
// when it does not). Runs inside every write transaction, before it commits.
Status PruneChangesIfLong(Connection& c);
// After a whole database was copied in (store::Tables::RestartChanges): the feed restarts
// after the copied data. Keeps only the newest entry (so its seq is not handed out again)
// and marks everything through it as pruned. Inside the copy's write transaction.
Status RestartChangesOn(Connection& c);

}  // namespace passend::store::sqlite
