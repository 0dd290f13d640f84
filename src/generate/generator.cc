#include "generate/generator.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <unordered_set>

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

// The quality notes of offer `i`, measured within two years before `as_of` (or before
// kQualityAsOf without one): the review score drawn with the offer gets its count (new
// providers have fewer reviews: median ~7 against ~27), source and date; a fifth of the
// housing and a tenth of the rest has an IGJ inspection (voldoet 55%, voldoet deels 35%,
// voldoet niet 8%, verscherpt toezicht 2%; no link: the reports are not real).
constexpr const char* kQualityAsOf = "2026-01-01T00:00:00Z";

void StampQuality(const GenerateOptions& options, size_t i, bool established, domain::Offer& o) {
  Rng rng = Rng::For(options.seed, "quality", i);
  const std::string as_of = options.as_of.empty() ? kQualityAsOf : options.as_of;
  for (domain::QualityNote& n : o.quality) {
    const double count = std::exp(rng.Normal(established ? 3.3 : 2.0, established ? 0.9 : 0.8));
    n.reviews = static_cast<int>(std::clamp(std::round(count), 1.0, 800.0));
    n.source = domain::kZorgkaart;
    n.measured = DaysBefore(as_of, rng.UniformInt(0, 730)).substr(0, 10);
  }
  if (rng.Bernoulli(o.kind == domain::OfferKind::kWonen ? 0.2 : 0.1)) {
    const double p = rng.Uniform();
    domain::QualityNote n;
    n.kind = domain::QualityKind::kInspection;
    n.source = domain::kInspectorate;
    n.measured = DaysBefore(as_of, rng.UniformInt(0, 730)).substr(0, 10);
    n.outcome = p < 0.55   ? domain::InspectionOutcome::kMeets
                : p < 0.90 ? domain::InspectionOutcome::kPartlyMeets
                : p < 0.98 ? domain::InspectionOutcome::kDoesNotMeet
                           : domain::InspectionOutcome::kEnhancedSupervision;
    o.quality.push_back(std::move(n));
  }
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
  std::unordered_set<std::string> new_providers;
  for (const domain::Provider& p : d.providers)
    if (!p.established) new_providers.insert(p.id);
  for (size_t i = 0; i < d.offers.size(); ++i)
    StampQuality(options, i, !new_providers.contains(d.offers[i].provider_id), d.offers[i]);
  return d;
}

}  // namespace passend::generate
