#include "generate/quality_report.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "generate/feature_rules.h"
#include "generate/offer_templates.h"
#include "generate/test_support.h"
#include "refdata/refdata.h"

namespace passend::generate {
namespace {

using testing::Cached;

const domain::ReferenceData& Ref() { return refdata::BuiltIn(); }

// Every figure within its stated tolerance, and no client with a contradictory pair.
void ExpectWithinTolerance(const QualityReport& r) {
  EXPECT_FALSE(r.figures.empty());
  for (const QualityFigure& f : r.figures)
    EXPECT_TRUE(f.ok()) << f.name << ": generated " << f.generated << ", public " << f.published
                        << " ± " << f.tolerance << " (" << f.why << ")";
  EXPECT_EQ(r.contradictory_clients, 0) << r.first_contradiction;
}

TEST(QualityReport, ZuidLimburgIsWithinTheTolerances) {
  const QualityReport r =
      CheckQuality(Cached(RegionPreset::kZuidLimburg), RegionPreset::kZuidLimburg, Ref());
  ExpectWithinTolerance(r);
  std::cout << FormatQualityReport(r);
}

TEST(QualityReport, RotterdamIsWithinTheTolerances) {
  const QualityReport r =
      CheckQuality(Cached(RegionPreset::kRotterdam), RegionPreset::kRotterdam, Ref());
  ExpectWithinTolerance(r);
  std::cout << FormatQualityReport(r);
}

// The check can fail: a region where nobody waits, and one client wishing both the town
// centre and the countryside.
TEST(QualityReport, FailsWhenAFigureLeavesItsToleranceOrWishesContradict) {
  domain::Dataset d = Cached(RegionPreset::kZuidLimburg);
  for (domain::Client& c : d.clients)
    if (c.indication == domain::IndicationStatus::kGranted) {
      c.care_status = domain::CareStatus::kInCare;
      c.care_provider_id.clear();
    }
  d.clients[0].wishes.push_back({"stadscentrum", domain::Importance::kMust, std::nullopt, ""});
  d.clients[0].wishes.push_back({"landelijk", domain::Importance::kNice, std::nullopt, ""});
  const QualityReport r = CheckQuality(d, RegionPreset::kZuidLimburg, Ref());
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.contradictory_clients, 1);
  const auto waiting = std::find_if(r.figures.begin(), r.figures.end(), [](const auto& f) {
    return f.name == "VV wachtend van wie een indicatie heeft";
  });
  ASSERT_NE(waiting, r.figures.end());
  EXPECT_FALSE(waiting->ok());
  EXPECT_NE(FormatQualityReport(r).find("BUITEN MARGE"), std::string::npos);
}

TEST(QualityReport, FiguresAreWrittenTheDutchWay) {
  QualityReport r;
  r.figures.push_back({"Aandeel", 36.84, 36.0, 1.26, "%", "bron", "waarom"});
  r.figures.push_back({"Per cliënt", 0.5113, 0.513, 0.026, "per cliënt", "bron", "waarom"});
  const std::string text = FormatQualityReport(r);
  EXPECT_NE(text.find("36,8     36,0  ±1,3"), std::string::npos) << text;
  EXPECT_NE(text.find("0,511    0,513  ±0,026"), std::string::npos) << text;
  EXPECT_EQ(text.find("36.8"), std::string::npos) << text;
}

TEST(FeatureRules, AnOwnApartmentIsAnOwnRoomAndTheCentreIsNotRural) {
  std::vector<domain::FeatureValue> f = {
      {"geclusterd_wonen", 1}, {"eigen_kamer", 0}, {"stadscentrum", 1}, {"landelijk", 1}};
  ApplyRelations(f, Ref());
  auto value = [&](const char* id) -> double {
    for (const auto& fv : f)
      if (fv.feature_id == id) return fv.value;
    return -1;  // not listed: unknown
  };
  EXPECT_EQ(value("eigen_appartement"), 1);  // clustered living is an own home
  EXPECT_EQ(value("eigen_kamer"), 1);        // a stated no yields to the implication
  EXPECT_EQ(value("eigen_badkamer"), 1);
  EXPECT_EQ(value("landelijk"), 0);
  // A level has no "no": quiet excludes lively, which becomes unknown.
  std::vector<domain::FeatureValue> levels = {{"rustige_omgeving", 3}, {"levendige_omgeving", 2}};
  ApplyRelations(levels, Ref());
  EXPECT_EQ(levels, (std::vector<domain::FeatureValue>{{"rustige_omgeving", 3}}));
  EXPECT_EQ(value("huisdier_toegestaan"), -1);
}

TEST(FeatureRules, TablesUseTheVocabulary) {
  for (const FeatureRelation& r : FeatureRelations()) {
    EXPECT_NE(Ref().FindFeature(r.feature), nullptr) << r.feature;
    EXPECT_NE(Ref().FindFeature(r.other), nullptr) << r.other;
  }
  for (const StandardFeature& s : StandardFeatures()) {
    const domain::Feature* f = Ref().FindFeature(s.feature);
    ASSERT_NE(f, nullptr) << s.feature;
    EXPECT_EQ(f->kind, domain::FeatureKind::kYesNo) << s.feature;
    for (const std::string& token : s.applies_to) {
      const bool known = domain::ParseSector(token) || Ref().FindProfile(token) != nullptr ||
                         std::any_of(OfferTemplates().begin(), OfferTemplates().end(),
                                     [&](const OfferTemplate& t) { return t.key == token; });
      EXPECT_TRUE(known) << token;
    }
  }
}

TEST(OfferTemplateTable, ErrorsNameTheTemplate) {
  const std::string header =
      "key,kind,sectors,profiles,weight,name,cap_lo,cap_hi,wait_pressure,turnover,small,"
      "features\n";
  auto ok = ParseOfferTemplates(header +
                                "x,wonen,VV,5VV,2,Huis,4,8,0.1,0.5,no,tuin@0.5 "
                                "groepsgrootte=6-8 rustige_omgeving@0.3=2\n");
  ASSERT_TRUE(ok.ok()) << ok.error().ToString();
  ASSERT_EQ(ok->size(), 1u);
  const OfferTemplate& t = ok->front();
  ASSERT_EQ(t.features.size(), 3u);
  EXPECT_EQ(t.features[0].p, 0.5);
  EXPECT_EQ(t.features[1].lo, 6);
  EXPECT_EQ(t.features[1].hi, 8);
  EXPECT_EQ(t.features[2].lo, 2);
  EXPECT_EQ(t.features[2].hi, 2);
  auto bad = ParseOfferTemplates(header + "y,hotel,VV,,1,Huis,1,2,0,1,no,\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message().find("y"), std::string::npos);
  bad = ParseOfferTemplates(header + "z,wonen,VV,,1,Huis,1,2,0,1,no,tuin@veel\n");
  ASSERT_FALSE(bad.ok());
}

}  // namespace
}  // namespace passend::generate
