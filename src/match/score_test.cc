// Hand-built catalogues whose right answer is known, and the properties of the score.
#include "match/score.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "match/match.h"
#include "match/test_catalog.h"

namespace passend::match {
namespace {

using domain::Importance;
using domain::OfferKind;
using testing::Catalog;
using testing::kMaastricht;
using testing::MakeClient;
using testing::Offset;
using testing::Want;

std::vector<std::string> Ids(const MatchIndex& ix, const MatchResult& r) {
  std::vector<std::string> ids;
  for (const auto& m : r.offers) ids.push_back(ix.offer(m.offer).id);
  return ids;
}

TEST(ScoreTest, CloserToFamilyRanksFirst) {
  Catalog cat;
  cat.Add("off-ver", "prv-a", OfferKind::kWonen, Offset(kMaastricht, 0, 25));
  cat.Add("off-dicht", "prv-b", OfferKind::kWonen, Offset(kMaastricht, 0, 3));
  const MatchIndex ix = cat.Index();
  domain::Client c = MakeClient();
  c.places.push_back(
      {domain::PlaceKind::kFamilie, "dochter Anja", kMaastricht, 10, Importance::kImportant});
  auto r = MatchClient(ix, c);
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_EQ(Ids(ix, *r), (std::vector<std::string>{"off-dicht", "off-ver"}));
  EXPECT_GT(r->offers[0].assessment.score, r->offers[1].assessment.score);
  ASSERT_EQ(r->offers[0].explanation.places.size(), 1u);
  EXPECT_NEAR(r->offers[0].explanation.places[0].distance_km, 3, 0.2);
  EXPECT_TRUE(r->offers[0].explanation.places[0].within);
  EXPECT_NEAR(r->offers[1].explanation.places[0].distance_km, 25, 0.5);
  EXPECT_FALSE(r->offers[1].explanation.places[0].within);
  // The far one is still shown (nothing hidden) and the mismatch names the place.
  EXPECT_TRUE(r->mismatch.items.empty());
}

TEST(ScoreTest, AMustNoOfferMeetsHidesNothing) {
  Catalog cat;
  cat.Add("off-a", "prv-a", OfferKind::kWonen, kMaastricht).features = {{"tuin", 1}};
  cat.Add("off-b", "prv-b", OfferKind::kWonen, kMaastricht);
  const MatchIndex ix = cat.Index();
  domain::Client c = MakeClient();
  c.wishes = {Want("huisdier_toegestaan", Importance::kMust), Want("tuin", Importance::kNice)};
  auto r = MatchClient(ix, c);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->offers.size(), 2u);
  EXPECT_EQ(Ids(ix, *r)[0], "off-a");
  // Neither says whether pets may come: unknown, not unmet (absent is not no).
  EXPECT_EQ(r->offers[0].assessment.unmet, 0);
  EXPECT_EQ(r->offers[0].assessment.unknown, 1);
  EXPECT_EQ(r->offers[1].assessment.unknown, 1);
  ASSERT_EQ(r->mismatch.items.size(), 1u);
  EXPECT_EQ(r->mismatch.items[0].key, "huisdier_toegestaan");
  EXPECT_EQ(r->mismatch.items[0].status, WishStatus::kUnknown);
  EXPECT_FALSE(r->mismatch.items[0].nearest.has_value());
}

// Absent is not "no": an offer that does not state a must ranks below one that says yes and
// above one that says no; for a nice-to-have wish its score lies between the two.
TEST(ScoreTest, AnOfferThatDoesNotSayRanksBetweenYesAndNo) {
  Catalog cat;
  cat.Add("off-no", "prv-a", OfferKind::kWonen, kMaastricht).features = {{"huisdier_toegestaan", 0},
                                                                         {"tuin", 0}};
  cat.Add("off-unknown", "prv-b", OfferKind::kWonen, kMaastricht);
  cat.Add("off-yes", "prv-c", OfferKind::kWonen, kMaastricht).features = {
      {"huisdier_toegestaan", 1}, {"tuin", 1}};
  const MatchIndex ix = cat.Index();
  domain::Client c = MakeClient();
  c.wishes = {Want("huisdier_toegestaan", Importance::kMust)};
  auto r = MatchClient(ix, c);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Ids(ix, *r), (std::vector<std::string>{"off-yes", "off-unknown", "off-no"}));
  EXPECT_EQ(r->offers[1].assessment.unmet, 0);
  EXPECT_EQ(r->offers[1].assessment.unknown, 1);
  EXPECT_EQ(r->offers[2].assessment.unmet, 1);
  EXPECT_EQ(r->offers[2].assessment.unknown, 0);
  EXPECT_EQ(r->offers[1].explanation.wishes[0].reason, "Niet bekend — vraag het de aanbieder");

  c.wishes = {Want("tuin", Importance::kNice)};
  auto q = MakeQuery(ix, c);
  ASSERT_TRUE(q.ok());
  const double no = ScoreOffer(*q, ix.Find("off-no")).score;
  const double unknown = ScoreOffer(*q, ix.Find("off-unknown")).score;
  const double yes = ScoreOffer(*q, ix.Find("off-yes")).score;
  EXPECT_LT(no, unknown);
  EXPECT_LT(unknown, yes);
}

TEST(ScoreTest, ProviderReachableOnlyWithPgb) {
  Catalog cat;
  cat.Add("off-natura", "prv-a", OfferKind::kWonen, kMaastricht);
  domain::Offer& pgb = cat.Add("off-pgb", "prv-b", OfferKind::kWonen, kMaastricht);
  pgb.contracted_regions = {"5515"};  // Amsterdam, not Zuid-Limburg
  pgb.delivery_forms = {domain::DeliveryForm::kVerblijf, domain::DeliveryForm::kPgb};
  domain::Offer& none = cat.Add("off-geen", "prv-c", OfferKind::kWonen, kMaastricht);
  none.contracted_regions = {"5515"};
  const MatchIndex ix = cat.Index();
  auto r = MatchClient(ix, MakeClient());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Ids(ix, *r), (std::vector<std::string>{"off-natura", "off-pgb", "off-geen"}));
  const PartExplanation& p = r->offers[1].explanation.parts[0];
  EXPECT_EQ(p.contracting, Contracting::kPgbNeeded);
  EXPECT_TRUE(p.pgb_needed);
  EXPECT_EQ(p.possible_forms, (std::vector<domain::DeliveryForm>{domain::DeliveryForm::kPgb}));
  EXPECT_EQ(r->offers[1].assessment.unmet, 0);
  EXPECT_EQ(r->offers[2].explanation.parts[0].contracting, Contracting::kNotReachable);
  EXPECT_EQ(r->offers[2].assessment.unmet, 1);

  // 9bVV gives no pgb: the pgb-only offer is out of reach too.
  domain::Client c = MakeClient();
  c.profile = "9bVV";
  auto r2 = MatchClient(ix, c);
  ASSERT_TRUE(r2.ok());
  EXPECT_EQ(r2->offers[1].assessment.unmet, 1);
  EXPECT_NE(r2->offers[1].explanation.parts[0].contracting_reason.find("pgb"), std::string::npos);
}

TEST(ScoreTest, ProfileOfAnotherSectorIsShownApartAndExplained) {
  Catalog cat;
  domain::Offer& vv = cat.Add("off-vv", "prv-a", OfferKind::kDagbesteding, kMaastricht);
  vv.features = {{"zorgboerderij", 1}, {"dieren_verzorgen", 1}};
  vv.profiles = {"5VV", "6VV"};
  domain::Offer& vg =
      cat.Add("off-vg", "prv-b", OfferKind::kDagbesteding, Offset(kMaastricht, 8, 0));
  vg.sectors = {domain::Sector::kVG};
  domain::Client c = MakeClient();
  c.sector = domain::Sector::kVG, c.profile = "6VG";
  c.seeking = {OfferKind::kDagbesteding};
  c.wishes = {Want("zorgboerderij", Importance::kImportant)};
  const MatchIndex ix = cat.Index();
  auto r = MatchClient(ix, c);
  ASSERT_TRUE(r.ok());
  // The VG offer lacks the farm but accepts the profile: it ranks first. The VV offer is
  // shown apart, not as a match with a missing must.
  EXPECT_EQ(Ids(ix, *r), (std::vector<std::string>{"off-vg", "off-vv"}));
  EXPECT_TRUE(r->offers[1].assessment.apart);
  EXPECT_EQ(r->offers[1].assessment.unmet, 0);
  const PartExplanation& p = r->offers[1].explanation.parts[0];
  EXPECT_FALSE(p.profile_accepted);
  EXPECT_NE(p.profile_reason.find("5VV"), std::string::npos);
  EXPECT_NE(p.profile_reason.find("6VG"), std::string::npos);
  EXPECT_NE(r->offers[1].explanation.summary[0].find("hoort daar niet bij"), std::string::npos);
}

// An offer that does not accept the profile never ranks above one that does, however
// much better it fits the wishes.
TEST(ScoreTest, AnOfferForAnotherProfileNeverRanksAboveOneThatAcceptsIt) {
  Catalog cat;
  domain::Offer& vv = cat.Add("off-vv", "prv-a", OfferKind::kWonen, kMaastricht);
  vv.features = {{"tuin", 1}, {"huisdier_toegestaan", 1}};
  cat.Add("off-vg", "prv-b", OfferKind::kWonen, Offset(kMaastricht, 5, 0)).sectors = {
      domain::Sector::kVG};
  domain::Client c = MakeClient();
  c.sector = domain::Sector::kVG, c.profile = "6VG";
  c.wishes = {Want("tuin", Importance::kMust), Want("huisdier_toegestaan", Importance::kMust)};
  const MatchIndex ix = cat.Index();
  auto r = MatchClient(ix, c);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Ids(ix, *r), (std::vector<std::string>{"off-vg", "off-vv"}));
  EXPECT_EQ(r->offers[0].assessment.unknown, 2);  // off-vg states neither
  EXPECT_TRUE(r->offers[1].assessment.apart);
}

// Paying (docs/matching.md): a home contracted by the care office of its own region is in
// kind for a client from another region, whose care office follows the new address.
TEST(ScoreTest, AHomeContractedWhereItStandsIsInKindForEveryone) {
  Catalog cat;
  cat.Add("off-thuisregio", "prv-a", OfferKind::kWonen, kMaastricht);  // contracted by 5531
  const MatchIndex ix = cat.Index();
  domain::Client c = MakeClient();
  c.municipality_code = "GM0363";  // Amsterdam, care office 5515
  auto r = MatchClient(ix, c);
  ASSERT_TRUE(r.ok());
  const PartExplanation& p = r->offers[0].explanation.parts[0];
  EXPECT_EQ(p.contracting, Contracting::kInKind);
  EXPECT_FALSE(r->offers[0].assessment.pgb_only);
  // Day activities are in kind only where the client's own care office contracts them.
  Catalog day;
  day.Add("off-dag", "prv-a", OfferKind::kDagbesteding, kMaastricht).delivery_forms = {
      domain::DeliveryForm::kVerblijf, domain::DeliveryForm::kPgb};
  const MatchIndex dix = day.Index();
  c.seeking = {OfferKind::kDagbesteding};
  auto d = MatchClient(dix, c);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->offers[0].explanation.parts[0].contracting, Contracting::kPgbNeeded);
}

// A pgb is a way to pay, not a reason to rank: a pgb-only offer that fits better comes
// after an in-kind one that misses no more musts, unless the client asks for a pgb.
TEST(ScoreTest, PgbOnlyRanksAfterInKindUnlessTheClientWantsAPgb) {
  Catalog cat;
  domain::Offer& pgb = cat.Add("off-pgb", "prv-a", OfferKind::kWonen, kMaastricht);
  pgb.contracted_regions = {}, pgb.delivery_forms = {domain::DeliveryForm::kPgb};
  pgb.features = {{"tuin", 1}, {"huisdier_toegestaan", 1}};
  cat.Add("off-natura", "prv-b", OfferKind::kWonen, Offset(kMaastricht, 3, 0));
  domain::Client c = MakeClient();
  c.wishes = {Want("tuin", Importance::kImportant), Want("huisdier_toegestaan", Importance::kNice)};
  const MatchIndex ix = cat.Index();
  auto r = MatchClient(ix, c);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Ids(ix, *r), (std::vector<std::string>{"off-natura", "off-pgb"}));
  EXPECT_GT(r->offers[1].assessment.score, r->offers[0].assessment.score);
  EXPECT_TRUE(r->offers[1].assessment.pgb_only);
  c.preferred_forms = {domain::DeliveryForm::kPgb};
  auto own = MatchClient(ix, c);
  ASSERT_TRUE(own.ok());
  EXPECT_EQ(Ids(ix, *own)[0], "off-pgb");
}

// Housing far from home is not neutral: beyond the reach of the client's sector (VV: 20
// km) it ranks after every home within it that misses no more musts.
TEST(ScoreTest, AHomeBeyondTheReachRanksAfterANearOne) {
  Catalog cat;
  cat.Add("off-ver", "prv-a", OfferKind::kWonen, Offset(kMaastricht, 0, 60)).features = {
      {"tuin", 1}, {"huisdier_toegestaan", 1}};
  cat.Add("off-dicht", "prv-b", OfferKind::kWonen, Offset(kMaastricht, 5, 0));
  domain::Client c = MakeClient();
  c.wishes = {Want("tuin", Importance::kImportant),
              Want("huisdier_toegestaan", Importance::kImportant)};
  const MatchIndex ix = cat.Index();
  auto r = MatchClient(ix, c);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Ids(ix, *r), (std::vector<std::string>{"off-dicht", "off-ver"}));
  EXPECT_TRUE(r->offers[1].assessment.far);
  EXPECT_FALSE(r->offers[0].assessment.far);
  // A must the far one meets and the near one does not still comes first.
  c.wishes[0].importance = Importance::kMust;
  auto must = MatchClient(ix, c);
  ASSERT_TRUE(must.ok());
  EXPECT_EQ(Ids(ix, *must)[0], "off-ver");
}

TEST(ScoreTest, LevelsAndNumbersArePartlyMet) {
  Catalog cat;
  cat.Add("off-a", "prv-a", OfferKind::kWonen, kMaastricht).features = {{"rustige_omgeving", 2},
                                                                        {"groepsgrootte", 7}};
  const MatchIndex ix = cat.Index();
  domain::Client c = MakeClient();
  c.wishes = {Want("rustige_omgeving", Importance::kImportant, 3),
              Want("groepsgrootte", Importance::kImportant, 6),  // 7 <= 6 * 1.25: partly
              Want("groepsgrootte", Importance::kNice, 8),       // at most 8: met
              Want("rustige_omgeving", Importance::kNice, 1)};
  auto q = MakeQuery(ix, c);
  ASSERT_TRUE(q.ok());
  const float* v = ix.values(0);
  EXPECT_EQ(q->wishes[0].Status(v[q->wishes[0].feature]), WishStatus::kPartly);
  EXPECT_EQ(q->wishes[1].Status(v[q->wishes[1].feature]), WishStatus::kPartly);
  EXPECT_EQ(q->wishes[2].Status(v[q->wishes[2].feature]), WishStatus::kMet);
  EXPECT_EQ(q->wishes[3].Status(v[q->wishes[3].feature]), WishStatus::kMet);
}

TEST(ScoreTest, BadInputGetsAClearError) {
  Catalog cat;
  cat.Add("off-a", "prv-a", OfferKind::kWonen, kMaastricht);
  const MatchIndex ix = cat.Index();
  domain::Client c = MakeClient();
  c.wishes = {Want("tuin", Importance::kNice), Want("bestaat_niet", Importance::kMust)};
  auto r = MatchClient(ix, c);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().field(), "wishes[1].feature_id");
  c = MakeClient();
  c.places.push_back({domain::PlaceKind::kWerk, "werk", kMaastricht, -1, Importance::kNice});
  r = MatchClient(ix, c);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field(), "places[0].max_km");
  c = MakeClient();
  c.municipality_code = "GM9999";
  EXPECT_EQ(MatchClient(ix, c).error().code(), ErrorCode::kInvalidArgument);
  Catalog bad = cat;
  bad.offers[0].features = {{"onbekend", 1}};
  auto bix = MatchIndex::Build(bad.providers, bad.locations, bad.offers, refdata::BuiltIn());
  ASSERT_FALSE(bix.ok());
  EXPECT_EQ(bix.error().field(), "offers[0].features[0].feature_id");
}

TEST(ScorePropertyTest, AddingAMetWishNeverLowersTheScore) {
  const Catalog cat = testing::RandomCatalog(7, 120);
  const MatchIndex ix = cat.Index();
  testing::Rng rng(11);
  for (int i = 0; i < 200; ++i) {
    domain::Client c = testing::RandomClient(rng, i, {OfferKind::kWonen, OfferKind::kDagbesteding});
    const uint32_t o = static_cast<uint32_t>(rng.Int(static_cast<int>(ix.size())));
    auto q = MakeQuery(ix, c);
    ASSERT_TRUE(q.ok());
    const Assessment before = ScoreOffer(*q, o);
    const auto& listed = std::find_if(cat.offers.begin(), cat.offers.end(), [&](const auto& x) {
                           return x.id == ix.offer(o).id;
                         })->features;
    ASSERT_FALSE(listed.empty()) << ix.offer(o).id;
    for (const auto& fv : listed) {
      if (fv.value < 1) continue;
      c.wishes.push_back(Want(fv.feature_id, static_cast<Importance>(rng.Int(3)), fv.value));
      auto q2 = MakeQuery(ix, c);
      ASSERT_TRUE(q2.ok());
      const Assessment after = ScoreOffer(*q2, o);
      EXPECT_GE(after.score, before.score - 1e-9) << fv.feature_id;
      EXPECT_EQ(after.unmet, before.unmet);
      c.wishes.pop_back();
    }
  }
}

TEST(ScorePropertyTest, MovingCloserToEveryPlaceNeverLowersTheScore) {
  testing::Rng rng(5);
  for (int i = 0; i < 100; ++i) {
    Catalog cat = testing::RandomCatalog(100 + i, 10);
    domain::Client c = testing::RandomClient(
        rng, i, {OfferKind::kWonen, OfferKind::kDagbesteding, OfferKind::kLogeren});
    c.places = {{domain::PlaceKind::kFamilie, "familie", c.home, 5, Importance::kImportant}};
    const MatchIndex far = cat.Index();
    for (auto& l : cat.locations)  // halfway to the client's home (= the family)
      l.position = {(l.position.lat + c.home.lat) / 2, (l.position.lon + c.home.lon) / 2};
    const MatchIndex near = cat.Index();
    auto qf = MakeQuery(far, c);
    auto qn = MakeQuery(near, c);
    ASSERT_TRUE(qf.ok() && qn.ok());
    for (uint32_t o = 0; o < far.size(); ++o) {
      const uint32_t same = near.Find(far.offer(o).id);
      if (far.kind(o) == OfferKind::kZorgThuis) continue;  // care comes home: no distance
      EXPECT_GE(ScoreOffer(*qn, same).score, ScoreOffer(*qf, o).score - 1e-9);
      EXPECT_LE(ScoreOffer(*qn, same).unmet, ScoreOffer(*qf, o).unmet);
    }
  }
}

TEST(ScorePropertyTest, SameInputSameRanking) {
  const Catalog cat = testing::RandomCatalog(3, 300);
  const MatchIndex a = cat.Index(), b = cat.Index();
  testing::Rng rng(9);
  for (int i = 0; i < 50; ++i) {
    const domain::Client c = testing::RandomClient(rng, i, {OfferKind::kWonen});
    auto ra = MatchClient(a, c), rb = MatchClient(b, c);
    ASSERT_TRUE(ra.ok() && rb.ok());
    EXPECT_EQ(Ids(a, *ra), Ids(b, *rb));
  }
}

}  // namespace
}  // namespace passend::match
