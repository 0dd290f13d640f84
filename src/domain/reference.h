#pragma once
// Reference data: the public facts Passend is built on (data/README.md cites the
// sources). Municipalities with their care-office region, the Wlz care profiles, and the
// feature vocabulary (kenmerken) shared by offers and wishes.
// A ReferenceData is immutable once built and safe to share between threads.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/geo.h"
#include "domain/vocabulary.h"

namespace passend::domain {

// A municipality within the borders of 1 January 2025 (342, in 31 care-office regions).
struct Municipality {
  std::string code;              // CBS code, "GM0935"
  std::string name;              // "Maastricht"
  std::string zorgkantoor_code;  // care-office region, "5531"
  std::string zorgkantoor_name;  // "Zorgkantoor Zuid-Limburg"
  int64_t inhabitants = 0;
  // Where `inhabitants` comes from (data/README.md): "cbs_2025" (CBS, 1 January 2025),
  // "summed_2014" (about 2014, summed over the predecessors onto 2025 borders) or
  // "estimate" (no public figure found: the median of the region's other municipalities).
  std::string inhabitants_source;
  int64_t vv_light_clients = 0;           // elderly-care clients with ZZP 1-4 (source year)
  int64_t vv_heavy_clients_forecast = 0;  // forecast 2020 of clients with ZZP 5-10
  // No source figure: both counts are the region's rate per inhabitant times inhabitants.
  bool vv_clients_estimated = false;
  GeoPoint centroid;
};

// A municipality code that no longer exists (merger, split, rename since 2014) and one of
// its successors, with the share of its addresses that went there.
struct MunicipalityCodeChange {
  std::string old_code;  // "GM0951" (Nuth)
  std::string new_code;  // "GM1954" (Beekdaelen)
  double address_share = 1;
};

struct CareProfile {
  std::string code;  // "5VV", "6VG", "GGZWonen3"
  Sector sector = Sector::kVV;
  std::string name_nl;
  bool pgb_possible = false;
  bool meerzorg_possible = false;
  int vektis_code = 0;  // COD163
};

// One entry of the kenmerken vocabulary.
struct Feature {
  std::string id;  // stable, snake_case: "dementie_expertise"
  LifeDomain domain = LifeDomain::kWonen;
  FeatureKind kind = FeatureKind::kYesNo;
  std::string label_nl;
  std::string label_en;
  int level_max = 0;             // kLevel: levels are 1..level_max
  bool higher_is_better = true;  // kNumber: whether more of it fits a wish better
  std::string unit;              // kNumber: "personen", "uur", ...
};

struct CareOfficeRegion {
  std::string code;  // "5531"
  std::string name;  // "Zorgkantoor Zuid-Limburg"
};

class ReferenceData {
 public:
  ReferenceData(std::vector<Municipality> municipalities, std::vector<CareProfile> profiles,
                std::vector<Feature> features,
                std::vector<MunicipalityCodeChange> code_changes = {});

  const std::vector<Municipality>& municipalities() const { return municipalities_; }
  const std::vector<CareProfile>& profiles() const { return profiles_; }
  const std::vector<Feature>& features() const { return features_; }
  const std::vector<CareOfficeRegion>& regions() const { return regions_; }

  // Lookups return nullptr when the code or id is unknown.
  const Municipality* FindMunicipality(const std::string& code) const;
  const CareProfile* FindProfile(const std::string& code) const;
  const Feature* FindFeature(const std::string& id) const;
  const CareOfficeRegion* FindRegion(const std::string& code) const;
  // The 2025 code for a municipality code of 2014 or later: the code itself when it is
  // current; for an old code its successor (a split municipality: the successor whose
  // centroid is nearest `near`, without it the one that got most addresses); "" when the
  // code is unknown.
  std::string CurrentMunicipalityCode(const std::string& code,
                                      std::optional<GeoPoint> near = std::nullopt) const;
  // Dense index of a feature id (0..features().size()-1), for compact per-offer tables.
  std::optional<uint32_t> FeatureIndex(const std::string& id) const;

 private:
  std::vector<Municipality> municipalities_;
  std::vector<CareProfile> profiles_;
  std::vector<Feature> features_;
  std::vector<CareOfficeRegion> regions_;
  std::vector<MunicipalityCodeChange> code_changes_;  // sorted by old code
  std::unordered_map<std::string, size_t> municipality_by_code_;
  std::unordered_map<std::string, size_t> profile_by_code_;
  std::unordered_map<std::string, uint32_t> feature_by_id_;
  std::unordered_map<std::string, size_t> region_by_code_;
};

// A care profile as a client first reads it: the code and what it means ("6VV: beschermd
// wonen met intensieve verzorging en verpleging"); an unknown code as it is.
std::string ProfileInWords(const ReferenceData& ref, const std::string& code);

}  // namespace passend::domain
