#pragma once
// How features of the vocabulary hang together, as data compiled in from data/:
//  - kenmerk_relaties.csv: an own apartment implies an own room and bathroom; town centre
//    excludes rural; one faith excludes another; ...
//  - standaardkenmerken.csv: what every offer of a sector (or accepting a profile) and kind
//    has or explicitly lacks (every VV nursing home handles diabetes, hoists, medication
//    and 24-hour care; care at home keeps the client's own GP).
// The offer generator uses them so that an offer's features say yes, no or unknown
// coherently; the client generator and the data-quality check use the exclusions so that
// no client holds a contradictory pair of wishes.
//
// Thread-safety: the tables are built once (function-local statics) and then read-only.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/catalog.h"
#include "domain/client.h"
#include "domain/error.h"
#include "domain/reference.h"

namespace passend::generate {

enum class RelationKind : uint8_t {
  kImplies,       // feature yes => other yes (offers; a wish for feature suits other too)
  kExcludes,      // feature yes => other no, both ways (offers and a client's wishes)
  kWishExcludes,  // only a client's wishes: one faith; a home may welcome both
};

struct FeatureRelation {
  std::string feature;
  RelationKind kind = RelationKind::kImplies;
  std::string other;
};

// What every offer of some sectors/profiles/templates and one kind states.
struct StandardFeature {
  std::vector<std::string> applies_to;  // sector ("VV"), accepted profile ("8VV") or template key
  domain::OfferKind kind = domain::OfferKind::kWonen;
  std::string feature;
  double value = 1;  // 1 yes, 0 explicitly no
};

const std::vector<FeatureRelation>& FeatureRelations();
const std::vector<StandardFeature>& StandardFeatures();

Result<std::vector<FeatureRelation>> ParseFeatureRelations(std::string_view csv);
Result<std::vector<StandardFeature>> ParseStandardFeatures(std::string_view csv);

// Whether a standard feature applies to an offer of this template.
bool Applies(const StandardFeature& s, const domain::Offer& o, std::string_view template_key);

// Makes an offer's features consistent: implications set the implied feature to yes
// (following chains), exclusions set the other feature to an explicit no (a level or a
// number has no "no": it becomes unknown, not listed). Of two excluding features the first
// in the relation table wins.
void ApplyRelations(std::vector<domain::FeatureValue>& features, const domain::ReferenceData& ref);

// The first pair of feature ids among a client's wishes and needs that exclude each other
// (a level wish counts from level 2), or nullopt when the client is coherent.
std::optional<std::pair<std::string, std::string>> ContradictoryPair(const domain::Client& c);

// Whether a wish for `feature` would contradict what the client already wishes or needs.
bool ContradictsClient(const domain::Client& c, const std::vector<domain::Wish>& wishes,
                       std::string_view feature);

}  // namespace passend::generate
