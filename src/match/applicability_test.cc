#include "match/applicability.h"

#include <gtest/gtest.h>

#include "refdata/refdata.h"

namespace passend::embedded {
std::string_view kenmerk_toepassing_csv();
}  // namespace passend::embedded

namespace passend::match {
namespace {

using domain::OfferKind;

uint8_t KindsOf(const Applicability& a, const char* feature) {
  return a.kinds(*refdata::BuiltIn().FeatureIndex(feature));
}

// vocab-gen and others grow the vocabulary: a row for a feature that is gone is skipped at
// run time, and caught here.
TEST(ApplicabilityTest, BuiltInTableNamesOnlyKnownFeatures) {
  std::vector<std::string> unknown;
  auto a = Applicability::Parse(embedded::kenmerk_toepassing_csv(), refdata::BuiltIn(), &unknown);
  ASSERT_TRUE(a.ok()) << a.error().ToString();
  EXPECT_TRUE(unknown.empty()) << unknown.front();
}

// Bedtime belongs to housing and respite, not to care in the client's own home; a kind of
// day activity to day activities only; expertise to every kind (the life domain's default).
TEST(ApplicabilityTest, WishesBelongToTheirKindsOfCare) {
  auto a = Applicability::BuiltIn(refdata::BuiltIn());
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(KindsOf(*a, "zelf_bedtijd"), KindBit(OfferKind::kWonen) | KindBit(OfferKind::kLogeren));
  EXPECT_EQ(KindsOf(*a, "bezoek_altijd_welkom"),
            KindBit(OfferKind::kWonen) | KindBit(OfferKind::kLogeren));
  EXPECT_EQ(KindsOf(*a, "zorgboerderij"), KindBit(OfferKind::kDagbesteding));
  EXPECT_EQ(KindsOf(*a, "dementie_expertise"), kAllKinds);
  EXPECT_EQ(KindsOf(*a, "turks_sprekend"), kAllKinds);
}

TEST(ApplicabilityTest, AFeatureWithoutARowFollowsItsLifeDomainAndBadTablesFail) {
  const std::string header = "niveau,sleutel,wonen,dagbesteding,logeren,zorg_thuis\n";
  std::vector<std::string> unknown;
  auto a = Applicability::Parse(header +
                                    "levensdomein,wonen,ja,nee,nee,nee\n"
                                    "kenmerk,bestaat_niet,ja,ja,ja,ja\n",
                                refdata::BuiltIn(), &unknown);
  ASSERT_TRUE(a.ok()) << a.error().ToString();
  EXPECT_EQ(KindsOf(*a, "tuin"), KindBit(OfferKind::kWonen));
  EXPECT_EQ(KindsOf(*a, "zorgboerderij"), kAllKinds);  // no domain row: every kind
  EXPECT_EQ(unknown, (std::vector<std::string>{"bestaat_niet"}));
  EXPECT_FALSE(
      Applicability::Parse(header + "levensdomein,wonen,ja,misschien,nee,nee\n", refdata::BuiltIn())
          .ok());
  EXPECT_FALSE(
      Applicability::Parse(header + "levensdomein,onbekend,ja,ja,ja,ja\n", refdata::BuiltIn())
          .ok());
  EXPECT_FALSE(Applicability::Parse("sleutel,wonen\n", refdata::BuiltIn()).ok());
}

}  // namespace
}  // namespace passend::match
