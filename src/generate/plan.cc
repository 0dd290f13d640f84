#include "generate/plan.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace passend::generate {
namespace {

using domain::Sector;

constexpr double kKmPerDegreeLat = 111.2;

// National shares of clients by sector (docs/generator.md, "Sectors"): Wlz indications
// with stay by condition (2019) plus VV at home and GGZ-wonen (2023), normalised.
const std::vector<SectorShare> kNationalSectors = {
    {Sector::kVV, 0.517},   {Sector::kVG, 0.295},    {Sector::kLVG, 0.015},
    {Sector::kLG, 0.075},   {Sector::kZGvis, 0.006}, {Sector::kZGaud, 0.003},
    {Sector::kGgzW, 0.073}, {Sector::kGgzB, 0.016},
};

// Rotterdam experiment: disability care only. VG dominates as it does nationally
// (113,190 VG vs 27,550 LG with stay, 2019); LVG young adults were a focus group there.
const std::vector<SectorShare> kRotterdamSectors = {
    {Sector::kVG, 0.72}, {Sector::kLG, 0.18}, {Sector::kLVG, 0.10}};

double VvWeight(const domain::Municipality& m) {
  const double w = static_cast<double>(m.vv_light_clients + m.vv_heavy_clients_forecast);
  // A municipality without figures still has elderly people: fall back to ~1.3% of
  // inhabitants (the national ratio of these counts to inhabitants).
  return w > 0 ? w : 0.013 * static_cast<double>(m.inhabitants);
}

double Clamp(double v, double lo, double hi) { return std::min(hi, std::max(lo, v)); }

domain::GeoPoint InBox(domain::GeoPoint p) {
  // domain::InNetherlands is 50.7..53.6 N, 3.3..7.3 E; stay a little inside it.
  return {Clamp(p.lat, 50.72, 53.58), Clamp(p.lon, 3.32, 7.28)};
}

domain::GeoPoint Offset(domain::GeoPoint from, double north_km, double east_km) {
  const double lat = from.lat + north_km / kKmPerDegreeLat;
  const double lon =
      from.lon + east_km / (kKmPerDegreeLat * std::cos(from.lat * std::numbers::pi / 180.0));
  return InBox({lat, lon});
}

}  // namespace

PlaceContext ContextOf(const domain::Municipality& m) {
  PlaceContext c;
  auto in = [&](std::initializer_list<const char*> codes) {
    for (const char* code : codes)
      if (m.zorgkantoor_code == code) return true;
    return false;
  };
  c.limburg = m.zorgkantoor_name.find("Limburg") != std::string::npos;
  c.brabant = m.zorgkantoor_name.find("Brabant") != std::string::npos;
  c.big_city = m.inhabitants >= 200000;
  // By care-office region (codes of data/municipalities_2025.csv): a region is a coarse
  // stand-in for where a language or a church tradition lives, good enough for shares.
  c.friesland = in({"5502"});
  c.low_saxon = in({"5501", "5503", "5504", "5505", "5506", "5532"});
  c.zeeland = in({"5525"});
  c.bible_belt = in({"5525", "5523", "5524", "5520", "5506", "5504", "5510"});
  c.protestant_north = in({"5501", "5502", "5503"});
  return c;
}

Result<RegionPlan> MakePlan(RegionPreset preset, uint64_t seed, const domain::ReferenceData& ref) {
  RegionPlan plan;
  plan.preset = preset;
  plan.seed = seed;
  std::string only_region;
  switch (preset) {
    case RegionPreset::kZuidLimburg:
      only_region = "5531";
      plan.established_providers = 25;
      plan.new_providers = 10;
      plan.locations = 250;
      plan.offers = 600;
      plan.clients = 8000;
      plan.sectors = {{Sector::kVV, 1.0}};
      break;
    case RegionPreset::kRotterdam:
      only_region = "5521";
      plan.established_providers = 25;
      plan.new_providers = 10;
      plan.locations = 250;
      plan.offers = 600;
      plan.clients = 8000;
      plan.sectors = kRotterdamSectors;
      break;
    case RegionPreset::kNl:
      plan.established_providers = 1900;
      plan.new_providers = 1100;
      plan.locations = 15000;
      plan.offers = 40000;
      plan.clients = 330000;
      plan.sectors = kNationalSectors;
      break;
  }
  for (const domain::Municipality& m : ref.municipalities())
    if (only_region.empty() || m.zorgkantoor_code == only_region) plan.municipalities.push_back(&m);
  if (plan.municipalities.empty())
    return FailedPrecondition("De referentiegegevens hebben geen gemeenten van zorgkantoorregio " +
                              only_region);

  std::vector<double> vv, pop;
  for (size_t i = 0; i < plan.municipalities.size(); ++i) {
    const domain::Municipality& m = *plan.municipalities[i];
    vv.push_back(VvWeight(m));
    pop.push_back(static_cast<double>(std::max<int64_t>(m.inhabitants, 1)));
    plan.region_members[m.zorgkantoor_code].push_back(i);
  }
  plan.vv_table = WeightedTable(vv);
  plan.population_table = WeightedTable(pop);
  for (const auto& [code, members] : plan.region_members) {
    std::vector<double> w;
    double lat = 0, lon = 0;
    for (size_t i : members) {
      w.push_back(pop[i]);
      lat += plan.municipalities[i]->centroid.lat;
      lon += plan.municipalities[i]->centroid.lon;
    }
    plan.region_tables.emplace(code, WeightedTable(w));
    const double n = static_cast<double>(members.size());
    plan.region_centres[code] = {lat / n, lon / n};
  }
  return plan;
}

domain::GeoPoint HomeIn(Rng& rng, const domain::Municipality& m) {
  // sd 1.2 km for a village up to ~4 km for the largest city.
  const double sd =
      Clamp(1.0 + 1.2 * std::sqrt(static_cast<double>(m.inhabitants) / 100000.0), 1.2, 4.0);
  const double north = Clamp(rng.Normal(0, sd), -2.5 * sd, 2.5 * sd);
  const double east = Clamp(rng.Normal(0, sd), -2.5 * sd, 2.5 * sd);
  return Offset(m.centroid, north, east);
}

domain::GeoPoint Near(Rng& rng, domain::GeoPoint from, double km_lo, double km_hi) {
  const double d = rng.Uniform(km_lo, km_hi);
  const double a = rng.Uniform(0, 2 * std::numbers::pi);
  return Offset(from, d * std::cos(a), d * std::sin(a));
}

const domain::Municipality& DrawHome(Rng& rng, const RegionPlan& plan, domain::Sector sector) {
  const WeightedTable& t = sector == Sector::kVV ? plan.vv_table : plan.population_table;
  return *plan.municipalities[t.Draw(rng)];
}

}  // namespace passend::generate
