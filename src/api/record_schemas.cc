#include "api/record_schemas.h"

#include <stdexcept>
#include <string>

#include "domain/quality.h"
#include "domain/vocabulary.h"

namespace passend::api {

nlohmann::json FhirResourceSchema(std::string_view resource_type) {
  using nlohmann::json;
  json type = {{"type", "string"}, {"enum", json::array({std::string(resource_type)})}};
  return {{"type", "object"},
          {"description", "FHIR R4 (docs/fhir.md)"},
          {"required", json::array({"resourceType"})},
          {"properties", {{"resourceType", std::move(type)}}}};
}

namespace schema {

using nlohmann::json;

namespace {

json Typed(std::string_view type, std::string_view description) {
  json j = {{"type", type}};
  if (!description.empty()) j["description"] = description;
  return j;
}

}  // namespace

json String(std::string_view description) { return Typed("string", description); }
json Integer(std::string_view description) { return Typed("integer", description); }
json Number(std::string_view description) { return Typed("number", description); }
json Boolean(std::string_view description) { return Typed("boolean", description); }

json DateTime(std::string_view description) {
  json j = Typed("string", description);
  j["format"] = "date-time";
  return j;
}

json Nullable(json s) {
  s["nullable"] = true;
  return s;
}

json ArrayOf(json items) { return {{"type", "array"}, {"items", std::move(items)}}; }

json Object(json properties, std::initializer_list<std::string_view> optional) {
  for (std::string_view name : optional) {
    if (!properties.contains(name)) {
      throw std::logic_error("schema::Object: optional property '" + std::string(name) +
                             "' is not one of its properties");
    }
  }
  json required = json::array();
  for (auto it = properties.begin(); it != properties.end(); ++it) {
    bool is_optional = false;
    for (std::string_view o : optional) is_optional |= o == it.key();
    if (!is_optional) required.push_back(it.key());
  }
  json j = {{"type", "object"}, {"properties", std::move(properties)}};
  if (!required.empty()) j["required"] = std::move(required);
  return j;
}

json ItemList(json item) { return Object({{"items", ArrayOf(std::move(item))}}); }

}  // namespace schema

namespace {

using nlohmann::json;
using schema::ArrayOf;
using schema::Boolean;
using schema::Enum;
using schema::Integer;
using schema::Number;
using schema::Object;
using schema::String;
namespace d = passend::domain;

json NonNegativeInteger(std::string_view description) {
  json j = Integer(description);
  j["minimum"] = 0;
  return j;
}

json StringList(std::string_view description) {
  json j = ArrayOf(String());
  j["description"] = description;
  return j;
}

}  // namespace

json GeoPointSchema() {
  json j =
      Object({{"lat", Number("Graden noord (WGS84)")}, {"lon", Number("Graden oost (WGS84)")}});
  j["description"] = "Een punt in Nederland";
  return j;
}

json RegisterStatusSchema() {
  json j = Enum(domain::kAllRegisterStatuses);
  j["description"] =
      "In het register van het zorgkantoor: submitted (aangemeld), approved (toegelaten: "
      "aanbod openbaar en in de matching), suspended (geschorst)";
  return j;
}

json ProviderSchema() {
  return Object({{"id", String()},
                 {"name", String()},
                 {"established", Boolean("false voor een nieuwe, kleine aanbieder")},
                 {"website", String()},
                 {"agb_code", String("AGB-code, 8 cijfers; leeg: onbekend")},
                 {"kvk_number", String("KvK-nummer, 8 cijfers; leeg: onbekend")},
                 {"ura_number", String("URA (UZI-register abonneenummer), 8 cijfers; leeg: "
                                       "onbekend")},
                 {"register_status", RegisterStatusSchema()}});
}

json LocationSchema() {
  return Object({{"id", String()},
                 {"provider_id", String()},
                 {"name", String()},
                 {"address", String("Straat en huisnummer")},
                 {"municipality_code", String("CBS-gemeentecode (GM0935)")},
                 {"position", GeoPointSchema()}});
}

json QualityNoteSchema() {
  json score = Number("Beoordelingen: het gemiddelde cijfer, 1 tot 10");
  score["minimum"] = 1;
  score["maximum"] = 10;
  json reviews = Integer("Beoordelingen: hoeveel het er zijn");
  reviews["minimum"] = 1;
  return Object(
      {{"kind", Enum(d::kAllQualityKinds)},
       {"source", String("Waar het vandaan komt (ZorgkaartNederland, Inspectie Gezondheidszorg "
                         "en Jeugd)")},
       {"measured", String("De datum van het cijfer of de inspectie (2026-03-14)")},
       {"score", score},
       {"reviews", reviews},
       {"outcome", Enum(d::kAllInspectionOutcomes)},
       {"link", String("Inspectie: de webpagina van het rapport")},
       {"text", String("Alleen in antwoorden: het gegeven in woorden met bron en datum ('7,8 uit "
                       "132 beoordelingen op ZorgkaartNederland, maart 2026'); bij invoer "
                       "genegeerd")}},
      {"score", "reviews", "outcome", "link", "text"});
}

json OfferSchema() {
  json sectors = ArrayOf(Enum(d::kAllSectors));
  sectors["minItems"] = 1;
  json forms = ArrayOf(Enum(d::kAllDeliveryForms));
  forms["minItems"] = 1;
  json feature = Object({{"feature_id", String("Een kenmerk uit /api/v1/kenmerken")},
                         {"value", Number("Ja/nee: 0 of 1; niveau: 1 tot level_max; getal: ≥ 0")}});
  json radius = Number("Zorg thuis: hoe ver vanaf de basis het reikt (km)");
  radius["minimum"] = 0;
  radius["maximum"] = 300;
  return Object(
      {{"id", String()},
       {"provider_id", String()},
       {"location_id", String("Een locatie van dezelfde aanbieder")},
       {"kind", Enum(d::kAllOfferKinds)},
       {"name", String()},
       {"description", String()},
       {"sectors", sectors},
       {"profiles",
        StringList("Aangenomen zorgprofielen (5VV); leeg: elk profiel van de sectoren")},
       {"delivery_forms", forms},
       {"capacity", NonNegativeInteger("Plaatsen (of cliënten bij zorg thuis)")},
       {"free_places", NonNegativeInteger("Vrije plaatsen, hooguit de capaciteit")},
       {"waiting_people", NonNegativeInteger("Mensen op de wachtlijst")},
       {"waiting_weeks", NonNegativeInteger("Verwachte wachttijd in weken")},
       {"contracted_regions", StringList("Zorgkantoorregio's met een contract in natura")},
       {"features", ArrayOf(feature)},
       {"quality", ArrayOf(QualityNoteSchema())},
       {"service_radius_km", radius},
       {"temporary", Boolean("Tijdelijk of overbrugging (trainingshuis, logeren tijdens het "
                             "wachten); standaard niet")},
       {"intake_contact", String("Contact voor een intake (telefoon, e-mail, webpagina)")},
       {"intake_requirements", String("Wat de aanbieder vraagt voor een intake")},
       {"places_updated", String("Wanneer vrije plaatsen, wachtlijst en wachttijd het laatst "
                                 "zijn doorgegeven (UTC, 2026-03-01T09:30:00Z); leeg: onbekend")},
       {"details_updated", String("Wanneer de rest het laatst is gewijzigd (UTC); leeg: onbekend")},
       {"last_updated", String("De laatste van places_updated en details_updated (UTC)")},
       {"maybe_outdated",
        Boolean("Alleen in antwoorden van de API: true als het aanbod mogelijk verouderd is "
                "(vrije plaatsen of wachttijd te lang niet bijgewerkt, of de rest; "
                "docs/api.md)")}},
      {"temporary", "maybe_outdated"});
}

json ClientSchema() {
  json wish = Object({{"feature_id", String("Een kenmerk uit /api/v1/kenmerken; leeg: alleen "
                                            "een eigen omschrijving")},
                      {"importance", Enum(d::kAllImportances)},
                      {"value", Number("Gewenst niveau of aantal; ontbreekt bij ja/nee")},
                      {"text", String("In de eigen woorden van de cliënt")}},
                     {"value"});
  json need =
      Object({{"feature_id", String("Een kenmerk uit /api/v1/kenmerken")}, {"note", String()}});
  json max_km = Number("Hoe ver de cliënt hooguit van deze plek wil wonen");
  max_km["minimum"] = 0;
  json place = Object({{"kind", Enum(d::kAllPlaceKinds)},
                       {"label", String()},
                       {"position", GeoPointSchema()},
                       {"max_km", max_km},
                       {"importance", Enum(d::kAllImportances)}});
  json representative =
      Object({{"name", String()}, {"relation", String("dochter, curator, mentor, ouder, ...")}});
  representative["description"] = "De vertegenwoordiger; ontbreekt als er geen is";
  return Object({{"id", String()},
                 {"name", String()},
                 {"birth_year", Integer("0: onbekend")},
                 {"municipality_code", String("CBS-gemeentecode (GM0935)")},
                 {"home", GeoPointSchema()},
                 {"sector", Enum(d::kAllSectors)},
                 {"indication", Enum(d::kAllIndicationStatuses)},
                 {"profile", String("Geïndiceerd of verwacht zorgprofiel (5VV); leeg: onbekend")},
                 {"care_status", Enum(d::kAllCareStatuses)},
                 {"care_provider_id",
                  String("Aanbieder die nu zorg geeft (ook overbruggingszorg); leeg: geen")},
                 {"preferred_forms", ArrayOf(Enum(d::kAllDeliveryForms))},
                 {"seeking", ArrayOf(Enum(d::kAllOfferKinds))},
                 {"representative", representative},
                 {"wishes", ArrayOf(wish)},
                 {"needs", ArrayOf(need)},
                 {"places", ArrayOf(place)}},
                {"representative"});
}

}  // namespace passend::api
