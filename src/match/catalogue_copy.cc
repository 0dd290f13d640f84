#include "match/catalogue_copy.h"

#include <algorithm>
#include <set>
#include <string>

namespace passend::match {
namespace {

// Puts the record with `id` (as read now: a value, or kNotFound when it is gone) into the
// list ordered by id.
// The record as read is also appended to `changed` (or `removed` set when it is gone).
template <typename T>
Status Upsert(std::vector<T>& list, const std::string& id, Result<T> read, std::vector<T>& changed,
              bool& removed) {
  auto at = std::lower_bound(list.begin(), list.end(), id,
                             [](const T& r, const std::string& key) { return r.id < key; });
  const bool present = at != list.end() && at->id == id;
  if (!read.ok()) {
    if (read.error().code() != ErrorCode::kNotFound) return read.error();
    if (present) list.erase(at);
    removed = true;
    return Ok();
  }
  changed.push_back(read.value());
  if (present) {
    *at = std::move(read).value();
  } else {
    list.insert(at, std::move(read).value());
  }
  return Ok();
}

}  // namespace

Result<CatalogueCopy> ReadCatalogue(catalog::CatalogStore& store) {
  CatalogueCopy c;
  PASSEND_ASSIGN_OR_RETURN(c.offers, store.AllOffers());
  PASSEND_ASSIGN_OR_RETURN(c.locations, store.AllLocations());
  PASSEND_ASSIGN_OR_RETURN(c.providers, store.AllProviders());
  return c;
}

Result<ChangedRecords> ApplyChanges(catalog::CatalogStore& store,
                                    std::span<const DataChange> changes, CatalogueCopy& copy) {
  // Each record once, whatever the number of writes to it; providers and locations before
  // the offers that may name them.
  std::set<std::string> providers, locations, offers;
  for (const DataChange& c : changes) {
    if (c.kind == DataKind::kProvider) providers.insert(c.id);
    if (c.kind == DataKind::kLocation) locations.insert(c.id);
    if (c.kind == DataKind::kOffer) offers.insert(c.id);
  }
  ChangedRecords out;
  CatalogueCopy& now = out.records;
  for (const std::string& id : providers)
    PASSEND_RETURN_IF_ERROR(
        Upsert(copy.providers, id, store.GetProvider(id), now.providers, out.removed));
  for (const std::string& id : locations)
    PASSEND_RETURN_IF_ERROR(
        Upsert(copy.locations, id, store.GetLocation(id), now.locations, out.removed));
  for (const std::string& id : offers)
    PASSEND_RETURN_IF_ERROR(Upsert(copy.offers, id, store.GetOffer(id), now.offers, out.removed));
  return out;
}

}  // namespace passend::match
