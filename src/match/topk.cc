#include "match/topk.h"

#include <algorithm>
#include <queue>

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
  std::priority_queue<Pending, std::vector<Pending>, WorseBound> queue;
  SearchStats local;
  auto push = [&](uint32_t g) {
    const View v = GroupView(ix, g);
    const Assessment bound = Assess(q, {&v, 1});
    ++local.groups_bounded;
    if (!best.full() || MightBeat(bound, best.last().assessment)) queue.push({bound, g});
  };
  for (domain::OfferKind kind : q.kinds)
    if (ix.root(kind) != kNoNode) push(ix.root(kind));
  while (!queue.empty()) {
    const Pending top = queue.top();
    queue.pop();
    if (best.full() && !MightBeat(top.bound, best.last().assessment)) break;
    const Group& g = ix.group(top.group);
    if (!g.leaf()) {
      for (uint32_t c = g.child_begin; c < g.child_end; ++c) push(c);
      continue;
    }
    for (uint32_t o = g.begin; o < g.end; ++o) {
      best.Offer({o, ScoreOffer(q, o)});
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
