#pragma once
// What reading a file of another format (CSV, HSDS, FHIR) gives: the records it holds that
// are valid, and every problem found, each with its record ("rij 5", "organization[2]")
// and field. A record with a problem is left out of `dataset`, together with what depends
// on it (the offers of a location left out), so `dataset` can be written as it is
// (`--valid-only`) or refused when `problems` is not empty.
#include <cstdint>
#include <string>
#include <vector>

#include "domain/dataset.h"
#include "domain/reference.h"

namespace passend::interop {

struct ImportProblem {
  std::string record;   // "rij 5", "kop" (the header row), "services[2]"
  std::string field;    // "capaciteit", "organization.name"; empty for the record as a whole
  std::string message;  // Dutch, for people
};

struct FormatImport {
  domain::Dataset dataset;              // the valid records
  std::vector<ImportProblem> problems;  // in file order
  int64_t records_read = 0;             // rows, or the format's top-level records
  int64_t records_left_out = 0;         // of those, how many had a problem
};

// "rij 5, capaciteit: Capaciteit mag niet negatief zijn".
std::string FormatProblem(const ImportProblem& p);

// For formats whose addresses carry no CBS code (HSDS, FHIR): the municipality whose centroid
// is nearest `p`, for a position roughly in the Netherlands, else "" (an approximation near
// municipal borders; docs/formats.md).
std::string NearestMunicipalityCode(const domain::ReferenceData& ref, domain::GeoPoint p);

}  // namespace passend::interop
