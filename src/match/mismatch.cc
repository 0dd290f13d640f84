#include "match/mismatch.h"

#include <algorithm>
#include <queue>

#include "match/topk.h"

namespace passend::match {
namespace {

struct Pending {
  double min_km;
  uint32_t group;
  bool operator>(const Pending& o) const {
    return min_km != o.min_km ? min_km > o.min_km : group > o.group;
  }
};

}  // namespace

std::string ProfileMismatchKey(domain::Sector sector) {
  return "profiel:" + std::string(domain::ToString(sector));
}

std::optional<NearestOffer> FindNearest(const Query& q, const RadPoint& origin, uint32_t feature,
                                        float met, const std::vector<domain::OfferKind>& kinds) {
  const MatchIndex& ix = *q.index;
  const BoxRad at = BoxRad::Of(origin);
  auto fits = [&](const float* values, uint64_t accept) {
    return (accept & q.accept_bit) != 0 && (feature == UINT32_MAX || values[feature] >= met);
  };
  std::priority_queue<Pending, std::vector<Pending>, std::greater<>> queue;
  auto push = [&](uint32_t g) {
    if (fits(ix.group_values(g), ix.group(g).accept_mask))
      queue.push({MinDistanceKm(at, ix.group(g).box), g});
  };
  for (domain::OfferKind k : kinds)
    if (ix.root(k) != kNoNode) push(ix.root(k));
  std::optional<NearestOffer> best;
  while (!queue.empty()) {
    const Pending top = queue.top();
    queue.pop();
    if (best && top.min_km > best->distance_km) break;
    const Group& g = ix.group(top.group);
    if (!g.leaf()) {
      for (uint32_t c = g.child_begin; c < g.child_end; ++c) push(c);
      continue;
    }
    for (uint32_t o = g.begin; o < g.end; ++o) {
      if (!fits(ix.values(o), ix.accept_mask(o))) continue;
      const double d = DistanceKm(origin, ix.position(o));
      if (!best || d < best->distance_km ||
          (d == best->distance_km && ix.id_rank(o) < ix.id_rank(best->offer)))
        best = NearestOffer{o, d, ix.wait_weeks(o)};
    }
  }
  return best;
}

namespace {

bool OfferWithinReach(const Query& q, uint32_t o) {
  const MatchIndex& ix = *q.index;
  const domain::OfferKind k = ix.kind(o);
  if ((ix.accept_mask(o) & q.accept_bit) == 0 ||
      ContractingOf(q, ix.region_mask(o), ix.forms(o)) == Contracting::kNotReachable)
    return false;
  const double limit =
      k == domain::OfferKind::kZorgThuis ? ix.service_radius_km(o) : TravelLimitKm(q, k);
  return !FartherThanKm(q.home, ix.position(o), limit);
}

// Whether some offer of the group might be within reach (OfferWithinReach with the
// group's unions and box: never no when one is).
bool GroupMightBeWithinReach(const Query& q, uint32_t g) {
  const MatchIndex& ix = *q.index;
  const Group& gr = ix.group(g);
  if ((gr.accept_mask & q.accept_bit) == 0 ||
      ContractingOf(q, gr.region_mask, gr.forms) == Contracting::kNotReachable)
    return false;
  const double limit =
      gr.kind == domain::OfferKind::kZorgThuis ? gr.service_radius_km : TravelLimitKm(q, gr.kind);
  return MinDistanceKm(q.home_box, gr.box) <= limit;
}

}  // namespace

void ReachMemo::Start(const MatchIndex& ix) {
  // Stamps 1..2^31-1; stamp 0 (and a new index's size) starts from cleared entries.
  if (++stamp_ >= (1u << 31) || offers_.size() != ix.size() || groups_.size() != ix.group_count()) {
    offers_.assign(ix.size(), 0);
    groups_.assign(ix.group_count(), 0);
    stamp_ = 1;
  }
}

ReachableSay WhatReachableOffersSay(const Query& q, uint32_t feature, float met, uint8_t kinds,
                                    bool count_unknown, std::vector<uint32_t>* unknown_offers,
                                    ReachMemo* memo) {
  const MatchIndex& ix = *q.index;
  ReachableSay say;
  std::vector<uint32_t> stack;
  for (domain::OfferKind k : q.kinds)
    if ((kinds & KindBit(k)) && ix.root(k) != kNoNode) stack.push_back(ix.root(k));
  while (!stack.empty()) {
    const uint32_t g = stack.back();
    stack.pop_back();
    const bool may_yes = !say.yes && ix.group_value(feature, g) >= met;
    const bool may_unknown = count_unknown && ix.group_some_unknown(feature, g);
    if (!may_yes && !may_unknown) continue;
    if (!(memo ? memo->Group(g, [&] { return GroupMightBeWithinReach(q, g); })
               : GroupMightBeWithinReach(q, g)))
      continue;
    const Group& gr = ix.group(g);
    if (!gr.leaf()) {
      for (uint32_t c = gr.child_begin; c < gr.child_end; ++c) stack.push_back(c);
      continue;
    }
    for (uint32_t o = gr.begin; o < gr.end; ++o) {
      const float v = ix.value(feature, o);
      if (!(v >= met) && v != kAbsent) continue;
      if (!(memo ? memo->Offer(o, [&] { return OfferWithinReach(q, o); }) : OfferWithinReach(q, o)))
        continue;
      if (v >= met) {
        say.yes = true;
        if (!count_unknown) return say;
      } else if (count_unknown) {
        ++say.unknown;
        if (unknown_offers) unknown_offers->push_back(o);
      }
    }
  }
  return say;
}

ReachableSay WhatReachableOffersSayExhaustive(const Query& q, uint32_t feature, float met,
                                              uint8_t kinds) {
  const MatchIndex& ix = *q.index;
  ReachableSay say;
  for (uint32_t o = 0; o < ix.size(); ++o) {
    if (!(kinds & KindBit(ix.kind(o))) ||
        std::find(q.kinds.begin(), q.kinds.end(), ix.kind(o)) == q.kinds.end() ||
        !OfferWithinReach(q, o))
      continue;
    const float v = ix.values(o)[feature];
    say.yes = say.yes || v >= met;
    say.unknown += v == kAbsent ? 1 : 0;
  }
  return say;
}

namespace {

// Whether an offer within reach says yes (the search that stops early) and, only when none
// does, how many do not say.
ReachableSay Say(const Query& q, uint32_t feature, float met, uint8_t kinds, ReachMemo& memo) {
  const ReachableSay yes = WhatReachableOffersSay(q, feature, met, kinds, false, nullptr, &memo);
  return yes.yes ? yes : WhatReachableOffersSay(q, feature, met, kinds, true, nullptr, &memo);
}

}  // namespace

KindBests FindBests(const Query& q, bool exhaustive) {
  KindBests best = kNoBests;
  for (domain::OfferKind k : q.kinds) {
    const std::span<const domain::OfferKind> one(&k, 1);
    const auto top = exhaustive ? TopOffersExhaustive(q, 1, one) : TopOffers(q, 1, nullptr, one);
    if (!top.empty()) best[static_cast<int>(k)] = top[0].offer;
  }
  return best;
}

ClientMismatch FindMismatch(const Query& q, const KindBests& best, bool find_nearest) {
  const MatchIndex& ix = *q.index;
  const domain::Client& c = *q.client;
  const auto& features = ix.ref().features();
  ClientMismatch m;
  const uint32_t main = best[static_cast<int>(MainKind(q))];
  if (main != kNoNode) m.best = main;
  m.free_text_wishes = q.free_text_wishes;
  // The sought kinds a wish or need belongs to, and how far their best options meet it.
  auto judge = [&](uint8_t kinds, auto&& status_at, std::vector<domain::OfferKind>& of) {
    of.clear();
    WishStatus st = WishStatus::kNotMet;
    for (domain::OfferKind k : q.kinds) {
      if (!(kinds & KindBit(k))) continue;
      of.push_back(k);
      const uint32_t b = best[static_cast<int>(k)];
      if (b != kNoNode) st = std::max(st, status_at(ix.values(b)));
    }
    return st;
  };
  std::vector<domain::OfferKind> of;
  // Per thread: sized once, then only a new stamp per client.
  thread_local ReachMemo memo;
  if (find_nearest) memo.Start(ix);
  if (main != kNoNode && (ix.accept_mask(main) & q.accept_bit) == 0) {
    MismatchItem item;
    item.kind = MismatchKind::kProfile, item.importance = domain::Importance::kMust;
    item.key = ProfileMismatchKey(c.sector);
    item.label = c.profile.empty() ? "Aanbod voor sector " + std::string(ToString(c.sector))
                                   : "Aanbod voor zorgprofiel " + c.profile + " (sector " +
                                         std::string(ToString(c.sector)) + ")";
    // FindNearest keeps only offers that accept the client's profile.
    if (find_nearest) item.nearest = FindNearest(q, q.home, UINT32_MAX, 0, q.kinds);
    m.items.push_back(std::move(item));
  }
  for (const QueryWish& w : q.wishes) {
    const WishStatus st = judge(
        w.kinds, [&](const float* v) { return w.Status(v[w.feature]); }, of);
    if (of.empty() || st == WishStatus::kMet) continue;  // not of a kind sought, or met
    MismatchItem item;
    item.kind = MismatchKind::kWish, item.index = w.wish, item.status = st;
    item.key = features[w.feature].id, item.label = features[w.feature].label_nl;
    item.importance = c.wishes[w.wish].importance;
    if (find_nearest) {
      item.nearest = FindNearest(q, q.home, w.feature, w.met, of);
      const ReachableSay say = Say(q, w.feature, w.met, w.kinds, memo);
      item.reachable_yes = say.yes, item.reachable_unknown = say.unknown;
    }
    m.items.push_back(std::move(item));
  }
  for (const QueryNeed& nd : q.needs) {
    const WishStatus st = judge(
        nd.kinds, [&](const float* v) { return nd.Status(v[nd.feature]); }, of);
    if (of.empty() || st == WishStatus::kMet) continue;
    MismatchItem item;
    item.kind = MismatchKind::kNeed, item.index = nd.need, item.status = st,
    item.importance = domain::Importance::kMust;
    item.key = features[nd.feature].id, item.label = features[nd.feature].label_nl;
    if (find_nearest) {
      item.nearest = FindNearest(q, q.home, nd.feature, nd.met, of);
      const ReachableSay say = Say(q, nd.feature, nd.met, nd.kinds, memo);
      item.reachable_yes = say.yes, item.reachable_unknown = say.unknown;
    }
    m.items.push_back(std::move(item));
  }
  // Places matter where the client would live: only a home moves the client.
  const uint32_t home = best[static_cast<int>(domain::OfferKind::kWonen)];
  for (const QueryPlace& p : q.places) {
    if (home == kNoNode) break;
    const double d = DistanceKm(ix.position(home), p.position);
    if (d <= p.max_km) continue;
    const domain::Place& pl = c.places[p.place];
    MismatchItem item;
    item.kind = MismatchKind::kPlace, item.index = p.place, item.importance = pl.importance;
    item.key = "plek:" + std::string(ToString(pl.kind));
    item.label = "Dichtbij " + (pl.label.empty() ? std::string(LabelNl(pl.kind)) : pl.label) +
                 " (binnen " + std::to_string(static_cast<int>(p.max_km)) + " km)";
    if (find_nearest)
      item.nearest = FindNearest(q, p.position, UINT32_MAX, 0, {domain::OfferKind::kWonen});
    m.items.push_back(std::move(item));
  }
  return m;
}

}  // namespace passend::match
