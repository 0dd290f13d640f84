// The pruned search gives exactly what scoring every offer gives.
#include "match/topk.h"

#include <gtest/gtest.h>

#include "match/mismatch.h"
#include "match/test_catalog.h"

namespace passend::match {
namespace {

using domain::OfferKind;

void ExpectSame(const MatchIndex& ix, const std::vector<RankedOffer>& fast,
                const std::vector<RankedOffer>& slow, const std::string& what) {
  ASSERT_EQ(fast.size(), slow.size()) << what;
  for (size_t i = 0; i < fast.size(); ++i) {
    EXPECT_EQ(ix.offer(fast[i].offer).id, ix.offer(slow[i].offer).id) << what << " #" << i;
    EXPECT_EQ(fast[i].assessment.unmet, slow[i].assessment.unmet);
    EXPECT_EQ(fast[i].assessment.score, slow[i].assessment.score);
  }
}

// Offers "mogelijk verouderd" count with a smaller wait score; the group bounds must
// still hold, so the pruned search still gives exactly what scoring everything gives.
TEST(TopKTest, FastEqualsExhaustiveWithOutdatedOffers) {
  const domain::FreshnessCutoffs fresh{"2026-10-27T00:00:00Z", "2025-11-26T00:00:00Z"};
  int outdated = 0;
  for (uint64_t seed = 1; seed <= 4; ++seed) {
    testing::Catalog cat = testing::RandomCatalog(seed, 300);
    testing::Rng rng(seed * 13);
    for (auto& o : cat.offers) {
      o.places_updated = rng.Next() % 3 == 0 ? "2026-09-01T00:00:00Z" : "2026-11-20T00:00:00Z";
      o.details_updated = "2026-06-01T00:00:00Z";
    }
    auto built = MatchIndex::Build(cat.providers, cat.locations, cat.offers, refdata::BuiltIn(),
                                   Weights::BuiltIn(), fresh);
    ASSERT_TRUE(built.ok());
    const MatchIndex& ix = *built;
    for (uint32_t i = 0; i < ix.size(); ++i) outdated += ix.maybe_outdated(i);
    for (int i = 0; i < 30; ++i) {
      const domain::Client c =
          testing::RandomClient(rng, i, {OfferKind::kWonen, OfferKind::kZorgThuis});
      auto q = MakeQuery(ix, c);
      ASSERT_TRUE(q.ok()) << q.error().ToString();
      ExpectSame(ix, TopOffers(*q, 10), TopOffersExhaustive(*q, 10),
                 "seed " + std::to_string(seed) + " client " + std::to_string(i));
    }
  }
  EXPECT_GT(outdated, 100);
}

TEST(TopKTest, FastEqualsExhaustiveOnRandomCatalogues) {
  const std::vector<std::vector<OfferKind>> seeks = {
      {OfferKind::kWonen},
      {OfferKind::kDagbesteding},
      {OfferKind::kZorgThuis, OfferKind::kLogeren},
      {OfferKind::kWonen, OfferKind::kDagbesteding, OfferKind::kLogeren, OfferKind::kZorgThuis}};
  int64_t scored = 0, total = 0;
  for (uint64_t seed = 1; seed <= 8; ++seed) {
    const MatchIndex ix = testing::RandomCatalog(seed, 50 + 150 * static_cast<int>(seed)).Index();
    testing::Rng rng(seed * 77);
    for (int i = 0; i < 40; ++i) {
      const domain::Client c = testing::RandomClient(rng, i, seeks[i % seeks.size()]);
      auto q = MakeQuery(ix, c);
      ASSERT_TRUE(q.ok()) << q.error().ToString();
      for (size_t k : {size_t{1}, size_t{10}}) {
        SearchStats stats;
        const auto fast = TopOffers(*q, k, &stats);
        ExpectSame(ix, fast, TopOffersExhaustive(*q, k),
                   "seed " + std::to_string(seed) + " client " + std::to_string(i));
        scored += stats.offers_scored;
        total += ix.size();
        // The same per kind, and the mismatch follows from the best options.
        for (OfferKind kind : q->kinds) {
          const std::span<const OfferKind> one(&kind, 1);
          ExpectSame(ix, TopOffers(*q, k, nullptr, one), TopOffersExhaustive(*q, k, one),
                     "seed " + std::to_string(seed) + " client " + std::to_string(i) + " kind");
        }
        if (!fast.empty()) {
          const auto a = FindMismatch(*q, FindBests(*q), true);
          const auto b = FindMismatch(*q, FindBests(*q, true), true);
          ASSERT_EQ(a.items.size(), b.items.size());
          for (size_t j = 0; j < a.items.size(); ++j) EXPECT_EQ(a.items[j].key, b.items[j].key);
        }
      }
    }
  }
  EXPECT_LT(scored, total);  // the search skipped offers
}

// ScoreOffer is the generic Assess on one part, to the last bit; BoundGroup bounds it.
TEST(TopKTest, ScoreOfferEqualsAssessOnOneView) {
  const std::vector<std::vector<OfferKind>> seeks = {{OfferKind::kWonen},
                                                     {OfferKind::kDagbesteding},
                                                     {OfferKind::kZorgThuis, OfferKind::kLogeren}};
  for (uint64_t seed = 1; seed <= 4; ++seed) {
    testing::Catalog cat = testing::RandomCatalog(seed + 100, 300);
    // Odd seeds: one fractional value, so the index keeps float columns only.
    if (seed % 2 == 1) cat.offers[7].features.push_back({"zorg_uren_week", 2.5});
    const MatchIndex ix = cat.Index();
    ASSERT_EQ(ix.compact(), seed % 2 == 0);
    testing::Rng rng(seed * 5);
    for (int i = 0; i < 30; ++i) {
      auto q = MakeQuery(ix, testing::RandomClient(rng, i, seeks[i % seeks.size()]));
      ASSERT_TRUE(q.ok());
      for (uint32_t o = 0; o < ix.size(); ++o) {
        const View v = OfferView(ix, o);
        const Assessment a = ScoreOffer(*q, o), b = Assess(*q, {&v, 1});
        ASSERT_EQ(a.Tier(), b.Tier()) << seed << " " << i << " " << o;
        ASSERT_EQ(a.score, b.score) << seed << " " << i << " " << o;
        // With a cap: the full answer, or an early stop that is right about ranking lower.
        for (int64_t cap : {0, 1, 2, 4, 5, 8}) {
          const Assessment c = ScoreOffer(*q, o, cap);
          if (c.Tier() <= cap) {
            ASSERT_EQ(c.Tier(), a.Tier()) << seed << " " << i << " " << o << " cap " << cap;
            ASSERT_EQ(c.score, a.score) << seed << " " << i << " " << o << " cap " << cap;
          } else {
            ASSERT_GT(a.Tier(), cap) << seed << " " << i << " " << o << " cap " << cap;
            ASSERT_LE(c.Tier(), a.Tier()) << seed << " " << i << " " << o << " cap " << cap;
          }
        }
      }
      // BoundGroup is the generic bound with wait and quality bounded together: never
      // looser than it, never below an offer of the group.
      for (uint32_t g = 0; g < ix.group_count(); ++g) {
        const View v = GroupView(ix, g);
        const Assessment a = BoundGroup(*q, g), b = Assess(*q, {&v, 1});
        ASSERT_EQ(a.Tier(), b.Tier()) << seed << " " << i << " group " << g;
        ASSERT_LE(a.score, b.score + 1e-6) << seed << " " << i << " group " << g;
        const Group& gr = ix.group(g);
        for (uint32_t o = gr.begin; o < gr.end; ++o) {
          const Assessment s = ScoreOffer(*q, o);
          ASSERT_LE(a.Tier(), s.Tier()) << seed << " " << i << " group " << g << " offer " << o;
          ASSERT_GE(a.score, s.score) << seed << " " << i << " group " << g << " offer " << o;
        }
      }
    }
  }
}

// Equal tier and score: the nearer offer first, then the shorter wait, then the id.
TEST(TopKTest, TiesAreBrokenByDistanceThenWait) {
  testing::Catalog cat;
  // Within the reach and without places, distance does not change the score: a tie.
  cat.Add("off-a", "prv-x", OfferKind::kWonen, testing::Offset(testing::kMaastricht, 6, 0));
  cat.Add("off-b", "prv-y", OfferKind::kWonen, testing::Offset(testing::kMaastricht, 2, 0));
  cat.Add("off-c", "prv-z", OfferKind::kWonen, testing::Offset(testing::kMaastricht, 2, 0));
  cat.offers[1].free_places = 0, cat.offers[1].waiting_weeks = 0;
  cat.offers[2].free_places = 0, cat.offers[2].waiting_weeks = 0;
  const MatchIndex ix = cat.Index();
  const domain::Client client = testing::MakeClient();  // the query refers to it
  auto q = MakeQuery(ix, client);
  ASSERT_TRUE(q.ok());
  auto top = TopOffers(*q, 3);
  ASSERT_EQ(top.size(), 3u);
  EXPECT_EQ(top[0].assessment.score, top[2].assessment.score);
  EXPECT_EQ(ix.offer(top[0].offer).id, "off-b");  // 2 km, before off-c by id
  EXPECT_EQ(ix.offer(top[1].offer).id, "off-c");
  EXPECT_EQ(ix.offer(top[2].offer).id, "off-a");  // 6 km
  EXPECT_EQ(TopOffersExhaustive(*q, 3)[0].offer, top[0].offer);
}

TEST(TopKTest, TiesAreBrokenByOfferId) {
  testing::Catalog cat;
  for (const char* id : {"off-c", "off-a", "off-b"})
    cat.Add(id, "prv-x", OfferKind::kWonen, testing::kMaastricht);
  const MatchIndex ix = cat.Index();
  const domain::Client client = testing::MakeClient();  // the query refers to it
  auto q = MakeQuery(ix, client);
  ASSERT_TRUE(q.ok());
  const auto top = TopOffers(*q, 2);
  ASSERT_EQ(top.size(), 2u);
  EXPECT_EQ(ix.offer(top[0].offer).id, "off-a");
  EXPECT_EQ(ix.offer(top[1].offer).id, "off-b");
}

TEST(TopKTest, NearestOfferIsTheNearestThatMeetsTheWish) {
  testing::Catalog cat;
  cat.Add("off-ver", "prv-a", OfferKind::kWonen, testing::Offset(testing::kMaastricht, 30, 0))
      .features = {{"huisdier_toegestaan", 1}};
  cat.Add("off-dicht", "prv-b", OfferKind::kWonen, testing::Offset(testing::kMaastricht, 12, 0))
      .features = {{"huisdier_toegestaan", 1}};
  cat.Add("off-zonder", "prv-c", OfferKind::kWonen, testing::kMaastricht);
  const MatchIndex ix = cat.Index();
  domain::Client c = testing::MakeClient();
  c.wishes = {testing::Want("huisdier_toegestaan", domain::Importance::kImportant)};
  c.places = {
      {domain::PlaceKind::kFamilie, "zoon", testing::kMaastricht, 5, domain::Importance::kMust}};
  auto q = MakeQuery(ix, c);
  ASSERT_TRUE(q.ok());
  const auto top = TopOffers(*q, 1);
  EXPECT_EQ(ix.offer(top[0].offer).id, "off-zonder");
  KindBests best = kNoBests;
  best[static_cast<int>(OfferKind::kWonen)] = top[0].offer;
  const ClientMismatch m = FindMismatch(*q, best, true);
  ASSERT_EQ(m.items.size(), 1u);
  ASSERT_TRUE(m.items[0].nearest.has_value());
  EXPECT_EQ(ix.offer(m.items[0].nearest->offer).id, "off-dicht");
  EXPECT_NEAR(m.items[0].nearest->distance_km, 12, 0.3);
}

}  // namespace
}  // namespace passend::match
