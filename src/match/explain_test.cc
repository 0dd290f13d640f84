#include "match/explain.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "domain/dutch_number.h"
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
  const Explanation e = Explain(*q, {0}, ScoreOffer(*q, 0));
  ASSERT_EQ(e.wishes.size(), 3u);
  EXPECT_EQ(e.wishes[0].status, WishStatus::kMet);
  EXPECT_EQ(e.wishes[0].label, "Tuin of buitenruimte");
  EXPECT_EQ(e.wishes[1].status, WishStatus::kPartly);
  EXPECT_EQ(e.wishes[1].reason, "Aanbod: niveau 2 van 3; gewenst: niveau 3");
  // The offer does not say whether pets are allowed: unknown, not "no".
  EXPECT_EQ(e.wishes[2].status, WishStatus::kUnknown);
  EXPECT_EQ(e.wishes[2].reason, "Niet bekend — vraag het de aanbieder");
  ASSERT_EQ(e.parts.size(), 1u);
  EXPECT_EQ(e.parts[0].wait_weeks, 12);
  EXPECT_EQ(e.parts[0].contracting, Contracting::kInKind);
  EXPECT_EQ(e.parts[0].possible_forms,
            (std::vector<domain::DeliveryForm>{domain::DeliveryForm::kVerblijf,
                                               domain::DeliveryForm::kPgb}));
  EXPECT_EQ(e.summary[0],
            "Niet bekend, terwijl het moet (vraag het de aanbieder): Huisdier meenemen mag.");
  EXPECT_EQ(e.headline, "Van 1 moet-wens of behoefte is niet bekend of het kan");
}

// Issue 21.6: the explanation carries every quality note with its source and date, says
// which one the ranking used, and names them in words; a score from a handful of reviews
// is shown but ranks as no score.
TEST(ExplainTest, QualityIsExplainedWithSourceAndDateAndOnlyASolidScoreRanks) {
  testing::Catalog cat;
  const std::vector<domain::QualityNote> notes = {
      {domain::QualityKind::kReviews, "ZorgkaartNederland", "2026-03-14", 7.8, 132},
      {domain::QualityKind::kInspection, std::string(domain::kInspectorate), "2025-11-02", 0, 0,
       domain::InspectionOutcome::kPartlyMeets}};
  cat.Add("off-a", "prv-a", OfferKind::kWonen, testing::kMaastricht).quality = notes;
  cat.Add("off-b", "prv-b", OfferKind::kWonen, testing::kMaastricht).quality = {
      {domain::QualityKind::kReviews, "ZorgkaartNederland", "2026-03-14", 10, 2}};
  cat.Add("off-c", "prv-c", OfferKind::kWonen, testing::kMaastricht).quality.clear();
  const MatchIndex ix = cat.Index();
  const domain::Client client = testing::MakeClient();  // a Query borrows its client
  auto q = MakeQuery(ix, client);
  ASSERT_TRUE(q.ok());
  const Explanation e = Explain(*q, {ix.Find("off-a")}, ScoreOffer(*q, ix.Find("off-a")));
  ASSERT_EQ(e.parts.size(), 1u);
  EXPECT_EQ(e.parts[0].quality, notes);
  EXPECT_EQ(e.parts[0].ranked_quality, 0);
  EXPECT_NE(std::find(e.summary.begin(), e.summary.end(),
                      "Kwaliteit: 7,8 uit 132 beoordelingen op ZorgkaartNederland, maart 2026."),
            e.summary.end());
  EXPECT_NE(std::find(e.summary.begin(), e.summary.end(),
                      "Kwaliteit: Inspectie Gezondheidszorg en Jeugd: voldoet deels, november "
                      "2025."),
            e.summary.end());
  // Two reviews of 10 rank as no score at all (quality_unknown), like an offer without.
  EXPECT_EQ(ix.quality_score(ix.Find("off-b")), ix.quality_score(ix.Find("off-c")));
  EXPECT_EQ(
      Explain(*q, {ix.Find("off-b")}, ScoreOffer(*q, ix.Find("off-b"))).parts[0].ranked_quality,
      -1);
  EXPECT_GT(ix.quality_score(ix.Find("off-a")), 0.7f);
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
  const Explanation e = Explain(*q, {0}, ScoreOffer(*q, 0));
  ASSERT_EQ(e.places.size(), 2u);
  EXPECT_FALSE(e.places[0].within);  // Heerlen is ~20 km from Maastricht
  EXPECT_TRUE(e.places[1].within);
  EXPECT_EQ(e.summary[0], "Ontbreekt, terwijl het moet: dichtbij dochter Anja (binnen 5 km).");
  EXPECT_EQ(ScoreOffer(*q, 0).unmet, 1);
}

// The places that matter are named beside a home only: beside care at home the distance
// from the client's own home is the same for every option and says nothing of it.
TEST(ExplainTest, PlacesAreNamedBesideAHomeOnly) {
  testing::Catalog cat;
  cat.Add("off-w", "prv-a", OfferKind::kWonen, testing::kMaastricht);
  cat.Add("off-t", "prv-a", OfferKind::kZorgThuis, testing::kMaastricht);
  const MatchIndex ix = cat.Index();
  domain::Client c = testing::MakeClient();
  c.places = {
      {domain::PlaceKind::kFamilie, "zoon Piet", testing::kHeerlen, 30, Importance::kImportant}};
  auto q = MakeQuery(ix, c);
  ASSERT_TRUE(q.ok());
  const auto names_son = [](const Explanation& e) {
    for (const std::string& line : e.summary)
      if (line.rfind("zoon Piet: ", 0) == 0) return true;
    return false;
  };
  const uint32_t home = ix.Find("off-w"), at_home = ix.Find("off-t");
  const Explanation w = Explain(*q, {home}, ScoreOffer(*q, home));
  EXPECT_TRUE(names_son(w));
  // A home says how far it is from the current one (within the reach: no "Ver van uw huis").
  ASSERT_TRUE(w.parts[0].home_km.has_value());
  const std::string from_home =
      domain::ShortNumberNl(std::round(*w.parts[0].home_km * 10) / 10) + " km van uw huis.";
  EXPECT_NE(std::find(w.summary.begin(), w.summary.end(), from_home), w.summary.end()) << from_home;
  const Explanation e = Explain(*q, {at_home}, ScoreOffer(*q, at_home));
  EXPECT_FALSE(names_son(e));
  EXPECT_TRUE(e.places.empty());
  EXPECT_FALSE(e.parts[0].home_km.has_value());
}

// B1 Dutch: "1 week", one wish in the client's own words counted as "niet beoordeeld",
// and a headline that says what decides the place in the list.
TEST(ExplainTest, CountsAreGrammaticalAndFreeTextIsNotLeftOut) {
  testing::Catalog cat;
  domain::Offer& o = cat.Add("off-a", "prv-a", OfferKind::kWonen, testing::kMaastricht);
  o.features = {{"tuin", 1}, {"huisdier_toegestaan", 0}};  // says no to pets
  o.free_places = 0, o.waiting_weeks = 1;
  const MatchIndex ix = cat.Index();
  domain::Client c = testing::MakeClient();
  c.wishes = {testing::Want("tuin", Importance::kImportant),
              testing::Want("huisdier_toegestaan", Importance::kMust),
              {"", Importance::kImportant, std::nullopt, "ontbijt om zes uur"}};
  auto q = MakeQuery(ix, c);
  ASSERT_TRUE(q.ok());
  const Explanation e = Explain(*q, {0}, ScoreOffer(*q, 0));
  const auto has = [&](const std::string& line) {
    return std::find(e.summary.begin(), e.summary.end(), line) != e.summary.end();
  };
  EXPECT_TRUE(has("Voldoet aan 1 van de 3 wensen (1 in eigen woorden: niet beoordeeld)."));
  EXPECT_TRUE(has("ongeveer 1 week wachten."));
  EXPECT_EQ(e.headline, "Mist 1 moet-wens of behoefte");
  EXPECT_EQ(e.wishes[2].reason.rfind("Niet beoordeeld", 0), 0u);
  // Own words meet the vocabulary: a suggestion to confirm, the text kept.
  EXPECT_EQ(e.wishes[2].label, "ontbijt om zes uur");
  EXPECT_EQ(e.wishes[2].suggested_features, (std::vector<std::string>{"vroeg_ontbijt"}));
  EXPECT_NE(e.wishes[2].reason.find("Lijkt op: Vroeg ontbijt (vanaf zes uur)"), std::string::npos);
  EXPECT_EQ(CountNl(2, "week", "weken"), "2 weken");
}

// An offer for another profile is shown apart and never called "in kind".
TEST(ExplainTest, AnOfferForAnotherProfileSaysSoAndNotInKind) {
  testing::Catalog cat;
  cat.Add("off-a", "prv-a", OfferKind::kWonen, testing::kMaastricht);
  const MatchIndex ix = cat.Index();
  domain::Client c = testing::MakeClient();
  c.sector = domain::Sector::kVG, c.profile = "6VG";
  auto q = MakeQuery(ix, c);
  ASSERT_TRUE(q.ok());
  const Explanation e = Explain(*q, {0}, ScoreOffer(*q, 0));
  EXPECT_EQ(e.headline,
            "Past niet bij uw indicatie (zorgprofiel 6VG: wonen met intensieve begeleiding, "
            "verzorging en gedragsregulering)");
  EXPECT_EQ(e.parts[0].contracting_reason.find("in natura"), std::string::npos);
  EXPECT_TRUE(e.parts[0].possible_forms.empty());
  for (const std::string& line : e.summary)
    EXPECT_EQ(line.find("in natura kan"), std::string::npos);
}

// A temporary or bridging offer is shown as such, first.
TEST(ExplainTest, ATemporaryOfferSaysSo) {
  testing::Catalog cat;
  cat.Add("off-a", "prv-a", OfferKind::kWonen, testing::kMaastricht).temporary = true;
  const MatchIndex ix = cat.Index();
  const domain::Client client = testing::MakeClient();  // the query refers to it
  auto q = MakeQuery(ix, client);
  ASSERT_TRUE(q.ok());
  const Explanation e = Explain(*q, {0}, ScoreOffer(*q, 0));
  EXPECT_TRUE(e.parts[0].temporary);
  EXPECT_EQ(e.headline, "Tijdelijk: Voldoet aan alle moet-wensen en behoeften");
  EXPECT_EQ(e.summary[0].rfind("tijdelijk aanbod", 0), 0u);
}

// Issue 21: an offer whose free places were not updated for too long says so, and ranks
// below an otherwise equal offer that is current (its wait counts for half).
TEST(ExplainTest, AnOutdatedOfferSaysSoAndRanksBelowACurrentOne) {
  testing::Catalog cat;
  for (const char* id : {"off-a", "off-b"}) {
    domain::Offer& o = cat.Add(id, "prv-a", OfferKind::kWonen, testing::kMaastricht);
    o.places_updated = "2026-11-20T08:00:00Z";
    o.details_updated = "2026-06-01T08:00:00Z";
  }
  cat.offers[1].places_updated = "2026-09-01T08:00:00Z";
  auto built =
      MatchIndex::Build(cat.providers, cat.locations, cat.offers, refdata::BuiltIn(),
                        Weights::BuiltIn(), {"2026-10-27T00:00:00Z", "2025-11-26T00:00:00Z"});
  ASSERT_TRUE(built.ok());
  const MatchIndex& ix = *built;
  const uint32_t a = ix.Find("off-a"), b = ix.Find("off-b");
  EXPECT_FALSE(ix.maybe_outdated(a));
  EXPECT_TRUE(ix.maybe_outdated(b));
  EXPECT_FLOAT_EQ(ix.wait_score(b), ix.wait_score(a) * 0.5f);
  const domain::Client client = testing::MakeClient();
  auto q = MakeQuery(ix, client);
  ASSERT_TRUE(q.ok());
  EXPECT_GT(ScoreOffer(*q, a).score, ScoreOffer(*q, b).score);
  const Explanation e = Explain(*q, {b}, ScoreOffer(*q, b));
  EXPECT_TRUE(e.parts[0].maybe_outdated);
  EXPECT_EQ(e.parts[0].last_updated, "2026-09-01T08:00:00Z");  // the later of the two
  ASSERT_FALSE(e.summary.empty());
  EXPECT_EQ(e.summary[0].rfind("mogelijk verouderd", 0), 0u);
  EXPECT_FALSE(Explain(*q, {a}, ScoreOffer(*q, a)).parts[0].maybe_outdated);
}

}  // namespace
}  // namespace passend::match
