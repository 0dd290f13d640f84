#include "match/arrangement.h"

#include <gtest/gtest.h>

#include "match/match.h"
#include "match/test_catalog.h"

namespace passend::match {
namespace {

using domain::Importance;
using domain::OfferKind;

TEST(ArrangementTest, TwoProvidersTogetherMeetEveryWish) {
  testing::Catalog cat;
  cat.Add("off-wonen", "prv-a", OfferKind::kWonen, testing::kMaastricht).features = {
      {"dementie_expertise", 1}, {"tuin", 1}};
  cat.Add("off-boer", "prv-b", OfferKind::kDagbesteding,
          testing::Offset(testing::kMaastricht, 4, 0))
      .features = {{"zorgboerderij", 1}};
  cat.Add("off-dag", "prv-c", OfferKind::kDagbesteding,
          testing::Offset(testing::kMaastricht, 2, 0));
  const MatchIndex ix = cat.Index();
  domain::Client c = testing::MakeClient();
  c.seeking = {OfferKind::kWonen, OfferKind::kDagbesteding};
  c.wishes = {testing::Want("dementie_expertise", Importance::kMust),
              testing::Want("zorgboerderij", Importance::kMust),
              testing::Want("tuin", Importance::kImportant)};
  MatchOptions opt;
  opt.arrangements = 3;
  auto r = MatchClient(ix, c, opt);
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->arrangements.empty());
  const ArrangementMatch& best = r->arrangements[0];
  EXPECT_EQ(ix.offer(best.offers[0]).id, "off-wonen");
  EXPECT_EQ(ix.offer(best.offers[1]).id, "off-boer");
  EXPECT_EQ(best.assessment.unmet, 0);
  // Alone, each offer is judged on the wishes of its kind of care: the home on dementia and
  // the garden, the farm at the day activities (the answer per kind).
  EXPECT_EQ(ix.offer(r->offers[0].offer).id, "off-wonen");
  EXPECT_EQ(r->offers[0].assessment.unmet, 0);
  ASSERT_EQ(r->other_kinds.size(), 1u);
  EXPECT_EQ(r->other_kinds[0].kind, OfferKind::kDagbesteding);
  EXPECT_EQ(ix.offer(r->other_kinds[0].offers[0].offer).id, "off-boer");
  EXPECT_TRUE(r->mismatch.items.empty());
  // The explanation says which part meets which wish, and the travel between them.
  ASSERT_EQ(best.explanation.parts.size(), 2u);
  ASSERT_TRUE(best.explanation.parts[1].travel_km.has_value());
  EXPECT_NEAR(*best.explanation.parts[1].travel_km, 4, 0.2);
  EXPECT_EQ(best.explanation.wishes[1].met_by, "off-boer");
}

TEST(ArrangementTest, OneProviderIsPreferredWhenAllElseIsEqual) {
  testing::Catalog cat;
  cat.Add("off-w", "prv-a", OfferKind::kWonen, testing::kMaastricht);
  cat.Add("off-d1", "prv-b", OfferKind::kDagbesteding, testing::kMaastricht);
  cat.Add("off-d2", "prv-a", OfferKind::kDagbesteding, testing::kMaastricht);
  const MatchIndex ix = cat.Index();
  domain::Client c = testing::MakeClient();
  c.seeking = {OfferKind::kWonen, OfferKind::kDagbesteding};
  auto q = MakeQuery(ix, c);
  ASSERT_TRUE(q.ok());
  const auto top = TopArrangements(*q, 2);
  ASSERT_EQ(top.size(), 2u);
  EXPECT_EQ(ix.offer(top[0].offers[1]).id, "off-d2");
  EXPECT_GT(top[0].assessment.score, top[1].assessment.score);
}

TEST(ArrangementTest, BranchAndBoundEqualsEnumeration) {
  const std::vector<std::vector<OfferKind>> seeks = {
      {OfferKind::kWonen, OfferKind::kDagbesteding},
      {OfferKind::kZorgThuis, OfferKind::kDagbesteding, OfferKind::kLogeren},
      {OfferKind::kWonen, OfferKind::kZorgThuis, OfferKind::kDagbesteding, OfferKind::kLogeren}};
  int64_t scored = 0, combos = 0;
  for (uint64_t seed = 1; seed <= 5; ++seed) {
    const MatchIndex ix =
        testing::RandomCatalog(seed + 40, 30 + 15 * static_cast<int>(seed)).Index();
    testing::Rng rng(seed);
    for (int i = 0; i < 12; ++i) {
      const domain::Client c = testing::RandomClient(rng, i, seeks[i % seeks.size()]);
      auto q = MakeQuery(ix, c);
      ASSERT_TRUE(q.ok());
      SearchStats stats;
      const auto fast = TopArrangements(*q, 10, &stats);
      const auto slow = TopArrangementsExhaustive(*q, 10);
      ASSERT_EQ(fast.size(), slow.size());
      for (size_t j = 0; j < fast.size(); ++j) {
        EXPECT_EQ(fast[j].offers, slow[j].offers)
            << "seed " << seed << " client " << i << " #" << j;
        EXPECT_EQ(fast[j].assessment.score, slow[j].assessment.score);
      }
      scored += stats.offers_scored;
      for (const auto& shape : ArrangementShapes(*q)) {
        int64_t n = 1;
        for (OfferKind k : shape) n *= ix.group(ix.root(k)).end - ix.group(ix.root(k)).begin;
        combos += n;
      }
    }
  }
  EXPECT_LT(scored, combos);
}

// Catalogues large enough for trees of several levels (groups of one kind above a leaf),
// with providers that hold several offers: the bounds that count a group's providers
// must stay exact there too.
TEST(ArrangementTest, BranchAndBoundEqualsEnumerationOnDeeperTrees) {
  const std::vector<std::vector<OfferKind>> seeks = {
      {OfferKind::kZorgThuis, OfferKind::kDagbesteding, OfferKind::kLogeren},
      {OfferKind::kWonen, OfferKind::kDagbesteding},
      {OfferKind::kWonen, OfferKind::kDagbesteding, OfferKind::kLogeren}};
  for (uint64_t seed = 1; seed <= 3; ++seed) {
    const MatchIndex ix = testing::RandomCatalog(seed + 90, 160).Index();
    testing::Rng rng(seed + 7);
    for (int i = 0; i < 6; ++i) {
      const domain::Client c = testing::RandomClient(rng, i, seeks[i % seeks.size()]);
      auto q = MakeQuery(ix, c);
      ASSERT_TRUE(q.ok());
      for (size_t k : {size_t{1}, size_t{10}}) {
        const auto fast = TopArrangements(*q, k);
        const auto slow = TopArrangementsExhaustive(*q, k);
        ASSERT_EQ(fast.size(), slow.size());
        for (size_t j = 0; j < fast.size(); ++j) {
          EXPECT_EQ(fast[j].offers, slow[j].offers)
              << "seed " << seed << " client " << i << " k " << k << " #" << j;
          EXPECT_EQ(fast[j].assessment.unmet, slow[j].assessment.unmet);
          EXPECT_EQ(fast[j].assessment.score, slow[j].assessment.score);
        }
      }
    }
  }
}

}  // namespace
}  // namespace passend::match
