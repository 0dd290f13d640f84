#pragma once
// The best k offers for one client. TopOffers searches the index's group tree best
// first and skips every group whose bound (score.h) proves it cannot enter the top k;
// TopOffersExhaustive scores every candidate offer and is the reference: both return
// exactly the same list (equal tier and score: nearer first, then shorter wait, then id).
// Thread-safe (reads only).
#include <cstdint>
#include <span>
#include <vector>

#include "match/query.h"
#include "match/score.h"

namespace passend::match {

struct RankedOffer {
  uint32_t offer = 0;  // index in the MatchIndex
  Assessment assessment;
};

// Counters of one search, for tests and benchmarks.
struct SearchStats {
  int64_t groups_bounded = 0;
  int64_t offers_scored = 0;
};

// Candidates are the offers of `kinds`, by default the kinds the client looks for
// (Query::kinds).
std::vector<RankedOffer> TopOffers(const Query& q, size_t k, SearchStats* stats = nullptr,
                                   std::span<const domain::OfferKind> kinds = {});
std::vector<RankedOffer> TopOffersExhaustive(const Query& q, size_t k,
                                             std::span<const domain::OfferKind> kinds = {});

// The kind that heads a client's answer: housing when sought, else care at home, else day
// activities, else respite. A day activity or respite stay never heads the answer for
// someone who seeks housing or care at home.
domain::OfferKind MainKind(const Query& q);

// Keeps the best k of a stream of keyed items (small k), in rank order.
template <typename T, typename Less>
class BestK {
 public:
  BestK(size_t k, Less less) : k_(k), less_(less) {}
  bool full() const { return !items_.empty() && items_.size() >= k_; }
  const T& last() const { return items_.back(); }
  void Offer(T item) {
    if (k_ == 0 || (full() && !less_(item, items_.back()))) return;
    auto pos = items_.begin();
    while (pos != items_.end() && less_(*pos, item)) ++pos;
    items_.insert(pos, std::move(item));
    if (items_.size() > k_) items_.pop_back();
  }
  std::vector<T> Take() { return std::move(items_); }

 private:
  size_t k_;
  Less less_;
  std::vector<T> items_;
};

}  // namespace passend::match
