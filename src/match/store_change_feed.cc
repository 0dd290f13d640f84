#include "match/store_change_feed.h"

#include <algorithm>

namespace passend::match {
namespace {

DataKind KindOf(store::ChangedEntity e) {
  switch (e) {
    case store::ChangedEntity::kProvider: return DataKind::kProvider;
    case store::ChangedEntity::kLocation: return DataKind::kLocation;
    case store::ChangedEntity::kOffer: return DataKind::kOffer;
    case store::ChangedEntity::kClient: return DataKind::kClient;
  }
  return DataKind::kOffer;
}

class Feed : public ChangeFeed {
 public:
  explicit Feed(store::Database& db) : db_(db) {}

  Result<int64_t> LastChange() override { return db_.LastChange(); }

  Result<std::vector<DataChange>> ChangesSince(int64_t after, size_t limit) override {
    const int n = static_cast<int>(std::min<size_t>(limit, 10000));
    PASSEND_ASSIGN_OR_RETURN(store::ChangePage page, db_.ChangesSince(after, n));
    if (page.gap) return FailedPrecondition("Het wijzigingslog bevat deze wijzigingen niet meer.");
    std::vector<DataChange> out;
    out.reserve(page.changes.size());
    for (store::Change& c : page.changes) out.push_back({c.seq, KindOf(c.entity), std::move(c.id)});
    return out;
  }

  Result<int64_t> WaitForChange(int64_t after, std::chrono::milliseconds timeout) override {
    return db_.WaitForChange(after, timeout);
  }

 private:
  store::Database& db_;
};

}  // namespace

std::unique_ptr<ChangeFeed> StoreChangeFeed(store::Database& db) {
  return std::make_unique<Feed>(db);
}

}  // namespace passend::match
