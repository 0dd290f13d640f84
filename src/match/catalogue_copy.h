#pragma once
// CatalogueCopy: the catalogue a match index is built from, kept by the match service so
// that a few changed records mean reading those records, not the whole catalogue again.
// Each list is ordered by id, as the store's All* calls return it, so a copy patched with
// changes equals a fresh read of the same data (and gives the same index).
// Not thread-safe: one owner at a time.
#include <span>
#include <vector>

#include "catalog/catalog_store.h"
#include "domain/catalog.h"
#include "domain/error.h"
#include "match/change_feed.h"

namespace passend::match {

struct CatalogueCopy {
  std::vector<domain::Provider> providers;
  std::vector<domain::Location> locations;
  std::vector<domain::Offer> offers;
};

// Reads the whole catalogue: offers first, then locations, then providers, so that a
// write committed meanwhile adds records but never leaves an offer whose location or
// provider is missing from the copy (records are replaced, not deleted).
Result<CatalogueCopy> ReadCatalogue(catalog::CatalogStore& store);

// The records a batch of changes concerns, as they are now.
struct ChangedRecords {
  CatalogueCopy records;  // read again: each changed record that still exists
  bool removed = false;   // some changed record no longer exists
};

// Reads the providers, locations and offers named by `changes` again and puts each into
// `copy` by id, or takes it out when the store no longer has it. Client changes are
// skipped. On an error `copy` may be partly patched: read it whole again.
Result<ChangedRecords> ApplyChanges(catalog::CatalogStore& store,
                                    std::span<const DataChange> changes, CatalogueCopy& copy);

}  // namespace passend::match
