// MatchIndex::Patched: a patched index equals, array by array, the index Build makes from
// the patched catalogue; and it declines (nullopt) every change that would move an offer
// in the order or that Build would have to judge.
#include "match/index.h"

#include <gtest/gtest.h>

#include <cmath>

#include "match/test_catalog.h"

namespace passend::match {
namespace {

using testing::Catalog;
using testing::RandomCatalog;

// Every public view of two indexes is the same: the offers, their rows and columns, and
// every group of the tree with its summary.
void ExpectSameIndex(const MatchIndex& a, const MatchIndex& b) {
  ASSERT_EQ(a.size(), b.size());
  ASSERT_EQ(a.group_count(), b.group_count());
  ASSERT_EQ(a.compact(), b.compact());
  ASSERT_EQ(a.feature_count(), b.feature_count());
  for (auto k : {domain::OfferKind::kWonen, domain::OfferKind::kZorgThuis,
                 domain::OfferKind::kDagbesteding, domain::OfferKind::kLogeren})
    EXPECT_EQ(a.root(k), b.root(k));
  const uint32_t F = a.feature_count();
  for (uint32_t i = 0; i < a.size(); ++i) {
    SCOPED_TRACE("offer " + a.offer(i).id);
    ASSERT_EQ(a.offer(i).id, b.offer(i).id);
    EXPECT_EQ(a.offer(i).name, b.offer(i).name);
    EXPECT_EQ(a.offer(i).free_places, b.offer(i).free_places);
    EXPECT_EQ(a.location(i).id, b.location(i).id);
    EXPECT_EQ(a.location(i).address, b.location(i).address);
    EXPECT_EQ(a.location(i).municipality_code, b.location(i).municipality_code);
    EXPECT_EQ(a.provider(i).name, b.provider(i).name);
    EXPECT_EQ(a.kind(i), b.kind(i));
    EXPECT_EQ(a.position(i).lat, b.position(i).lat);
    EXPECT_EQ(a.position(i).lon, b.position(i).lon);
    EXPECT_EQ(a.wait_weeks(i), b.wait_weeks(i));
    EXPECT_EQ(a.wait_score(i), b.wait_score(i));
    EXPECT_EQ(a.maybe_outdated(i), b.maybe_outdated(i));
    EXPECT_EQ(a.quality_score(i), b.quality_score(i));
    EXPECT_EQ(a.service_radius_km(i), b.service_radius_km(i));
    EXPECT_EQ(a.region_mask(i), b.region_mask(i));
    EXPECT_EQ(a.contracted_where_it_stands(i), b.contracted_where_it_stands(i));
    EXPECT_EQ(a.accept_mask(i), b.accept_mask(i));
    EXPECT_EQ(a.forms(i), b.forms(i));
    EXPECT_EQ(a.id_rank(i), b.id_rank(i));
    for (uint32_t f = 0; f < F; ++f) {
      ASSERT_EQ(a.values(i)[f], b.values(i)[f]) << "feature " << f;
      ASSERT_EQ(a.value(f, i), b.value(f, i)) << "feature " << f;
      if (a.compact())
        ASSERT_EQ(a.column8(f)[i], b.column8(f)[i]) << "feature " << f;
      else
        ASSERT_EQ(a.column(f)[i], b.column(f)[i]) << "feature " << f;
    }
  }
  for (uint32_t g = 0; g < a.group_count(); ++g) {
    SCOPED_TRACE("group " + std::to_string(g));
    const Group &x = a.group(g), &y = b.group(g);
    EXPECT_EQ(x.begin, y.begin);
    EXPECT_EQ(x.end, y.end);
    EXPECT_EQ(x.child_begin, y.child_begin);
    EXPECT_EQ(x.child_end, y.child_end);
    EXPECT_EQ(x.box.min_lat, y.box.min_lat);
    EXPECT_EQ(x.box.max_lat, y.box.max_lat);
    EXPECT_EQ(x.box.min_lon, y.box.min_lon);
    EXPECT_EQ(x.box.max_lon, y.box.max_lon);
    EXPECT_EQ(x.wait_score, y.wait_score);
    EXPECT_EQ(x.quality_score, y.quality_score);
    EXPECT_EQ(x.wait_quality, y.wait_quality);
    EXPECT_EQ(x.service_radius_km, y.service_radius_km);
    EXPECT_EQ(x.region_mask, y.region_mask);
    EXPECT_EQ(x.accept_mask, y.accept_mask);
    EXPECT_EQ(x.forms, y.forms);
    EXPECT_EQ(x.kind, y.kind);
    for (uint32_t f = 0; f < F; ++f) {
      ASSERT_EQ(a.group_values(g)[f], b.group_values(g)[f]) << "feature " << f;
      ASSERT_EQ(a.group_value(f, g), b.group_value(f, g)) << "feature " << f;
      if (a.compact())
        ASSERT_EQ(a.group_column8(f)[g], b.group_column8(f)[g]) << "feature " << f;
      else
        ASSERT_EQ(a.group_column(f)[g], b.group_column(f)[g]) << "feature " << f;
      ASSERT_EQ(a.group_some_unknown(f, g), b.group_some_unknown(f, g)) << "feature " << f;
    }
  }
}

class IndexPatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    catalog_ = RandomCatalog(7, 400);
    base_.emplace(catalog_.Index());
    ASSERT_TRUE(base_->compact());
  }
  // The patched index for these changed records, after they are put into catalog_.
  std::optional<MatchIndex> Patch(const std::vector<domain::Provider>& providers,
                                  const std::vector<domain::Location>& locations,
                                  const std::vector<domain::Offer>& offers) {
    for (const auto& p : providers)
      for (auto& q : catalog_.providers)
        if (q.id == p.id) q = p;
    for (const auto& l : locations)
      for (auto& m : catalog_.locations)
        if (m.id == l.id) m = l;
    for (const auto& o : offers)
      for (auto& p : catalog_.offers)
        if (p.id == o.id) p = o;
    return base_->Patched(providers, locations, offers);
  }

  Catalog catalog_;
  std::optional<MatchIndex> base_;
};

// Issue 21: a provider confirming its free places makes an outdated offer current; the
// patched index keeps the cutoffs it was built with and equals a build with them.
TEST_F(IndexPatchTest, APatchKeepsTheCutoffsOfMaybeOutdated) {
  const domain::FreshnessCutoffs fresh{"2026-10-27T00:00:00Z", "2025-11-26T00:00:00Z"};
  for (auto& o : catalog_.offers) {
    o.places_updated = "2026-09-01T00:00:00Z";
    o.details_updated = "2026-06-01T00:00:00Z";
  }
  auto build = [&] {
    return MatchIndex::Build(catalog_.providers, catalog_.locations, catalog_.offers,
                             refdata::BuiltIn(), Weights::BuiltIn(), fresh)
        .value();
  };
  base_.emplace(build());
  domain::Offer o = catalog_.offers[5];
  ASSERT_TRUE(base_->maybe_outdated(base_->Find(o.id)));
  o.places_updated = "2026-11-25T09:00:00Z";
  auto patched = Patch({}, {}, {o});
  ASSERT_TRUE(patched.has_value());
  EXPECT_FALSE(patched->maybe_outdated(patched->Find(o.id)));
  EXPECT_TRUE(patched->maybe_outdated(patched->Find(catalog_.offers[6].id)));
  EXPECT_EQ(patched->freshness(), fresh);
  ExpectSameIndex(*patched, build());
}

TEST_F(IndexPatchTest, APatchedIndexEqualsTheIndexBuiltFromTheSameCatalogue) {
  // The edits a provider makes: free places and waits, quality, features added, changed
  // and removed, contracting, delivery forms, the service area; a provider's name; a
  // location's address and (within its cell of the map) municipality.
  std::vector<domain::Offer> offers;
  for (size_t i : {3u, 40u, 41u, 42u, 77u, 150u, 151u, 299u, 398u}) {
    domain::Offer o = catalog_.offers[i];
    o.free_places = o.free_places > 0 ? 0 : 3;
    o.waiting_weeks = static_cast<int>(i % 70);
    o.quality.clear();
    if (i % 2)
      o.quality = {{domain::QualityKind::kReviews, "ZorgkaartNederland", "2026-05-01", 9.5, 12}};
    o.name = "Bijgewerkt " + o.name;
    if (!o.features.empty()) o.features.pop_back();
    o.features.push_back({"muziek", i % 3 ? 1.0 : 0.0});
    o.contracted_regions =
        i % 2 ? std::vector<std::string>{"5531", "5515"} : std::vector<std::string>{};
    if (o.kind == domain::OfferKind::kZorgThuis) o.service_radius_km = 2 + static_cast<int>(i % 9);
    offers.push_back(o);
  }
  domain::Provider p = catalog_.providers[0];
  p.name = "Nieuwe naam";
  domain::Location l = catalog_.locations[10];
  l.address = "Andere straat 5";
  l.municipality_code = "GM0917";  // Heerlen: another care office? the same region here
  auto patched = Patch({p}, {l}, offers);
  ASSERT_TRUE(patched.has_value());
  const MatchIndex rebuilt = catalog_.Index();
  ExpectSameIndex(*patched, rebuilt);
  // The changes did change the index (else the comparison could not fail).
  bool differs = false;
  for (const auto& o : offers) {
    const uint32_t i = base_->Find(o.id);
    differs = differs || base_->wait_weeks(i) != patched->wait_weeks(i) ||
              base_->quality_score(i) != patched->quality_score(i);
  }
  EXPECT_TRUE(differs);
  // The base snapshot is untouched: readers of it see the old catalogue.
  EXPECT_NE(base_->offer(base_->Find(offers[0].id)).name, offers[0].name);
}

// Issue 21.2: only offers of providers the register approved are matched. Suspending (or
// approving again) a provider is left to a build, which takes its offers out (or back).
TEST_F(IndexPatchTest, ASuspendedProvidersOffersAreNotInTheIndex) {
  domain::Provider p = catalog_.providers[0];
  size_t its_offers = 0;
  for (const auto& o : catalog_.offers) its_offers += o.provider_id == p.id;
  ASSERT_GT(its_offers, 0u);
  p.register_status = domain::RegisterStatus::kSuspended;
  EXPECT_FALSE(Patch({p}, {}, {}).has_value());
  const MatchIndex without = catalog_.Index();
  EXPECT_EQ(without.size(), base_->size() - its_offers);
  for (const auto& o : catalog_.offers)
    EXPECT_EQ(without.Find(o.id) == kNoNode, o.provider_id == p.id) << o.id;
  // A change to one of its offers while suspended cannot be patched in either.
  domain::Offer o = *std::find_if(catalog_.offers.begin(), catalog_.offers.end(),
                                  [&](const domain::Offer& x) { return x.provider_id == p.id; });
  o.free_places = 9;
  const std::vector<domain::Offer> changed = {o};
  EXPECT_FALSE(without.Patched({}, {}, changed).has_value());
  p.register_status = domain::RegisterStatus::kApproved;
  const std::vector<domain::Provider> approved = {p};
  EXPECT_FALSE(without.Patched(approved, {}, {}).has_value());
}

TEST_F(IndexPatchTest, ChangesThatMoveAnOfferOrNeedJudgingAreLeftToBuild) {
  auto declines = [&](auto change) {
    Catalog saved = catalog_;
    domain::Offer o = catalog_.offers[5];
    domain::Location l = catalog_.locations[5];
    std::vector<domain::Location> locations;
    std::vector<domain::Offer> offers = {o};
    change(o, l, locations, offers);
    offers[0] = o;
    const bool declined = !base_->Patched({}, locations, offers).has_value();
    catalog_ = saved;
    return declined;
  };
  using Ls = std::vector<domain::Location>;
  using Os = std::vector<domain::Offer>;
  EXPECT_FALSE(declines([](domain::Offer& o, domain::Location&, Ls&, Os&) { o.free_places = 7; }));
  EXPECT_TRUE(declines([](domain::Offer& o, domain::Location&, Ls&, Os&) {
    o.kind = o.kind == domain::OfferKind::kWonen ? domain::OfferKind::kLogeren
                                                 : domain::OfferKind::kWonen;
  }));
  EXPECT_TRUE(declines([](domain::Offer& o, domain::Location&, Ls&, Os&) {
    o.profiles = {o.profiles.empty() || o.profiles[0] != "4LG" ? "4LG" : "5VV"};
  }));
  EXPECT_TRUE(declines([](domain::Offer& o, domain::Location&, Ls&, Os&) { o.id = "off-nieuw"; }));
  EXPECT_TRUE(declines([](domain::Offer& o, domain::Location&, Ls&, Os&) {
    o.features.push_back({"bestaat_niet", 1});
  }));
  // Values the compact columns cannot hold: Build decides the representation anew.
  EXPECT_TRUE(declines([](domain::Offer& o, domain::Location&, Ls&, Os&) {
    o.features.push_back({"groepsgrootte", 2.5});
  }));
  EXPECT_TRUE(declines([](domain::Offer& o, domain::Location&, Ls&, Os&) {
    o.features.push_back({"zorg_uren_week", 400});
  }));
  // A location 10 km away moves its offers in the order; an unknown one is new.
  EXPECT_TRUE(declines([](domain::Offer&, domain::Location& l, Ls& ls, Os&) {
    l.position.lat += 0.1;
    ls.push_back(l);
  }));
  EXPECT_TRUE(declines(
      [](domain::Offer& o, domain::Location&, Ls&, Os&) { o.location_id = "loc-bestaat-niet"; }));
}

// Regression (fuzz_query, issue 23.18): an empty catalogue (a new database, `passend serve`
// before any import) builds an index; it took the address of an element of an empty
// column, which UBSan reports (the asan preset stops on it).
TEST(MatchIndexBuild, AnEmptyCatalogueBuildsAnEmptyIndex) {
  auto ix = MatchIndex::Build({}, {}, {}, refdata::BuiltIn());
  ASSERT_TRUE(ix.ok()) << ix.error().ToString();
  EXPECT_EQ(ix->size(), 0u);
  EXPECT_EQ(ix->group_count(), 0u);
}

// The index keeps each offer's record without its feature list (values() says what the
// features say), every other field as it was: MatchIndex copies the record field by field.
TEST(MatchIndexBuild, KeepsEveryFieldOfTheRecordButTheFeatureList) {
  Catalog cat = RandomCatalog(7, 60);
  for (size_t i = 0; i < cat.offers.size(); ++i) {
    domain::Offer& o = cat.offers[i];
    o.description = "Omschrijving " + std::to_string(i);
    o.profiles = {"4VV", "5VV"};
    o.capacity = static_cast<int>(i), o.waiting_people = static_cast<int>(i % 5);
    o.waiting_weeks = static_cast<int>(i % 9), o.service_radius_km = 1.5 + i;
    o.temporary = i % 2 == 0;
    o.intake_contact = "intake" + std::to_string(i) + "@example.nl";
    o.intake_requirements = "Verwijsbrief";
    o.places_updated = "2026-11-01T00:00:00Z", o.details_updated = "2026-10-01T00:00:00Z";
    if (i % 3 == 0) o.quality.clear();
  }
  const MatchIndex ix = cat.Index();
  ASSERT_EQ(ix.size(), cat.offers.size());
  for (const domain::Offer& o : cat.offers) {
    const uint32_t i = ix.Find(o.id);
    ASSERT_NE(i, kNoNode);
    const domain::Offer& k = ix.offer(i);
    SCOPED_TRACE(o.id);
    EXPECT_TRUE(k.features.empty());
    EXPECT_EQ(k.id, o.id);
    EXPECT_EQ(k.provider_id, o.provider_id);
    EXPECT_EQ(k.location_id, o.location_id);
    EXPECT_EQ(k.kind, o.kind);
    EXPECT_EQ(k.name, o.name);
    EXPECT_EQ(k.description, o.description);
    EXPECT_EQ(k.sectors, o.sectors);
    EXPECT_EQ(k.profiles, o.profiles);
    EXPECT_EQ(k.delivery_forms, o.delivery_forms);
    EXPECT_EQ(k.capacity, o.capacity);
    EXPECT_EQ(k.free_places, o.free_places);
    EXPECT_EQ(k.waiting_people, o.waiting_people);
    EXPECT_EQ(k.waiting_weeks, o.waiting_weeks);
    EXPECT_EQ(k.contracted_regions, o.contracted_regions);
    EXPECT_EQ(k.quality, o.quality);
    EXPECT_EQ(k.service_radius_km, o.service_radius_km);
    EXPECT_EQ(k.temporary, o.temporary);
    EXPECT_EQ(k.intake_contact, o.intake_contact);
    EXPECT_EQ(k.intake_requirements, o.intake_requirements);
    EXPECT_EQ(k.places_updated, o.places_updated);
    EXPECT_EQ(k.details_updated, o.details_updated);
  }
}

}  // namespace
}  // namespace passend::match
