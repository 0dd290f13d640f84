#pragma once
// Weights: every number the ranking uses, in one place. They are data, not code: the
// table data/matchgewichten.csv (sleutel, waarde, uitleg) is compiled into the binary and
// explained in docs/matching.md. A Weights is a plain value, safe to share between threads.
#include <string_view>

#include "domain/error.h"
#include "domain/vocabulary.h"

namespace passend::match {

struct Weights {
  double wish_must = 6, wish_important = 3, wish_nice = 1;
  double partly_factor = 0.5;  // share of a wish's weight when it is partly met
  // Share of a wish's weight when the offer does not say (unknown, not "no"): between a
  // partly met wish and a met one, so the ranking can treat the four as one order.
  double unknown_factor = 0.5;
  double number_margin = 0.25;  // a number wish is partly met within this relative margin
  double place_must = 6, place_important = 3, place_nice = 1;
  double distance_decay_km = 20;  // beyond a place's max_km the score falls to 0 over this
  double travel = 2;              // home (or new home) -> day activity / respite address
  double travel_dagbesteding_max_km = 15;
  double travel_logeren_max_km = 25;
  double wait = 3;
  double wait_zero_weeks = 52;  // the wait score is 0 at this many weeks or more
  double contract = 3;
  double pgb_factor = 0.5;  // contract score when only a pgb reaches the offer
  double quality = 2;
  double quality_unknown = 0.5;  // quality score without a rating
  // An offer "mogelijk verouderd" (domain::MaybeOutdated: free places and waits, or the
  // rest, not updated for too long): its wait score counts for this share, since the free
  // place or short wait it states may be gone. Built in, not in matchgewichten.csv.
  double outdated_wait_factor = 0.5;
  double one_provider = 2;  // arrangements: all parts with one provider
  // Housing far from home: the distance from home counts (weight `home`, full within the
  // reach, then falling like a place), and an offer beyond the reach ranks after every
  // offer within it that misses no more musts. People mostly move within their region;
  // elderly people closer to where they lived (partner, children, own GP).
  double home = 3;
  double home_reach_vv_km = 20;     // sector VV
  double home_reach_other_km = 30;  // every other sector
  // Day activities and respite beyond this travel from where the client lives rank after
  // those within it (like housing beyond the reach).
  double travel_dagbesteding_limit_km = 30;
  double travel_logeren_limit_km = 50;

  double HomeReachKm(domain::Sector s) const {
    return s == domain::Sector::kVV ? home_reach_vv_km : home_reach_other_km;
  }

  double Wish(domain::Importance i) const;
  double Place(domain::Importance i) const;

  // The weights compiled into the binary (data/matchgewichten.csv). Aborts on a bad table.
  static const Weights& BuiltIn();
  // Parses the table; every key must be present exactly once and no other key may appear.
  static Result<Weights> Parse(std::string_view csv);
};

}  // namespace passend::match
