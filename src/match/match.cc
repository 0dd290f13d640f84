#include "match/match.h"

namespace passend::match {

Result<MatchResult> MatchClient(const MatchIndex& index, const domain::Client& client,
                                const MatchOptions& options) {
  PASSEND_ASSIGN_OR_RETURN(Query q, MakeQuery(index, client));
  MatchResult r;
  KindBests best = kNoBests;
  const domain::OfferKind main = MainKind(q);
  auto rank = [&](domain::OfferKind kind, size_t limit) {
    const size_t k = std::max<size_t>(limit, options.mismatch ? 1 : 0);
    const std::span<const domain::OfferKind> one(&kind, 1);
    const auto ranked =
        options.exhaustive ? TopOffersExhaustive(q, k, one) : TopOffers(q, k, &r.stats, one);
    if (!ranked.empty()) best[static_cast<int>(kind)] = ranked[0].offer;
    std::vector<OfferMatch> out;
    for (size_t i = 0; i < ranked.size() && i < limit; ++i) {
      OfferMatch m{ranked[i].offer, ranked[i].assessment, {}};
      if (options.explain) m.explanation = Explain(q, {ranked[i].offer}, ranked[i].assessment);
      out.push_back(std::move(m));
    }
    return out;
  };
  r.offers = rank(main, options.limit);
  for (domain::OfferKind kind : q.kinds)
    if (kind != main) r.other_kinds.push_back({kind, rank(kind, options.other_limit)});
  if (options.mismatch) r.mismatch = FindMismatch(q, best, true);
  if (options.arrangements > 0) {
    const auto arr = options.exhaustive ? TopArrangementsExhaustive(q, options.arrangements)
                                        : TopArrangements(q, options.arrangements, &r.stats);
    for (const auto& a : arr) {
      ArrangementMatch m{a.offers, a.assessment, {}};
      if (options.explain) m.explanation = Explain(q, a.offers, a.assessment);
      r.arrangements.push_back(std::move(m));
    }
  }
  return r;
}

}  // namespace passend::match
