#pragma once
// The JSON form of match results: one rendering, used by `passend match --json`,
// `passend mismatch --json` and the HTTP API (/api/v1/clients/{id}/matches,
// /api/v1/zoeken, /api/v1/mismatch), so the command line and the API show the same data.
// Field names are English and stable; texts for people (reasons, summaries, labels) are
// Dutch. Distances are rounded to 0.1 km, scores to 0.1. Pure functions over their
// arguments; safe from any thread.
#include <nlohmann/json.hpp>
#include <string>

#include "domain/client.h"
#include "match/match.h"

namespace passend::match {

// The whole answer for one client as compact JSON text: {"client_id", "offers" (the main
// kind): [{offer_id, score, unmet, apart, pgb_only, far, explanation}], "other_kinds":
// [{kind, offers}], "mismatch", "arrangements"?}. An explanation
// has parts, wishes, needs, places and a summary; the mismatch lists items (wish, need,
// place) with the nearest offer that would meet each, and the free-text wishes in the
// client's own words. "arrangements" is present only when `with_arrangements` (then an
// array, possibly empty). Streamed without building a tree: the API's hot path.
std::string MatchResultJsonText(const MatchIndex& index, const domain::Client& client,
                                const MatchResult& result, bool with_arrangements);

// The same as a JSON value (for the command line and tests).
nlohmann::json MatchResultToJson(const MatchIndex& index, const domain::Client& client,
                                 const MatchResult& result, bool with_arrangements);

// One area (municipality or care-office region) of a mismatch map.
nlohmann::json MismatchAreaToJson(const MismatchArea& area);

// A mismatch map over `scope` (the region's or the country's name): totals, per wish,
// per region, per municipality and the free-text wishes. Maps are ordered by key, so the
// same map always gives the same JSON. A count left out by Publishable (kSuppressed) is
// null; "min_clients" and "suppressed_cells" say what was applied.
nlohmann::json MismatchMapToJson(const MismatchMap& map, const std::string& scope);

}  // namespace passend::match
