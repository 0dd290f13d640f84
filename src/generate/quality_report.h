#pragma once
// The data-quality report of a generated region: generated figures next to the public ones
// (with year and source), each with the tolerance it may differ by and why. `passend
// generate` prints it; docs/generator.md keeps the table; generator tests fail when a figure
// leaves its tolerance and when any client holds a contradictory pair of wishes.
//
// Tolerances are of two kinds. A share drawn per client may differ by sampling noise: three
// standard deviations for the number of clients it is measured on, plus the rounding of the
// generator's weights. A figure the generator is shaped on but measures differently (a
// preferred form against the form received) gets a fixed margin named in `why`.
//
// Thread-safety: pure functions.
#include <cstdint>
#include <string>
#include <vector>

#include "domain/dataset.h"
#include "domain/reference.h"
#include "generate/generator.h"

namespace passend::generate {

struct QualityFigure {
  std::string name;      // Dutch, for people: "Aandeel VV (ouderenzorg)"
  double generated = 0;  // in `unit`
  double published = 0;
  double tolerance = 0;  // allowed absolute difference, in `unit`
  std::string unit;      // "%", "per cliënt", "per plaats"
  std::string source;    // year and source of the public figure
  std::string why;       // why this tolerance
  bool ok() const;
};

struct QualityReport {
  std::vector<QualityFigure> figures;
  int64_t contradictory_clients = 0;  // clients with a pair of wishes/needs that exclude
  std::string first_contradiction;    // "cli-...: stadscentrum + landelijk"
  bool ok() const;
};

// The figures that apply to the preset (national shares only for `nl`, VV figures where
// there are VV clients, ...), measured on `d`.
QualityReport CheckQuality(const domain::Dataset& d, RegionPreset preset,
                           const domain::ReferenceData& ref);

// The report as a plain-text table in Dutch, one line per figure, "ok" or "BUITEN MARGE".
std::string FormatQualityReport(const QualityReport& r);

}  // namespace passend::generate
