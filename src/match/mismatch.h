#pragma once
// The mismatch of one client: what even the best options cannot give. A wish or need is
// judged at the best option of each kind of care the client seeks that it belongs to
// (applicability.h): a wish about day activities at the best day activity, bedtime at the
// best home. It is listed when none of those meets it fully, with the nearest offer of
// those kinds that would (how far from home, how long the wait). First of all a care
// profile the best option of the main kind (topk.h, MainKind) does not accept; places that
// matter are judged at the best home. Wishes kept in the client's own words that fit no
// feature are listed as such, never dropped.
// Pure functions over an immutable index; thread-safe.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "match/query.h"
#include "match/score.h"

namespace passend::match {

struct NearestOffer {
  uint32_t offer = 0;
  double distance_km = 0;  // from the client's home (for a place: from that place)
  int wait_weeks = 0;
};

// kProfile: the best option does not accept the client's care profile (or sector), so even
// it would need an exception; the nearest offer is then one that does accept it.
enum class MismatchKind : uint8_t { kWish, kNeed, kPlace, kProfile };

struct MismatchItem {
  MismatchKind kind = MismatchKind::kWish;
  uint32_t index = 0;  // in client.wishes / needs / places
  std::string key;     // feature id; for a place "plek:<kind>"; "profiel:<sector>"
  std::string label;   // Dutch
  domain::Importance importance = domain::Importance::kImportant;
  WishStatus status = WishStatus::kNotMet;  // how far the best option meets it
  std::optional<NearestOffer> nearest;      // empty: no offer anywhere meets it
  // Wishes and needs (with find_nearest): whether an offer within reach says yes (then the
  // best option misses it for other reasons: a trade-off, not a gap in the offer), and, when
  // none does, how many offers within reach do not say (0 when one says yes).
  bool reachable_yes = false;
  int64_t reachable_unknown = 0;
};

// The best option per kind of care (index by OfferKind), kNoNode where the client does not
// seek that kind or there is none.
using KindBests = std::array<uint32_t, 4>;
inline constexpr KindBests kNoBests = {kNoNode, kNoNode, kNoNode, kNoNode};

struct ClientMismatch {
  std::optional<uint32_t> best;  // the best option of the main kind, if there is any
  std::vector<MismatchItem> items;
  std::vector<uint32_t> free_text_wishes;  // indices in client.wishes
};

// The key of a kProfile item (and of its count in the mismatch map): "profiel:VG".
std::string ProfileMismatchKey(domain::Sector sector);

// The first of the ranking of each kind the client seeks (TopOffers with that kind).
KindBests FindBests(const Query& q, bool exhaustive = false);

// `best`: FindBests. With `find_nearest` false the nearest offers are not searched
// (regional counts).
ClientMismatch FindMismatch(const Query& q, const KindBests& best, bool find_nearest);

// What the offers a client can reach say about a wish or need on `feature` (met at
// `met`). Within reach: an offer of a kind the client seeks among `kinds` (KindBit mask)
// that accepts the client's care profile, can be had (in kind or with a pgb), and lies
// within TravelLimitKm from home (score.h) or, for care at home, has the home in its area.
// `yes`: one of them reaches `met`. `unknown`: how many do not state the feature, with
// their offer numbers appended to `unknown_offers` when given; with `count_unknown` false
// the search stops at the first yes and `unknown` stays 0.
struct ReachableSay {
  bool yes = false;
  int64_t unknown = 0;
};
// What is within reach does not depend on the feature: a ReachMemo keeps, for one client,
// each group's and offer's answer once looked at, so the searches for its other wishes and
// needs (which walk mostly the same groups) do not work it out again. Start() it for every
// client (the Query it was started for must be the one searched with); not thread-safe.
class ReachMemo {
 public:
  void Start(const MatchIndex& ix);
  // OfferWithinReach / GroupMightBeWithinReach (mismatch.cc) through the memo.
  template <typename Compute>
  bool Offer(uint32_t o, Compute&& compute) {
    return Look(offers_[o], compute);
  }
  template <typename Compute>
  bool Group(uint32_t g, Compute&& compute) {
    return Look(groups_[g], compute);
  }

 private:
  // An entry is the stamp of the client it was set for, times two, plus the answer.
  template <typename Compute>
  bool Look(uint32_t& entry, Compute&& compute) {
    if ((entry >> 1) == stamp_) return (entry & 1) != 0;
    const bool within = compute();
    entry = (stamp_ << 1) | (within ? 1u : 0u);
    return within;
  }
  uint32_t stamp_ = 0;
  std::vector<uint32_t> offers_, groups_;
};

ReachableSay WhatReachableOffersSay(const Query& q, uint32_t feature, float met, uint8_t kinds,
                                    bool count_unknown,
                                    std::vector<uint32_t>* unknown_offers = nullptr,
                                    ReachMemo* memo = nullptr);
// The same by scoring every offer (the reference for tests).
ReachableSay WhatReachableOffersSayExhaustive(const Query& q, uint32_t feature, float met,
                                              uint8_t kinds);

// The nearest offer of the client's kinds that accepts the client's profile and reaches
// `met` on feature `feature` (any offer when feature is UINT32_MAX), from `origin`.
std::optional<NearestOffer> FindNearest(const Query& q, const RadPoint& origin, uint32_t feature,
                                        float met, const std::vector<domain::OfferKind>& kinds);

}  // namespace passend::match
