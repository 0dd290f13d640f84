#include "generate/generator.h"

#include <algorithm>
#include <numeric>

#include "generate/catalog_generator.h"
#include "generate/client_generator.h"
#include "generate/plan.h"

namespace passend::generate {
namespace {

template <typename T>
void SortById(std::vector<T>& v) {
  // Records are made in an order that tells something (established providers first,
  // offers per location); sorted by their opaque id, the output order tells nothing.
  // Sorting indices and moving each record once is cheaper than swapping big records.
  std::vector<size_t> order(v.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return v[a].id < v[b].id; });
  std::vector<T> sorted;
  sorted.reserve(v.size());
  for (size_t i : order) sorted.push_back(std::move(v[i]));
  v.swap(sorted);
}

}  // namespace

std::optional<RegionPreset> ParseRegionPreset(std::string_view s) {
  if (s == "zuid-limburg") return RegionPreset::kZuidLimburg;
  if (s == "rotterdam") return RegionPreset::kRotterdam;
  if (s == "nl") return RegionPreset::kNl;
  return std::nullopt;
}

std::string_view ToString(RegionPreset preset) {
  switch (preset) {
    case RegionPreset::kZuidLimburg: return "zuid-limburg";
    case RegionPreset::kRotterdam: return "rotterdam";
    case RegionPreset::kNl: return "nl";
  }
  return "?";
}

Result<domain::Dataset> Generate(const GenerateOptions& options, const domain::ReferenceData& ref) {
  PASSEND_ASSIGN_OR_RETURN(RegionPlan plan, MakePlan(options.region, options.seed, ref));
  domain::Dataset d;
  std::vector<ProviderProfile> profiles;
  std::vector<size_t> location_provider;
  GenerateProvidersAndLocations(plan, ref, options.progress, d, profiles, location_provider);
  GenerateOffers(plan, ref, options.progress, profiles, location_provider, d);
  GenerateClients(plan, ref, options.progress, d);
  SortById(d.providers);
  SortById(d.locations);
  SortById(d.offers);
  SortById(d.clients);
  for (domain::Offer& o : d.offers) o.places_updated = o.details_updated = options.as_of;
  return d;
}

}  // namespace passend::generate
