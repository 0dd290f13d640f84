#include "refdata/refdata.h"

#include <gtest/gtest.h>

#include <set>

namespace passend::refdata {
namespace {

TEST(RefdataTest, MunicipalitiesOfZuidLimburg) {
  const auto& ref = BuiltIn();
  EXPECT_EQ(ref.municipalities().size(), 390u);
  int64_t inhabitants = 0;
  int count = 0;
  for (const auto& m : ref.municipalities())
    if (m.zorgkantoor_code == "5531") {
      inhabitants += m.inhabitants;
      ++count;
    }
  EXPECT_EQ(count, 18);            // the 18 municipalities of the experiment
  EXPECT_EQ(inhabitants, 604145);  // data/README.md
  ASSERT_NE(ref.FindMunicipality("GM0935"), nullptr);
  EXPECT_EQ(ref.FindMunicipality("GM0935")->name, "Maastricht");
  EXPECT_EQ(ref.regions().size(), 32u);
}

TEST(RefdataTest, ProfilesIncludeTenVV) {
  const auto& ref = BuiltIn();
  ASSERT_NE(ref.FindProfile("5VV"), nullptr);
  EXPECT_EQ(ref.FindProfile("5VV")->sector, domain::Sector::kVV);
  ASSERT_NE(ref.FindProfile("10VV"), nullptr);
  EXPECT_FALSE(ref.FindProfile("9bVV")->pgb_possible);
  EXPECT_EQ(ref.FindProfile("GGZWonen3")->sector, domain::Sector::kGgzW);
}

TEST(RefdataTest, FeatureVocabularyCoversEveryLifeDomain) {
  const auto& ref = BuiltIn();
  EXPECT_GE(ref.features().size(), 80u);
  EXPECT_LE(ref.features().size(), 150u);
  std::set<domain::LifeDomain> domains;
  for (const auto& f : ref.features()) {
    domains.insert(f.domain);
    EXPECT_FALSE(f.label_nl.empty()) << f.id;
    EXPECT_FALSE(f.label_en.empty()) << f.id;
  }
  EXPECT_EQ(domains.size(), 8u);
  const domain::Feature* g = ref.FindFeature("groepsgrootte");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->kind, domain::FeatureKind::kNumber);
  EXPECT_FALSE(g->higher_is_better);
  EXPECT_EQ(ref.FeatureIndex("groepsgrootte").value(),
            static_cast<uint32_t>(g - ref.features().data()));
}

}  // namespace
}  // namespace passend::refdata
