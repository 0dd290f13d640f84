#include "match/mismatch.h"

#include <gtest/gtest.h>

#include "match/match.h"
#include "match/mismatch_map.h"
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

// When even the best option does not accept the client's care profile, the mismatch says
// so first, with the nearest offer that does accept it; over a region it is counted per
// sector (where the care office lacks offers for a client group).
TEST(MismatchTest, AProfileTheBestOptionDoesNotAcceptComesFirst) {
  testing::Catalog cat;
  cat.Add("off-vv", "prv-a", OfferKind::kWonen, testing::kMaastricht).features = {
      {"tuin", 1}, {"huisdier_toegestaan", 1}};
  // For VG, but day activities: not of the kind the client seeks.
  cat.Add("off-vg", "prv-b", OfferKind::kDagbesteding, testing::Offset(testing::kMaastricht, 30, 0))
      .sectors = {domain::Sector::kVG};
  const MatchIndex ix = cat.Index();
  domain::Client c = testing::MakeClient();
  c.sector = domain::Sector::kVG, c.profile = "6VG";
  c.wishes = {testing::Want("tuin", Importance::kMust),
              testing::Want("huisdier_toegestaan", Importance::kMust)};
  auto r = MatchClient(ix, c);
  ASSERT_TRUE(r.ok());
  // The only housing is for VV: shown apart, and the mismatch says so first, with no
  // housing for the profile anywhere.
  ASSERT_EQ(ix.offer(r->offers[0].offer).id, "off-vv");
  EXPECT_TRUE(r->offers[0].assessment.apart);
  ASSERT_EQ(r->mismatch.items.size(), 1u);
  const MismatchItem& item = r->mismatch.items[0];
  EXPECT_EQ(item.kind, MismatchKind::kProfile);
  EXPECT_EQ(item.key, "profiel:VG");
  EXPECT_EQ(item.label, "Aanbod voor zorgprofiel 6VG (sector VG)");
  EXPECT_EQ(item.importance, Importance::kMust);
  EXPECT_FALSE(item.nearest.has_value());

  MismatchMapBuilder map(ix, 1);
  map.Add(std::span(&c, 1));
  EXPECT_EQ(map.map().per_wish.at("profiel:VG"), 1);
  EXPECT_EQ(map.map().labels.at("profiel:VG"), "Aanbod voor sector VG");
}

}  // namespace
}  // namespace passend::match
