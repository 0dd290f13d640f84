#pragma once
// The store's change feed (store/change.h) as the match service's ChangeFeed: a gap in
// the store's log becomes an error, so the service reads the whole catalogue again.
// Thread-safe as the database is; `db` must outlive the feed.
#include <memory>

#include "match/change_feed.h"
#include "store/database.h"

namespace passend::match {

std::unique_ptr<ChangeFeed> StoreChangeFeed(store::Database& db);

}  // namespace passend::match
