#pragma once
// The exact score of an offer, or of a combination of offers, for one client: the
// reference every faster search must reproduce. The same function, given group
// summaries instead of offers, yields bounds: a lower bound on the unmet musts and needs
// and an upper bound on the score of every combination the groups contain.
//
// Ranking: first the number of unmet musts and needs (fewer first), then the score 0..100
// (higher first), then the offer id. The score is sum(weight * part) / sum(weight) * 100
// over: each wish (1 met, partly_factor partly, 0 not), each place that matters (by
// distance from where the client would live), the travel to day activities or respite,
// the wait, the contracting and the quality (the last three averaged over the parts of a
// combination), and for combinations whether one provider gives it all. Weights: weights.h.
// Pure functions; thread-safe.
#include <climits>
#include <cstdint>
#include <span>

#include "match/index.h"
#include "match/query.h"

namespace passend::match {

// One part of a combination: an offer (exact) or a group of offers (a summary bounding
// every offer in it).
struct View {
  const float* values = nullptr;
  BoxRad box;
  RadPoint point;  // exact only
  bool exact = false;
  domain::OfferKind kind = domain::OfferKind::kWonen;
  int64_t provider = -1;  // exact only
  float wait_score = 0, quality_score = 0, service_radius_km = 0;
  uint64_t region_mask = 0, accept_mask = 0;
  uint8_t forms = 0;
};
View OfferView(const MatchIndex& ix, uint32_t offer);
View GroupView(const MatchIndex& ix, uint32_t group);

struct Assessment {
  int unmet = 0;     // unmet musts and needs (a lower bound for groups)
  double score = 0;  // 0..100 (an upper bound for groups)
};

// `views`: the parts, the one the client would live in or with (wonen, zorg thuis)
// first when there is one. 1 to 3 parts.
Assessment Assess(const Query& q, std::span<const View> views);
// The same for one offer alone, without building a View: Assess(q, {OfferView(offer)}) to
// the last bit, faster. Used by both the search and the reference.
// With `unmet_cap`: an offer that misses more than that many musts may stop early, with
// that count and no score (it cannot rank before anything that misses fewer).
Assessment ScoreOffer(const Query& q, uint32_t offer, int unmet_cap = INT_MAX);
// The bound for one group alone: Assess(q, {GroupView(group)}), except that wait and
// quality are bounded by the best single offer's pair (Group::wait_quality), which is never
// looser. At least the score of every offer in the group, at most the generic bound.
Assessment BoundGroup(const Query& q, uint32_t group, int unmet_cap = INT_MAX);

// How the client can get an offer.
enum class Contracting : uint8_t {
  kInKind,        // contracted by the client's care office, in a form the client accepts
  kPgbNeeded,     // only with a pgb
  kNotReachable,  // neither (counts as an unmet need)
};
Contracting ContractingOf(const Query& q, uint64_t region_mask, uint8_t forms);

// Whether a key (unmet, score, id rank) ranks before another.
inline bool RanksBefore(const Assessment& a, uint32_t rank_a, const Assessment& b,
                        uint32_t rank_b) {
  if (a.unmet != b.unmet) return a.unmet < b.unmet;
  if (a.score != b.score) return a.score > b.score;
  return rank_a < rank_b;
}
// Whether something bounded by `bound` might rank before (or tie with) `kth`.
inline bool MightBeat(const Assessment& bound, const Assessment& kth) {
  if (bound.unmet != kth.unmet) return bound.unmet < kth.unmet;
  return bound.score >= kth.score - 1e-9;
}

}  // namespace passend::match
