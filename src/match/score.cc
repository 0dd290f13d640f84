#include "match/score.h"

#include <algorithm>
#include <limits>

namespace passend::match {

using domain::OfferKind;

View OfferView(const MatchIndex& ix, uint32_t i) {
  View v;
  v.values = ix.values(i);
  v.point = ix.position(i);
  v.box = BoxRad::Of(v.point);
  v.exact = true;
  v.kind = ix.kind(i);
  v.provider = ix.provider_index(i);
  v.wait_score = ix.wait_score(i);
  v.quality_score = ix.quality_score(i);
  v.service_radius_km = ix.service_radius_km(i);
  v.region_mask = ix.region_mask(i);
  v.accept_mask = ix.accept_mask(i);
  v.forms = ix.forms(i);
  return v;
}

View GroupView(const MatchIndex& ix, uint32_t g) {
  const Group& gr = ix.group(g);
  View v;
  v.values = ix.group_values(g);
  v.index = &ix;
  v.group = g;
  v.box = gr.box;
  v.kind = gr.kind;
  v.wait_score = gr.wait_score;
  v.quality_score = gr.quality_score;
  v.service_radius_km = gr.service_radius_km;
  v.region_mask = gr.region_mask;
  v.accept_mask = gr.accept_mask;
  v.forms = gr.forms;
  return v;
}

namespace {

// DistanceScore(DistanceKm(a, b), max_km) and whether the distance exceeds max_km, exactly
// as those compute them; the exact distance only when the cheap bounds do not decide.
struct Fit {
  double score;
  bool beyond;
};
Fit PlaceFit(const Query& q, const RadPoint& a, const RadPoint& b, double max_km) {
  const KmRange r = DistanceRangeKm(a, b);
  if (r.hi <= max_km) return {1, false};
  if (r.lo > max_km + q.index->weights().distance_decay_km + 1e-6) return {0, true};
  const double d = DistanceKm(a, b);
  return {q.DistanceScore(d, max_km), d > max_km};
}
// The same from somewhere in a box (a group): the best case.
Fit BoxFit(const Query& q, const BoxRad& from, const BoxRad& to, double max_km) {
  const double d = MinDistanceKm(from, to);
  return {q.DistanceScore(d, max_km), d > max_km};
}

// The terms of the score, shared by Assess, ScoreOffer and BoundGroup so the three add the
// same numbers in the same order (bit for bit; score_test and topk_test check it).

double WishPart(const Query& q, WishStatus st) {
  switch (st) {
    case WishStatus::kMet: return 1.0;
    case WishStatus::kUnknown: return q.unknown_score;
    case WishStatus::kPartly: return q.partly_score;
    case WishStatus::kNotMet: return 0.0;
  }
  return 0.0;
}
// A must or need not met counts as unmet, one the offer does not state as unknown.
void CountMust(WishStatus st, Assessment& a) {
  if (st == WishStatus::kUnknown)
    ++a.unknown;
  else if (st != WishStatus::kMet)
    ++a.unmet;
}
void AddWish(const Query& q, const QueryWish& w, WishStatus st, double& sum, Assessment& a) {
  sum += w.weight * WishPart(q, st);
  if (w.must) CountMust(st, a);
}
void AddPlace(const QueryPlace& pl, const Fit& f, double& sum, Assessment& a) {
  sum += pl.weight * f.score;
  if (pl.must && f.beyond) ++a.unmet;
}
// The distance term of one part: for housing the distance from home against the reach, for
// day activities and respite the travel from where the client would live. Full score
// within FullKm; beyond TravelLimitKm the part is `far` (for housing the two are the same). Care
// at home has none (its area counts in GatePart).
double FullKm(const Query& q, OfferKind kind) {
  const Weights& wt = q.index->weights();
  return kind == OfferKind::kWonen          ? q.home_reach_km
         : kind == OfferKind::kDagbesteding ? wt.travel_dagbesteding_max_km
                                            : wt.travel_logeren_max_km;
}
double DistanceWeight(const Weights& wt, OfferKind kind) {
  return kind == OfferKind::kWonen ? wt.home : kind == OfferKind::kZorgThuis ? 0 : wt.travel;
}
// `from`: home for housing, where the client would live for the others.
void AddDistance(const Query& q, OfferKind kind, const RadPoint& from, const RadPoint& point,
                 double& sum, Assessment& a) {
  if (kind == OfferKind::kZorgThuis) return;
  const Fit f = PlaceFit(q, from, point, FullKm(q, kind));
  sum += DistanceWeight(q.index->weights(), kind) * f.score;
  a.far = a.far || (kind == OfferKind::kWonen ? f.beyond
                                              : FartherThanKm(from, point, TravelLimitKm(q, kind)));
}
// The same from somewhere in a box to somewhere in another: the best case.
void AddDistanceBound(const Query& q, OfferKind kind, const BoxRad& from, const BoxRad& box,
                      double& sum, Assessment& a) {
  if (kind == OfferKind::kZorgThuis) return;
  const double d = MinDistanceKm(from, box);
  sum += DistanceWeight(q.index->weights(), kind) * q.DistanceScore(d, FullKm(q, kind));
  a.far = a.far || d > TravelLimitKm(q, kind);
}

// Wait, contracting and quality of one part, or their sums over the parts of a combination.
double ServiceTerms(const Weights& wt, double wait, double contract, double quality) {
  return wt.wait * wait + wt.contract * contract + wt.quality * quality;
}

// What one part (an offer, or a group's summary) settles before any sum: how the client
// can have it (an offer nobody can pay for counts as an unmet must; pgb-only ranks after
// in kind unless the client asked for a pgb), whether it accepts the client's care profile,
// and for care at home whether the client lives in its area. Returns the contracting score.
double GatePart(const Query& q, uint64_t region_mask, uint8_t forms, uint64_t accept_mask,
                bool outside_area, Assessment& a) {
  double contract = 0;
  switch (ContractingOf(q, region_mask, forms)) {
    case Contracting::kInKind: contract = 1; break;
    case Contracting::kPgbNeeded:
      contract = q.prefers_pgb ? 1 : q.index->weights().pgb_factor;
      a.pgb_only = a.pgb_only || !q.prefers_pgb;
      break;
    case Contracting::kNotReachable: ++a.unmet; break;
  }
  if ((accept_mask & q.accept_bit) == 0) a.apart = true;
  if (outside_area) ++a.unmet;
  return contract;
}

// Needs and wishes of one part of kind `kind_bit`: only those that belong to its kind.
// `status(item, feature)` gives the item's status at the part (for a group the best any of
// its offers can have).
template <typename StatusOf>
void CountUnmetNeeds(const Query& q, uint8_t kind_bit, StatusOf status, Assessment& a) {
  for (const QueryNeed& nd : q.needs)
    if (nd.kinds & kind_bit) CountMust(status(nd, nd.feature), a);
}

template <typename StatusOf>
double WishSum(const Query& q, uint8_t kind_bit, StatusOf status, Assessment& a) {
  double sum = 0;
  for (const QueryWish& w : q.wishes)
    if (w.kinds & kind_bit) AddWish(q, w, status(w, w.feature), sum, a);
  return sum;
}

}  // namespace

double AssessWeight(const Query& q, std::span<const View> views) {
  const Weights& wt = q.index->weights();
  uint8_t kinds = 0;
  for (const View& v : views) kinds |= KindBit(v.kind);
  double weight = q.FixedWeight(kinds);
  for (const View& v : views) weight += DistanceWeight(wt, v.kind);
  if (views.size() >= 2) weight += wt.one_provider;
  return weight;
}

Assessment ScoreOffer(const Query& q, uint32_t o, int64_t tier_cap) {
  // Assess(q, {OfferView(o)}) with one exact part, the same terms in the same order. What
  // needs no sum comes first, so an offer already above `tier_cap` stops early.
  const MatchIndex& ix = *q.index;
  const Weights& wt = ix.weights();
  const OfferKind kind = ix.kind(o);
  const RadPoint& point = ix.position(o);
  const uint8_t kbit = KindBit(kind);
  Assessment a;
  const auto status = [&](const auto& item, uint32_t f) { return item.Status(ix.value(f, o)); };
  const bool outside =
      kind == OfferKind::kZorgThuis && FartherThanKm(q.home, point, ix.service_radius_km(o));
  const double contract =
      GatePart(q, ix.region_mask(o), ix.forms(o), ix.accept_mask(o), outside, a);
  CountUnmetNeeds(q, kbit, status, a);
  if (a.Tier() > tier_cap) return a;
  double sum = WishSum(q, kbit, status, a);
  if (a.Tier() > tier_cap) return a;
  // Places matter where the client would live: only housing moves the client.
  if (kind == OfferKind::kWonen)
    for (const QueryPlace& pl : q.places)
      AddPlace(pl, PlaceFit(q, point, pl.position, pl.max_km), sum, a);
  AddDistance(q, kind, q.home, point, sum, a);
  sum += ServiceTerms(wt, ix.wait_score(o), contract, ix.quality_score(o));
  const double weight = q.FixedWeight(kbit) + DistanceWeight(wt, kind);
  a.score = weight > 0 ? 100.0 * sum / weight : 0;
  return a;
}

Assessment BoundGroup(const Query& q, uint32_t g, int64_t tier_cap) {
  // Assess(q, {GroupView(g)}) with the same terms, except that wait and quality are bounded
  // together, which is never looser.
  const MatchIndex& ix = *q.index;
  const Weights& wt = ix.weights();
  const Group& gr = ix.group(g);
  const OfferKind kind = gr.kind;
  const uint8_t kbit = KindBit(kind);
  Assessment a;
  const auto status = [&](const auto& item, uint32_t f) {
    return GroupStatus(item.Status(ix.group_value(f, g)), ix.group_some_unknown(f, g));
  };
  const bool outside =
      kind == OfferKind::kZorgThuis && MinDistanceKm(q.home_box, gr.box) > gr.service_radius_km;
  const double contract = GatePart(q, gr.region_mask, gr.forms, gr.accept_mask, outside, a);
  CountUnmetNeeds(q, kbit, status, a);
  if (a.Tier() > tier_cap) return a;
  double sum = WishSum(q, kbit, status, a);
  if (a.Tier() > tier_cap) return a;
  if (kind == OfferKind::kWonen)
    for (const QueryPlace& pl : q.places)
      AddPlace(pl, BoxFit(q, gr.box, BoxRad::Of(pl.position), pl.max_km), sum, a);
  AddDistanceBound(q, kind, q.home_box, gr.box, sum, a);
  // Wait and quality together: the best single offer's (Group::wait_quality), not the two
  // bests added. The offer's ServiceTerms add the same products in another order, so a hair
  // of slack keeps the bound above it whatever the rounding.
  sum += gr.wait_quality + wt.contract * contract + 1e-9;
  const double weight = q.FixedWeight(kbit) + DistanceWeight(wt, kind);
  a.score = weight > 0 ? 100.0 * sum / weight : 0;
  return a;
}

Assessment Assess(const Query& q, std::span<const View> views) {
  const Weights& wt = q.index->weights();
  const size_t n = views.size();
  // Where the client would live: at the wonen offer, otherwise at home.
  const bool at_offer = n > 0 && views[0].kind == OfferKind::kWonen;
  const bool p_exact = !at_offer || views[0].exact;
  const RadPoint& p = at_offer ? views[0].point : q.home;
  const BoxRad& pbox = at_offer ? views[0].box : q.home_box;

  uint8_t kinds = 0;
  for (const View& v : views) kinds |= KindBit(v.kind);
  Assessment a;
  double sum = 0;
  // A wish or need is judged against the parts of the kinds it belongs to.
  // The best status over the parts of the item's kinds (statuses are ordered worst first).
  const auto best = [&](const auto& item, uint32_t f) {
    WishStatus st = WishStatus::kNotMet;
    for (const View& v : views) {
      if (!(item.kinds & KindBit(v.kind))) continue;
      const WishStatus at = item.Status(v.values[f]);
      st = std::max(st, v.exact ? at : GroupStatus(at, v.index->group_some_unknown(f, v.group)));
      if (st == WishStatus::kMet) break;
    }
    return st;
  };
  for (const QueryWish& w : q.wishes)
    if (w.kinds & kinds) AddWish(q, w, best(w, w.feature), sum, a);
  for (const QueryNeed& nd : q.needs)
    if (nd.kinds & kinds) CountMust(best(nd, nd.feature), a);
  // Places matter where the client would live: only housing moves the client.
  if (at_offer)
    for (const QueryPlace& pl : q.places)
      AddPlace(pl,
               p_exact ? PlaceFit(q, p, pl.position, pl.max_km)
                       : BoxFit(q, pbox, BoxRad::Of(pl.position), pl.max_km),
               sum, a);
  double wait = 0, contract = 0, quality = 0;
  for (const View& v : views) {
    const bool exact = v.exact && (v.kind == OfferKind::kWonen || p_exact);
    if (exact)
      AddDistance(q, v.kind, v.kind == OfferKind::kWonen ? q.home : p, v.point, sum, a);
    else
      AddDistanceBound(q, v.kind, v.kind == OfferKind::kWonen ? q.home_box : pbox, v.box, sum, a);
    const bool outside = v.kind == OfferKind::kZorgThuis &&
                         (v.exact ? FartherThanKm(q.home, v.point, v.service_radius_km)
                                  : MinDistanceKm(q.home_box, v.box) > v.service_radius_km);
    contract += GatePart(q, v.region_mask, v.forms, v.accept_mask, outside, a);
    wait += v.wait_score;
    quality += v.quality_score;
  }
  // One part: x / 1 == x, so ScoreOffer's terms without the division are the same bits.
  if (n > 0) sum += ServiceTerms(wt, wait, contract, quality) / static_cast<double>(n);
  if (n >= 2) {
    int64_t distinct = 0;
    for (size_t i = 0; i < n; ++i) {
      if (!views[i].exact) continue;
      bool seen = false;
      for (size_t j = 0; j < i; ++j)
        seen = seen || (views[j].exact && views[j].provider == views[i].provider);
      distinct += seen ? 0 : 1;
    }
    sum += wt.one_provider *
           static_cast<double>(static_cast<int64_t>(n) - std::max<int64_t>(1, distinct)) /
           static_cast<double>(n - 1);
  }
  const double weight = AssessWeight(q, views);
  a.score = weight > 0 ? 100.0 * sum / weight : 0;
  return a;
}

}  // namespace passend::match
