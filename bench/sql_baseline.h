#pragma once
// The baseline for bench/match_bench: the same ranking as match::TopOffers (the tier of
// score.h first: profile not accepted, unmet musts and needs, pgb-only, beyond the reach;
// then the 0..100 score with the same weights and kinds of care per wish; ties by distance
// from home, wait, offer id), written as
// one SQL query over the SQLite store's tables (offers, offer_features, offer_profiles,
// offer_regions, locations, clients, client_wishes, client_needs, client_places), with
// the haversine distance in SQL. The reference data the engine compiles in (features,
// profiles, municipalities) is written to three small ref_* tables next to them.
//
// Benchmark support, not a module. One SqlRanking is used by one thread.
#include <sqlite3.h>

#include <memory>
#include <string>
#include <vector>

#include "domain/dataset.h"
#include "domain/error.h"
#include "domain/reference.h"
#include "match/weights.h"

namespace passend::bench {

// Writes the catalogue of `data` and `clients` to a new SQLite file at `path` through
// the catalogue's import (catalog::CatalogService), and adds the ref_* tables.
Status WriteBaselineDb(const std::string& path, const domain::Dataset& data,
                       const std::vector<domain::Client>& clients,
                       const domain::ReferenceData& ref);

class SqlRanking {
 public:
  ~SqlRanking();
  static Result<std::unique_ptr<SqlRanking>> Open(const std::string& path, const match::Weights& w);
  // The ids of the best k offers for the client with this id, best first.
  Result<std::vector<std::string>> Top(const std::string& client_id, int k);
  // The query text (for the report).
  const std::string& sql() const { return sql_; }

 private:
  SqlRanking() = default;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  std::string sql_;
};

}  // namespace passend::bench
