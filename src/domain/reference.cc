#include "domain/reference.h"

#include <algorithm>
#include <limits>

namespace passend::domain {

ReferenceData::ReferenceData(std::vector<Municipality> municipalities,
                             std::vector<CareProfile> profiles, std::vector<Feature> features,
                             std::vector<MunicipalityCodeChange> code_changes)
    : municipalities_(std::move(municipalities)),
      profiles_(std::move(profiles)),
      features_(std::move(features)),
      code_changes_(std::move(code_changes)) {
  std::stable_sort(code_changes_.begin(), code_changes_.end(),
                   [](const auto& a, const auto& b) { return a.old_code < b.old_code; });
  for (size_t i = 0; i < municipalities_.size(); ++i) {
    const Municipality& m = municipalities_[i];
    municipality_by_code_.emplace(m.code, i);
    if (!region_by_code_.contains(m.zorgkantoor_code)) {
      region_by_code_.emplace(m.zorgkantoor_code, regions_.size());
      regions_.push_back({m.zorgkantoor_code, m.zorgkantoor_name});
    }
  }
  for (size_t i = 0; i < profiles_.size(); ++i) profile_by_code_.emplace(profiles_[i].code, i);
  for (size_t i = 0; i < features_.size(); ++i)
    feature_by_id_.emplace(features_[i].id, static_cast<uint32_t>(i));
}

const Municipality* ReferenceData::FindMunicipality(const std::string& code) const {
  auto it = municipality_by_code_.find(code);
  return it == municipality_by_code_.end() ? nullptr : &municipalities_[it->second];
}
const CareProfile* ReferenceData::FindProfile(const std::string& code) const {
  auto it = profile_by_code_.find(code);
  return it == profile_by_code_.end() ? nullptr : &profiles_[it->second];
}
const Feature* ReferenceData::FindFeature(const std::string& id) const {
  auto it = feature_by_id_.find(id);
  return it == feature_by_id_.end() ? nullptr : &features_[it->second];
}
const CareOfficeRegion* ReferenceData::FindRegion(const std::string& code) const {
  auto it = region_by_code_.find(code);
  return it == region_by_code_.end() ? nullptr : &regions_[it->second];
}
std::string ReferenceData::CurrentMunicipalityCode(const std::string& code,
                                                   std::optional<GeoPoint> near) const {
  std::string current = code;
  // A few steps at most: a code may have changed twice (merged, then merged again).
  for (int step = 0; step < 4; ++step) {
    if (FindMunicipality(current) != nullptr) return current;
    auto [first, last] = std::equal_range(
        code_changes_.begin(), code_changes_.end(), MunicipalityCodeChange{current, "", 0},
        [](const auto& a, const auto& b) { return a.old_code < b.old_code; });
    if (first == last) return "";
    const MunicipalityCodeChange* best = &*first;
    double best_km = std::numeric_limits<double>::infinity();
    for (auto it = first; it != last; ++it) {
      const Municipality* m = FindMunicipality(it->new_code);
      if (near && m != nullptr) {
        const double km = DistanceKm(*near, m->centroid);
        if (km < best_km) {
          best_km = km;
          best = &*it;
        }
      } else if (!near && it->address_share > best->address_share) {
        best = &*it;
      }
    }
    current = best->new_code;
  }
  return FindMunicipality(current) != nullptr ? current : "";
}

std::optional<uint32_t> ReferenceData::FeatureIndex(const std::string& id) const {
  auto it = feature_by_id_.find(id);
  if (it == feature_by_id_.end()) return std::nullopt;
  return it->second;
}

std::string ProfileInWords(const ReferenceData& ref, const std::string& code) {
  const CareProfile* p = ref.FindProfile(code);
  if (p == nullptr || p->name_nl.empty()) return code;
  std::string words = p->name_nl;
  // The name starts a sentence in the code system; after the colon it runs on.
  if (words[0] >= 'A' && words[0] <= 'Z') words[0] = static_cast<char>(words[0] - 'A' + 'a');
  return code + ": " + words;
}

}  // namespace passend::domain
