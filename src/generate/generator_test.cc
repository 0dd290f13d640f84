#include "generate/generator.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>
#include <string>

#include "domain/validation.h"
#include "generate/client_parts.h"
#include "generate/test_support.h"
#include "refdata/refdata.h"

namespace passend::generate {
namespace {

using domain::OfferKind;
using domain::Sector;
using testing::Cached;

const domain::ReferenceData& Ref() { return refdata::BuiltIn(); }

TEST(ParseRegionPreset, KnowsTheThreePresets) {
  EXPECT_EQ(ParseRegionPreset("zuid-limburg"), RegionPreset::kZuidLimburg);
  EXPECT_EQ(ParseRegionPreset("rotterdam"), RegionPreset::kRotterdam);
  EXPECT_EQ(ParseRegionPreset("nl"), RegionPreset::kNl);
  EXPECT_EQ(ParseRegionPreset("Zuid-Limburg"), std::nullopt);
  EXPECT_EQ(ParseRegionPreset(""), std::nullopt);
  for (RegionPreset p : {RegionPreset::kZuidLimburg, RegionPreset::kRotterdam, RegionPreset::kNl})
    EXPECT_EQ(ParseRegionPreset(ToString(p)), p);
}

TEST(Generate, FailsWhenTheReferenceDataLacksTheRegion) {
  const domain::ReferenceData empty({}, Ref().profiles(), Ref().features());
  const Result<domain::Dataset> r = Generate({RegionPreset::kZuidLimburg, 1, {}, ""}, empty);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code(), ErrorCode::kFailedPrecondition);
}

TEST(Generate, SameSeedGivesTheIdenticalDataset) {
  const Result<domain::Dataset> again = Generate({RegionPreset::kZuidLimburg, 42, {}, ""}, Ref());
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(testing::Equal(*again, Cached(RegionPreset::kZuidLimburg)));
}

TEST(Generate, DifferentSeedsGiveDifferentDatasets) {
  const Result<domain::Dataset> other = Generate({RegionPreset::kZuidLimburg, 43, {}, ""}, Ref());
  ASSERT_TRUE(other.ok());
  const domain::Dataset& base = Cached(RegionPreset::kZuidLimburg);
  EXPECT_FALSE(testing::Equal(*other, base));
  std::set<std::string> ids;
  for (const domain::Client& c : base.clients) ids.insert(c.id);
  int shared = 0;
  for (const domain::Client& c : other->clients) shared += ids.contains(c.id);
  EXPECT_LT(shared, 10);  // ids are keyed by the seed
}

// Issue 21: offers carry varied update times before --as-of, the same for the same seed
// and day, so some show "mogelijk verouderd" in the demo (30 and 365 days, as serve).
TEST(Generate, OffersWereUpdatedAtVariedTimesBeforeTheDay) {
  const std::string as_of = "2026-03-01T00:00:00Z";
  const auto a = Generate({RegionPreset::kZuidLimburg, 42, {}, as_of}, Ref());
  const auto b = Generate({RegionPreset::kZuidLimburg, 42, {}, as_of}, Ref());
  ASSERT_TRUE(a.ok() && b.ok());
  const domain::FreshnessCutoffs cutoffs{"2026-01-30T00:00:00Z", "2025-03-01T00:00:00Z"};
  std::set<std::string> days;
  size_t places_old = 0, details_old = 0;
  for (size_t i = 0; i < a->offers.size(); ++i) {
    const domain::Offer& o = a->offers[i];
    EXPECT_EQ(o.places_updated, b->offers[i].places_updated);
    EXPECT_EQ(o.details_updated, b->offers[i].details_updated);
    EXPECT_LE(o.places_updated, as_of);
    EXPECT_LE(o.details_updated, o.places_updated);  // the rest changes less often
    EXPECT_EQ(o.places_updated.size(), as_of.size()) << o.places_updated;
    days.insert(o.places_updated);
    places_old += o.places_updated < cutoffs.places_before;
    details_old += o.details_updated < cutoffs.details_before;
  }
  const double n = static_cast<double>(a->offers.size());
  EXPECT_GT(days.size(), 100u);  // not one stamp for all
  EXPECT_NEAR(places_old / n, 0.2, 0.06);
  EXPECT_GT(details_old / n, 0.05);
  EXPECT_LT(details_old / n, 0.3);
  // Across a month end and a leap day: 2024-03-01 less one day is 29 February.
  const auto leap_year =
      Generate({RegionPreset::kZuidLimburg, 42, {}, "2024-03-01T06:00:00Z"}, Ref());
  ASSERT_TRUE(leap_year.ok());
  bool leap = false;
  for (const auto& o : leap_year->offers) leap = leap || o.places_updated == "2024-02-29T06:00:00Z";
  EXPECT_TRUE(leap);
  // Another day moves every time with it.
  const auto later = Generate({RegionPreset::kZuidLimburg, 42, {}, "2026-03-11T00:00:00Z"}, Ref());
  EXPECT_NE(later->offers[0].places_updated, a->offers[0].places_updated);
}

TEST(Generate, ReportsProgressUpToTheTotal) {
  std::map<std::string, std::pair<int64_t, int64_t>> last;
  GenerateOptions o{RegionPreset::kRotterdam, 7, {}, ""};
  o.progress = [&](std::string_view stage, int64_t done, int64_t total) {
    last[std::string(stage)] = {done, total};
  };
  ASSERT_TRUE(Generate(o, Ref()).ok());
  ASSERT_TRUE(last.contains("aanbieders"));
  ASSERT_TRUE(last.contains("cliënten"));
  EXPECT_EQ(last["cliënten"].first, last["cliënten"].second);
  EXPECT_EQ(last["aanbod"].first, last["aanbod"].second);
}

class PresetTest : public ::testing::TestWithParam<RegionPreset> {};

TEST_P(PresetTest, PassesValidation) {
  const Status s = domain::ValidateDataset(Cached(GetParam()), Ref());
  EXPECT_TRUE(s.ok()) << s.error().ToString();
}

TEST_P(PresetTest, SizesAreThoseOfTheIssue) {
  const domain::Dataset& d = Cached(GetParam());
  EXPECT_GE(d.providers.size(), 30u);
  EXPECT_LE(d.providers.size(), 40u);
  int established = 0;
  for (const domain::Provider& p : d.providers) established += p.established;
  EXPECT_EQ(established, 25);
  EXPECT_GE(d.locations.size(), 220u);
  EXPECT_LE(d.locations.size(), 280u);
  EXPECT_GE(d.offers.size(), 540u);
  EXPECT_LE(d.offers.size(), 660u);
  EXPECT_GE(d.clients.size(), 7500u);
  EXPECT_LE(d.clients.size(), 8500u);
}

TEST_P(PresetTest, EveryRecordLiesInTheCareOfficeRegion) {
  const std::string region = GetParam() == RegionPreset::kZuidLimburg ? "5531" : "5521";
  const domain::Dataset& d = Cached(GetParam());
  std::set<std::string> seen;
  for (const domain::Client& c : d.clients) {
    const domain::Municipality* m = Ref().FindMunicipality(c.municipality_code);
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->zorgkantoor_code, region);
    EXPECT_LT(domain::DistanceKm(c.home, m->centroid), 15) << c.id;
    seen.insert(m->code);
    // Family may live far away (a long tail, at most 150 km); other places are near.
    for (const domain::Place& p : c.places)
      EXPECT_LT(domain::DistanceKm(p.position, c.home),
                p.kind == domain::PlaceKind::kFamilie ? 155 : 35);
  }
  for (const domain::Location& l : d.locations)
    EXPECT_EQ(Ref().FindMunicipality(l.municipality_code)->zorgkantoor_code, region);
  size_t members = 0;
  for (const domain::Municipality& m : Ref().municipalities())
    members += m.zorgkantoor_code == region;
  EXPECT_EQ(seen.size(), members);  // every municipality has clients
}

// Clients per municipality follow the reference counts: VV by the elderly-care client
// counts, other sectors by inhabitants.
TEST_P(PresetTest, ClientsPerMunicipalityFollowTheReferenceCounts) {
  const bool vv = GetParam() == RegionPreset::kZuidLimburg;
  const std::string region = vv ? "5531" : "5521";
  const domain::Dataset& d = Cached(GetParam());
  std::map<std::string, double> weight, count;
  double total_w = 0;
  for (const domain::Municipality& m : Ref().municipalities()) {
    if (m.zorgkantoor_code != region) continue;
    const double w = vv ? static_cast<double>(m.vv_light_clients + m.vv_heavy_clients_forecast)
                        : static_cast<double>(m.inhabitants);
    weight[m.code] = w;
    total_w += w;
  }
  for (const domain::Client& c : d.clients) count[c.municipality_code] += 1;
  const double n = static_cast<double>(d.clients.size());
  int checked = 0;
  for (const auto& [code, w] : weight) {
    const double expected = n * w / total_w;
    if (expected < 100) continue;  // small counts: too noisy for a tight bound
    EXPECT_NEAR(count[code], expected, 0.2 * expected + 15) << code;
    ++checked;
  }
  EXPECT_GE(checked, 3);  // Rotterdam's care office has 3 municipalities in 2025
}

TEST_P(PresetTest, EveryOfferKindAndDeliveryFormIsPresent) {
  const domain::Dataset& d = Cached(GetParam());
  std::map<OfferKind, int> kinds;
  std::set<domain::DeliveryForm> zorg_thuis_forms;
  for (const domain::Offer& o : d.offers) {
    ++kinds[o.kind];
    if (o.kind == OfferKind::kZorgThuis) {
      zorg_thuis_forms.insert(o.delivery_forms.begin(), o.delivery_forms.end());
      EXPECT_GT(o.service_radius_km, 0) << o.id;
      EXPECT_FALSE(std::count(o.delivery_forms.begin(), o.delivery_forms.end(),
                              domain::DeliveryForm::kVerblijf))
          << o.id;
    } else {
      EXPECT_EQ(o.service_radius_km, 0) << o.id;
    }
    if (o.kind == OfferKind::kWonen) {
      EXPECT_TRUE(o.delivery_forms == std::vector{domain::DeliveryForm::kPgb} ||
                  o.delivery_forms.front() == domain::DeliveryForm::kVerblijf)
          << o.id;
    }
  }
  for (OfferKind k : domain::kAllOfferKinds) EXPECT_GE(kinds[k], 10) << domain::ToString(k);
  EXPECT_TRUE(zorg_thuis_forms.contains(domain::DeliveryForm::kVpt));
  EXPECT_TRUE(zorg_thuis_forms.contains(domain::DeliveryForm::kMpt));
  EXPECT_TRUE(zorg_thuis_forms.contains(domain::DeliveryForm::kPgb));
}

TEST_P(PresetTest, NewSmallProvidersAreOftenPgbOnlyAndEstablishedOnesContracted) {
  const domain::Dataset& d = Cached(GetParam());
  const std::string region = GetParam() == RegionPreset::kZuidLimburg ? "5531" : "5521";
  std::map<std::string, bool> established;
  for (const domain::Provider& p : d.providers) established[p.id] = p.established;
  std::set<std::string> pgb_only_providers;
  for (const domain::Offer& o : d.offers) {
    if (established[o.provider_id]) {
      EXPECT_EQ(o.contracted_regions, std::vector<std::string>{region}) << o.id;
    } else if (o.contracted_regions.empty()) {
      EXPECT_EQ(o.delivery_forms, std::vector{domain::DeliveryForm::kPgb}) << o.id;
      pgb_only_providers.insert(o.provider_id);
    }
  }
  EXPECT_GE(pgb_only_providers.size(), 2u);
  EXPECT_LE(pgb_only_providers.size(), 9u);
}

// Quality notes are plausible: each valid (source, date, count), not every offer reviewed,
// counts that vary, dates within the two years before the day generated for (2026-01-01
// without --as-of), and some inspections.
TEST_P(PresetTest, QualityNotesArePlausible) {
  const domain::Dataset& d = Cached(GetParam());
  size_t reviewed = 0, inspected = 0;
  std::set<int> counts;
  for (const domain::Offer& o : d.offers) {
    bool has_reviews = false;
    for (const domain::QualityNote& n : o.quality) {
      const Status s = domain::ValidateQualityNote(n);
      EXPECT_TRUE(s.ok()) << o.id << ": " << s.error().ToString();
      EXPECT_GE(n.measured, "2024-01-01") << o.id;
      EXPECT_LE(n.measured, "2026-01-01") << o.id;
      if (n.kind == domain::QualityKind::kReviews) {
        has_reviews = true;
        counts.insert(n.reviews);
        EXPECT_EQ(n.source, domain::kZorgkaart);
      } else {
        ++inspected;
        EXPECT_EQ(n.source, domain::kInspectorate);
      }
    }
    reviewed += has_reviews;
  }
  EXPECT_LT(reviewed, d.offers.size());
  EXPECT_GT(reviewed, d.offers.size() / 2);
  EXPECT_GT(counts.size(), 20u);
  EXPECT_GT(inspected, 0u);
}

TEST_P(PresetTest, ClientsHaveWishesNeedsPlacesAndWhatTheySeek) {
  const domain::Dataset& d = Cached(GetParam());
  int free_text = 0, with_rep = 0, granted = 0, open = 0, with_places = 0, must = 0, wishes = 0;
  int in_care = 0, cared_in_kind = 0, with_provider = 0, waiting = 0;
  for (const domain::Client& c : d.clients) {
    EXPECT_FALSE(c.seeking.empty()) << c.id;
    EXPECT_FALSE(c.preferred_forms.empty()) << c.id;
    EXPECT_FALSE(c.name.empty());
    for (const domain::Wish& w : c.wishes) {
      ++wishes;
      must += w.importance == domain::Importance::kMust;
      if (w.feature_id.empty()) {
        EXPECT_FALSE(w.text.empty());
        ++free_text;
      }
    }
    with_rep += c.representative.has_value();
    in_care += c.care_status == domain::CareStatus::kInCare;
    // In kind (not a pgb, often spent on a team of trusted people): at a provider.
    const bool in_kind = c.care_status == domain::CareStatus::kInCare &&
                         c.preferred_forms.front() != domain::DeliveryForm::kPgb;
    cared_in_kind += in_kind;
    with_provider += in_kind && !c.care_provider_id.empty();
    waiting += c.care_status == domain::CareStatus::kUrgent ||
               c.care_status == domain::CareStatus::kActive ||
               c.care_status == domain::CareStatus::kPreference;
    with_places += !c.places.empty();
    granted += c.indication == domain::IndicationStatus::kGranted;
    open += c.indication == domain::IndicationStatus::kRequested ||
            c.indication == domain::IndicationStatus::kNone;
  }
  const double n = static_cast<double>(d.clients.size());
  EXPECT_GT(free_text / n, 0.1);  // about one in five says something with no feature
  EXPECT_GT(with_rep / n, 0.5);
  EXPECT_GT(with_places / n, 0.6);
  EXPECT_GT(granted / n, 0.9);
  EXPECT_GT(open / n, 0.03);  // requested 3% + none 2%: orienting before the indication
  EXPECT_GT(wishes / n, 4);
  EXPECT_GT(in_care / n, 0.75);                   // most clients are in care at a provider
  EXPECT_GT(with_provider, cared_in_kind * 0.8);  // nearly all at a provider in the catalogue
  EXPECT_GT(waiting, 0);
  EXPECT_GT(must, wishes / 10);
  EXPECT_LT(must, wishes / 2);
}

INSTANTIATE_TEST_SUITE_P(Regions, PresetTest,
                         ::testing::Values(RegionPreset::kZuidLimburg, RegionPreset::kRotterdam),
                         [](const auto& info) {
                           return info.param == RegionPreset::kZuidLimburg ? "ZuidLimburg"
                                                                           : "Rotterdam";
                         });

TEST(ZuidLimburg, IsElderlyCareWithProfilesFourToNineAndDementiaNeeds) {
  const domain::Dataset& d = Cached(RegionPreset::kZuidLimburg);
  std::map<std::string, int> profiles;
  bool farm_breakfast = false;
  for (const domain::Client& c : d.clients) {
    EXPECT_EQ(c.sector, Sector::kVV);
    EXPECT_GE(kReferenceYear - c.birth_year, 55);
    ++profiles[c.profile];
    if (c.profile == "5VV") {
      const bool dementia = std::any_of(c.needs.begin(), c.needs.end(), [](const auto& n) {
        return n.feature_id == "dementie_expertise";
      });
      EXPECT_TRUE(dementia) << c.id;
    }
    for (const domain::Wish& w : c.wishes)
      farm_breakfast |= w.text == "Ontbijt om zes uur met spek en eieren, zoals op de boerderij";
  }
  EXPECT_TRUE(farm_breakfast);
  for (const char* p : {"4VV", "5VV", "6VV", "7VV", "8VV"}) EXPECT_GT(profiles[p], 50) << p;
  EXPECT_GT(profiles["5VV"], profiles["6VV"]);  // psychogeriatric is the largest group
  for (const domain::Offer& o : d.offers)
    EXPECT_EQ(o.sectors, std::vector<Sector>{Sector::kVV}) << o.id;
}

TEST(Rotterdam, IsDisabilityCareWithYoungLvgAndParentsAsRepresentatives) {
  const domain::Dataset& d = Cached(RegionPreset::kRotterdam);
  std::map<Sector, int> sectors;
  int parents = 0, children = 0;
  for (const domain::Client& c : d.clients) {
    ++sectors[c.sector];
    const int age = kReferenceYear - c.birth_year;
    if (c.sector == Sector::kLVG) {
      EXPECT_GE(age, 18);
      EXPECT_LE(age, 23);
    }
    children += age < 18;
    parents += c.representative && c.representative->relation == "ouder";
  }
  EXPECT_EQ(sectors.size(), 3u);
  EXPECT_GT(sectors[Sector::kVG], sectors[Sector::kLG]);
  EXPECT_GT(sectors[Sector::kLG], sectors[Sector::kLVG] / 2);
  EXPECT_GT(parents, 1000);
  EXPECT_GT(children, 50);
  std::set<Sector> offer_sectors;
  for (const domain::Offer& o : d.offers) offer_sectors.insert(o.sectors.begin(), o.sectors.end());
  EXPECT_EQ(offer_sectors, (std::set<Sector>{Sector::kVG, Sector::kLG, Sector::kLVG}));
}

}  // namespace
}  // namespace passend::generate
