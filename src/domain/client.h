#pragma once
// A client and what matters to them: wishes by importance, objective care needs and the
// places that matter. Personal data (AVG art. 9): handled behind the access layer.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/geo.h"
#include "domain/vocabulary.h"

namespace passend::domain {

// A wish in the client's own words, linked to a feature of the vocabulary where one fits.
// A wish with an empty feature_id is kept as free text and reported, never dropped.
struct Wish {
  std::string feature_id;  // empty: free text only
  Importance importance = Importance::kImportant;
  std::optional<double> value;  // levels/numbers: the wished level or amount; yes/no: unset
  std::string text;             // the client's words: "ontbijt om zes uur, zoals op de boerderij"
  bool operator==(const Wish&) const = default;
};

// An objective care need (from the indication or the assessment), e.g. dementia
// expertise or night care nearby. An unmet need counts like an unmet must.
struct Need {
  std::string feature_id;
  std::string note;
  bool operator==(const Need&) const = default;
};

// A place that matters (family, work, day activity, club), and how far the client is
// willing to live from it.
struct Place {
  PlaceKind kind = PlaceKind::kFamilie;
  std::string label;  // "dochter Anja", "voetbalclub"
  GeoPoint position;
  double max_km = 10;
  Importance importance = Importance::kImportant;
  bool operator==(const Place&) const = default;
};

struct Representative {
  std::string name;
  std::string relation;  // "dochter", "curator", "mentor", "ouder"
  bool operator==(const Representative&) const = default;
};

struct Client {
  std::string id;    // "cli-..."
  std::string name;  // generated clients carry invented names
  int birth_year = 0;
  std::string municipality_code;
  GeoPoint home;
  Sector sector = Sector::kVV;
  IndicationStatus indication = IndicationStatus::kNone;
  std::string profile;  // indicated (granted) or expected care profile code
  // In care at a provider, or searching (with a waiting status once indicated).
  CareStatus care_status = CareStatus::kOrienting;
  // The provider that delivers the client's Wlz care now (in care, or bridging care while
  // waiting); empty when there is none or it is outside the catalogue.
  std::string care_provider_id;
  std::vector<DeliveryForm> preferred_forms;
  std::vector<OfferKind> seeking;  // kinds of offer the client looks for
  std::optional<Representative> representative;
  std::vector<Wish> wishes;
  std::vector<Need> needs;
  std::vector<Place> places;
  bool operator==(const Client&) const = default;
};

// An erased client (intake::IntakeService::Erase) keeps only the id and this name, so the
// access log still points somewhere; such a record is no client data and is left out of
// exports.
// Bounds on one client's lists. Matching costs grow with them and the anonymous search
// takes them from anyone, so every client is held to them: a dossier that could be saved
// but not matched would leave its owner without options. The vocabulary has about 120
// features, so a real client stays far below. docs/api.md and the OpenAPI schema state them.
inline constexpr size_t kMaxWishes = 150;         // all wishes, free texts included
inline constexpr size_t kMaxFreeTextWishes = 20;  // wishes without a feature
inline constexpr size_t kMaxNeeds = 120;
inline constexpr size_t kMaxPlaces = 10;
inline constexpr size_t kMaxSeekingKinds = 10;  // seeking and preferred_forms, each

inline constexpr std::string_view kErasedClientName = "[gewist]";
inline bool IsErased(const Client& c) { return c.name == kErasedClientName; }

}  // namespace passend::domain
