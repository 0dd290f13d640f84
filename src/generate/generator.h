#pragma once
// The deterministic region generator: invents a whole region — providers, locations,
// offers and clients with wishes, needs and places — shaped by the reference data (where
// people live) and the public Wlz figures (docs/generator.md). Every person, provider and
// address is invented; the same seed gives the identical Dataset on every run.
//
// Thread-safety: Generate is reentrant; concurrent calls share nothing but the (immutable)
// reference data. The progress callback is called on the calling thread.
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

#include "domain/dataset.h"
#include "domain/error.h"
#include "domain/reference.h"

namespace passend::generate {

enum class RegionPreset {
  kZuidLimburg,  // elderly care (VV) in care-office region 5531, like the experiment
  kRotterdam,    // disability care (VG, LG, LVG) in care-office region 5521
  kNl,           // every municipality and region, all sectors in national proportions
};

// "zuid-limburg" | "rotterdam" | "nl"; nullopt for anything else.
std::optional<RegionPreset> ParseRegionPreset(std::string_view s);
std::string_view ToString(RegionPreset preset);

struct GenerateOptions {
  RegionPreset region = RegionPreset::kZuidLimburg;
  uint64_t seed = 42;
  // Called now and then on long work: stage ("aanbieders", "cliënten"), done, total. May be
  // empty.
  std::function<void(std::string_view stage, int64_t done, int64_t total)> progress;
  // The day the data set is made for (UTC ISO 8601, e.g. the start of today): every
  // offer's places_updated and details_updated lie before it, varied per offer (most
  // within three weeks, some months or over a year back, so some are "mogelijk
  // verouderd"). Empty: left empty (an import stamps them with its own time). The same
  // seed and as_of give the same times.
  std::string as_of;
};

// Fails with kFailedPrecondition when the reference data lacks what the preset needs
// (e.g. no municipality of care office 5531).
Result<domain::Dataset> Generate(const GenerateOptions& options, const domain::ReferenceData& ref);

}  // namespace passend::generate
