#pragma once
// JSON Schemas (OpenAPI 3.0.3 dialect) of what the API sends, for Route::response_schema.
//
// The native records (provider, location, offer, client) are described exactly as
// interop::ToJson renders them (src/interop/native_json.cc, docs/native-format.md), for the
// single-record routes and the items of the paged lists. Every field ToJson always writes is
// required, so an answer that lacks one fails tests/openapi_conformance.py; the fields it
// writes only when set (client `representative`, wish `value`) are optional.
// Nothing in a native record is ever null. Enum values come from the domain's kAll* lists
// (domain/vocabulary.h), so a new value appears in the document by itself. No schema
// forbids other properties: a client must ignore fields it does not know, and a new field
// is not a breaking change. When ToJson changes, change its schema here in the same commit.
//
// The `schema` namespace holds the building blocks, for the routes whose JSON is their own
// (reference data, the access layer). Pure functions; safe from any thread.
#include <cstddef>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string_view>

namespace passend::api {

nlohmann::json ProviderSchema();
// A provider's register_status (domain::RegisterStatus).
nlohmann::json RegisterStatusSchema();
nlohmann::json LocationSchema();
// A review score or inspection result with its source and date (domain/quality.h).
nlohmann::json QualityNoteSchema();
nlohmann::json OfferSchema();
nlohmann::json ClientSchema();
// {"lat", "lon"}: WGS84, degrees north and east.
nlohmann::json GeoPointSchema();

// A FHIR R4 resource of `resource_type` (application/fhir+json): only its resourceType is
// described here; the official FHIR schema and StructureDefinitions check the rest
// (tests/interop/validate-fhir.mjs, docs/fhir.md).
nlohmann::json FhirResourceSchema(std::string_view resource_type);

namespace schema {

nlohmann::json String(std::string_view description = {});
nlohmann::json Integer(std::string_view description = {});
nlohmann::json Number(std::string_view description = {});
nlohmann::json Boolean(std::string_view description = {});
// A UTC time as the access layer writes it: "2026-03-01T09:30:00Z".
nlohmann::json DateTime(std::string_view description = {});
// `s` that may also be null.
nlohmann::json Nullable(nlohmann::json s);
nlohmann::json ArrayOf(nlohmann::json items);
// An object with `properties` (name -> schema); every property is required (always sent)
// except those named in `optional`. Naming an optional property that is not there is a
// programming error (std::logic_error at start-up).
nlohmann::json Object(nlohmann::json properties,
                      std::initializer_list<std::string_view> optional = {});
// {"items": [item, ...]}: a whole list in one answer (no paging).
nlohmann::json ItemList(nlohmann::json item);

// A string that is one of the wire names of `all`: a kAll* list of a closed vocabulary
// (domain::kAllSectors, access::kAllRoles, ...), named by its ToString.
template <typename E, size_t N>
nlohmann::json Enum(const E (&all)[N]) {
  nlohmann::json names = nlohmann::json::array();
  for (E e : all) names.push_back(ToString(e));  // found by argument-dependent lookup
  return {{"type", "string"}, {"enum", std::move(names)}};
}

}  // namespace schema
}  // namespace passend::api
