#pragma once
// Generation of the care offer of a region: providers, their locations (spread by
// population, mostly around the provider's home town) and the offers at those locations
// (drawn from offer_templates.h). Internal to the generator.
//
// Thread-safety: pure functions of their arguments; no shared state.
#include <functional>
#include <string>
#include <vector>

#include "domain/dataset.h"
#include "domain/reference.h"
#include "generate/plan.h"

namespace passend::generate {

using ProgressFn = std::function<void(std::string_view, int64_t, int64_t)>;

// What the offer step needs to know about a provider beyond the domain record.
struct ProviderProfile {
  domain::Sector main_sector = domain::Sector::kVV;
  std::vector<domain::Sector> sectors;  // main first; sometimes a second one
  bool small = false;                   // new, small initiative
  bool pgb_only = false;                // no contract with the care office
  std::vector<std::string> contracted_regions;
  double size = 1;  // relative size: locations and offers scale with it
};

// Providers and their locations, appended to `out`; `profiles` is parallel to
// out.providers, `location_provider` to out.locations (index into out.providers).
void GenerateProvidersAndLocations(const RegionPlan& plan, const domain::ReferenceData& ref,
                                   const ProgressFn& progress, domain::Dataset& out,
                                   std::vector<ProviderProfile>& profiles,
                                   std::vector<size_t>& location_provider);

// The offers at the locations made above.
void GenerateOffers(const RegionPlan& plan, const domain::ReferenceData& ref,
                    const ProgressFn& progress, const std::vector<ProviderProfile>& profiles,
                    const std::vector<size_t>& location_provider, domain::Dataset& out);

// Whether any care profile of `sector` can be bought with a pgb.
bool SectorAllowsPgb(const domain::ReferenceData& ref, domain::Sector sector);

}  // namespace passend::generate
