#include "domain/reference.h"

namespace passend::domain {

ReferenceData::ReferenceData(std::vector<Municipality> municipalities,
                             std::vector<CareProfile> profiles, std::vector<Feature> features)
    : municipalities_(std::move(municipalities)),
      profiles_(std::move(profiles)),
      features_(std::move(features)) {
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
std::optional<uint32_t> ReferenceData::FeatureIndex(const std::string& id) const {
  auto it = feature_by_id_.find(id);
  if (it == feature_by_id_.end()) return std::nullopt;
  return it->second;
}

}  // namespace passend::domain
