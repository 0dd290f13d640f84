#pragma once
// passend::match — ranking the care offer for a client (DOMAIN.md, step C).
//
// Build a MatchIndex once from the catalogue (index.h), then ask MatchClient for one
// client: the best offers with their explanations, the mismatch (what even the best option
// cannot give, with the nearest offer that would) and, on request, the best arrangements
// of several offers. BuildMismatchMap does the same for every client of a region and
// counts the mismatch per wish, municipality and care-office region.
//
// How the ranking works, in words for client supporters: docs/matching.md. The weights
// are data: data/matchgewichten.csv (weights.h). Everything here is thread-safe: the index
// is immutable and the functions only read it.
#include <cstdint>
#include <vector>

#include "domain/client.h"
#include "domain/error.h"
#include "match/arrangement.h"
#include "match/explain.h"
#include "match/index.h"
#include "match/mismatch.h"
#include "match/mismatch_map.h"
#include "match/query.h"
#include "match/score.h"
#include "match/topk.h"
#include "match/weights.h"

namespace passend::match {

struct MatchOptions {
  size_t limit = 10;        // offers in the ranking of the main kind
  size_t other_limit = 3;   // offers per other kind the client seeks
  bool explain = true;      // fill the explanations
  bool mismatch = true;     // with the nearest offer per unmet wish
  size_t arrangements = 0;  // best arrangements to find (0: none)
  bool exhaustive = false;  // use the reference (score everything) instead
};

struct OfferMatch {
  uint32_t offer = 0;  // index in the MatchIndex
  Assessment assessment;
  Explanation explanation;  // empty unless options.explain
};

struct ArrangementMatch {
  std::vector<uint32_t> offers;  // living part first
  Assessment assessment;
  Explanation explanation;
};

// The best offers of one kind of care the client seeks besides the main one.
struct KindMatches {
  domain::OfferKind kind = domain::OfferKind::kDagbesteding;
  std::vector<OfferMatch> offers;  // best first
};

// An answer per kind of care: the main kind (MainKind: housing, else care at home, ...)
// heads it, so a day activity or respite stay never heads the answer for someone who seeks
// housing or care at home; the other kinds sought follow, each with its best few.
struct MatchResult {
  std::vector<OfferMatch> offers;        // the main kind, best first
  std::vector<KindMatches> other_kinds;  // in the order housing, day activities, respite,
                                         // care at home
  ClientMismatch mismatch;               // against the best of each kind (mismatch.h)
  std::vector<ArrangementMatch> arrangements;
  SearchStats stats;
};

// Errors: kInvalidArgument for a client that names an unknown feature, a distance below
// zero or an unknown municipality (MakeQuery).
Result<MatchResult> MatchClient(const MatchIndex& index, const domain::Client& client,
                                const MatchOptions& options = {});

}  // namespace passend::match
