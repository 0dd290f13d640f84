#include "generate/offer_templates.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "generate/client_parts.h"
#include "refdata/refdata.h"

namespace passend::generate {
namespace {

const domain::ReferenceData& Ref() { return refdata::BuiltIn(); }

void ExpectValidChance(const FeatureChance& fc, const std::string& where) {
  const domain::Feature* f = Ref().FindFeature(std::string(fc.id));
  ASSERT_NE(f, nullptr) << where << ": unknown feature " << fc.id;
  EXPECT_GE(fc.p, 0) << where;
  EXPECT_LE(fc.p, 1) << where;
  if (f->kind == domain::FeatureKind::kLevel) {
    EXPECT_GE(fc.lo, 1) << where << " " << fc.id;
    EXPECT_LE(fc.hi, f->level_max) << where << " " << fc.id;
  }
  EXPECT_LE(fc.lo, fc.hi) << where << " " << fc.id;
}

TEST(OfferTemplates, EveryFeatureAndProfileIsInTheReferenceData) {
  std::set<std::string_view> keys;
  for (const OfferTemplate& t : OfferTemplates()) {
    const std::string where(t.key);
    EXPECT_TRUE(keys.insert(t.key).second) << "duplicate key " << where;
    EXPECT_FALSE(t.sectors.empty()) << where;
    EXPECT_GT(t.weight, 0) << where;
    EXPECT_GE(t.cap_lo, 1) << where;
    EXPECT_LE(t.cap_lo, t.cap_hi) << where;
    EXPECT_GT(t.turnover, 0) << where;
    for (const FeatureChance& fc : t.features) ExpectValidChance(fc, where);
    for (std::string_view code : t.profiles) {
      const domain::CareProfile* p = Ref().FindProfile(std::string(code));
      ASSERT_NE(p, nullptr) << where << ": unknown profile " << code;
      bool in_sector = false;
      for (domain::Sector s : t.sectors) in_sector |= s == p->sector;
      EXPECT_TRUE(in_sector) << where << ": " << code << " outside its sectors";
    }
  }
}

TEST(OfferTemplates, CommonFeaturesAreInTheVocabulary) {
  for (domain::OfferKind k : domain::kAllOfferKinds)
    for (const FeatureChance& fc : CommonFeatures(k))
      ExpectValidChance(fc, "common " + std::string(domain::ToString(k)));
}

TEST(OfferTemplates, EverySectorHasHousingAndDayActivities) {
  for (domain::Sector s : domain::kAllSectors) {
    bool wonen = false, dag = false;
    for (const OfferTemplate& t : OfferTemplates()) {
      bool serves = false;
      for (domain::Sector ts : t.sectors) serves |= ts == s;
      if (!serves) continue;
      wonen |= t.kind == domain::OfferKind::kWonen;
      dag |= t.kind == domain::OfferKind::kDagbesteding;
    }
    EXPECT_TRUE(wonen) << domain::ToString(s);
    EXPECT_TRUE(dag) << domain::ToString(s);
  }
}

TEST(ClientTables, EveryWishAndNeedFeatureIsInTheVocabulary) {
  for (std::string_view id : WishAndNeedFeatureIds())
    EXPECT_NE(Ref().FindFeature(std::string(id)), nullptr) << id;
}

}  // namespace
}  // namespace passend::generate
