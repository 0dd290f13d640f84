#include "match/test_catalog.h"

namespace passend::match::testing {
namespace {

using domain::OfferKind;
// A few features of each kind from data/kenmerken.csv, so random wishes and offers meet.
const char* const kYesNo[] = {"tuin",
                              "huisdier_toegestaan",
                              "dementie_expertise",
                              "eigen_badkamer",
                              "tuinieren",
                              "zorgboerderij",
                              "nachtzorg_wakend",
                              "vroeg_ontbijt",
                              "katholieke_identiteit",
                              "logeren_weekend",
                              "muziek",
                              "pgb_mogelijk"};
const char* const kLevels[] = {"rustige_omgeving", "structuur_dagritme", "begeleiding_intensiteit"};
const char* const kNumbers[] = {"groepsgrootte", "dagbesteding_dagen", "zorg_uren_week"};
const char* const kRegions[] = {"5531", "5515", "5521"};
const domain::Sector kSectors[] = {domain::Sector::kVV, domain::Sector::kVG, domain::Sector::kLG};

domain::GeoPoint RandomPoint(Rng& rng) {
  return Offset(kMaastricht, rng.Unit() * 60 - 20, rng.Unit() * 50 - 15);
}

}  // namespace

Catalog RandomCatalog(uint64_t seed, int n) {
  Rng rng(seed);
  Catalog c;
  for (int i = 0; i < n; ++i) {
    const std::string id = "off-" + std::to_string(1000 + i);
    const std::string prv = "prv-" + std::to_string(rng.Int(std::max(1, n / 4)));
    const OfferKind kind = static_cast<OfferKind>(rng.Int(4));
    domain::Offer& o = c.Add(id, prv, kind, RandomPoint(rng));
    o.sectors = {kSectors[rng.Int(3)]};
    if (rng.Chance(0.3)) o.sectors.push_back(kSectors[rng.Int(3)]);
    if (rng.Chance(0.2)) o.profiles = {rng.Chance(0.5) ? "5VV" : "6VG"};
    o.contracted_regions.clear();
    if (rng.Chance(0.7)) o.contracted_regions.push_back(kRegions[rng.Int(3)]);
    if (rng.Chance(0.4)) o.delivery_forms.push_back(domain::DeliveryForm::kPgb);
    if (kind == OfferKind::kZorgThuis && rng.Chance(0.5))
      o.delivery_forms.push_back(domain::DeliveryForm::kMpt);
    o.free_places = rng.Chance(0.3) ? 1 : 0;
    o.waiting_weeks = rng.Int(60);
    if (rng.Chance(0.2))
      o.quality.clear();
    else
      o.quality = {{domain::QualityKind::kReviews, "ZorgkaartNederland", "2026-01-15",
                    1 + rng.Int(90) / 10.0, 25}};
    o.service_radius_km = kind == OfferKind::kZorgThuis ? 5 + rng.Int(30) : 0;
    for (const char* f : kYesNo)
      if (rng.Chance(0.35)) o.features.push_back({f, rng.Chance(0.9) ? 1.0 : 0.0});
    for (const char* f : kLevels)
      if (rng.Chance(0.6)) o.features.push_back({f, 1.0 + rng.Int(3)});
    for (const char* f : kNumbers)
      if (rng.Chance(0.6)) o.features.push_back({f, 1.0 + rng.Int(20)});
  }
  return c;
}

domain::Client RandomClient(Rng& rng, int i, std::vector<OfferKind> seeking) {
  domain::Client c = MakeClient();
  c.id = "cli-" + std::to_string(i);
  c.home = RandomPoint(rng);
  c.municipality_code = rng.Chance(0.7) ? "GM0935" : "GM0917";
  const char* const profiles[] = {"5VV", "9bVV", "6VG", "4LG", ""};
  c.profile = profiles[rng.Int(5)];
  c.sector = c.profile == "6VG"   ? domain::Sector::kVG
             : c.profile == "4LG" ? domain::Sector::kLG
                                  : domain::Sector::kVV;
  c.seeking = std::move(seeking);
  if (rng.Chance(0.3)) c.preferred_forms = {domain::DeliveryForm::kPgb};
  const domain::Importance imps[] = {domain::Importance::kMust, domain::Importance::kImportant,
                                     domain::Importance::kNice};
  const int wishes = rng.Int(7);
  for (int w = 0; w < wishes; ++w) {
    const int pick = rng.Int(10);
    if (pick < 6)
      c.wishes.push_back(Want(kYesNo[rng.Int(12)], imps[rng.Int(3)]));
    else if (pick < 8)
      c.wishes.push_back(Want(kLevels[rng.Int(3)], imps[rng.Int(3)], 1.0 + rng.Int(3)));
    else if (pick < 9)
      c.wishes.push_back(Want(kNumbers[rng.Int(3)], imps[rng.Int(3)], 1.0 + rng.Int(20)));
    else
      c.wishes.push_back({"", imps[rng.Int(3)], std::nullopt, "ontbijt om zes uur"});
  }
  if (rng.Chance(0.3)) c.needs.push_back({kYesNo[rng.Int(12)], ""});
  const int places = rng.Int(3);
  for (int p = 0; p < places; ++p)
    c.places.push_back({domain::PlaceKind::kFamilie, "plek " + std::to_string(p), RandomPoint(rng),
                        2.0 + rng.Int(20), imps[rng.Int(3)]});
  return c;
}

}  // namespace passend::match::testing
