#pragma once
// The catalogue in Open Referral HSDS 3.0 (docs/formats.md has the mapping table).
//
// Export: one page of the HSDS API's organizations (total_items, ..., contents), each a
// full organization with its locations and its services nested, as
// ../shared/schemas/hsds-3.0/compiled/organization.json describes; tests/interop/
// validate-hsds.mjs checks every export against it. A Passend offer is one HSDS service
// with one service_at_location. HSDS ids are UUIDs: each is derived from the Passend id
// (the same id gives the same UUID), and the Passend id and every field HSDS has no place
// for travel as attributes whose taxonomy_term names the field (taxonomy "Passend", or "Wlz
// zorgprofiel" and "Passend kenmerk"), so an export imports again unchanged.
//
// Import reads what HSDS 3.0 documents hold: an organization, a service, a
// service_at_location or a location, or a page of them (the specification's examples).
// Fields Passend has no place for are skipped; what Passend requires and the document
// lacks (a location in the Netherlands, the kind, sector and delivery form of an offer) is
// a problem of that record, which is then left out with what depends on it. Records
// without Passend's id attribute get "hsds-" and their UUID as id. Stateless.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/dataset.h"
#include "domain/reference.h"
#include "interop/import_report.h"

namespace passend::interop {

FormatImport ParseHsds(std::string_view text, const domain::ReferenceData& ref);

// Collects the records of an export (providers, locations, offers, in any order) and
// writes the HSDS page at Finish.
class HsdsWriter {
 public:
  explicit HsdsWriter(const domain::ReferenceData& ref) : ref_(ref) {}
  void Add(const domain::Provider& p) { providers_.push_back(p); }
  void Add(const domain::Location& l) { locations_.push_back(l); }
  void Add(const domain::Offer& o) { offers_.push_back(o); }
  // The page as JSON text (keys sorted, two-space indent).
  std::string Finish() const;

 private:
  const domain::ReferenceData& ref_;
  std::vector<domain::Provider> providers_;
  std::vector<domain::Location> locations_;
  std::vector<domain::Offer> offers_;
};

// The UUID HSDS gets for a Passend id of a kind ("organization", "location", ...).
std::string HsdsUuid(std::string_view kind, std::string_view id);

}  // namespace passend::interop
