#pragma once
// The care offer of a region: providers, their locations and the offers at them.
// Plain values; validation lives in domain/validation.h.
#include <optional>
#include <string>
#include <vector>

#include "domain/geo.h"
#include "domain/quality.h"
#include "domain/vocabulary.h"

namespace passend::domain {

struct Provider {
  std::string id;           // opaque, stable: "prv-7k2m9q"
  std::string name;         // "Zorggroep Heuvelland"
  bool established = true;  // false for a new, small provider (entered under open purchasing)
  std::string website;
  // The provider's identity in the national registers ("" when not known), each 8 digits:
  // AGB code (Vektis, the AGB register of care providers), KvK number (the Dutch business
  // register) and URA (UZI-register abonneenummer: the number the Generic Functions care
  // directory and the Nuts network identify a care organisation by). None of the three
  // has a published check digit: only their format is checked. An import recognises a
  // provider it already has by any of them (catalog::CatalogService::Import).
  std::string agb_code = {};
  std::string kvk_number = {};
  std::string ura_number = {};
  // The care office's register: only an approved provider's offers are public and
  // matched. An import never changes the status of a provider the database has.
  RegisterStatus register_status = RegisterStatus::kApproved;

  bool Listed() const { return register_status == RegisterStatus::kApproved; }
};

struct Location {
  std::string id;  // "loc-..."
  std::string provider_id;
  std::string name;
  std::string address;            // street and number, for people
  std::string municipality_code;  // CBS "GM0935"
  GeoPoint position;
};

// The value an offer has for one feature of the vocabulary. Every feature of an offer is
// yes, no or unknown: a yes/no feature is 1 (yes) or 0 (explicitly no); levels are
// 1..level_max and numbers as is. A feature NOT listed is unknown ("niet bekend"): the
// provider has not said, which is not the same as no.
struct FeatureValue {
  std::string feature_id;
  double value = 1;
  bool operator==(const FeatureValue&) const = default;
};

struct Offer {
  std::string id;  // "off-..."
  std::string provider_id;
  std::string location_id;  // where it is delivered; for zorg thuis the provider's base
  OfferKind kind = OfferKind::kWonen;
  std::string name;
  std::string description;
  std::vector<Sector> sectors;        // sectors it serves
  std::vector<std::string> profiles;  // accepted care profiles ("5VV"); empty = any of its sectors
  std::vector<DeliveryForm> delivery_forms;  // forms under which it can be had
  int capacity = 0;                          // places (or clients for zorg thuis)
  int free_places = 0;
  int waiting_people = 0;
  int waiting_weeks = 0;                        // expected wait for a place, in weeks
  std::vector<std::string> contracted_regions;  // care-office codes with a contract in kind
  std::vector<FeatureValue> features;
  // Review scores and inspection results, each with its source and date; set by the care
  // office or an import, never by the provider itself (reviews come from their source).
  std::vector<QualityNote> quality;
  double service_radius_km = 0;  // zorg thuis: how far from the base it reaches
  // Temporary or bridging (a training house, respite while waiting for a place): shown as
  // such, never as a failed permanent option.
  bool temporary = false;
  // How to reach the provider about an intake (phone, e-mail, web page), and what it asks
  // before an intake (free text, for people).
  std::string intake_contact;
  std::string intake_requirements;
  // UTC ISO 8601 ("2026-03-01T09:30:00Z"): when free places, people waiting and the
  // expected wait were last stated (a provider confirming the same numbers counts), and
  // when anything else was last changed. Empty: not known (possibly outdated).
  std::string places_updated;
  std::string details_updated;

  // The later of the two: when the offer was last brought up to date.
  const std::string& last_updated() const {
    return places_updated > details_updated ? places_updated : details_updated;
  }
};

// When an offer counts as "mogelijk verouderd" (possibly outdated): its free places and
// waits were stated before `places_before`, or the rest before `details_before`
// (timestamps as Offer's; text order is time order). Empty cutoffs mark nothing.
struct FreshnessCutoffs {
  std::string places_before;
  std::string details_before;
  bool operator==(const FreshnessCutoffs&) const = default;
};

inline bool MaybeOutdated(const Offer& o, const FreshnessCutoffs& c) {
  return (!c.places_before.empty() && o.places_updated < c.places_before) ||
         (!c.details_before.empty() && o.details_updated < c.details_before);
}

}  // namespace passend::domain
