#pragma once
// The catalogue as FHIR R4 resources in the shape of the Dutch Generic Functions care-services
// directory (Generieke Functies Adressering, IHE mCSD): Organization, Location and
// HealthcareService (docs/formats.md has the mapping table).
//
// Export: one Bundle (type collection) with an Organization per provider (identifiers URA,
// AGB, KvK as the directory names them), a Location per location and a HealthcareService per
// offer, typed with its Wlz care profiles as iWlz COD163 codes; resource ids are UUIDs derived
// from the Passend ids, which travel as an identifier, and what FHIR has no element for as
// Passend extensions, so an export imports again unchanged. tests/interop/validate-fhir.mjs
// checks exports against the R4 JSON schema and StructureDefinitions.
//
// Import: one resource or a Bundle. Organization, Location and HealthcareService are read;
// Endpoint and OrganizationAffiliation are skipped (Passend keeps no endpoints); any other
// resource type is a problem. A HealthcareService is one offer per Location it names. What
// Passend needs and a resource lacks (a Location's position, an offer's kind and delivery
// form) is a problem of that resource, left out with what depends on it. Stateless.
#include <string>
#include <string_view>
#include <vector>

#include "domain/dataset.h"
#include "domain/reference.h"
#include "interop/import_report.h"

namespace passend::interop {

FormatImport ParseFhirDirectory(std::string_view text, const domain::ReferenceData& ref);

// Collects an export's records and writes the Bundle at Finish.
class FhirDirectoryWriter {
 public:
  explicit FhirDirectoryWriter(const domain::ReferenceData& ref) : ref_(ref) {}
  void Add(const domain::Provider& p) { providers_.push_back(p); }
  void Add(const domain::Location& l) { locations_.push_back(l); }
  void Add(const domain::Offer& o) { offers_.push_back(o); }
  std::string Finish() const;

 private:
  const domain::ReferenceData& ref_;
  std::vector<domain::Provider> providers_;
  std::vector<domain::Location> locations_;
  std::vector<domain::Offer> offers_;
};

}  // namespace passend::interop
