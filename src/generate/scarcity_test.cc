// Scarcity is part of the design (docs/generator.md): the region-wide mismatch must be
// meaningful, so some wishes and needs are met by few offers.
#include <gtest/gtest.h>

#include "generate/test_support.h"

namespace passend::generate {
namespace {

using domain::OfferKind;
using testing::Cached;
using testing::HasFeature;
using testing::WishesFeature;

struct Shares {
  double offers = 0;   // share of offers of `kind` with the feature
  double clients = 0;  // share of clients with the feature as a wish or need
};

Shares ShareOf(const domain::Dataset& d, std::string_view feature, OfferKind kind) {
  int with = 0, of_kind = 0, clients = 0;
  for (const domain::Offer& o : d.offers) {
    if (o.kind != kind) continue;
    ++of_kind;
    with += HasFeature(o, feature);
  }
  for (const domain::Client& c : d.clients) {
    bool need = false;
    for (const domain::Need& n : c.needs) need |= n.feature_id == feature;
    clients += need || WishesFeature(c, feature);
  }
  return {static_cast<double>(with) / of_kind,
          static_cast<double>(clients) / static_cast<double>(d.clients.size())};
}

class ScarcityTest : public ::testing::TestWithParam<RegionPreset> {};

TEST_P(ScarcityTest, FewHousingPlacesForSevereBehaviourProblems) {
  const Shares s = ShareOf(Cached(GetParam()), "gedragsproblematiek_ernstig", OfferKind::kWonen);
  EXPECT_GT(s.offers, 0.0);
  EXPECT_LT(s.offers, 0.05);
}

TEST_P(ScarcityTest, RespiteIsScarceWithWaits) {
  const domain::Dataset& d = Cached(GetParam());
  int logeren = 0, full = 0, waits = 0, respite_seekers = 0;
  double places = 0;
  for (const domain::Offer& o : d.offers) {
    if (o.kind != OfferKind::kLogeren) continue;
    ++logeren;
    places += o.capacity;
    full += o.free_places == 0;
    waits += o.waiting_people > 0 && o.waiting_weeks >= 2;
  }
  for (const domain::Client& c : d.clients)
    respite_seekers += std::count(c.seeking.begin(), c.seeking.end(), OfferKind::kLogeren);
  ASSERT_GT(logeren, 0);
  EXPECT_GT(full, logeren * 6 / 10);
  EXPECT_GT(waits, logeren / 2);
  EXPECT_GT(respite_seekers, 5 * places);  // far more people look for it than there are beds
}

TEST_P(ScarcityTest, PetsAreWishedMoreOftenThanAllowed) {
  const Shares s = ShareOf(Cached(GetParam()), "huisdier_toegestaan", OfferKind::kWonen);
  EXPECT_GT(s.clients, 0.03);
  EXPECT_LT(s.offers, 0.12);
}

TEST_P(ScarcityTest, IslamicIdentityIsRareInTheOffer) {
  const Shares s = ShareOf(Cached(GetParam()), "islamitische_identiteit", OfferKind::kWonen);
  EXPECT_LT(s.offers, 0.06);
}

INSTANTIATE_TEST_SUITE_P(Regions, ScarcityTest,
                         ::testing::Values(RegionPreset::kZuidLimburg, RegionPreset::kRotterdam),
                         [](const auto& info) {
                           return info.param == RegionPreset::kZuidLimburg ? "ZuidLimburg"
                                                                           : "Rotterdam";
                         });

TEST(Scarcity, ZuidLimburgDialectAndSmallScaleAreInDemand) {
  const domain::Dataset& d = Cached(RegionPreset::kZuidLimburg);
  const Shares dialect = ShareOf(d, "limburgs_dialect", OfferKind::kWonen);
  EXPECT_GT(dialect.clients, 0.15);
  EXPECT_LT(dialect.offers, 0.15);
  const Shares breakfast = ShareOf(d, "vroeg_ontbijt", OfferKind::kWonen);
  EXPECT_LT(breakfast.offers, 0.1);
  EXPECT_GT(breakfast.clients, 0.02);
  // Small-scale housing is wished by many and comes with the longest waits.
  double kl_weeks = 0, other_weeks = 0;
  int kl = 0, other = 0;
  for (const domain::Offer& o : d.offers) {
    if (o.kind != OfferKind::kWonen) continue;
    (HasFeature(o, "kleinschalig_wonen") ? kl_weeks : other_weeks) += o.waiting_weeks;
    ++(HasFeature(o, "kleinschalig_wonen") ? kl : other);
  }
  ASSERT_GT(kl, 0);
  EXPECT_GT(kl_weeks / kl, other_weeks / other);
  EXPECT_GT(ShareOf(d, "kleinschalig_wonen", OfferKind::kWonen).clients, 0.2);
}

TEST(Scarcity, ElderlyHousingHasWaitingListsAndFewFreePlaces) {
  const domain::Dataset& d = Cached(RegionPreset::kZuidLimburg);
  double capacity = 0, free = 0, waiting = 0;
  for (const domain::Offer& o : d.offers) {
    if (o.kind != OfferKind::kWonen) continue;
    capacity += o.capacity;
    free += o.free_places;
    waiting += o.waiting_people;
  }
  EXPECT_LT(free / capacity, 0.05);
  EXPECT_GT(waiting / capacity, 0.1);
  EXPECT_LT(waiting / capacity, 0.5);
}

}  // namespace
}  // namespace passend::generate
