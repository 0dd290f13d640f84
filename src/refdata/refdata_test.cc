#include "refdata/refdata.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "domain/regions.h"
#include "domain/validation.h"

namespace passend::refdata {
namespace {

TEST(RefdataTest, MunicipalitiesOfZuidLimburg) {
  const auto& ref = BuiltIn();
  EXPECT_EQ(ref.municipalities().size(), 342u);  // borders of 1 January 2025
  int64_t inhabitants = 0;
  int count = 0;
  for (const auto& m : ref.municipalities())
    if (m.zorgkantoor_code == "5531") {
      inhabitants += m.inhabitants;
      EXPECT_EQ(m.inhabitants_source, "summed_2014") << m.name;
      ++count;
    }
  EXPECT_EQ(count, 16);  // the 18 of the experiment, Nuth, Onderbanken, Schinnen now Beekdaelen
  EXPECT_EQ(inhabitants, 604145);  // the same people as the 2014 figure (data/README.md)
  ASSERT_NE(ref.FindMunicipality("GM0935"), nullptr);
  EXPECT_EQ(ref.FindMunicipality("GM0935")->name, "Maastricht");
  EXPECT_EQ(ref.FindMunicipality("GM0951"), nullptr);  // Nuth
  EXPECT_EQ(ref.regions().size(), 31u);
  ASSERT_NE(ref.FindRegion("5519"), nullptr);  // Westland Schieland Delfland (CBS ZK33)
  EXPECT_EQ(ref.FindMunicipality("GM0606")->zorgkantoor_code, "5519");  // Schiedam
  EXPECT_EQ(ref.FindRegion("5522"), nullptr);
}

// Where a figure is missing, a documented rule fills it and says so.
TEST(RefdataTest, FilledGapsAreMarked) {
  const auto& ref = BuiltIn();
  std::map<std::string, int> sources;
  for (const auto& m : ref.municipalities()) {
    ++sources[m.inhabitants_source];
    EXPECT_GT(m.inhabitants, 0) << m.name;
  }
  EXPECT_EQ(sources["cbs_2025"], 21);
  EXPECT_EQ(sources["estimate"], 9);
  EXPECT_EQ(sources["summed_2014"], 342 - 21 - 9);
  const domain::Municipality* hengelo = ref.FindMunicipality("GM0164");
  EXPECT_EQ(hengelo->inhabitants_source, "estimate");
  EXPECT_TRUE(hengelo->vv_clients_estimated);
  EXPECT_GT(hengelo->vv_light_clients + hengelo->vv_heavy_clients_forecast, 0);
  const domain::Municipality* almere = ref.FindMunicipality("GM0034");
  EXPECT_EQ(almere->inhabitants, 229570);  // CBS, 1 January 2025
  EXPECT_FALSE(almere->vv_clients_estimated);
}

TEST(RefdataTest, OldCodesLeadToToday) {
  const auto& ref = BuiltIn();
  EXPECT_EQ(ref.CurrentMunicipalityCode("GM0935"), "GM0935");  // still current
  EXPECT_EQ(ref.CurrentMunicipalityCode("GM0951"), "GM1954");  // Nuth -> Beekdaelen
  EXPECT_EQ(ref.CurrentMunicipalityCode("GM0568"), "GM1930");  // Bernisse -> Nissewaard
  // Haaren was split: most addresses went to Oisterwijk; by position, Helvoirt to Vught.
  EXPECT_EQ(ref.CurrentMunicipalityCode("GM0788"), "GM0824");
  EXPECT_EQ(ref.CurrentMunicipalityCode("GM0788", domain::GeoPoint{51.63, 5.24}), "GM0865");
  EXPECT_EQ(ref.CurrentMunicipalityCode("GM9999"), "");
  // The one lookup of a region's municipalities gives the same ones, in table order.
  const std::vector<std::string> codes = domain::MunicipalitiesOf(ref, "5531");
  EXPECT_EQ(codes.size(), 16u);
  for (const auto& code : codes) EXPECT_EQ(ref.FindMunicipality(code)->zorgkantoor_code, "5531");
  EXPECT_TRUE(domain::MunicipalitiesOf(ref, "9999").empty());
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
  EXPECT_LE(ref.features().size(), 200u);
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
// The guideline (issue 20.1): every life domain of the vocabulary, every linked feature in
// the vocabulary, and every feature of the vocabulary reachable from some question, so an
// answer can produce any wish the matching knows. Plain Dutch: short sentences.
TEST(LeidraadTest, CoversEveryLifeDomainAndLinksOnlyKnownFeatures) {
  const auto& ref = BuiltIn();
  const auto& g = BuiltInLeidraad();
  ASSERT_EQ(g.domains.size(), std::size(domain::kAllLifeDomains));
  std::set<std::string> linked;
  for (size_t i = 0; i < g.domains.size(); ++i) {
    const auto& d = g.domains[i];
    EXPECT_EQ(d.domain, domain::kAllLifeDomains[i]);
    EXPECT_GE(d.questions.size(), 2u) << domain::ToString(d.domain);
    for (const auto& q : d.questions) {
      EXPECT_FALSE(q.text_en.empty()) << q.id;
      ASSERT_FALSE(q.feature_ids.empty()) << q.id;
      for (const auto& f : q.feature_ids) {
        EXPECT_NE(ref.FindFeature(f), nullptr) << q.id << ": " << f;
        linked.insert(f);
      }
      // B1: no sentence longer than 15 words; a question, not a statement.
      std::string sentence;
      int words = 0;
      for (char ch : q.text_nl + " ") {
        if (ch == ' ' && !sentence.empty()) {
          ++words;
          sentence.clear();
        } else if (ch == '.' || ch == '?' || ch == '!' || ch == ':') {
          EXPECT_LE(words + (sentence.empty() ? 0 : 1), 15) << q.id;
          words = 0;
          sentence.clear();
        } else if (ch != ' ') {
          sentence += ch;
        }
      }
      EXPECT_NE(q.text_nl.find('?'), std::string::npos) << q.id;
    }
  }
  for (const auto& f : ref.features())
    EXPECT_TRUE(linked.count(f.id)) << "geen vraag voor " << f.id;
  EXPECT_TRUE(domain::ValidateGuideline(g, ref).ok());
}

TEST(LeidraadTest, AnUnknownFeatureOrAMissingDomainNamesThePlace) {
  const auto& ref = BuiltIn();
  domain::Guideline g = BuiltInLeidraad();
  g.domains[2].questions[1].feature_ids.push_back("zwembad_op_dak");
  Status s = domain::ValidateGuideline(g, ref);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field(),
            "domains[2].questions[1].feature_ids[" +
                std::to_string(g.domains[2].questions[1].feature_ids.size() - 1) + "]");
  g = BuiltInLeidraad();
  g.domains.pop_back();
  EXPECT_EQ(domain::ValidateGuideline(g, ref).error().field(), "domains");
  auto bad = ParseLeidraad("domain,title_nl,title_en,intro_nl,intro_en\nruimtevaart,a,b,c,d\n",
                           "domain,id,question_nl,question_en,features\n");
  EXPECT_FALSE(bad.ok());
}

}  // namespace passend::refdata
