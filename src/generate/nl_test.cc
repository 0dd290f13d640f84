// The national preset: all municipalities, all sectors, ~330,000 clients. Generated once
// per test binary (about a second in a release build). Under AddressSanitizer generation
// takes far longer, so these tests are skipped there (see kSanitized).
#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <iostream>
#include <map>
#include <set>

#include "domain/validation.h"
#include "generate/quality_report.h"
#include "generate/test_support.h"

namespace passend::generate {
namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

using domain::Sector;

struct Timed {
  domain::Dataset data;
  double seconds = 0;      // wall clock
  double cpu_seconds = 0;  // process CPU time: what matters on a shared, busy machine
};

const Timed& Nl() {
  static const Timed t = [] {
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpu_start = std::clock();
    Timed r{Generate({RegionPreset::kNl, 42, {}, ""}, refdata::BuiltIn()).value(), 0, 0};
    r.cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return r;
  }();
  return t;
}

class NlTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (kSanitized) GTEST_SKIP() << "nl preset: release build only (too slow under ASan)";
  }
};

TEST_F(NlTest, Sizes) {
  const domain::Dataset& d = Nl().data;
  EXPECT_EQ(d.providers.size(), 3000u);
  EXPECT_EQ(d.locations.size(), 15000u);
  EXPECT_EQ(d.offers.size(), 40000u);
  EXPECT_EQ(d.clients.size(), 330000u);
  // Timing is reported, never asserted: speed is measured in bench/, not in unit tests.
  std::cout << "[ nl ] Generate: " << Nl().cpu_seconds << " s CPU, " << Nl().seconds << " s wall\n";
}

TEST_F(NlTest, PassesValidation) {
  const Status s = domain::ValidateDataset(Nl().data, refdata::BuiltIn());
  EXPECT_TRUE(s.ok()) << s.error().ToString();
}

TEST_F(NlTest, CoversEveryMunicipalityAndCareOffice) {
  const domain::Dataset& d = Nl().data;
  std::set<std::string> client_munis, location_regions;
  for (const domain::Client& c : d.clients) client_munis.insert(c.municipality_code);
  for (const domain::Location& l : d.locations)
    location_regions.insert(
        refdata::BuiltIn().FindMunicipality(l.municipality_code)->zorgkantoor_code);
  EXPECT_EQ(client_munis.size(), refdata::BuiltIn().municipalities().size());
  EXPECT_EQ(location_regions.size(), refdata::BuiltIn().regions().size());
}

TEST_F(NlTest, SectorsAndElderlyProfilesFollowTheNationalFigures) {
  const domain::Dataset& d = Nl().data;
  std::map<Sector, double> sectors;
  std::map<std::string, double> profiles;
  for (const domain::Client& c : d.clients) {
    ++sectors[c.sector];
    if (c.sector == Sector::kVV) ++profiles[c.profile];
  }
  const double n = static_cast<double>(d.clients.size());
  EXPECT_NEAR(sectors[Sector::kVV] / n, 0.517, 0.01);
  EXPECT_NEAR(sectors[Sector::kVG] / n, 0.295, 0.01);
  EXPECT_NEAR(sectors[Sector::kLG] / n, 0.075, 0.005);
  EXPECT_GT(sectors[Sector::kGgzW], 0);
  EXPECT_GT(sectors[Sector::kZGvis], 0);
  // 6VV : 7VV : 8VV = 47,900 : 16,105 : 3,150 (2024) -> 71% : 24% : 5%.
  const double heavy = profiles["6VV"] + profiles["7VV"] + profiles["8VV"];
  EXPECT_NEAR(profiles["6VV"] / heavy, 0.71, 0.02);
  EXPECT_NEAR(profiles["7VV"] / heavy, 0.24, 0.02);
  EXPECT_NEAR(profiles["8VV"] / heavy, 0.05, 0.01);
}

// The data-quality report of the whole country: every figure within its tolerance, no
// client with a contradictory pair of wishes.
TEST_F(NlTest, QualityFiguresAreWithinTheirTolerances) {
  const QualityReport r = CheckQuality(Nl().data, RegionPreset::kNl, refdata::BuiltIn());
  std::cout << FormatQualityReport(r);
  EXPECT_GE(r.figures.size(), 15u);
  for (const QualityFigure& f : r.figures)
    EXPECT_TRUE(f.ok()) << f.name << ": generated " << f.generated << ", public " << f.published
                        << " ± " << f.tolerance << " (" << f.why << ")";
  EXPECT_EQ(r.contradictory_clients, 0) << r.first_contradiction;
}

TEST_F(NlTest, LargeProvidersAreSometimesContractedNextDoor) {
  int two = 0;
  for (const domain::Offer& o : Nl().data.offers) two += o.contracted_regions.size() == 2;
  EXPECT_GT(two, 1000);
}

}  // namespace
}  // namespace passend::generate
