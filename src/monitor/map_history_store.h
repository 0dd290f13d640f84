#pragma once
// MapHistoryStore: the moments of the regional mismatch map kept over time, so a care office
// sees a trend (issue 19.9; the start of monitoring). A moment holds the map as it may be
// shown (small cells already left out, match::Publishable), as JSON: nothing in it points
// at a person, so it is kept when a client is erased. Every backend implements it
// (store/database.h hands it out).
#include <string>
#include <vector>

#include "domain/error.h"

namespace passend::monitor {

struct MapMoment {
  std::string region;    // care-office region code; "" for every client in the database
  std::string taken_at;  // UTC, ISO 8601 (YYYY-MM-DDTHH:MM:SSZ)
  std::string map_json;  // match::MismatchMapToJson of the publishable map
};

class MapHistoryStore {
 public:
  virtual ~MapHistoryStore() = default;
  // Keeps a moment; one taken at the same second for the same region replaces it.
  virtual Status SaveMoment(const MapMoment& moment) = 0;
  // The newest `limit` moments of `region`, oldest first.
  virtual Result<std::vector<MapMoment>> Moments(const std::string& region, int limit) = 0;
};

}  // namespace passend::monitor
