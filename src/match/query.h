#pragma once
// Query: one client prepared for matching against a MatchIndex. Wishes and needs are
// resolved to dense feature numbers with thresholds in the index's oriented values;
// places get their weight; the masks for region, profile and delivery forms are set.
// A Query borrows the client and the index (both must outlive it); it is immutable once
// made and may be shared between threads.
#include <array>
#include <cstdint>
#include <vector>

#include "domain/client.h"
#include "domain/error.h"
#include "match/index.h"

namespace passend::match {

// How far an offer meets a wish, worst first. kUnknown: the offer does not say (a feature it
// does not list), which is not "no": it ranks above an explicit no or a partly met wish
// and below a yes, both in the score (Weights::unknown_factor) and, for a must or a need,
// in the tier (score.h). One order for both, so "the best of several" is the maximum.
enum class WishStatus : uint8_t { kNotMet = 0, kPartly = 1, kUnknown = 2, kMet = 3 };

struct QueryWish {
  uint32_t feature = 0;
  uint32_t wish = 0;          // index in client.wishes
  float met = 0, partly = 0;  // oriented thresholds: value >= met is met, >= partly is partly
  double weight = 0;
  bool must = false;
  uint8_t kinds = 0;  // KindBit of the kinds of care the wish belongs to (applicability.h)
  WishStatus Status(float value) const {
    return value >= met       ? WishStatus::kMet
           : value == kAbsent ? WishStatus::kUnknown
           : value >= partly  ? WishStatus::kPartly
                              : WishStatus::kNotMet;
  }
};

struct QueryNeed {
  uint32_t feature = 0;
  uint32_t need = 0;  // index in client.needs
  float met = 0;
  uint8_t kinds = 0;  // as QueryWish::kinds
  // kMet, kUnknown (the offer does not say) or kNotMet.
  WishStatus Status(float value) const {
    return value >= met       ? WishStatus::kMet
           : value == kAbsent ? WishStatus::kUnknown
                              : WishStatus::kNotMet;
  }
};

// The best status a group of offers can have: its summary holds the highest stated value
// (kAbsent when none states one) and whether some offer does not say.
inline WishStatus GroupStatus(WishStatus of_highest, bool some_unknown) {
  return some_unknown && of_highest < WishStatus::kUnknown ? WishStatus::kUnknown : of_highest;
}

struct QueryPlace {
  uint32_t place = 0;  // index in client.places
  RadPoint position;
  double max_km = 0, weight = 0;
  bool must = false;
};

struct Query {
  const MatchIndex* index = nullptr;
  const domain::Client* client = nullptr;
  RadPoint home;
  BoxRad home_box;
  std::vector<QueryWish> wishes;           // wishes linked to a feature
  std::vector<uint32_t> free_text_wishes;  // indices of wishes without a feature
  std::vector<QueryNeed> needs;
  std::vector<QueryPlace> places;
  std::vector<domain::OfferKind> kinds;  // the kinds of offer the client looks for
  size_t municipality = 0;               // index in ref().municipalities()
  uint64_t region_bit = 0, accept_bit = 0;
  uint8_t accepted_forms = 0;  // FormBit of the forms the client accepts
  bool pgb_allowed = false;    // the profile allows a pgb
  bool prefers_pgb = false;    // the client asked for a pgb
  double partly_score = 0.5;
  double unknown_score = 0.5;  // Weights::unknown_factor
  double home_reach_km = 30;   // housing beyond this from home is `far` (Weights::HomeReachKm)
  // The weights every offer (or combination) of the kinds in `mask` (KindBit) is scored
  // on: its wishes, the places (housing only: they matter where the client would live),
  // wait, contract and quality. score.h adds the distance weight of each part's kind.
  std::array<double, 16> fixed_weight{};
  double FixedWeight(uint8_t kinds_mask) const { return fixed_weight[kinds_mask & 0xf]; }

  // Score in 0..1 of a distance against a maximum (1 within, falling to 0 beyond).
  double DistanceScore(double km, double max_km) const;
};

// The bounds on one client's lists are the dossier's (domain/client.h): what can be saved
// can be matched.
using domain::kMaxFreeTextWishes;
using domain::kMaxNeeds;
using domain::kMaxPlaces;
using domain::kMaxSeekingKinds;
using domain::kMaxWishes;

// kInvalidArgument naming the list ("wishes") when a client exceeds one of the bounds
// (domain::CheckClientSize). MakeQuery checks it first, before any work that grows with the
// lists.
Status CheckQuerySize(const domain::Client& client);

// Fails with kInvalidArgument (field path in the client) when CheckQuerySize does, on a
// wish or need with a
// feature the vocabulary does not know, a wished value out of range, a distance below
// zero or a position that is not a number; kNotFound for an unknown municipality.
Result<Query> MakeQuery(const MatchIndex& index, const domain::Client& client);
// The same into an existing Query, reusing its buffers (for loops over many clients). On
// an error `*q` is left partly filled and must not be used.
Status MakeQueryInto(const MatchIndex& index, const domain::Client& client, Query* q);

// The value of a wished level/number in the index's orientation, with the threshold for
// "partly"; exposed for explanations.
double WishedValue(const domain::Feature& f, const domain::Wish& w);

}  // namespace passend::match
