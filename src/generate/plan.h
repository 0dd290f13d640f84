#pragma once
// The plan of a region preset: which municipalities and care offices, how many records of
// each kind, and the shares by sector (docs/generator.md gives the reasoning per number).
// Also the geography helpers every generator step shares: weighted municipality tables
// and points jittered around a centroid.
//
// Thread-safety: a RegionPlan is immutable once made; share it freely.
#include <map>
#include <string>
#include <vector>

#include "domain/error.h"
#include "domain/reference.h"
#include "generate/generator.h"
#include "generate/random.h"

namespace passend::generate {

struct SectorShare {
  domain::Sector sector;
  double weight;
};

// Where a municipality sits culturally: drives names, identity and language wishes.
struct PlaceContext {
  bool limburg = false;           // care office in Limburg: Catholic tradition, dialect, German
  bool brabant = false;           // care office in Brabant: Catholic tradition, carnival, dialect
  bool big_city = false;          // >= 200,000 inhabitants: more people with a migration background
  bool friesland = false;         // Frisian
  bool low_saxon = false;         // Groningen, Drenthe, Overijssel, Achterhoek: Nedersaksisch
  bool zeeland = false;           // Zeeuws
  bool bible_belt = false;        // the orthodox-Protestant belt from Zeeland to the Veluwe
  bool protestant_north = false;  // Groningen, Friesland, Drenthe: Protestant tradition
};

struct RegionPlan {
  RegionPreset preset = RegionPreset::kZuidLimburg;
  uint64_t seed = 0;
  std::vector<const domain::Municipality*> municipalities;  // reference order
  int established_providers = 0;
  int new_providers = 0;
  int locations = 0;
  int offers = 0;
  int clients = 0;
  std::vector<SectorShare> sectors;  // clients, and providers' main sector, by sector
  // Per municipality (same order as `municipalities`): where elderly-care clients live
  // (VV counts of the reference data) and where everyone else lives (inhabitants).
  WeightedTable vv_table;
  WeightedTable population_table;
  // Per care office: indices into `municipalities`, and a population table over them.
  std::map<std::string, std::vector<size_t>> region_members;
  std::map<std::string, WeightedTable> region_tables;
  std::map<std::string, domain::GeoPoint> region_centres;  // mean of member centroids
};

Result<RegionPlan> MakePlan(RegionPreset preset, uint64_t seed, const domain::ReferenceData& ref);

PlaceContext ContextOf(const domain::Municipality& m);

// A point around the municipality's centroid: a normal spread whose width grows with the
// population (a town is a few km across, Rotterdam ten), cut at 2.5 sd, inside the box.
domain::GeoPoint HomeIn(Rng& rng, const domain::Municipality& m);

// A point `km_lo`..`km_hi` km from `from` in a random direction, inside the box.
domain::GeoPoint Near(Rng& rng, domain::GeoPoint from, double km_lo, double km_hi);

// Municipality-weight tables are over plan.municipalities; this draws a municipality of
// `sector`'s clients (VV by the elderly-care counts, the rest by inhabitants).
const domain::Municipality& DrawHome(Rng& rng, const RegionPlan& plan, domain::Sector sector);

}  // namespace passend::generate
