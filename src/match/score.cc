#include "match/score.h"

#include <algorithm>

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

// The parts ScoreOffer and BoundGroup share, each with the values of one offer or of one
// group's summary. Sums start at 0 and add in the client's order, as Assess does.

// The contracting term; an offer the client cannot reach counts as an unmet must.
double ContractScore(const Query& q, uint64_t region_mask, uint8_t forms, Assessment& a) {
  switch (ContractingOf(q, region_mask, forms)) {
    case Contracting::kInKind: return 1;
    case Contracting::kPgbNeeded: return q.prefers_pgb ? 1 : q.index->weights().pgb_factor;
    case Contracting::kNotReachable: ++a.unmet; break;
  }
  return 0;
}

template <typename ValueOf>
void CountUnmetNeeds(const Query& q, ValueOf value, Assessment& a) {
  for (const QueryNeed& nd : q.needs)
    if (!(value(nd.feature) >= nd.met)) ++a.unmet;
}

template <typename ValueOf>
double WishSum(const Query& q, ValueOf value, Assessment& a) {
  double sum = 0;
  for (const QueryWish& w : q.wishes) {
    const WishStatus st = w.Status(value(w.feature));
    sum += w.weight * (st == WishStatus::kMet      ? 1.0
                       : st == WishStatus::kPartly ? q.partly_score
                                                   : 0.0);
    if (w.must && st != WishStatus::kMet) ++a.unmet;
  }
  return sum;
}

}  // namespace

Contracting ContractingOf(const Query& q, uint64_t region_mask, uint8_t forms) {
  const uint8_t pgb = FormBit(domain::DeliveryForm::kPgb);
  if ((region_mask & q.region_bit) != 0 && (forms & ~pgb & q.accepted_forms) != 0)
    return Contracting::kInKind;
  if ((forms & pgb) != 0 && q.pgb_allowed) return Contracting::kPgbNeeded;
  return Contracting::kNotReachable;
}

Assessment ScoreOffer(const Query& q, uint32_t o, int unmet_cap) {
  // Assess(q, {OfferView(o)}) with one exact part: the sum takes its terms in the same
  // order (bit-identical; topk_test checks it). The unmet musts that need no sum come first,
  // so an offer that already misses more than `unmet_cap` stops early.
  const MatchIndex& ix = *q.index;
  const Weights& wt = ix.weights();
  const OfferKind kind = ix.kind(o);
  const RadPoint& point = ix.position(o);
  const RadPoint& p = kind == OfferKind::kWonen ? point : q.home;
  Assessment a;
  const auto value = [&](uint32_t f) { return ix.value(f, o); };
  const double contract = ContractScore(q, ix.region_mask(o), ix.forms(o), a);
  if ((ix.accept_mask(o) & q.accept_bit) == 0) ++a.unmet;
  if (kind == OfferKind::kZorgThuis && FartherThanKm(q.home, point, ix.service_radius_km(o)))
    ++a.unmet;
  CountUnmetNeeds(q, value, a);
  if (a.unmet > unmet_cap) return a;
  double sum = WishSum(q, value, a), weight = q.fixed_weight;
  if (a.unmet > unmet_cap) return a;
  for (const QueryPlace& pl : q.places) {
    const Fit f = kind == OfferKind::kWonen ? PlaceFit(q, p, pl.position, pl.max_km)
                                            : Fit{pl.home_score, pl.home_beyond};
    sum += pl.weight * f.score;
    if (pl.must && f.beyond) ++a.unmet;
  }
  if (!IsLiving(kind)) {
    const double max_km =
        kind == OfferKind::kDagbesteding ? wt.travel_dagbesteding_max_km : wt.travel_logeren_max_km;
    sum += wt.travel * PlaceFit(q, p, point, max_km).score;
    weight += wt.travel;
  }
  const double wait = 0.0 + ix.wait_score(o), quality = 0.0 + ix.quality_score(o);
  sum += (wt.wait * wait + wt.contract * contract + wt.quality * quality) / 1;
  a.score = weight > 0 ? 100.0 * sum / weight : 0;
  return a;
}

Assessment BoundGroup(const Query& q, uint32_t g, int unmet_cap) {
  // Assess(q, {GroupView(g)}) step for step (topk_test checks it), except that wait and
  // quality are bounded together, which is never looser.
  const MatchIndex& ix = *q.index;
  const Weights& wt = ix.weights();
  const Group& gr = ix.group(g);
  const OfferKind kind = gr.kind;
  const bool at_offer = kind == OfferKind::kWonen;
  const BoxRad& pbox = at_offer ? gr.box : q.home_box;
  Assessment a;
  const auto value = [&](uint32_t f) { return ix.group_value(f, g); };
  const double contract = ContractScore(q, gr.region_mask, gr.forms, a);
  if ((gr.accept_mask & q.accept_bit) == 0) ++a.unmet;
  if (kind == OfferKind::kZorgThuis && MinDistanceKm(q.home_box, gr.box) > gr.service_radius_km)
    ++a.unmet;
  CountUnmetNeeds(q, value, a);
  if (a.unmet > unmet_cap) return a;
  double sum = WishSum(q, value, a), weight = q.fixed_weight;
  if (a.unmet > unmet_cap) return a;
  for (const QueryPlace& pl : q.places) {
    Fit f;
    if (!at_offer) {
      f = {pl.home_score, pl.home_beyond};
    } else {
      const double d = MinDistanceKm(pbox, BoxRad::Of(pl.position));
      f = {q.DistanceScore(d, pl.max_km), d > pl.max_km};
    }
    sum += pl.weight * f.score;
    if (pl.must && f.beyond) ++a.unmet;
  }
  if (!IsLiving(kind)) {
    const double max_km =
        kind == OfferKind::kDagbesteding ? wt.travel_dagbesteding_max_km : wt.travel_logeren_max_km;
    sum += wt.travel * q.DistanceScore(MinDistanceKm(pbox, gr.box), max_km);
    weight += wt.travel;
  }
  // Wait and quality together: the best single offer's, not the two bests added. The
  // offer's own sum adds the same terms in another order, so a hair of slack keeps the
  // bound above it whatever the rounding.
  sum += gr.wait_quality + wt.contract * contract + 1e-9;
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

  Assessment a;
  double sum = 0, weight = q.fixed_weight;
  for (const QueryWish& w : q.wishes) {
    WishStatus st = WishStatus::kNotMet;
    for (const View& v : views) {
      st = std::max(st, w.Status(v.values[w.feature]));
      if (st == WishStatus::kMet) break;
    }
    sum += w.weight * (st == WishStatus::kMet      ? 1.0
                       : st == WishStatus::kPartly ? q.partly_score
                                                   : 0.0);
    if (w.must && st != WishStatus::kMet) ++a.unmet;
  }
  for (const QueryNeed& nd : q.needs) {
    bool met = false;
    for (const View& v : views) met = met || v.values[nd.feature] >= nd.met;
    if (!met) ++a.unmet;
  }
  for (const QueryPlace& pl : q.places) {
    Fit f;
    if (p_exact) {
      f = PlaceFit(q, p, pl.position, pl.max_km);
    } else {
      const double d = MinDistanceKm(pbox, BoxRad::Of(pl.position));
      f = {q.DistanceScore(d, pl.max_km), d > pl.max_km};
    }
    sum += pl.weight * f.score;
    if (pl.must && f.beyond) ++a.unmet;
  }
  double wait = 0, contract = 0, quality = 0;
  for (const View& v : views) {
    if (!IsLiving(v.kind)) {
      const double max_km = v.kind == OfferKind::kDagbesteding ? wt.travel_dagbesteding_max_km
                                                               : wt.travel_logeren_max_km;
      const double fit = p_exact && v.exact ? PlaceFit(q, p, v.point, max_km).score
                                            : q.DistanceScore(MinDistanceKm(pbox, v.box), max_km);
      sum += wt.travel * fit;
      weight += wt.travel;
    }
    switch (ContractingOf(q, v.region_mask, v.forms)) {
      case Contracting::kInKind: contract += 1; break;
      case Contracting::kPgbNeeded: contract += q.prefers_pgb ? 1 : wt.pgb_factor; break;
      case Contracting::kNotReachable: ++a.unmet; break;
    }
    if ((v.accept_mask & q.accept_bit) == 0) ++a.unmet;
    if (v.kind == OfferKind::kZorgThuis) {
      const bool beyond = v.exact ? FartherThanKm(q.home, v.point, v.service_radius_km)
                                  : MinDistanceKm(q.home_box, v.box) > v.service_radius_km;
      if (beyond) ++a.unmet;
    }
    wait += v.wait_score;
    quality += v.quality_score;
  }
  if (n > 0) sum += (wt.wait * wait + wt.contract * contract + wt.quality * quality) / n;
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
    weight += wt.one_provider;
  }
  a.score = weight > 0 ? 100.0 * sum / weight : 0;
  return a;
}

}  // namespace passend::match
