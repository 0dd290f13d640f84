#pragma once
// The change feed: every committed write to providers, locations, offers and clients
// (erasure included), by any writer — this process, another `passend` process, a script
// using the same database — leaves one numbered entry, written in the same transaction
// as the record, so a reader never sees a change without its record or the other way
// round. Readers (the match index) poll it to follow the data without a restart.
//
// Contract, the same for every backend (store_conformance_test.cc checks it):
// - seq numbers grow with commit order and are never reused: once a reader has seen
//   seq N, no change with a seq below N commits later. (SQLite: one writer at a time.
//   PostgreSQL: every writer holds one advisory lock from its first seq, or from BEGIN,
//   until its commit is visible, so seq order is commit order; NOTIFY passend_changes at
//   commit wakes the waiters of every server.)
// - An entry names what changed, not how: read the record again; kNotFound means it was
//   deleted. One write may leave several entries for the same id.
// - Old entries are pruned (the backend keeps at least the newest kChangeLogKeep). A reader
//   whose last seen seq is older than what is kept gets `gap`: it must rebuild from the
//   full data, taking LastChange() *before* it starts reading, and continue from there.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace passend::store {

enum class ChangedEntity { kProvider, kLocation, kOffer, kClient };

std::string_view ToString(ChangedEntity e);  // "provider", "location", "offer", "client"
std::optional<ChangedEntity> ParseChangedEntity(std::string_view s);

struct Change {
  int64_t seq = 0;
  ChangedEntity entity = ChangedEntity::kOffer;
  std::string id;
};

struct ChangePage {
  std::vector<Change> changes;  // seq > after, ascending, at most `limit`
  bool gap = false;             // entries after `after` were pruned: rebuild fully
};

}  // namespace passend::store
