#pragma once
// Explanations: why an offer (or a combination) ranks where it does, in plain values
// with Dutch sentences for people. Built for the few results shown, never in the search.
// Pure functions; thread-safe.
#include <optional>
#include <string>
#include <vector>

#include "match/query.h"
#include "match/score.h"

namespace passend::match {

struct WishExplanation {
  uint32_t wish = 0;       // index in client.wishes
  std::string feature_id;  // empty for a free-text wish
  std::string label;       // the feature's Dutch label, or the client's own words
  domain::Importance importance = domain::Importance::kImportant;
  std::optional<WishStatus> status;  // empty: free text, or it does not apply
  bool applies = true;               // false: belongs to none of the kinds of care explained here
  std::string met_by;                // in a combination: the offer id that meets it best
  // Free text: features of the vocabulary it may mean (free_text.h), to confirm.
  std::vector<std::string> suggested_features;
  std::string reason;  // "Heeft dit", "Niveau 2 van 3, gewenst 3", ...
};

struct NeedExplanation {
  uint32_t need = 0;
  std::string feature_id, label;
  bool met = false;
  WishStatus status = WishStatus::kNotMet;  // kMet, kUnknown (the offer does not say) or not
  bool applies = true;                      // as WishExplanation::applies
  std::string reason;
};

struct PlaceExplanation {
  uint32_t place = 0;
  std::string label;
  domain::PlaceKind kind = domain::PlaceKind::kFamilie;
  double distance_km = 0, max_km = 0;
  bool within = false;
};

// One offer as part of a result.
struct PartExplanation {
  std::string offer_id, offer_name, provider_id, provider_name, location_name, municipality_code;
  domain::OfferKind kind = domain::OfferKind::kWonen;
  bool profile_accepted = true;
  std::string profile_reason;  // empty when accepted
  Contracting contracting = Contracting::kInKind;
  bool pgb_needed = false;
  std::string contracting_reason;
  std::vector<domain::DeliveryForm> possible_forms;  // forms the client can have it in
  int wait_weeks = 0, free_places = 0;
  // Review scores and inspections with source and date; `ranked_quality` is the index of the
  // note the ranking used (domain::RankedReviews), -1 when none.
  std::vector<domain::QualityNote> quality;
  int ranked_quality = -1;
  std::optional<double> travel_km;  // day activities / respite: from where the client lives
  std::optional<double> home_km;    // a home: from the client's current home
  std::optional<double> service_radius_km;
  bool within_service_area = true;
  bool temporary = false;       // temporary or bridging (domain::Offer::temporary)
  std::string last_updated;     // domain::Offer::last_updated()
  bool maybe_outdated = false;  // "mogelijk verouderd" (MatchIndex::maybe_outdated)
};

struct Explanation {
  std::vector<PartExplanation> parts;
  std::vector<WishExplanation> wishes;  // every wish of the client, free text included
  std::vector<NeedExplanation> needs;
  std::vector<PlaceExplanation> places;  // from the home offered; empty for other kinds
  std::vector<std::string> summary;      // short Dutch sentences, most important first
  // What decides the place in the list, in words: "Voldoet aan alle moet-wensen en
  // behoeften", "Mist 2 moet-wensen of behoeften; alleen met een pgb", "Past niet bij uw
  // indicatie (zorgprofiel 6VG)". Options with the same headline are ordered by the score.
  std::string headline;
};

// `offers`: one offer, or a combination with the living part first; `a` its assessment
// (score.h), for the headline.
Explanation Explain(const Query& q, const std::vector<uint32_t>& offers, const Assessment& a);

// The headline of an assessment (Explanation::headline).
std::string HeadlineNl(const Query& q, const Assessment& a);

// "1 week", "3 weken"; "1 wens", "2 wensen": B1 Dutch counts.
std::string CountNl(int64_t n, const char* one, const char* many);

// Dutch words for a status: "voldaan", "deels", "niet bekend", "niet voldaan".
std::string StatusNl(WishStatus s);

}  // namespace passend::match
