#pragma once
// Test support: small hand-built catalogues and clients around Maastricht (Zuid-Limburg,
// care office 5531), and random ones from a fixed-seed generator of our own (so the same
// seed gives the same catalogue with every standard library). Tests only.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/catalog.h"
#include "domain/client.h"
#include "match/index.h"
#include "refdata/refdata.h"

namespace passend::match::testing {

inline constexpr domain::GeoPoint kMaastricht{50.8514, 5.6910};
inline constexpr domain::GeoPoint kHeerlen{50.8882, 5.9795};

// A point `km_north` and `km_east` of `p` (approximately; fine for tests).
inline domain::GeoPoint Offset(domain::GeoPoint p, double km_north, double km_east) {
  return {p.lat + km_north / 111.2, p.lon + km_east / (111.2 * 0.6313)};
}

struct Catalog {
  std::vector<domain::Provider> providers;
  std::vector<domain::Location> locations;
  std::vector<domain::Offer> offers;

  // An offer at `at`, with its own location and (unless it exists) provider. Defaults:
  // sector VV, verblijf in kind contracted by 5531, a free place, a review score of 8 (40 reviews).
  domain::Offer& Add(const std::string& id, const std::string& provider, domain::OfferKind kind,
                     domain::GeoPoint at) {
    bool known = false;
    for (const auto& p : providers) known = known || p.id == provider;
    if (!known) providers.push_back({provider, "Aanbieder " + provider, true, ""});
    locations.push_back({"loc-" + id, provider, "Locatie " + id, "Straat 1", "GM0935", at});
    domain::Offer o;
    o.id = id, o.provider_id = provider, o.location_id = "loc-" + id, o.kind = kind;
    o.name = "Aanbod " + id;
    o.sectors = {domain::Sector::kVV};
    o.delivery_forms = {kind == domain::OfferKind::kZorgThuis ? domain::DeliveryForm::kVpt
                                                              : domain::DeliveryForm::kVerblijf};
    o.capacity = 10, o.free_places = 1;
    o.contracted_regions = {"5531"};
    o.quality = {{domain::QualityKind::kReviews, "ZorgkaartNederland", "2026-01-15", 8, 40}};
    offers.push_back(o);
    return offers.back();
  }

  MatchIndex Index() const {
    auto ix = MatchIndex::Build(providers, locations, offers, refdata::BuiltIn());
    if (!ix.ok()) throw std::runtime_error(ix.error().ToString());
    return std::move(ix).value();
  }
};

// A client in Maastricht with profile 5VV, looking for wonen.
inline domain::Client MakeClient() {
  domain::Client c;
  c.id = "cli-1", c.name = "Mevrouw Test", c.birth_year = 1940;
  c.municipality_code = "GM0935", c.home = kMaastricht;
  c.sector = domain::Sector::kVV, c.profile = "5VV";
  c.indication = domain::IndicationStatus::kGranted;
  c.seeking = {domain::OfferKind::kWonen};
  return c;
}

inline domain::Wish Want(const std::string& feature, domain::Importance imp,
                         std::optional<double> value = std::nullopt) {
  return {feature, imp, value, "wens " + feature};
}

// splitmix64: small, fast, the same everywhere.
class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t Next() {
    uint64_t z = (s_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  int Int(int n) { return static_cast<int>(Next() % static_cast<uint64_t>(n)); }  // 0..n-1
  double Unit() { return static_cast<double>(Next() >> 11) / 9007199254740992.0; }
  bool Chance(double p) { return Unit() < p; }

 private:
  uint64_t s_;
};

// A random catalogue of `n` offers in and around Zuid-Limburg.
Catalog RandomCatalog(uint64_t seed, int n);
// A random client with wishes, needs and places; seeking the given kinds.
domain::Client RandomClient(Rng& rng, int i, std::vector<domain::OfferKind> seeking);

}  // namespace passend::match::testing
