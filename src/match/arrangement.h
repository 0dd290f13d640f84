#pragma once
// Arrangements: combinations of offers across providers that together fit the client,
// e.g. wonen + dagbesteding + logeren, or zorg thuis (VPT/MPT/pgb) + dagbesteding +
// logeren. One offer per kind the client looks for, the living part (wonen or zorg thuis)
// first; scored together by score.h (a wish counts as met when any part meets it; travel
// from where the client lives to the day activity; one provider or several).
//
// TopArrangements finds the best k by branch and bound over the group trees of each kind
// (never enumerating every combination); TopArrangementsExhaustive enumerates them all and
// is the reference. Both return the same list. Thread-safe (reads only).
#include <cstdint>
#include <vector>

#include "match/query.h"
#include "match/score.h"
#include "match/topk.h"

namespace passend::match {

struct RankedArrangement {
  std::vector<uint32_t> offers;  // living part first
  Assessment assessment;
};

// The slot kinds of each arrangement shape for the client: [wonen|zorg thuis] +
// the other kinds sought; only shapes of two parts or more.
std::vector<std::vector<domain::OfferKind>> ArrangementShapes(const Query& q);

std::vector<RankedArrangement> TopArrangements(const Query& q, size_t k,
                                               SearchStats* stats = nullptr);
std::vector<RankedArrangement> TopArrangementsExhaustive(const Query& q, size_t k);

}  // namespace passend::match
