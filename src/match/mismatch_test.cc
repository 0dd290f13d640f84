#include "match/mismatch.h"

#include <gtest/gtest.h>

#include "match/match.h"
#include "match/test_catalog.h"

namespace passend::match {
namespace {

using domain::Importance;
using domain::OfferKind;

TEST(MismatchTest, FreeTextWishIsListedNeverDropped) {
  testing::Catalog cat;
  cat.Add("off-a", "prv-a", OfferKind::kWonen, testing::kMaastricht);
  const MatchIndex ix = cat.Index();
  domain::Client c = testing::MakeClient();
  c.wishes = {{"", Importance::kImportant, std::nullopt, "ontbijt om zes uur met spek en eieren"}};
  auto r = MatchClient(ix, c);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->mismatch.free_text_wishes.size(), 1u);
  EXPECT_EQ(c.wishes[r->mismatch.free_text_wishes[0]].text,
            "ontbijt om zes uur met spek en eieren");
  const auto& w = r->offers[0].explanation.wishes;
  ASSERT_EQ(w.size(), 1u);
  EXPECT_FALSE(w[0].status.has_value());
  EXPECT_EQ(w[0].label, "ontbijt om zes uur met spek en eieren");
}

TEST(MismatchTest, NeedsAndPlacesOfTheBestOption) {
  testing::Catalog cat;
  cat.Add("off-a", "prv-a", OfferKind::kWonen, testing::Offset(testing::kMaastricht, 20, 0));
  cat.Add("off-b", "prv-b", OfferKind::kWonen, testing::Offset(testing::kMaastricht, 40, 0))
      .features = {{"nachtzorg_wakend", 1}};
  const MatchIndex ix = cat.Index();
  domain::Client c = testing::MakeClient();
  c.needs = {{"nachtzorg_wakend", "valt 's nachts"}};
  c.places = {
      {domain::PlaceKind::kFamilie, "dochter", testing::kMaastricht, 10, Importance::kImportant}};
  auto r = MatchClient(ix, c);
  ASSERT_TRUE(r.ok());
  // off-b meets the need (0 unmet) though further away: it is the best option.
  EXPECT_EQ(ix.offer(r->offers[0].offer).id, "off-b");
  ASSERT_EQ(r->mismatch.items.size(), 1u);
  EXPECT_EQ(r->mismatch.items[0].kind, MismatchKind::kPlace);
  EXPECT_EQ(r->mismatch.items[0].key, "plek:familie");
  ASSERT_TRUE(r->mismatch.items[0].nearest.has_value());
  EXPECT_EQ(ix.offer(r->mismatch.items[0].nearest->offer).id, "off-a");
}

}  // namespace
}  // namespace passend::match
