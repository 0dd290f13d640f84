#pragma once
// Helpers for the generator tests: generated regions cached per test binary (generation
// is deterministic, so sharing them between tests is safe), field-by-field equality and
// small counting helpers.
#include <algorithm>
#include <string>
#include <string_view>

#include "domain/dataset.h"
#include "generate/generator.h"
#include "refdata/refdata.h"

namespace passend::generate::testing {

inline const domain::Dataset& Cached(RegionPreset preset) {
  static const domain::Dataset zl =
      Generate({RegionPreset::kZuidLimburg, 42, {}, ""}, refdata::BuiltIn()).value();
  static const domain::Dataset rd =
      Generate({RegionPreset::kRotterdam, 42, {}, ""}, refdata::BuiltIn()).value();
  return preset == RegionPreset::kZuidLimburg ? zl : rd;
}

inline bool HasFeature(const domain::Offer& o, std::string_view id) {
  return std::any_of(o.features.begin(), o.features.end(), [&](const domain::FeatureValue& f) {
    return f.feature_id == id && f.value >= 1;  // 0 is an explicit no
  });
}

inline bool WishesFeature(const domain::Client& c, std::string_view id) {
  return std::any_of(c.wishes.begin(), c.wishes.end(),
                     [&](const domain::Wish& w) { return w.feature_id == id; });
}

inline bool Equal(const domain::Provider& a, const domain::Provider& b) {
  return a.id == b.id && a.name == b.name && a.established == b.established &&
         a.website == b.website;
}
inline bool Equal(const domain::Location& a, const domain::Location& b) {
  return a.id == b.id && a.provider_id == b.provider_id && a.name == b.name &&
         a.address == b.address && a.municipality_code == b.municipality_code &&
         a.position == b.position;
}
inline bool Equal(const domain::Offer& a, const domain::Offer& b) {
  return a.id == b.id && a.provider_id == b.provider_id && a.location_id == b.location_id &&
         a.kind == b.kind && a.name == b.name && a.description == b.description &&
         a.sectors == b.sectors && a.profiles == b.profiles &&
         a.delivery_forms == b.delivery_forms && a.capacity == b.capacity &&
         a.free_places == b.free_places && a.waiting_people == b.waiting_people &&
         a.waiting_weeks == b.waiting_weeks && a.contracted_regions == b.contracted_regions &&
         a.features == b.features && a.quality == b.quality &&
         a.service_radius_km == b.service_radius_km && a.temporary == b.temporary;
}
inline bool Equal(const domain::Client& a, const domain::Client& b) {
  return a.id == b.id && a.name == b.name && a.birth_year == b.birth_year &&
         a.municipality_code == b.municipality_code && a.home == b.home && a.sector == b.sector &&
         a.indication == b.indication && a.profile == b.profile && a.care_status == b.care_status &&
         a.care_provider_id == b.care_provider_id && a.preferred_forms == b.preferred_forms &&
         a.seeking == b.seeking && a.representative == b.representative && a.wishes == b.wishes &&
         a.needs == b.needs && a.places == b.places;
}

template <typename T>
bool AllEqual(const std::vector<T>& a, const std::vector<T>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (!Equal(a[i], b[i])) return false;
  return true;
}

inline bool Equal(const domain::Dataset& a, const domain::Dataset& b) {
  return AllEqual(a.providers, b.providers) && AllEqual(a.locations, b.locations) &&
         AllEqual(a.offers, b.offers) && AllEqual(a.clients, b.clients);
}

}  // namespace passend::generate::testing
