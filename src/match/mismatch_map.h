#pragma once
// The mismatch map: over every client of a region (or the country), which wishes the best
// option cannot meet while no offer within the client's reach says yes (mismatch.h,
// WhatReachableOffersSay: a wish another reachable offer meets is a trade-off, not a gap in
// the offer), counted per wish, per municipality and per care-office region, with the
// free-text wishes that fit no feature and, per wish, how many offers within reach do not
// say (unknown is not no: the care office can ask them).
//
// As a purchasing signal: musts and needs (and a care profile nothing accepts) are counted
// apart from the nice-to-haves (per_must, clients_with_must_gap); the counts are broken down
// by municipality, care-office region, care profile and the main kind of care sought; what
// no purchase can change is kept apart (`unchangeable`: a place such as family farther than
// wanted, a refused indication) and not counted as a mismatch; AddSupply sets beside the
// seekers the places and waiting time of the offer in the scope, so scarcity shows. What the care
// office and providers should buy and build (DOMAIN.md, step C).
//
// MismatchMapBuilder matches clients batch by batch on a few threads (each with its own
// buffers and dense counters, merged in client order); the counts do not depend on the
// batching or the number of threads (deterministic). One builder is used from one thread
// at a time.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/client.h"
#include "domain/error.h"
#include "match/index.h"

namespace passend::match {

// A count of fewer clients than the map's min_clients, not shown (Publishable).
inline constexpr int64_t kSuppressed = -1;
// The smallest number of distinct clients a published count may have (AVG: no cell that
// points at a few people). Configurable upwards; below this only in tests.
inline constexpr int64_t kMinPublishedClients = 5;

// The offer in a scope that could serve a group of seekers: how many offers, their free
// places and the median wait (weeks; 0 with a free place) over those offers.
struct Supply {
  int64_t offers = 0;
  int64_t free_places = 0;
  double median_wait_weeks = 0;
};

struct MismatchArea {
  // CBS municipality code, care-office code, care profile code ("4VV", "" without one) or
  // kind of care ("wonen"); its name
  std::string code, name;
  int64_t clients = 0;
  int64_t clients_with_mismatch = 0;
  int64_t clients_with_must_gap = 0;        // a must, need or the profile not met
  std::map<std::string, int64_t> per_wish;  // mismatch key -> clients affected
  std::map<std::string, int64_t> per_must;  // the same, counted only as a must or need
  std::optional<Supply> supply;             // profiles and kinds, after AddSupply
};

struct MismatchMap {
  int64_t clients = 0;
  int64_t clients_with_mismatch = 0;  // at least one wish or need not met (places apart)
  int64_t clients_with_must_gap = 0;  // a must or need (or the profile) not met
  int64_t clients_without_offer = 0;  // no offer of the kinds sought at all
  int64_t clients_invalid = 0;        // skipped: the dossier has an error (first_error)
  std::string first_error;            // "client id: message" of the smallest id that had an error
  std::map<std::string, int64_t> per_wish;  // key (feature id, "profiel:VG") -> clients
  std::map<std::string, int64_t> per_must;  // the same, only where a must or need
  // What no purchase changes, not counted as a mismatch: "plek:familie" (a place that
  // matters farther than wanted from the best home), "indicatie:geweigerd" (no Wlz
  // indication: nothing to buy for; such a client's wishes are not counted).
  std::map<std::string, int64_t> unchangeable;
  std::map<std::string, std::string> labels;  // key -> Dutch label
  std::map<std::string, MismatchArea> municipalities, regions;
  std::map<std::string, MismatchArea> profiles, kinds;  // by care profile, by main kind sought
  std::map<std::string, Supply> supply;                 // per feature key, after AddSupply
  std::map<std::string, int64_t> free_texts;            // the client's own words -> clients
  // Feature id -> clients whose own words (wishes not linked to a feature) may mean it
  // (free_text.h): not yet confirmed, so not in per_wish; counted once per client.
  std::map<std::string, int64_t> free_text_features;
  // Per key counted in per_wish: how many of those clients have an offer within reach that
  // does not state it, and which offers (numbers in the index, sorted) those are.
  std::map<std::string, int64_t> not_stated;
  std::map<std::string, std::vector<uint32_t>> offers_not_stating;
  // Set by Publishable: the threshold applied (0: none) and how many counts were left out.
  int64_t min_clients = 0;
  int64_t suppressed_cells = 0;

  void Merge(const MismatchMap& other);
};

// Small-cell suppression: the map as it may be shown to people. Every count of fewer than
// `min_clients` distinct clients is left out: a wish in an area or in the total, an area
// with fewer clients, a free text fewer clients wrote (free text can hold names,
// addresses and diagnoses), a feature suggested by the words of fewer clients; a total or an area's
// clients with a mismatch below it becomes kSuppressed. The first dossier error (it names a client)
// is dropped. Counts of min_clients or more are kept as they are; so are the complements (clients
// without a mismatch), which are not sensitive here. Counts of offers are not about people and
// stay.
MismatchMap Publishable(const MismatchMap& map, int64_t min_clients = kMinPublishedClients);

// Sets the supply beside the seekers: for each feature key of per_wish the offers in the
// scope that say yes, for each kind the offers of that kind, for each profile the offers
// that accept it. Scope: the offers located in care-office region `region_code`, or all
// when it is empty. Not about people: never suppressed.
void AddSupply(MismatchMap& map, const MatchIndex& index, const std::string& region_code);

class MismatchMapBuilder {
 public:
  explicit MismatchMapBuilder(const MatchIndex& index, int threads = 2)
      : index_(index), threads_(threads < 1 ? 1 : threads) {}

  // Matches each client (best option and mismatch) and counts the result: the same as
  // FindMismatch(TopOffers(q, 1)[0]) for each client, counted once per key.
  void Add(std::span<const domain::Client> clients);
  const MismatchMap& map() const { return map_; }

 private:
  const MatchIndex& index_;
  int threads_;
  MismatchMap map_;
};

// Share of clients affected, 0..1 (0 when there are no clients).
inline double Share(int64_t affected, int64_t clients) {
  return clients > 0 ? static_cast<double>(affected) / static_cast<double>(clients) : 0.0;
}

}  // namespace passend::match
