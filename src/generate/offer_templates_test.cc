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

TEST(OfferTemplateTable, ParsesChancesAndRangesAndNamesTheBadTemplate) {
  const std::string header =
      "key,kind,sectors,profiles,weight,name,cap_lo,cap_hi,wait_pressure,turnover,small,"
      "features\n";
  auto ok = ParseOfferTemplates(header +
                                "x,wonen,VV,5VV 6VV,2,Huis,4,8,0.1,0.5,no,tuin@0.5 "
                                "groepsgrootte=6-8 rustige_omgeving@0.3=2\n");
  ASSERT_TRUE(ok.ok()) << ok.error().ToString();
  ASSERT_EQ(ok->size(), 1u);
  const OfferTemplate& t = ok->front();
  EXPECT_EQ(t.profiles, (std::vector<std::string>{"5VV", "6VV"}));
  ASSERT_EQ(t.features.size(), 3u);
  EXPECT_EQ(t.features[0].p, 0.5);
  EXPECT_EQ(t.features[1].p, 1);
  EXPECT_EQ(t.features[1].lo, 6);
  EXPECT_EQ(t.features[1].hi, 8);
  EXPECT_EQ(t.features[2].p, 0.3);
  EXPECT_EQ(t.features[2].lo, 2);
  EXPECT_EQ(t.features[2].hi, 2);
  auto bad = ParseOfferTemplates(header + "y,hotel,VV,,1,Huis,1,2,0,1,no,\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message().find("aanbodsjablonen.csv y"), std::string::npos);
  EXPECT_FALSE(ParseOfferTemplates(header + "z,wonen,VV,,1,Huis,1,2,0,1,no,tuin@veel\n").ok());
  EXPECT_FALSE(ParseOfferTemplates(header + "z,wonen,VV,,1,Huis,1,2,0,1,misschien,\n").ok());
}

TEST(ClientTables, EveryWishAndNeedFeatureIsInTheVocabulary) {
  for (std::string_view id : WishAndNeedFeatureIds())
    EXPECT_NE(Ref().FindFeature(std::string(id)), nullptr) << id;
}

}  // namespace
}  // namespace passend::generate
