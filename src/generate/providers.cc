// Providers and their locations.
#include <algorithm>
#include <cmath>
#include <set>

#include "generate/catalog_generator.h"
#include "generate/ids.h"
#include "generate/names.h"

namespace passend::generate {
namespace {

// Large care organisations are much larger than the median one: a log-normal size
// (sd 0.8 gives the biggest of 25 about six times the median).
double DrawSize(Rng& rng, bool small) { return small ? 0.3 : std::exp(rng.Normal(0, 0.8)); }

std::string NearestOtherRegion(const RegionPlan& plan, const std::string& own) {
  const domain::GeoPoint c = plan.region_centres.at(own);
  std::string best;
  double best_km = 1e9;
  for (const auto& [code, centre] : plan.region_centres) {  // std::map: ordered, stable
    if (code == own) continue;
    const double km = domain::DistanceKm(c, centre);
    if (km < best_km) best_km = km, best = code;
  }
  return best;
}

// Splits `total` over `weights` in proportion, at least `min_each`, by largest remainder.
std::vector<int> Apportion(int total, const std::vector<double>& weights, int min_each) {
  std::vector<int> out(weights.size(), min_each);
  int left = total - min_each * static_cast<int>(weights.size());
  if (left <= 0) return out;
  double sum = 0;
  for (double w : weights) sum += w;
  std::vector<std::pair<double, size_t>> rest;
  int given = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    const double exact = left * weights[i] / sum;
    const int whole = static_cast<int>(std::floor(exact));
    out[i] += whole;
    given += whole;
    rest.push_back({exact - whole, i});
  }
  std::sort(rest.begin(), rest.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  for (int k = 0; k < left - given; ++k) ++out[rest[static_cast<size_t>(k) % rest.size()].second];
  return out;
}

}  // namespace

bool SectorAllowsPgb(const domain::ReferenceData& ref, domain::Sector sector) {
  for (const domain::CareProfile& p : ref.profiles())
    if (p.sector == sector && p.pgb_possible) return true;
  return false;
}

void GenerateProvidersAndLocations(const RegionPlan& plan, const domain::ReferenceData& ref,
                                   const ProgressFn& progress, domain::Dataset& out,
                                   std::vector<ProviderProfile>& profiles,
                                   std::vector<size_t>& location_provider) {
  const int n = plan.established_providers + plan.new_providers;
  std::vector<double> sector_weights;
  for (const SectorShare& s : plan.sectors) sector_weights.push_back(s.weight);
  std::vector<size_t> home_index(static_cast<size_t>(n));
  std::set<std::string> used_names;
  for (int i = 0; i < n; ++i) {
    Rng rng = Rng::For(plan.seed, "provider", static_cast<uint64_t>(i));
    ProviderProfile pp;
    pp.small = i >= plan.established_providers;
    pp.main_sector = plan.sectors[rng.Weighted(sector_weights)].sector;
    pp.sectors = {pp.main_sector};
    // About one in four organisations also serves a second sector (e.g. VG and LG).
    if (plan.sectors.size() > 1 && rng.Bernoulli(pp.small ? 0.1 : 0.3)) {
      const domain::Sector second = plan.sectors[rng.Weighted(sector_weights)].sector;
      if (second != pp.main_sector) pp.sectors.push_back(second);
    }
    pp.size = DrawSize(rng, pp.small);
    const size_t home = plan.population_table.Draw(rng);
    home_index[static_cast<size_t>(i)] = home;
    const domain::Municipality& m = *plan.municipalities[home];
    // New small initiatives under open purchasing: most work for pgb holders only, without
    // a contract (only where the sector's profiles allow a pgb): about one client in six
    // chooses a pgb (45,200 of 305,065 people in 2019).
    pp.pgb_only = pp.small && rng.Bernoulli(0.7) && SectorAllowsPgb(ref, pp.main_sector);
    if (!pp.pgb_only) {
      pp.contracted_regions.push_back(m.zorgkantoor_code);
      // Large organisations near a border are often contracted next door too.
      if (!pp.small && plan.region_centres.size() > 1 && rng.Bernoulli(0.25))
        pp.contracted_regions.push_back(NearestOtherRegion(plan, m.zorgkantoor_code));
    }
    domain::Provider p;
    p.id = MakeId("prv", plan.seed, static_cast<uint64_t>(i));
    p.established = !pp.small;
    p.name = ProviderName(rng, pp.small, ContextOf(m), m.name);
    if (!used_names.insert(p.name).second) {
      p.name += " " + m.name;
      for (int k = 2; !used_names.insert(p.name).second; ++k)
        p.name = p.name.substr(0, p.name.rfind(' ')) + " " + std::to_string(k);
    }
    p.website = WebsiteFor(p.name);
    out.providers.push_back(std::move(p));
    profiles.push_back(std::move(pp));
    if (progress && (i % 500 == 0 || i + 1 == n)) progress("aanbieders", i + 1, n);
  }

  // Locations: new initiatives have one to three; the rest is shared by size.
  std::vector<int> per_provider(static_cast<size_t>(n), 0);
  int small_total = 0;
  for (int i = plan.established_providers; i < n; ++i) {
    Rng rng = Rng::For(plan.seed, "provider-locations", static_cast<uint64_t>(i));
    per_provider[static_cast<size_t>(i)] = 1 + rng.Bernoulli(0.4) + rng.Bernoulli(0.1);
    small_total += per_provider[static_cast<size_t>(i)];
  }
  std::vector<double> sizes;
  for (int i = 0; i < plan.established_providers; ++i)
    sizes.push_back(profiles[static_cast<size_t>(i)].size);
  const std::vector<int> est = Apportion(plan.locations - small_total, sizes, 1);
  for (size_t i = 0; i < est.size(); ++i) per_provider[i] = est[i];

  uint64_t loc_index = 0;
  for (size_t i = 0; i < static_cast<size_t>(n); ++i) {
    const domain::Municipality& home = *plan.municipalities[home_index[i]];
    const WeightedTable& region = plan.region_tables.at(home.zorgkantoor_code);
    const std::vector<size_t>& members = plan.region_members.at(home.zorgkantoor_code);
    for (int j = 0; j < per_provider[i]; ++j, ++loc_index) {
      Rng rng = Rng::For(plan.seed, "location", loc_index);
      // The first location is in the home town; later ones half there, half elsewhere in
      // the care-office region by population.
      const domain::Municipality& m =
          (j == 0 || rng.Bernoulli(0.5)) ? home : *plan.municipalities[members[region.Draw(rng)]];
      domain::Location l;
      l.id = MakeId("loc", plan.seed, loc_index);
      l.provider_id = out.providers[i].id;
      l.name = LocationName(rng, ContextOf(m));
      l.address = StreetAddress(rng) + ", " + m.name;
      l.municipality_code = m.code;
      l.position = HomeIn(rng, m);
      out.locations.push_back(std::move(l));
      location_provider.push_back(i);
    }
    if (progress && (i % 500 == 0 || i + 1 == static_cast<size_t>(n)))
      progress("locaties", static_cast<int64_t>(loc_index), plan.locations);
  }
}

}  // namespace passend::generate
