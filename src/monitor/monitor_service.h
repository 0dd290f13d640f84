#pragma once
// MonitorService: the use cases of monitoring over time. For now the trend of the regional
// mismatch map: keep the map of a moment (quarterly, say, by `passend mismatch --bewaar`)
// and show how each count moved across the kept moments. Only the publishable map is kept
// (match::Publishable at the threshold given, never below 5 clients): a trend cannot show
// what the map of a moment would not.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "access/timestamp.h"
#include "domain/error.h"
#include "match/match_service.h"
#include "monitor/map_history_store.h"

namespace passend::monitor {

// How many moments a trend shows at most: two years of quarters.
inline constexpr int kTrendMoments = 8;

class MonitorService {
 public:
  MonitorService(MapHistoryStore& store, access::Clock clock)
      : store_(store), clock_(std::move(clock)) {}

  // Keeps `map` (computed now) as the moment of its region, with small cells left out at
  // `min_clients` (at least match::kMinPublishedClients). Returns the moment kept.
  Result<MapMoment> KeepMoment(const match::RegionMismatch& map, int64_t min_clients);

  // The trend of `region` over its newest `limit` moments (oldest first):
  // {"region", "moments": [{"taken_at", "clients", "clients_with_mismatch",
  //  "clients_with_must_gap"}], "per_wish": [{"key", "label", "clients": [n|null, ...],
  //  "clients_must": [...]}]} with one entry per moment in each list (null: left out as a
  // small cell, or not a mismatch then); per_wish ordered by the newest count, largest first.
  Result<nlohmann::json> Trend(const std::string& region, int limit = kTrendMoments);

 private:
  MapHistoryStore& store_;
  access::Clock clock_;
};

}  // namespace passend::monitor
