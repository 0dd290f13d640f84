#pragma once
// A small catalogue for the format tests (CSV, HSDS): two providers (one without
// locations), a location without offers, and two offers using every field.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "domain/dataset.h"
#include "interop/native_json.h"

namespace passend::interop {

inline domain::Dataset Catalogue() {
  domain::Dataset d;
  domain::Provider p{"prv-a", "Zorggroep Heuvelland, Zuid", true, "https://example.org"};
  p.agb_code = "01234567";
  p.kvk_number = "12345678";
  d.providers.push_back(p);
  d.providers.push_back({"prv-b", "Thuiszorg \"De Brug\"", false, ""});  // no locations
  d.locations.push_back(
      {"loc-a", "prv-a", "De Linde", "Lindelaan 1; achterom", "GM0935", {50.8512345, 5.6909}});
  d.locations.push_back({"loc-b", "prv-a", "Leeg", "", "GM0935", {50.85, 5.7}});  // no offers
  domain::Offer o;
  o.id = "off-a";
  o.provider_id = "prv-a";
  o.location_id = "loc-a";
  o.kind = domain::OfferKind::kLogeren;
  o.name = "Logeerhuis De Linde";
  o.description = "Twee regels:\nweekend en week";
  o.sectors = {domain::Sector::kVV};
  o.profiles = {"5VV", "6VV"};
  o.delivery_forms = {domain::DeliveryForm::kVerblijf, domain::DeliveryForm::kPgb};
  o.capacity = 4;
  o.waiting_people = 3;
  o.waiting_weeks = 6;
  o.contracted_regions = {"5531"};
  o.features = {{"logeren_weekend", 1}, {"groepsgrootte", 4.5}, {"huisdier_toegestaan", 0}};
  // Both kinds of quality note, so every format's round trip carries them.
  o.quality = {{domain::QualityKind::kReviews, "ZorgkaartNederland", "2026-03-14", 8.1, 132},
               {domain::QualityKind::kInspection, std::string(domain::kInspectorate), "2025-11-02",
                0, 0, domain::InspectionOutcome::kPartlyMeets,
                "https://www.igj.nl/zorgaanbieders/rapport-de-linde"}};
  o.temporary = true;
  o.places_updated = "2026-11-01T00:00:00Z";
  o.details_updated = "2026-10-01T08:30:00Z";
  d.offers.push_back(o);
  o.id = "off-b";
  o.kind = domain::OfferKind::kZorgThuis;
  o.delivery_forms = {domain::DeliveryForm::kVpt};
  o.service_radius_km = 12.5;
  o.quality = {{domain::QualityKind::kReviews, "ZorgkaartNederland", "2025-06-30", 6.5, 7}};
  o.temporary = false;
  o.features.clear();
  d.offers.push_back(o);
  return d;
}

// The records of a data set as native JSON in id order, to compare two data sets.
inline nlohmann::json Sorted(domain::Dataset d) {
  auto by_id = [](const auto& a, const auto& b) { return a.id < b.id; };
  std::sort(d.providers.begin(), d.providers.end(), by_id);
  std::sort(d.locations.begin(), d.locations.end(), by_id);
  std::sort(d.offers.begin(), d.offers.end(), by_id);
  return DatasetToJson(d);
}

}  // namespace passend::interop
