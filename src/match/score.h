#pragma once
// The exact score of an offer, or of a combination of offers, for one client: the
// reference every faster search must reproduce. The same function, given group
// summaries instead of offers, yields bounds: a lower bound on the unmet musts and needs
// and an upper bound on the score of every combination the groups contain.
//
// Ranking (docs/matching.md): first whether the offer accepts the client's care profile (one
// that does not is shown apart, after every one that does), then the number of unmet musts
// and needs (fewer first; an offer that says no, or meets a must only partly), then the
// number of musts and needs the offer does not state (unknown is not no: fewer first), then
// whether only a pgb reaches it while the client did not ask
// for one, then whether it lies beyond the reach from home (housing) or the travel limit
// (day activities, respite): together the tier, lower first. Within a tier the score
// 0..100 (higher first); equal scores by distance, wait, offer id (topk.h). The score is
// sum(weight * part) / sum(weight) * 100 over: each wish (1 met, unknown_factor when the
// offer does not say, partly_factor partly, 0 not), each place that matters (by distance from where
// the client would live), the distance from home (housing), the travel to day activities or
// respite, the wait, the contracting and the quality (the last three averaged over the parts of a
// combination), and for combinations whether one provider gives it all. Weights: weights.h. Pure
// functions; thread-safe.
#include <climits>
#include <cstdint>
#include <limits>
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
  // A group (not exact): where to read which features some of its offers do not state.
  const MatchIndex* index = nullptr;
  uint32_t group = kNoNode;
  domain::OfferKind kind = domain::OfferKind::kWonen;
  int64_t provider = -1;  // exact only
  float wait_score = 0, quality_score = 0, service_radius_km = 0;
  uint64_t region_mask = 0, accept_mask = 0;
  uint8_t forms = 0;
};
View OfferView(const MatchIndex& ix, uint32_t offer);
View GroupView(const MatchIndex& ix, uint32_t group);

// For groups every field is a bound: the tier no more than, the score no less than that of
// any offer (or combination) the group holds.
struct Assessment {
  int unmet = 0;          // unmet musts and needs (an offer nobody can pay for counts too)
  int unknown = 0;        // musts and needs the offer does not state (not counted in unmet)
  bool apart = false;     // does not accept the client's care profile
  bool pgb_only = false;  // only with a pgb, and the client did not ask for one
  bool far = false;       // beyond the reach from home or the travel limit
  double score = 0;       // 0..100
  // What ranks first: apart, then unmet, then unknown, then pgb-only, then far. Lower
  // first. A sum of per-item costs (so the sum of lower bounds is a lower bound).
  int64_t Tier() const {
    return (apart ? int64_t{1} << 40 : 0) + (int64_t{unmet} << 24) + int64_t{unknown} * 4 +
           (pgb_only ? 2 : 0) + (far ? 1 : 0);
  }
};

// `views`: the parts, the one the client would live in or with (wonen, zorg thuis)
// first when there is one. 1 to 3 parts.
Assessment Assess(const Query& q, std::span<const View> views);
// The same for one offer alone, without building a View: Assess(q, {OfferView(offer)}) to
// the last bit, faster. Used by both the search and the reference.
// With `tier_cap`: an offer whose tier is above it may stop early, with no score (it cannot
// rank before anything of a lower tier).
Assessment ScoreOffer(const Query& q, uint32_t offer, int64_t tier_cap = INT64_MAX);
// The bound for one group alone: Assess(q, {GroupView(group)}), except that wait and
// quality are bounded by the best single offer's pair (Group::wait_quality), which is never
// looser. At least the score of every offer in the group, at most the generic bound.
Assessment BoundGroup(const Query& q, uint32_t group, int64_t tier_cap = INT64_MAX);
// The weights the score of these parts is divided by (for bounds that change a term).
double AssessWeight(const Query& q, std::span<const View> views);

// How the client can get an offer.
enum class Contracting : uint8_t {
  kInKind,        // contracted by the client's care office, in a form the client accepts
  kPgbNeeded,     // only with a pgb
  kNotReachable,  // neither (counts as an unmet need)
};
// Inline: called for every offer and group the searches look at.
inline Contracting ContractingOf(const Query& q, uint64_t region_mask, uint8_t forms) {
  constexpr uint8_t kPgb = FormBit(domain::DeliveryForm::kPgb);
  if ((region_mask & q.region_bit) != 0 && (forms & ~kPgb & q.accepted_forms) != 0)
    return Contracting::kInKind;
  if ((forms & kPgb) != 0 && q.pgb_allowed) return Contracting::kPgbNeeded;
  return Contracting::kNotReachable;
}

// Beyond this distance an offer of `kind` is `far`: housing from home (the reach), day
// activities and respite from where the client lives (their travel limit). Care at home
// has none (infinity): the offer's own area counts instead.
inline double TravelLimitKm(const Query& q, domain::OfferKind kind) {
  const Weights& wt = q.index->weights();
  switch (kind) {
    case domain::OfferKind::kWonen: return q.home_reach_km;
    case domain::OfferKind::kDagbesteding: return wt.travel_dagbesteding_limit_km;
    case domain::OfferKind::kLogeren: return wt.travel_logeren_limit_km;
    case domain::OfferKind::kZorgThuis: break;
  }
  return std::numeric_limits<double>::infinity();
}

// Whether `a` ranks before `b` on tier and score; equal on both is no (the caller breaks
// the tie).
inline bool RanksBefore(const Assessment& a, const Assessment& b) {
  if (a.Tier() != b.Tier()) return a.Tier() < b.Tier();
  return a.score > b.score;
}
inline bool SameRank(const Assessment& a, const Assessment& b) {
  return a.Tier() == b.Tier() && a.score == b.score;
}
// Whether something bounded by `bound` might rank before (or tie with) `kth`.
inline bool MightBeat(const Assessment& bound, const Assessment& kth) {
  if (bound.Tier() != kth.Tier()) return bound.Tier() < kth.Tier();
  return bound.score >= kth.score - 1e-9;
}

}  // namespace passend::match
