#include "interop/native_json.h"

#include <gtest/gtest.h>

#include "domain/validation.h"
#include "interop/json_reader.h"
#include "refdata/refdata.h"

namespace passend::interop {
namespace {

domain::Dataset Small() {
  domain::Dataset d;
  d.providers.push_back({"prv-a", "Zorggroep Heuvelland", true, "https://example.org"});
  d.locations.push_back({"loc-a", "prv-a", "De Linde", "Lindelaan 1", "GM0935", {50.85, 5.70}});
  domain::Offer o;
  o.id = "off-a";
  o.provider_id = "prv-a";
  o.location_id = "loc-a";
  o.kind = domain::OfferKind::kLogeren;
  o.name = "Logeerhuis De Linde";
  o.sectors = {domain::Sector::kVV};
  o.profiles = {"5VV"};
  o.delivery_forms = {domain::DeliveryForm::kVerblijf, domain::DeliveryForm::kPgb};
  o.capacity = 4;
  o.free_places = 0;
  o.waiting_people = 3;
  o.waiting_weeks = 6;
  o.contracted_regions = {"5531"};
  o.features = {{"logeren_weekend", 1}, {"groepsgrootte", 4.5}, {"huisdier_toegestaan", 0}};
  o.quality = {{domain::QualityKind::kReviews, "ZorgkaartNederland", "2026-03-14", 8.1, 132}};
  d.offers.push_back(o);
  domain::Client c;
  c.id = "cli-a";
  c.name = "Mia Janssen";
  c.birth_year = 1941;
  c.municipality_code = "GM0935";
  c.home = {50.861234567, 5.6912345};
  c.profile = "5VV";
  c.indication = domain::IndicationStatus::kGranted;
  c.care_status = domain::CareStatus::kPreference;
  c.care_provider_id = "prv-a";  // bridging care while waiting for the preferred place
  c.preferred_forms = {domain::DeliveryForm::kVerblijf};
  c.seeking = {domain::OfferKind::kWonen};
  c.representative = domain::Representative{"Anja Janssen", "dochter"};
  c.wishes = {{"rustige_omgeving", domain::Importance::kImportant, 3, "Rust"},
              {"", domain::Importance::kNice, std::nullopt, "Ontbijt met spek en eieren"}};
  c.needs = {{"dementie_expertise", "5VV"}};
  c.places = {
      {domain::PlaceKind::kFamilie, "dochter Anja", {50.88, 5.75}, 10, domain::Importance::kMust}};
  d.clients.push_back(c);
  return d;
}

TEST(NativeJsonTest, RoundTripIsExact) {
  const domain::Dataset d = Small();
  const std::string text = SerializeNativeDocument(d);
  auto back = ParseNativeDocument(text);
  ASSERT_TRUE(back.ok()) << back.error().ToString();
  EXPECT_EQ(SerializeNativeDocument(*back), text);
  EXPECT_EQ(back->clients[0].home, d.clients[0].home);
  EXPECT_EQ(back->clients[0].wishes, d.clients[0].wishes);
  EXPECT_EQ(back->offers[0].features, d.offers[0].features);
  EXPECT_EQ(back->offers[0].quality, d.offers[0].quality);
  EXPECT_EQ(back->clients[0].care_status, domain::CareStatus::kPreference);
  EXPECT_EQ(back->clients[0].care_provider_id, "prv-a");
  EXPECT_TRUE(domain::ValidateDataset(*back, refdata::BuiltIn()).ok());
}

// Files written before the care status existed still import: such a client is searching.
TEST(NativeJsonTest, ClientWithoutCareStatusIsOrienting) {
  nlohmann::json j = nlohmann::json::parse(SerializeNativeDocument(Small()));
  j["clients"][0].erase("care_status");
  j["clients"][0].erase("care_provider_id");
  auto back = ParseNativeDocument(j.dump());
  ASSERT_TRUE(back.ok()) << back.error().ToString();
  EXPECT_EQ(back->clients[0].care_status, domain::CareStatus::kOrienting);
  EXPECT_EQ(back->clients[0].care_provider_id, "");
}

struct BadCase {
  const char* name;
  std::function<void(nlohmann::json&)> mutate;
  const char* field;
};

TEST(NativeJsonTest, ShapeErrorsNameTheField) {
  const BadCase cases[] = {
      {"capacity as text", [](auto& j) { j["offers"][0]["capacity"] = "twaalf"; },
       "offers[0].capacity"},
      {"unknown kind", [](auto& j) { j["offers"][0]["kind"] = "hotel"; }, "offers[0].kind"},
      {"misspelt field", [](auto& j) { j["clients"][0]["wishs"] = nlohmann::json::array(); },
       "clients[0].wishs"},
      {"missing lat", [](auto& j) { j["clients"][0]["places"][0]["position"].erase("lat"); },
       "clients[0].places[0].position.lat"},
      {"importance", [](auto& j) { j["clients"][0]["wishes"][1]["importance"] = "heel erg"; },
       "clients[0].wishes[1].importance"},
      {"wrong format", [](auto& j) { j["format"] = "csv"; }, "format"},
      {"offers not a list", [](auto& j) { j["offers"] = 3; }, "offers"},
      // Quality is never a bare number: the old shape and a score without source are refused.
      {"bare quality", [](auto& j) { j["offers"][0]["quality"] = 8.1; }, "offers[0].quality"},
      {"score without source", [](auto& j) { j["offers"][0]["quality"][0].erase("source"); },
       "offers[0].quality[0].source"},
      {"score without count", [](auto& j) { j["offers"][0]["quality"][0].erase("reviews"); },
       "offers[0].quality[0].reviews"},
  };
  for (const auto& c : cases) {
    nlohmann::json j = DatasetToJson(Small());
    c.mutate(j);
    auto r = DatasetFromJson(j);
    ASSERT_FALSE(r.ok()) << c.name;
    EXPECT_EQ(r.error().code(), ErrorCode::kInvalidArgument) << c.name;
    EXPECT_EQ(r.error().field(), c.field) << c.name;
  }
}

TEST(NativeJsonTest, MalformedJsonSaysWhere) {
  auto r = ParseNativeDocument("{\"format\": \"passend\", ");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(r.error().message().find("byte"), std::string::npos);
}

// Regression (issue 23, item 3): a number beyond a double threw json::out_of_range past
// the parse_error handler; the API answered 500 and `passend import` "interne fout".
TEST(NativeJsonTest, NumberOutOfRangeNamesTheField) {
  struct Case {
    const char* text;
    const char* field;
  };
  for (const Case& c : {Case{"1e999", ""}, Case{"{\"a\": -1e400}", "a"},
                        Case{"{\"a\": {\"b\": [1, 2, 1e999]}}", "a.b[2]"},
                        Case{"[{\"x\": 1}, {\"y\": [[], 5e5000]}]", "[1].y[1]"},
                        Case{"{\"a\": [1], \"b\": 1e999}", "b"}}) {
    auto r = ParseJsonText(c.text);
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.error().code(), ErrorCode::kInvalidArgument) << c.text;
    EXPECT_EQ(r.error().field(), c.field) << c.text;
  }
  auto doc = ParseNativeDocument(
      "{\"format\": \"passend\", \"version\": 1, \"offers\": [{\"capacity\": 1e999}]}");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().field(), "offers[0].capacity");
}

// Regression (issue 23, item 17): "\u0000" gave a text with a NUL byte in it.
TEST(NativeJsonTest, NulInATextIsRefusedWithItsField) {
  auto r = ParseJsonText(R"({"name": "Jan", "wishes": [{"text": "a\u0000b"}]})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().field(), "wishes[0].text");
  auto key = ParseJsonText(R"({"a\u0000": 1})");
  ASSERT_FALSE(key.ok());
  // An escaped backslash followed by "u0000" is plain text, not a NUL.
  auto plain = ParseJsonText(R"({"name": "\\u0000"})");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ((*plain)["name"], "\\u0000");
}

}  // namespace
}  // namespace passend::interop

namespace passend::interop {
namespace {

TEST(NativeJsonTest, EmptySectionsAndOneRecordPerLine) {
  domain::Dataset empty;
  const std::string text = SerializeNativeDocument(empty);
  auto back = ParseNativeDocument(text);
  ASSERT_TRUE(back.ok()) << back.error().ToString() << "\n" << text;
  EXPECT_TRUE(back->offers.empty());
  domain::Dataset one;
  one.providers.push_back({"prv-a", "A", true, ""});
  one.providers.push_back({"prv-b", "B", false, ""});
  const std::string two = SerializeNativeDocument(one);
  EXPECT_NE(two.find("\n{\"agb_code\":\"\",\"established\":false,\"id\":\"prv-b\""),
            std::string::npos)
      << two;
  EXPECT_EQ(ParseNativeDocument(two)->providers.size(), 2u);
}

// An unknown value names the values that are allowed, so the sender can fix it at once.
TEST(NativeJsonTest, UnknownEnumValueListsTheAllowedOnes) {
  auto kind = EnumFromJson<domain::OfferKind>(nlohmann::json("woonzorg"), domain::ParseOfferKind);
  ASSERT_FALSE(kind.ok());
  EXPECT_EQ(kind.error().message(),
            "Onbekende waarde 'woonzorg'; kies uit: wonen, dagbesteding, logeren, zorg_thuis");
  auto status = EnumFromJson<domain::IndicationStatus>(nlohmann::json("afgegeven"),
                                                       domain::ParseIndicationStatus);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().message(),
            "Onbekende waarde 'afgegeven'; kies uit: none, requested, granted, refused");
  EXPECT_EQ(*EnumFromJson<domain::OfferKind>(nlohmann::json("logeren"), domain::ParseOfferKind),
            domain::OfferKind::kLogeren);
}

}  // namespace
}  // namespace passend::interop
