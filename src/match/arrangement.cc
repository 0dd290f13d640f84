#include "match/arrangement.h"

#include <algorithm>
#include <queue>

namespace passend::match {
namespace {

using domain::OfferKind;

auto RankLess(const MatchIndex& ix) {
  return [&ix](const RankedArrangement& a, const RankedArrangement& b) {
    if (a.assessment.unmet != b.assessment.unmet) return a.assessment.unmet < b.assessment.unmet;
    if (a.assessment.score != b.assessment.score) return a.assessment.score > b.assessment.score;
    const size_t n = std::min(a.offers.size(), b.offers.size());
    for (size_t i = 0; i < n; ++i)
      if (a.offers[i] != b.offers[i]) return ix.id_rank(a.offers[i]) < ix.id_rank(b.offers[i]);
    return a.offers.size() < b.offers.size();
  };
}
using Best = BestK<RankedArrangement, decltype(RankLess(std::declval<const MatchIndex&>()))>;

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

// Branch and bound over one shape: slots before `depth` hold offers, the slot at `depth`
// is searched through its tree, later slots stand as their kind's root group.
class ShapeSearch {
 public:
  ShapeSearch(const Query& q, const std::vector<OfferKind>& shape, Best& best, SearchStats& stats)
      : q_(q), ix_(*q.index), shape_(shape), best_(best), stats_(stats) {
    for (OfferKind k : shape) views_.push_back(GroupView(ix_, ix_.root(k)));
    chosen_.resize(shape.size());
  }
  void Run() { Search(0); }

 private:
  bool Worth(const Assessment& bound) const {
    return !best_.full() || MightBeat(bound, best_.last().assessment);
  }
  Assessment Bound() {
    ++stats_.groups_bounded;
    return Assess(q_, views_);
  }

  void Search(size_t depth) {
    const View saved = views_[depth];
    std::priority_queue<Pending, std::vector<Pending>, WorseBound> queue;
    auto push = [&](uint32_t g) {
      views_[depth] = GroupView(ix_, g);
      const Assessment b = Bound();
      if (Worth(b)) queue.push({b, g});
    };
    push(ix_.root(shape_[depth]));
    while (!queue.empty()) {
      const Pending top = queue.top();
      queue.pop();
      if (!Worth(top.bound)) break;
      const Group& g = ix_.group(top.group);
      if (!g.leaf()) {
        for (uint32_t c = g.child_begin; c < g.child_end; ++c) push(c);
        continue;
      }
      for (uint32_t o = g.begin; o < g.end; ++o) {
        views_[depth] = OfferView(ix_, o);
        chosen_[depth] = o;
        if (depth + 1 == shape_.size()) {
          ++stats_.offers_scored;
          best_.Offer({chosen_, Assess(q_, views_)});
        } else if (Worth(Bound())) {
          Search(depth + 1);
        }
      }
    }
    views_[depth] = saved;
  }

  const Query& q_;
  const MatchIndex& ix_;
  const std::vector<OfferKind>& shape_;
  Best& best_;
  SearchStats& stats_;
  std::vector<View> views_;
  std::vector<uint32_t> chosen_;
};

}  // namespace

std::vector<std::vector<OfferKind>> ArrangementShapes(const Query& q) {
  std::vector<OfferKind> living, others;
  for (OfferKind k : q.kinds) (IsLiving(k) ? living : others).push_back(k);
  std::vector<std::vector<OfferKind>> shapes;
  auto add = [&](const OfferKind* first, const std::vector<OfferKind>& rest) {
    std::vector<OfferKind> shape(rest.size() + (first ? 1 : 0));
    if (first) shape[0] = *first;
    std::copy(rest.begin(), rest.end(), shape.begin() + (first ? 1 : 0));
    for (OfferKind k : shape)
      if (q.index->root(k) == kNoNode) return;
    if (shape.size() >= 2) shapes.push_back(shape);
  };
  if (living.empty()) add(nullptr, others);
  for (const OfferKind& l : living) add(&l, others);
  return shapes;
}

std::vector<RankedArrangement> TopArrangements(const Query& q, size_t k, SearchStats* stats) {
  Best best(k, RankLess(*q.index));
  SearchStats local;
  for (const auto& shape : ArrangementShapes(q)) ShapeSearch(q, shape, best, local).Run();
  if (stats)
    stats->groups_bounded += local.groups_bounded, stats->offers_scored += local.offers_scored;
  return best.Take();
}

std::vector<RankedArrangement> TopArrangementsExhaustive(const Query& q, size_t k) {
  const MatchIndex& ix = *q.index;
  std::vector<RankedArrangement> all;
  for (const auto& shape : ArrangementShapes(q)) {
    std::vector<std::vector<uint32_t>> candidates(shape.size());
    for (uint32_t o = 0; o < ix.size(); ++o)
      for (size_t s = 0; s < shape.size(); ++s)
        if (ix.kind(o) == shape[s]) candidates[s].push_back(o);
    std::vector<size_t> at(shape.size(), 0);
    std::vector<uint32_t> offers(shape.size());
    std::vector<View> views(shape.size());
    while (true) {
      for (size_t s = 0; s < shape.size(); ++s) {
        offers[s] = candidates[s][at[s]];
        views[s] = OfferView(ix, offers[s]);
      }
      all.push_back({offers, Assess(q, views)});
      size_t s = shape.size();
      while (s > 0 && ++at[s - 1] == candidates[s - 1].size()) at[--s] = 0;
      if (s == 0) break;
    }
  }
  std::sort(all.begin(), all.end(), RankLess(ix));
  if (all.size() > k) all.resize(k);
  return all;
}

}  // namespace passend::match
