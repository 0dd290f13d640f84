#include "domain/validation.h"

#include <gtest/gtest.h>

#include "refdata/refdata.h"

namespace passend::domain {
namespace {

class ValidationTest : public ::testing::Test {
 protected:
  const ReferenceData& ref = refdata::BuiltIn();

  Dataset Small() {
    Dataset d;
    d.providers.push_back({"prv-a", "Zorggroep Heuvelland", true, ""});
    d.locations.push_back({"loc-a", "prv-a", "De Linde", "Lindelaan 1", "GM0935", {50.85, 5.70}});
    Offer o;
    o.id = "off-a";
    o.provider_id = "prv-a";
    o.location_id = "loc-a";
    o.name = "Kleinschalig wonen De Linde";
    o.sectors = {Sector::kVV};
    o.profiles = {"5VV", "6VV"};
    o.delivery_forms = {DeliveryForm::kVerblijf};
    o.capacity = 12;
    o.free_places = 1;
    o.contracted_regions = {"5531"};
    o.features = {{"dementie_expertise", 1}, {"groepsgrootte", 6}};
    d.offers.push_back(o);
    Client c;
    c.id = "cli-a";
    c.municipality_code = "GM0935";
    c.home = {50.86, 5.69};
    c.profile = "5VV";
    c.indication = IndicationStatus::kGranted;
    c.wishes = {{"tuin", Importance::kMust, std::nullopt, "Ik wil naar buiten kunnen"},
                {"", Importance::kNice, std::nullopt, "Ontbijt met spek en eieren"}};
    d.clients.push_back(c);
    return d;
  }
};

TEST_F(ValidationTest, AcceptsAConsistentDataset) {
  Status s = ValidateDataset(Small(), ref);
  EXPECT_TRUE(s.ok()) << s.error().ToString();
}

TEST_F(ValidationTest, NegativeCapacityNamesTheField) {
  Dataset d = Small();
  d.offers[0].capacity = -1;
  Status s = ValidateDataset(d, ref);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(s.error().field(), "offers[0].capacity");
}

// Quality is never a bare number: a score without its source, date or count is refused
// with the field at fault.
TEST_F(ValidationTest, QualityNoteCarriesSourceDateAndCount) {
  const QualityNote good{QualityKind::kReviews, "ZorgkaartNederland", "2026-03-14", 7.8, 132};
  const QualityNote inspection{
      QualityKind::kInspection,        std::string(kInspectorate),  "2025-11-02", 0, 0,
      InspectionOutcome::kPartlyMeets, "https://www.igj.nl/rapport"};
  Dataset d = Small();
  d.offers[0].quality = {good, inspection};
  Status ok = ValidateDataset(d, ref);
  EXPECT_TRUE(ok.ok()) << ok.error().ToString();

  struct Case {
    QualityNote note;
    std::string field;
  };
  QualityNote no_source = good, no_date = good, no_count = good, bad_score = good, bad_date = good,
              scored_inspection = inspection, bad_link = inspection;
  no_source.source.clear();
  no_date.measured.clear();
  no_count.reviews = 0;
  bad_score.score = 10.5;
  bad_date.measured = "14-03-2026";
  scored_inspection.score = 8;
  bad_link.link = "javascript:alert(1)";
  for (const Case& c :
       {Case{no_source, "source"}, Case{no_date, "measured"}, Case{no_count, "reviews"},
        Case{bad_score, "score"}, Case{bad_date, "measured"}, Case{scored_inspection, "score"},
        Case{bad_link, "link"}}) {
    d.offers[0].quality = {good, c.note};
    Status s = ValidateDataset(d, ref);
    ASSERT_FALSE(s.ok()) << c.field;
    EXPECT_EQ(s.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(s.error().field(), "offers[0].quality[1]." + c.field);
    EXPECT_FALSE(s.error().message().empty());
  }
}

TEST_F(ValidationTest, UnknownFeatureNamesTheField) {
  Dataset d = Small();
  d.clients[0].wishes[0].feature_id = "zwembad_op_dak";
  Status s = ValidateDataset(d, ref);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field(), "clients[0].wishes[0].feature_id");
}

TEST_F(ValidationTest, CoordinatesOutsideTheNetherlands) {
  Dataset d = Small();
  d.locations[0].position = {5.70, 50.85};  // swapped
  Status s = ValidateDataset(d, ref);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field(), "locations[0].position");
}

TEST_F(ValidationTest, ReferencesMustResolve) {
  Dataset d = Small();
  d.offers[0].location_id = "loc-missing";
  EXPECT_EQ(ValidateDataset(d, ref).error().field(), "offers[0].location_id");
  d = Small();
  d.offers.push_back(d.offers[0]);
  EXPECT_EQ(ValidateDataset(d, ref).error().field(), "offers[1].id");
}

TEST_F(ValidationTest, ProfileMustBelongToSector) {
  Dataset d = Small();
  d.offers[0].profiles = {"6VG"};
  EXPECT_EQ(ValidateDataset(d, ref).error().field(), "offers[0].profiles[0]");
  d = Small();
  d.clients[0].sector = Sector::kVG;
  EXPECT_EQ(ValidateDataset(d, ref).error().field(), "clients[0].profile");
}

TEST_F(ValidationTest, FeatureValueRanges) {
  Dataset d = Small();
  d.offers[0].features.push_back({"rustige_omgeving", 4});  // levels are 1..3
  EXPECT_EQ(ValidateDataset(d, ref).error().field(), "offers[0].features[2].value");
  d = Small();
  d.clients[0].places.push_back(
      {PlaceKind::kFamilie, "dochter", {50.9, 5.9}, -1, Importance::kMust});
  EXPECT_EQ(ValidateDataset(d, ref).error().field(), "clients[0].places[0].max_km");
}

// Offer features are yes, no or unknown: 0 is an explicit "no", a feature not listed is
// unknown. Anything else on a yes/no feature is an error.
TEST_F(ValidationTest, YesNoFeatureIsYesOrExplicitlyNo) {
  Dataset d = Small();
  d.offers[0].features.push_back({"huisdier_toegestaan", 0});
  EXPECT_TRUE(ValidateDataset(d, ref).ok());
  d.offers[0].features.back().value = 0.5;
  EXPECT_EQ(ValidateDataset(d, ref).error().field(), "offers[0].features[2].value");
}

TEST_F(ValidationTest, CareStatus) {
  Dataset d = Small();
  d.clients[0].care_status = CareStatus::kInCare;
  d.clients[0].care_provider_id = "prv-a";
  EXPECT_TRUE(ValidateDataset(d, ref).ok());
  d.clients[0].care_status = CareStatus::kPreference;  // bridging care while waiting
  EXPECT_TRUE(ValidateDataset(d, ref).ok());
  d.clients[0].care_provider_id = "prv-elders";
  EXPECT_EQ(ValidateDataset(d, ref).error().field(), "clients[0].care_provider_id");
  d = Small();
  d.clients[0].care_provider_id = "prv-a";  // orienting, yet cared for by a provider
  EXPECT_EQ(ValidateDataset(d, ref).error().field(), "clients[0].care_provider_id");
  d = Small();
  d.clients[0].indication = IndicationStatus::kRequested;
  d.clients[0].care_status = CareStatus::kUrgent;  // no waiting list before the indication
  EXPECT_EQ(ValidateDataset(d, ref).error().field(), "clients[0].care_status");
  d.clients[0].care_status = CareStatus::kInCare;
  EXPECT_EQ(ValidateDataset(d, ref).error().field(), "clients[0].care_status");
}

// What can be saved can be matched: a dossier is held to the bounds the matching has, so
// a 21st wish in own words is refused when it is written, not when the client asks for
// options.
TEST_F(ValidationTest, AClientIsHeldToTheMatchingsBounds) {
  Dataset d = Small();
  Client& c = d.clients[0];
  while (c.wishes.size() < 1 + kMaxFreeTextWishes)  // one wish with a feature, 20 own words
    c.wishes.push_back({"", Importance::kNice, std::nullopt, "Iets in eigen woorden"});
  EXPECT_TRUE(ValidateDataset(d, ref).ok());
  c.wishes.push_back({"", Importance::kNice, std::nullopt, "Nog iets"});
  Status s = ValidateDataset(d, ref);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field(), "clients[0].wishes");
  EXPECT_NE(s.error().message().find("eigen woorden"), std::string::npos) << s.error().message();
  d = Small();
  d.clients[0].places.assign(kMaxPlaces + 1, Place{});
  EXPECT_EQ(ValidateDataset(d, ref).error().field(), "clients[0].places");
}

TEST(IdTest, Shape) {
  EXPECT_TRUE(IsValidId("off-7k2m_9Q"));
  EXPECT_FALSE(IsValidId(""));
  EXPECT_FALSE(IsValidId("a b"));
  EXPECT_FALSE(IsValidId(std::string(65, 'a')));
}

}  // namespace
}  // namespace passend::domain
