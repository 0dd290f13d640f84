#include "match/arrangement.h"

#include <algorithm>

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

// A group of the slot's tree, or (offer) one offer of a leaf that is not in the last slot.
struct Pending {
  Assessment bound;
  uint32_t id;
  bool offer;
};
struct WorseBound {
  bool operator()(const Pending& a, const Pending& b) const {
    if (a.bound.unmet != b.bound.unmet) return a.bound.unmet > b.bound.unmet;
    if (a.bound.score != b.bound.score) return a.bound.score < b.bound.score;
    if (a.offer != b.offer) return !a.offer;
    return a.id > b.id;
  }
};

// Branch and bound over one shape: slots before `depth` hold offers, the slot at `depth`
// is searched best first through its tree, later slots stand as their kind's root group.
// The offers of an opened leaf go back into the queue with their own bound (the offer
// with the later slots as roots), so the most promising part is tried first at every
// depth, the k-th best rises quickly, and the search stops as soon as it beats every
// bound left in the queue.
class ShapeSearch {
 public:
  ShapeSearch(const Query& q, const std::vector<OfferKind>& shape, Best& best, SearchStats& stats)
      : q_(q), ix_(*q.index), shape_(shape), best_(best), stats_(stats), heaps_(shape.size()) {
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
    const bool last = depth + 1 == shape_.size();
    std::vector<Pending>& heap = heaps_[depth];
    heap.clear();
    auto push = [&](const Pending& p) {
      heap.push_back(p);
      std::push_heap(heap.begin(), heap.end(), WorseBound());
    };
    auto push_group = [&](uint32_t g) {
      views_[depth] = GroupView(ix_, g);
      const Assessment b = Bound();
      if (Worth(b)) push({b, g, false});
    };
    push_group(ix_.root(shape_[depth]));
    while (!heap.empty()) {
      std::pop_heap(heap.begin(), heap.end(), WorseBound());
      const Pending top = heap.back();
      heap.pop_back();
      if (!Worth(top.bound)) break;
      if (top.offer) {
        views_[depth] = OfferView(ix_, top.id);
        chosen_[depth] = top.id;
        Search(depth + 1);
        continue;
      }
      const Group& g = ix_.group(top.id);
      if (!g.leaf()) {
        for (uint32_t c = g.child_begin; c < g.child_end; ++c) push_group(c);
        continue;
      }
      for (uint32_t o = g.begin; o < g.end; ++o) {
        views_[depth] = OfferView(ix_, o);
        if (last) {
          chosen_[depth] = o;
          ++stats_.offers_scored;
          best_.Offer({chosen_, Assess(q_, views_)});
        } else if (const Assessment b = Bound(); Worth(b)) {
          push({b, o, true});
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
  std::vector<std::vector<Pending>> heaps_;  // per depth, reused
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
