#pragma once
// OfferReadModel: the public offer list and search (GET /api/v1/offers) answered from
// memory. It keeps every offer's public JSON text rendered once, with what the filters
// need (kind, profiles, sectors, contracts, the location's municipality and position, the
// provider's register status) and an index of the folded words of name and description
// (api/search_fold.h, as the SQL search splits and folds them). It follows the data
// through the store's change log as the match index does: every answer first reads the
// log's last position (one small read) and, when the log moved, reads the changed
// providers, locations and offers again (all of it after a gap in the log), so a write
// through any server is in the very next list. Answers equal the store's
// CatalogService::ListOffers (offer_read_model_test.cc checks it on both backends).
// Safe for concurrent use; `db` and `catalog` must outlive it.
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "catalog/catalog_service.h"
#include "store/database.h"
#include "store/page.h"

namespace passend::api {

class OfferReadModel {
 public:
  OfferReadModel(store::Database& db, catalog::CatalogService& catalog);
  ~OfferReadModel();

  // The page's ids in order, as CatalogService::ListOffers(filter, page) has them; nullopt
  // when the model cannot answer this filter (outdated, a search word that is no single
  // word to the search, a store without change log): ask the store then.
  Result<std::optional<store::Page<std::string>>> ListIds(const catalog::OfferFilter& filter,
                                                          const store::PageRequest& page);
  // The same page as the list route's JSON text: {"items": [...], "next_cursor": ...},
  // each item the offer's JSON with maybe_outdated by `cutoffs`.
  Result<std::optional<std::string>> ListJson(const catalog::OfferFilter& filter,
                                              const store::PageRequest& page,
                                              const domain::FreshnessCutoffs& cutoffs);

  struct Snapshot;  // offer_read_model.cc
  struct Source;

 private:
  // The snapshot as of the log's last position now (built or caught up as needed); null
  // for a store without change log.
  Result<std::shared_ptr<const Snapshot>> Current();

  store::Database& db_;
  catalog::CatalogService& catalog_;
  std::mutex mu_;         // guards snapshot_
  std::mutex update_mu_;  // one catch-up at a time; guards source_
  std::shared_ptr<const Snapshot> snapshot_;
  std::unique_ptr<Source> source_;
};

}  // namespace passend::api
