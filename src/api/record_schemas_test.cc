// The record schemas against interop::ToJson, both ways: every field ToJson writes is
// documented with its type (and enum value), and every required field is written even when
// the record leaves its optional parts out. tests/openapi_conformance.py checks real answers
// against the same schemas; this catches a field added to ToJson but not to its schema.
#include "api/record_schemas.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "interop/native_json.h"

namespace passend::api {
namespace {

using nlohmann::json;
namespace d = passend::domain;

bool HasType(const json& value, const std::string& type) {
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  if (type == "string") return value.is_string();
  if (type == "boolean") return value.is_boolean();
  if (type == "integer") return value.is_number_integer();
  if (type == "number") return value.is_number();
  return false;
}

// What is wrong with `value` against `schema` (the subset the record schemas use), with
// the path of each problem. Also flags fields the schema does not document.
void Check(const json& value, const json& schema, const std::string& path,
           std::vector<std::string>& problems) {
  if (value.is_null()) {
    if (!schema.value("nullable", false)) problems.push_back(path + ": null, not nullable");
    return;
  }
  const std::string type = schema.value("type", "");
  if (!HasType(value, type)) {
    problems.push_back(path + ": not of type " + type + ": " + value.dump());
    return;
  }
  if (schema.contains("enum") &&
      std::find(schema["enum"].begin(), schema["enum"].end(), value) == schema["enum"].end()) {
    problems.push_back(path + ": " + value.dump() + " is not in the enum");
  }
  if (value.is_array()) {
    for (size_t i = 0; i < value.size(); ++i)
      Check(value[i], schema["items"], path + "[" + std::to_string(i) + "]", problems);
  }
  if (value.is_object()) {
    for (const auto& name : schema.value("required", json::array())) {
      if (!value.contains(name.get<std::string>()))
        problems.push_back(path + "." + name.get<std::string>() + ": required, missing");
    }
    for (auto it = value.begin(); it != value.end(); ++it) {
      const auto& properties = schema.value("properties", json::object());
      if (!properties.contains(it.key())) {
        problems.push_back(path + "." + it.key() + ": not documented");
        continue;
      }
      Check(it.value(), properties[it.key()], path + "." + it.key(), problems);
    }
  }
}

std::vector<std::string> Problems(const json& value, const json& schema) {
  std::vector<std::string> problems;
  Check(value, schema, "$", problems);
  return problems;
}

d::Offer FullOffer() {
  d::Offer o;
  o.id = "off-1";
  o.provider_id = "prv-1";
  o.location_id = "loc-1";
  o.kind = d::OfferKind::kZorgThuis;
  o.name = "Thuiszorg";
  o.description = "Zorg bij u thuis";
  o.sectors = {d::Sector::kVV, d::Sector::kGgzW};
  o.profiles = {"5VV"};
  o.delivery_forms = {d::DeliveryForm::kVpt, d::DeliveryForm::kPgb};
  o.capacity = 20;
  o.free_places = 3;
  o.waiting_people = 4;
  o.waiting_weeks = 6;
  o.contracted_regions = {"5531"};
  o.features = {{"tuin", 1}, {"rustige_omgeving", 3}};
  o.quality = {{d::QualityKind::kReviews, "ZorgkaartNederland", "2026-03-14", 7.5, 41},
               {d::QualityKind::kInspection, "Inspectie Gezondheidszorg en Jeugd", "2025-09-01", 0,
                0, d::InspectionOutcome::kMeets, "https://www.igj.nl/x"}};
  o.service_radius_km = 12.5;
  return o;
}

d::Client FullClient() {
  d::Client c;
  c.id = "cli-1";
  c.name = "Mevrouw Janssen";
  c.birth_year = 1938;
  c.municipality_code = "GM0935";
  c.home = {50.85, 5.70};
  c.sector = d::Sector::kVV;
  c.indication = d::IndicationStatus::kGranted;
  c.profile = "5VV";
  c.preferred_forms = {d::DeliveryForm::kVerblijf};
  c.seeking = {d::OfferKind::kWonen, d::OfferKind::kDagbesteding};
  c.representative = d::Representative{"Anja", "dochter"};
  c.wishes = {{"rustige_omgeving", d::Importance::kMust, 3.0, "rust"},
              {"", d::Importance::kNice, std::nullopt, "koffie na de mis"}};
  c.needs = {{"dementie_expertise", "beginnende dementie"}};
  c.places = {{d::PlaceKind::kKerk, "parochie", {50.86, 5.69}, 3, d::Importance::kNice}};
  return c;
}

TEST(RecordSchemasTest, ProviderAndLocation) {
  d::Provider p{"prv-1", "Zorggroep Heuvelland", false, "https://example.org"};
  EXPECT_EQ(Problems(interop::ToJson(p), ProviderSchema()), std::vector<std::string>{});
  EXPECT_EQ(Problems(interop::ToJson(d::Provider{}), ProviderSchema()), std::vector<std::string>{});
  d::Location l{"loc-1", "prv-1", "De Linde", "Lindelaan 1", "GM0935", {50.85, 5.70}};
  EXPECT_EQ(Problems(interop::ToJson(l), LocationSchema()), std::vector<std::string>{});
}

TEST(RecordSchemasTest, OfferWithAndWithoutItsOptionalFields) {
  d::Offer full = FullOffer();
  EXPECT_EQ(Problems(interop::ToJson(full), OfferSchema()), std::vector<std::string>{});
  d::Offer bare = full;
  bare.quality.clear();
  bare.profiles.clear();
  bare.features.clear();
  EXPECT_EQ(Problems(interop::ToJson(bare), OfferSchema()), std::vector<std::string>{});
  const json required = OfferSchema()["required"];
  // Quality is always a list (empty: nothing known), never a bare number.
  EXPECT_NE(std::find(required.begin(), required.end(), "quality"), required.end());
  json bare_number = interop::ToJson(full);
  bare_number["quality"] = 7.5;
  EXPECT_NE(Problems(bare_number, OfferSchema()), std::vector<std::string>{});
}

TEST(RecordSchemasTest, ClientWithAndWithoutItsOptionalFields) {
  d::Client full = FullClient();
  EXPECT_EQ(Problems(interop::ToJson(full), ClientSchema()), std::vector<std::string>{});
  d::Client bare;
  bare.id = "cli-2";
  bare.municipality_code = "GM0917";
  EXPECT_EQ(Problems(interop::ToJson(bare), ClientSchema()), std::vector<std::string>{});
}

TEST(RecordSchemasTest, AMissingRequiredFieldOrAWrongValueIsCaught) {
  json offer = interop::ToJson(FullOffer());
  offer.erase("capacity");
  offer["kind"] = "hotel";
  EXPECT_EQ(Problems(offer, OfferSchema()),
            (std::vector<std::string>{"$.capacity: required, missing",
                                      "$.kind: \"hotel\" is not in the enum"}));
}

TEST(RecordSchemasTest, EnumsComeFromTheDomainLists) {
  const json kinds = OfferSchema()["properties"]["kind"]["enum"];
  EXPECT_EQ(kinds, json::array({"wonen", "dagbesteding", "logeren", "zorg_thuis"}));
  const json places = ClientSchema()["properties"]["places"]["items"]["properties"]["kind"]["enum"];
  EXPECT_EQ(places.size(), std::size(d::kAllPlaceKinds));
}

TEST(RecordSchemasTest, ObjectRequiresAllButTheOptionalOnes) {
  json o = schema::Object({{"a", schema::String()}, {"b", schema::Integer()}}, {"b"});
  EXPECT_EQ(o["required"], json::array({"a"}));
  EXPECT_THROW(schema::Object({{"a", schema::String()}}, {"typo"}), std::logic_error);
}

}  // namespace
}  // namespace passend::api
