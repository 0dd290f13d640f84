#include "match/topk.h"

#include <algorithm>
#include <climits>

namespace passend::match {
namespace {

struct Pending {
  Assessment bound;
  uint32_t group;
};
struct WorseBound {
  bool operator()(const Pending& a, const Pending& b) const {
    if (a.bound.unmet != b.bound.unmet) return a.bound.unmet > b.bound.unmet;
    if (a.bound.score != b.bound.score) return a.bound.score < b.bound.score;
    return a.group > b.group;
  }
};

auto RankLess(const MatchIndex& ix) {
  return [&ix](const RankedOffer& a, const RankedOffer& b) {
    return RanksBefore(a.assessment, ix.id_rank(a.offer), b.assessment, ix.id_rank(b.offer));
  };
}

}  // namespace

std::vector<RankedOffer> TopOffers(const Query& q, size_t k, SearchStats* stats) {
  const MatchIndex& ix = *q.index;
  BestK<RankedOffer, decltype(RankLess(ix))> best(k, RankLess(ix));
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
  // Once k are found, what misses more musts than the k-th cannot enter: stop counting.
  auto cap = [&] { return best.full() ? best.last().assessment.unmet : INT_MAX; };
  auto push = [&](uint32_t g) {
    const Assessment bound = BoundGroup(q, g, cap());
    ++local.groups_bounded;
    if (!best.full() || MightBeat(bound, best.last().assessment)) {
      heap.push_back({bound, g});
      std::push_heap(heap.begin(), heap.end(), WorseBound());
    }
  };
  for (domain::OfferKind kind : q.kinds)
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

std::vector<RankedOffer> TopOffersExhaustive(const Query& q, size_t k) {
  const MatchIndex& ix = *q.index;
  std::vector<RankedOffer> all;
  for (uint32_t o = 0; o < ix.size(); ++o)
    if (std::find(q.kinds.begin(), q.kinds.end(), ix.kind(o)) != q.kinds.end())
      all.push_back({o, ScoreOffer(q, o)});
  std::sort(all.begin(), all.end(), RankLess(ix));
  if (all.size() > k) all.resize(k);
  return all;
}

}  // namespace passend::match
