#include "match/explain.h"

#include <gtest/gtest.h>

#include "match/score.h"
#include "match/test_catalog.h"

namespace passend::match {
namespace {

using domain::Importance;
using domain::OfferKind;

TEST(ExplainTest, EveryWishGetsAStatusAndAReason) {
  testing::Catalog cat;
  domain::Offer& o = cat.Add("off-a", "prv-a", OfferKind::kWonen, testing::kMaastricht);
  o.features = {{"tuin", 1}, {"rustige_omgeving", 2}};
  o.free_places = 0, o.waiting_weeks = 12;
  o.delivery_forms = {domain::DeliveryForm::kVerblijf, domain::DeliveryForm::kPgb};
  const MatchIndex ix = cat.Index();
  domain::Client c = testing::MakeClient();
  c.wishes = {testing::Want("tuin", Importance::kImportant),
              testing::Want("rustige_omgeving", Importance::kNice, 3),
              testing::Want("huisdier_toegestaan", Importance::kMust)};
  auto q = MakeQuery(ix, c);
  ASSERT_TRUE(q.ok());
  const Explanation e = Explain(*q, {0});
  ASSERT_EQ(e.wishes.size(), 3u);
  EXPECT_EQ(e.wishes[0].status, WishStatus::kMet);
  EXPECT_EQ(e.wishes[0].label, "Tuin of buitenruimte");
  EXPECT_EQ(e.wishes[1].status, WishStatus::kPartly);
  EXPECT_EQ(e.wishes[1].reason, "Aanbod: niveau 2 van 3; gewenst: niveau 3");
  EXPECT_EQ(e.wishes[2].status, WishStatus::kNotMet);
  ASSERT_EQ(e.parts.size(), 1u);
  EXPECT_EQ(e.parts[0].wait_weeks, 12);
  EXPECT_EQ(e.parts[0].contracting, Contracting::kInKind);
  EXPECT_EQ(e.parts[0].possible_forms,
            (std::vector<domain::DeliveryForm>{domain::DeliveryForm::kVerblijf,
                                               domain::DeliveryForm::kPgb}));
  EXPECT_EQ(e.summary[0], "Ontbreekt, terwijl het moet: Huisdier meenemen mag.");
}

// A place that must be near and is not counts as an unmet must, and the summary names it
// with the musts that are missing (the count in the ranking and the words agree).
TEST(ExplainTest, AMustPlaceOutOfReachIsNamedWithTheMissingMusts) {
  testing::Catalog cat;
  cat.Add("off-a", "prv-a", OfferKind::kWonen, testing::kMaastricht);
  const MatchIndex ix = cat.Index();
  domain::Client c = testing::MakeClient();
  c.places = {
      {domain::PlaceKind::kFamilie, "dochter Anja", testing::kHeerlen, 5, Importance::kMust},
      {domain::PlaceKind::kFamilie, "zoon Piet", testing::kMaastricht, 5, Importance::kMust}};
  auto q = MakeQuery(ix, c);
  ASSERT_TRUE(q.ok());
  const Explanation e = Explain(*q, {0});
  ASSERT_EQ(e.places.size(), 2u);
  EXPECT_FALSE(e.places[0].within);  // Heerlen is ~20 km from Maastricht
  EXPECT_TRUE(e.places[1].within);
  EXPECT_EQ(e.summary[0], "Ontbreekt, terwijl het moet: dichtbij dochter Anja (binnen 5 km).");
  EXPECT_EQ(ScoreOffer(*q, 0).unmet, 1);
}

}  // namespace
}  // namespace passend::match
