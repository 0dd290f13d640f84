#include "match/match.h"

namespace passend::match {

Result<MatchResult> MatchClient(const MatchIndex& index, const domain::Client& client,
                                const MatchOptions& options) {
  PASSEND_ASSIGN_OR_RETURN(Query q, MakeQuery(index, client));
  MatchResult r;
  const size_t k = std::max<size_t>(options.limit, options.mismatch ? 1 : 0);
  const auto ranked = options.exhaustive ? TopOffersExhaustive(q, k) : TopOffers(q, k, &r.stats);
  for (size_t i = 0; i < ranked.size() && i < options.limit; ++i) {
    OfferMatch m{ranked[i].offer, ranked[i].assessment, {}};
    if (options.explain) m.explanation = Explain(q, {ranked[i].offer});
    r.offers.push_back(std::move(m));
  }
  if (options.mismatch)
    r.mismatch =
        FindMismatch(q, ranked.empty() ? std::nullopt : std::optional(ranked[0].offer), true);
  if (options.arrangements > 0) {
    const auto arr = options.exhaustive ? TopArrangementsExhaustive(q, options.arrangements)
                                        : TopArrangements(q, options.arrangements, &r.stats);
    for (const auto& a : arr) {
      ArrangementMatch m{a.offers, a.assessment, {}};
      if (options.explain) m.explanation = Explain(q, a.offers);
      r.arrangements.push_back(std::move(m));
    }
  }
  return r;
}

}  // namespace passend::match
