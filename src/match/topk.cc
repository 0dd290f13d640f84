#include "match/topk.h"

#include <algorithm>
#include <cstdint>

namespace passend::match {
namespace {

struct Pending {
  Assessment bound;
  uint32_t group;
};
struct WorseBound {
  bool operator()(const Pending& a, const Pending& b) const {
    if (a.bound.Tier() != b.bound.Tier()) return a.bound.Tier() > b.bound.Tier();
    if (a.bound.score != b.bound.score) return a.bound.score < b.bound.score;
    return a.group > b.group;
  }
};

// Equal tier and score: the nearer first (from the client's home), then the shorter wait,
// then the offer id, so the order is what matters to people and always the same.
auto RankLess(const Query& q) {
  return [&q](const RankedOffer& a, const RankedOffer& b) {
    if (!SameRank(a.assessment, b.assessment)) return RanksBefore(a.assessment, b.assessment);
    const MatchIndex& ix = *q.index;
    const double da = DistanceKm(q.home, ix.position(a.offer));
    const double db = DistanceKm(q.home, ix.position(b.offer));
    if (da != db) return da < db;
    if (ix.wait_weeks(a.offer) != ix.wait_weeks(b.offer))
      return ix.wait_weeks(a.offer) < ix.wait_weeks(b.offer);
    return ix.id_rank(a.offer) < ix.id_rank(b.offer);
  };
}

}  // namespace

domain::OfferKind MainKind(const Query& q) {
  for (domain::OfferKind k :
       {domain::OfferKind::kWonen, domain::OfferKind::kZorgThuis, domain::OfferKind::kDagbesteding})
    if (std::find(q.kinds.begin(), q.kinds.end(), k) != q.kinds.end()) return k;
  return domain::OfferKind::kLogeren;
}

std::vector<RankedOffer> TopOffers(const Query& q, size_t k, SearchStats* stats,
                                   std::span<const domain::OfferKind> kinds) {
  if (kinds.empty()) kinds = q.kinds;
  const MatchIndex& ix = *q.index;
  BestK<RankedOffer, decltype(RankLess(q))> best(k, RankLess(q));
  // A heap on a per-thread buffer: no allocation per client in long loops.
  thread_local std::vector<Pending> heap;
  heap.clear();
  SearchStats local;
  // Start the loads of the client's features for a range of groups or offers at once, so
  // the cache misses overlap instead of following one another.
  auto prefetch = [&](auto column, auto column8, uint32_t at) {
    for (const QueryWish& w : q.wishes)
      __builtin_prefetch(ix.compact() ? static_cast<const void*>((ix.*column8)(w.feature) + at)
                                      : (ix.*column)(w.feature) + at);
    for (const QueryNeed& nd : q.needs)
      __builtin_prefetch(ix.compact() ? static_cast<const void*>((ix.*column8)(nd.feature) + at)
                                      : (ix.*column)(nd.feature) + at);
  };
  // Once k are found, what is of a higher tier than the k-th cannot enter: stop counting.
  auto cap = [&] { return best.full() ? best.last().assessment.Tier() : INT64_MAX; };
  auto push = [&](uint32_t g) {
    const Assessment bound = BoundGroup(q, g, cap());
    ++local.groups_bounded;
    if (!best.full() || MightBeat(bound, best.last().assessment)) {
      heap.push_back({bound, g});
      std::push_heap(heap.begin(), heap.end(), WorseBound());
    }
  };
  for (domain::OfferKind kind : kinds)
    if (ix.root(kind) != kNoNode) push(ix.root(kind));
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), WorseBound());
    const Pending top = heap.back();
    heap.pop_back();
    if (best.full() && !MightBeat(top.bound, best.last().assessment)) break;
    const Group& g = ix.group(top.group);
    if (!g.leaf()) {
      prefetch(&MatchIndex::group_column, &MatchIndex::group_column8, g.child_begin);
      for (uint32_t c = g.child_begin; c < g.child_end; ++c) push(c);
      continue;
    }
    prefetch(&MatchIndex::column, &MatchIndex::column8, g.begin);
    for (uint32_t o = g.begin; o < g.end; ++o) {
      best.Offer({o, ScoreOffer(q, o, cap())});
      ++local.offers_scored;
    }
  }
  if (stats) {
    stats->groups_bounded += local.groups_bounded;
    stats->offers_scored += local.offers_scored;
  }
  return best.Take();
}

std::vector<RankedOffer> TopOffersExhaustive(const Query& q, size_t k,
                                             std::span<const domain::OfferKind> kinds) {
  if (kinds.empty()) kinds = q.kinds;
  const MatchIndex& ix = *q.index;
  std::vector<RankedOffer> all;
  for (uint32_t o = 0; o < ix.size(); ++o)
    if (std::find(kinds.begin(), kinds.end(), ix.kind(o)) != kinds.end())
      all.push_back({o, ScoreOffer(q, o)});
  std::sort(all.begin(), all.end(), RankLess(q));
  if (all.size() > k) all.resize(k);
  return all;
}

}  // namespace passend::match
