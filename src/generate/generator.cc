#include "generate/generator.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <numeric>

#include "generate/catalog_generator.h"
#include "generate/client_generator.h"
#include "generate/plan.h"
#include "generate/random.h"

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

namespace {

// `as_of` (UTC ISO 8601, "2026-11-26T00:00:00Z") moved back by `days` whole days; the
// time of day stays.
std::string DaysBefore(const std::string& as_of, int days) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (std::sscanf(as_of.c_str(), "%d-%u-%u", &y, &m, &d) != 3 || as_of.size() < 10) return as_of;
  const std::chrono::year_month_day day{std::chrono::sys_days(std::chrono::year{y} / m / d) -
                                        std::chrono::days(days)};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
  return buf + as_of.substr(10);
}

// When offer `i` (in id order) was last brought up to date, before `as_of`: most providers
// state their free places within three weeks, some let them lapse for months (so the demo
// shows "mogelijk verouderd"); the rest of an offer changes seldom, and a tenth has not
// been looked at for over a year. Drawn from the offer's own stream: the same seed and
// as_of give the same times.
void StampUpkeep(const GenerateOptions& options, size_t i, domain::Offer& o) {
  Rng rng = Rng::For(options.seed, "upkeep", i);
  const double p = rng.Uniform();
  const int places_age = p < 0.8    ? rng.UniformInt(0, 21)
                         : p < 0.95 ? rng.UniformInt(31, 120)
                                    : rng.UniformInt(121, 400);
  const int details_age = rng.Bernoulli(0.9) ? places_age + rng.UniformInt(0, 300)
                                             : std::max(places_age, rng.UniformInt(366, 800));
  o.places_updated = DaysBefore(options.as_of, places_age);
  o.details_updated = DaysBefore(options.as_of, details_age);
}

}  // namespace

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
  if (!options.as_of.empty())
    for (size_t i = 0; i < d.offers.size(); ++i) StampUpkeep(options, i, d.offers[i]);
  return d;
}

}  // namespace passend::generate
