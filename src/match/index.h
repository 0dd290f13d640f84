#pragma once
// MatchIndex: the whole care offer laid out for matching. Built once from providers,
// locations and offers; immutable afterwards and safe to share between threads.
//
// Offers are renumbered 0..size()-1 and kept as a structure of arrays: per offer its
// kind, position, feature values (a dense row of `feature_count()` floats, oriented so
// that higher is always better: a number where less is better is stored negated; a
// feature the offer does not list is kAbsent), wait and quality scores, and bit masks for
// the care-office regions under which it can be had in kind, delivery forms and accepted
// care profiles.
//
// Per kind of offer the offers form a tree of groups (leaves of up to kLeafSize offers of
// one profile-acceptance mask that lie close together; parents of up to kFanout groups).
// Every group carries a summary that bounds all its offers: the bounding box, the highest
// value per feature, whether some offer does not state a feature (unknown), the best wait
// and quality scores, the union of the masks. The
// searches in topk.h, arrangement.h and mismatch.h use these to skip whole groups exactly.
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/catalog.h"
#include "domain/error.h"
#include "domain/reference.h"
#include "match/applicability.h"
#include "match/free_text.h"
#include "match/geometry.h"
#include "match/weights.h"

namespace passend::match {

inline constexpr float kAbsent = -1e30f;
inline constexpr int8_t kAbsent8 = -128;
inline constexpr uint32_t kLeafSize = 8;
inline constexpr uint32_t kFanout = 8;
inline constexpr uint32_t kNoNode = UINT32_MAX;
inline constexpr int kSectorAcceptBit = 56;  // accept-mask bits 56..63: "a profile of sector s"

inline constexpr uint8_t FormBit(domain::DeliveryForm f) {
  return static_cast<uint8_t>(1u << static_cast<int>(f));
}
inline bool IsLiving(domain::OfferKind k) {
  return k == domain::OfferKind::kWonen || k == domain::OfferKind::kZorgThuis;
}

// The summary of one group of offers (a node of the tree).
struct Group {
  uint32_t begin = 0, end = 0;              // offers [begin, end)
  uint32_t child_begin = 0, child_end = 0;  // child groups; equal for a leaf
  BoxRad box;
  float wait_score = 0, quality_score = 0;  // the best in the group
  // The best weights.wait * wait + weights.quality * quality of one offer: tighter than
  // the two bests added, which often belong to different offers.
  double wait_quality = 0;
  float service_radius_km = 0;                // the largest in the group
  uint64_t region_mask = 0, accept_mask = 0;  // unions
  uint8_t forms = 0;                          // union of FormBit
  domain::OfferKind kind = domain::OfferKind::kWonen;
  bool leaf() const { return child_begin == child_end; }
};

class MatchIndex {
 public:
  // Fails with kInvalidArgument when an offer names an unknown location or provider, or a
  // feature the vocabulary does not know. Offers of a provider the register has not
  // approved (submitted or suspended: domain::Provider::Listed) are left out.
  // `fresh`: when offers count as "mogelijk verouderd" (their wait score is then
  // weights.outdated_wait_factor of what it would be); empty cutoffs mark none.
  static Result<MatchIndex> Build(const std::vector<domain::Provider>& providers,
                                  const std::vector<domain::Location>& locations,
                                  const std::vector<domain::Offer>& offers,
                                  const domain::ReferenceData& ref,
                                  const Weights& weights = Weights::BuiltIn(),
                                  const domain::FreshnessCutoffs& fresh = {});

  // A copy of this index with these providers, locations and offers replaced by their new
  // records, equal in every array to what Build gives for the patched catalogue, made in
  // a fraction of a build: only the changed offers' rows and the groups on their paths to
  // the roots are computed again. That holds while every record is already in the index,
  // no provider is approved or suspended, no offer changes its place in the order (same
  // kind and accepted profiles, a location in the same cell of the map) and every value
  // stays whole and small;
  // otherwise nullopt, and the caller builds (which also reports any error). The copy
  // keeps this index's cutoffs of "mogelijk verouderd" (freshness()).
  std::optional<MatchIndex> Patched(std::span<const domain::Provider> providers,
                                    std::span<const domain::Location> locations,
                                    std::span<const domain::Offer> offers) const;

  const domain::ReferenceData& ref() const { return *ref_; }
  const Weights& weights() const { return weights_; }
  uint32_t size() const { return static_cast<uint32_t>(offers_.size()); }
  uint32_t feature_count() const { return feature_count_; }
  // KindBit of the kinds of care a feature belongs to (applicability.h).
  uint8_t feature_kinds(uint32_t f) const { return feature_kinds_[f]; }
  // Features a wish in the client's own words may mean (free_text.h).
  const FreeTextSuggester& suggester() const { return suggester_; }

  // Per offer (i in 0..size()-1). The record without its feature list (empty): what the
  // features say is values(i) and value(f, i).
  const domain::Offer& offer(uint32_t i) const { return *offers_[i]; }
  const domain::Location& location(uint32_t i) const { return *locations_[location_of_[i]]; }
  const domain::Provider& provider(uint32_t i) const { return *providers_[provider_of_[i]]; }
  uint32_t provider_index(uint32_t i) const { return provider_of_[i]; }
  domain::OfferKind kind(uint32_t i) const { return kind_[i]; }
  const RadPoint& position(uint32_t i) const { return position_[i]; }
  const float* values(uint32_t i) const { return &values_[size_t{i} * feature_count_]; }
  // The same values by feature: column(f)[i] == values(i)[f]. Offers of one group are
  // consecutive, so scoring a group reads one cache line per feature, not per offer.
  // Only when !compact().
  const float* column(uint32_t f) const { return columns_.data() + size_t{f} * offer_count_; }
  // When every stated value is a whole number in -127..127 (as in the generated
  // catalogues) the columns are kept as bytes instead (kAbsent8: absent), a quarter of the
  // memory traffic; value() reads whichever there is and gives the same float.
  bool compact() const { return compact_; }
  const int8_t* column8(uint32_t f) const { return columns8_.data() + size_t{f} * offer_count_; }
  float value(uint32_t f, uint32_t i) const {
    if (!compact()) return column(f)[i];
    const int8_t v = column8(f)[i];
    return v == kAbsent8 ? kAbsent : static_cast<float>(v);
  }
  float wait_score(uint32_t i) const { return wait_score_[i]; }
  // Whether the offer is "mogelijk verouderd" by the cutoffs the index was built with.
  bool maybe_outdated(uint32_t i) const { return outdated_[i] != 0; }
  const domain::FreshnessCutoffs& freshness() const { return fresh_; }
  float quality_score(uint32_t i) const { return quality_score_[i]; }
  int wait_weeks(uint32_t i) const { return wait_weeks_[i]; }  // 0 when a place is free
  float service_radius_km(uint32_t i) const { return service_radius_[i]; }
  // The care offices whose clients can have the offer in kind (docs/matching.md, "Betalen").
  // Housing: the client's care office follows the new address, so a home contracted by the
  // care office of its own region is in kind for every client (all bits), any other home
  // for none. Everything else: the contracted regions, for their own clients.
  uint64_t region_mask(uint32_t i) const { return region_mask_[i]; }
  // Whether a home is contracted by the care office of the region it stands in.
  bool contracted_where_it_stands(uint32_t i) const { return own_contract_[i] != 0; }
  uint64_t accept_mask(uint32_t i) const { return accept_mask_[i]; }
  uint8_t forms(uint32_t i) const { return forms_[i]; }
  // Rank of the offer id among all ids: the deterministic tie-break.
  uint32_t id_rank(uint32_t i) const { return id_rank_[i]; }
  // The offer with this id, or kNoNode.
  uint32_t Find(const std::string& offer_id) const;

  // The tree.
  const Group& group(uint32_t g) const { return groups_[g]; }
  const float* group_values(uint32_t g) const { return &group_values_[size_t{g} * feature_count_]; }
  // By feature: group_column(f)[g] == group_values(g)[f] (children are consecutive); as
  // bytes (group_column8) instead when compact().
  const float* group_column(uint32_t f) const {
    return group_columns_.data() + size_t{f} * group_count_;
  }
  const int8_t* group_column8(uint32_t f) const {
    return group_columns8_.data() + size_t{f} * group_count_;
  }
  float group_value(uint32_t f, uint32_t g) const {
    if (!compact()) return group_column(f)[g];
    const int8_t v = group_column8(f)[g];
    return v == kAbsent8 ? kAbsent : static_cast<float>(v);
  }
  // Whether some offer of group g does not state feature f (its value is unknown), by
  // feature like group_column: group_unknown_column(f)[g].
  const uint8_t* group_unknown_column(uint32_t f) const {
    return group_unknown_.data() + size_t{f} * group_count_;
  }
  bool group_some_unknown(uint32_t f, uint32_t g) const { return group_unknown_column(f)[g] != 0; }
  // The root group of a kind of offer, or kNoNode when there is none of that kind.
  uint32_t root(domain::OfferKind k) const { return roots_[static_cast<int>(k)]; }
  uint32_t group_count() const { return static_cast<uint32_t>(groups_.size()); }

  // Masks for a client: the bit of a care-office region (0 if unknown), of a care profile
  // (or, without a known profile, of the sector).
  uint64_t RegionBit(const std::string& zorgkantoor_code) const;
  // RegionBit of a municipality's care office, by its index in ref().municipalities().
  uint64_t MunicipalityRegionBit(size_t municipality) const {
    return muni_region_bit_[municipality];
  }
  uint64_t AcceptBit(const std::string& profile_code, domain::Sector sector) const;

  // Bytes held by the index (for the memory figure in bench/).
  size_t MemoryBytes() const;

 private:
  MatchIndex() = default;
  void BuildTree();
  // Row i from offer o (at locations_[loc], by providers_[prv]); values_ must be sized.
  // feature_index[k]: the index in ref() of o.features[k], already checked.
  void SetOffer(uint32_t i, const domain::Offer& o, const uint32_t* feature_index, uint32_t loc,
                uint32_t prv, uint64_t accept);
  // What row i takes from its location: the position and the contract where it stands.
  void SetPlace(uint32_t i);
  // Group g's summary from its offers (a leaf) or its children, computed anew.
  void Summarise(uint32_t g);

  const domain::ReferenceData* ref_ = nullptr;
  Weights weights_;
  uint32_t feature_count_ = 0;
  // The records, each shared between the snapshots that have it unchanged: a patched copy
  // (Patched) copies pointers, not 40.000 offers.
  std::vector<std::shared_ptr<const domain::Offer>> offers_;
  std::vector<std::shared_ptr<const domain::Location>> locations_;
  std::vector<std::shared_ptr<const domain::Provider>> providers_;
  std::vector<uint32_t> location_of_, provider_of_, id_rank_, by_id_;
  std::vector<domain::OfferKind> kind_;
  std::vector<RadPoint> position_;
  std::vector<float> values_, columns_, wait_score_, quality_score_, service_radius_;
  std::vector<int> wait_weeks_;
  std::vector<uint64_t> region_mask_, accept_mask_;
  std::vector<uint8_t> forms_, own_contract_, outdated_;
  domain::FreshnessCutoffs fresh_;
  std::vector<Group> groups_;
  std::vector<float> group_values_, group_columns_;
  std::vector<uint8_t> group_unknown_;             // by feature, like group_columns_
  std::vector<int8_t> columns8_, group_columns8_;  // empty unless every value fits
  // offers_.size(), groups_.size() and !columns8_.empty(), kept once Build has set them:
  // the column accessors run for every feature of every offer and group the searches read
  // (a group's size is a division by sizeof(Group)).
  size_t offer_count_ = 0, group_count_ = 0;
  bool compact_ = false;
  std::vector<uint64_t> muni_region_bit_;
  std::vector<uint8_t> feature_kinds_;
  FreeTextSuggester suggester_;
  std::array<uint32_t, 4> roots_{kNoNode, kNoNode, kNoNode, kNoNode};
};

}  // namespace passend::match
