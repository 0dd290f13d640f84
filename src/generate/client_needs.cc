// Objective care needs by care profile: what the indication implies (5VV: dementia
// expertise; 8VV: intensive nursing; 7VG: experience with severe behaviour problems).
#include <string_view>

#include "generate/client_parts.h"

namespace passend::generate {
namespace {

struct NeedChance {
  std::string_view profile;  // exact code, or a sector name ("VG") for all its profiles
  std::string_view feature;
  double p;
};

// Rates are invented but follow the profile definitions in data/zorgprofielen.csv.
constexpr NeedChance kNeeds[] = {
    {"4VV", "nachtzorg_oproep", 0.5},
    {"4VV", "medicatie_begeleiding", 0.5},
    {"4VV", "valpreventie", 0.3},
    {"5VV", "dementie_expertise", 1.0},
    {"5VV", "toezicht_nabij", 0.7},
    {"5VV", "gesloten_afdeling", 0.3},
    {"5VV", "nachtzorg_wakend", 0.35},
    {"6VV", "zorg_24uur_nabij", 0.8},
    {"6VV", "nachtzorg_oproep", 0.5},
    {"6VV", "tilliften", 0.3},
    {"6VV", "verpleging_intensief", 0.3},
    {"6VV", "diabetes_zorg", 0.2},
    {"6VV", "parkinson_expertise", 0.06},
    {"6VV", "palliatieve_zorg", 0.04},
    {"7VV", "psychiatrie_expertise", 0.45},
    {"7VV", "gedragsproblematiek_ernstig", 0.25},
    {"7VV", "korsakov_expertise", 0.15},
    {"7VV", "dementie_expertise", 0.4},
    {"7VV", "toezicht_nabij", 0.8},
    {"7VV", "nachtzorg_wakend", 0.5},
    {"7VV", "huntington_expertise", 0.02},
    {"8VV", "verpleging_intensief", 1.0},
    {"8VV", "tilliften", 0.7},
    {"8VV", "nah_expertise", 0.25},
    {"8VV", "sondevoeding", 0.2},
    {"8VV", "beademing", 0.05},
    {"8VV", "nachtzorg_wakend", 0.8},
    {"9bVV", "revalidatie", 1.0},
    {"9bVV", "behandeling_op_locatie", 0.8},
    {"VG", "avg_arts", 0.3},
    {"VG", "epilepsie_expertise", 0.18},
    {"VG", "autisme_expertise", 0.2},
    {"3VG", "nachtzorg_oproep", 0.3},
    {"4VG", "hulp_persoonlijke_verzorging", 0.6},
    {"5VG", "hulp_persoonlijke_verzorging", 0.9},
    {"5VG", "nachtzorg_oproep", 0.6},
    {"6VG", "gedragsproblematiek_ernstig", 0.2},
    {"6VG", "toezicht_nabij", 0.8},
    {"7VG", "gedragsproblematiek_ernstig", 0.6},
    {"7VG", "toezicht_nabij", 1.0},
    {"7VG", "nachtzorg_wakend", 0.7},
    {"7VG", "gesloten_afdeling", 0.2},
    {"8VG", "emb_expertise", 0.6},
    {"8VG", "verpleging_intensief", 0.8},
    {"8VG", "tilliften", 0.8},
    {"8VG", "sondevoeding", 0.3},
    {"8VG", "nachtzorg_wakend", 0.8},
    {"LVG", "lvb_expertise", 1.0},
    {"LVG", "psychiatrie_expertise", 0.2},
    {"LVG", "verslaving_expertise", 0.15},
    {"3LVG", "toezicht_nabij", 0.6},
    {"4LVG", "gedragsproblematiek_ernstig", 0.5},
    {"5LVG", "gedragsproblematiek_ernstig", 0.5},
    {"5LVG", "gesloten_afdeling", 0.5},
    {"1SGLVG", "gedragsproblematiek_ernstig", 1.0},
    {"1SGLVG", "psychiatrie_expertise", 0.6},
    {"LG", "rolstoeltoegankelijk", 0.8},
    {"LG", "nah_expertise", 0.25},
    {"LG", "ms_expertise", 0.06},
    {"LG", "als_expertise", 0.015},
    {"LG", "huntington_expertise", 0.01},
    {"5LG", "tilliften", 0.6},
    {"6LG", "tilliften", 0.7},
    {"7LG", "tilliften", 0.8},
    {"6LG", "zorg_24uur_nabij", 0.8},
    {"7LG", "zorg_24uur_nabij", 0.9},
    {"7LG", "beademing", 0.1},
    {"ZGvis", "blind_slechtziend", 1.0},
    {"ZGaud", "doof_gebarentaal", 1.0},
    {"GGZ-B", "psychiatrie_expertise", 1.0},
    {"GGZ-B", "verslaving_expertise", 0.2},
    {"5bGGZ", "gedragsproblematiek_ernstig", 0.4},
    {"7bGGZ", "gedragsproblematiek_ernstig", 1.0},
    {"7bGGZ", "beveiligd_wonen", 0.8},
    {"GGZ-W", "psychiatrie_expertise", 1.0},
    {"GGZ-W", "verslaving_expertise", 0.25},
    {"GGZWonen3", "gedragsproblematiek_ernstig", 0.2},
    {"GGZWonen5", "gedragsproblematiek_ernstig", 1.0},
    {"GGZWonen5", "beveiligd_wonen", 0.8},
};

void Add(std::vector<domain::Need>& needs, std::string_view feature, std::string_view note) {
  for (const domain::Need& n : needs)
    if (n.feature_id == feature) return;
  needs.push_back({std::string(feature), std::string(note)});
}

}  // namespace

std::vector<std::string_view> NeedFeatureIds() {
  std::vector<std::string_view> ids = {"jonge_dementie"};
  for (const NeedChance& n : kNeeds) ids.push_back(n.feature);
  return ids;
}

std::vector<domain::Need> DrawNeeds(Rng& rng, const domain::Client& c, const Person& p) {
  std::vector<domain::Need> needs;
  const std::string_view sector = domain::ToString(c.sector);
  for (const NeedChance& n : kNeeds) {
    const bool applies = n.profile == c.profile || n.profile == sector;
    if (applies && rng.Bernoulli(n.p))
      Add(needs, n.feature, c.profile.empty() ? "verwacht" : "uit indicatie " + c.profile);
  }
  // Dementia before 65 needs a different approach than at 85.
  if (c.profile == "5VV" && p.age < 66) Add(needs, "jonge_dementie", "dementie op jonge leeftijd");
  return needs;
}

}  // namespace passend::generate
