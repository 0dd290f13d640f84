#include "match/index.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>
#include <span>
#include <unordered_map>

namespace passend::match {
namespace {

using domain::DeliveryForm;
using domain::FeatureKind;

uint32_t Spread16(uint32_t x) {
  x &= 0xffff;
  x = (x | (x << 8)) & 0x00ff00ff;
  x = (x | (x << 4)) & 0x0f0f0f0f;
  x = (x | (x << 2)) & 0x33333333;
  x = (x | (x << 1)) & 0x55555555;
  return x;
}

// Z-order of a position on a grid over the Netherlands: offers close in the order lie
// close on the map, so consecutive offers make compact groups.
uint32_t Morton(domain::GeoPoint p) {
  auto q = [](double v, double lo, double hi) {
    const double t = std::clamp((v - lo) / (hi - lo), 0.0, 1.0);
    return static_cast<uint32_t>(t * 65535.0);
  };
  return Spread16(q(p.lat, 50.5, 53.8)) | (Spread16(q(p.lon, 3.2, 7.4)) << 1);
}

template <typename T>
std::unordered_map<std::string, uint32_t> ById(const std::vector<T>& v) {
  std::unordered_map<std::string, uint32_t> m;
  for (uint32_t i = 0; i < v.size(); ++i) m.emplace(v[i].id, i);
  return m;
}

uint64_t AcceptMaskOf(const domain::Offer& o, const domain::ReferenceData& ref) {
  uint64_t mask = 0;
  for (size_t pi = 0; pi < ref.profiles().size(); ++pi) {
    const auto& prof = ref.profiles()[pi];
    const bool ok =
        o.profiles.empty()
            ? std::find(o.sectors.begin(), o.sectors.end(), prof.sector) != o.sectors.end()
            : std::find(o.profiles.begin(), o.profiles.end(), prof.code) != o.profiles.end();
    if (ok) mask |= uint64_t{1} << pi;
  }
  for (domain::Sector s : o.sectors)
    mask |= uint64_t{1} << (kSectorAcceptBit + static_cast<int>(s));
  for (const std::string& code : o.profiles)
    if (const auto* prof = ref.FindProfile(code))
      mask |= uint64_t{1} << (kSectorAcceptBit + static_cast<int>(prof->sector));
  return mask;
}

// The record as shown, without its feature list: a field-by-field copy, because copying the
// whole record and then clearing the list allocated every feature id once more (40 per offer
// on nl; it made the build of nl ~80% slower).
std::shared_ptr<const domain::Offer> WithoutFeatures(const domain::Offer& o) {
  // A field added to domain::Offer must be copied here too (and this size updated).
  static_assert(sizeof(domain::Offer) == 472, "copy the new field of domain::Offer below");
  auto s = std::make_shared<domain::Offer>();
  s->id = o.id, s->provider_id = o.provider_id, s->location_id = o.location_id;
  s->kind = o.kind, s->name = o.name, s->description = o.description;
  s->sectors = o.sectors, s->profiles = o.profiles, s->delivery_forms = o.delivery_forms;
  s->capacity = o.capacity, s->free_places = o.free_places;
  s->waiting_people = o.waiting_people, s->waiting_weeks = o.waiting_weeks;
  s->contracted_regions = o.contracted_regions;
  s->quality = o.quality, s->service_radius_km = o.service_radius_km, s->temporary = o.temporary;
  s->intake_contact = o.intake_contact, s->intake_requirements = o.intake_requirements;
  s->places_updated = o.places_updated, s->details_updated = o.details_updated;
  return s;
}

}  // namespace

uint64_t MatchIndex::RegionBit(const std::string& code) const {
  const auto& regions = ref_->regions();
  for (size_t r = 0; r < regions.size() && r < 64; ++r)
    if (regions[r].code == code) return uint64_t{1} << r;
  return 0;
}

uint64_t MatchIndex::AcceptBit(const std::string& profile_code, domain::Sector sector) const {
  if (const domain::CareProfile* p = ref_->FindProfile(profile_code))
    return uint64_t{1} << (p - ref_->profiles().data());
  return uint64_t{1} << (kSectorAcceptBit + static_cast<int>(sector));
}

uint32_t MatchIndex::Find(const std::string& offer_id) const {
  auto it =
      std::lower_bound(by_id_.begin(), by_id_.end(), offer_id,
                       [&](uint32_t i, const std::string& id) { return offers_[i]->id < id; });
  return it != by_id_.end() && offers_[*it]->id == offer_id ? *it : kNoNode;
}

void MatchIndex::SetOffer(uint32_t i, const domain::Offer& o, const uint32_t* feature_index,
                          uint32_t loc, uint32_t prv, uint64_t accept) {
  const domain::ReferenceData& ref = *ref_;
  location_of_[i] = loc;
  provider_of_[i] = prv;
  kind_[i] = o.kind;
  const int weeks = o.free_places > 0 ? 0 : std::max(0, o.waiting_weeks);
  wait_weeks_[i] = weeks;
  // An offer "mogelijk verouderd" counts with a smaller wait score (docs/matching.md).
  const bool outdated = domain::MaybeOutdated(o, fresh_);
  outdated_[i] = outdated ? 1 : 0;
  wait_score_[i] = static_cast<float>(std::max(0.0, 1.0 - weeks / weights_.wait_zero_weeks) *
                                      (outdated ? weights_.outdated_wait_factor : 1.0));
  // The newest review score with enough reviews (domain::RankedReviews); inspections are
  // shown with the option, not ranked (docs/matching.md).
  const domain::QualityNote* reviews = domain::RankedReviews(o.quality);
  quality_score_[i] = static_cast<float>(reviews ? std::clamp((reviews->score - 1) / 9, 0.0, 1.0)
                                                 : weights_.quality_unknown);
  // A radius of 0 means the offer does not state one: no limit.
  service_radius_[i] = o.service_radius_km > 0 ? static_cast<float>(o.service_radius_km)
                                               : std::numeric_limits<float>::infinity();
  accept_mask_[i] = accept;
  uint8_t forms = 0;
  for (DeliveryForm f : o.delivery_forms) forms |= FormBit(f);
  forms_[i] = forms;
  const uint32_t F = feature_count_;
  float* row = &values_[size_t{i} * F];
  std::fill(row, row + F, kAbsent);
  for (size_t k = 0; k < o.features.size(); ++k) {
    const uint32_t f = feature_index[k];
    const domain::Feature& feat = ref.features()[f];
    const bool negate = feat.kind == FeatureKind::kNumber && !feat.higher_is_better;
    row[f] = static_cast<float>(negate ? -o.features[k].value : o.features[k].value);
  }
  // Without the feature list: values_ holds what the features say, and the list would be
  // half the index's memory (40 per offer on nl).
  offers_[i] = WithoutFeatures(o);
  SetPlace(i);
}

void MatchIndex::SetPlace(uint32_t i) {
  const domain::Offer& o = *offers_[i];
  const domain::Location& at = *locations_[location_of_[i]];
  position_[i] = RadPoint::From(at.position);
  uint64_t regions = 0;
  for (const auto& code : o.contracted_regions) regions |= RegionBit(code);
  const domain::Municipality* where = ref_->FindMunicipality(at.municipality_code);
  const bool own = where != nullptr && (regions & RegionBit(where->zorgkantoor_code)) != 0;
  own_contract_[i] = own ? 1 : 0;
  if (o.kind == domain::OfferKind::kWonen) regions = own ? ~uint64_t{0} : 0;
  region_mask_[i] = regions;
}

Result<MatchIndex> MatchIndex::Build(const std::vector<domain::Provider>& providers,
                                     const std::vector<domain::Location>& locations,
                                     const std::vector<domain::Offer>& all_offers,
                                     const domain::ReferenceData& ref, const Weights& weights,
                                     const domain::FreshnessCutoffs& fresh) {
  if (ref.profiles().size() > kSectorAcceptBit || ref.regions().size() > 64)
    return Internal("te veel zorgprofielen of zorgkantoorregio's voor de matchingindex");
  MatchIndex ix;
  ix.ref_ = &ref;
  ix.weights_ = weights;
  ix.fresh_ = fresh;
  ix.feature_count_ = static_cast<uint32_t>(ref.features().size());
  PASSEND_ASSIGN_OR_RETURN(Applicability applies, Applicability::BuiltIn(ref));
  for (uint32_t f = 0; f < ix.feature_count_; ++f) ix.feature_kinds_.push_back(applies.kinds(f));
  PASSEND_ASSIGN_OR_RETURN(ix.suggester_, FreeTextSuggester::BuiltIn(ref));
  for (const domain::Provider& p : providers)
    ix.providers_.push_back(std::make_shared<const domain::Provider>(p));
  for (const domain::Location& l : locations)
    ix.locations_.push_back(std::make_shared<const domain::Location>(l));
  const auto loc_by_id = ById(locations), prv_by_id = ById(providers);
  // Only offers of providers the register approved are matched; a copy only when some
  // provider is not.
  std::vector<domain::Offer> listed;
  const bool all_listed = std::all_of(providers.begin(), providers.end(),
                                      [](const domain::Provider& p) { return p.Listed(); });
  if (!all_listed) {
    for (const domain::Offer& o : all_offers) {
      auto p = prv_by_id.find(o.provider_id);
      if (p == prv_by_id.end() || providers[p->second].Listed()) listed.push_back(o);
    }
  }
  const std::vector<domain::Offer>& offers = all_listed ? all_offers : listed;

  const size_t n = offers.size();
  std::vector<uint32_t> loc(n), prv(n), morton(n);
  std::vector<uint64_t> accept(n);
  // Every offer's feature indices, resolved once: offer i's are [feature_begin[i], [i + 1]).
  std::vector<uint32_t> feature_index, feature_begin(n + 1, 0);
  for (size_t i = 0; i < n; ++i) {
    const domain::Offer& o = offers[i];
    const std::string field = "offers[" + std::to_string(i) + "]";
    auto l = loc_by_id.find(o.location_id);
    if (l == loc_by_id.end())
      return InvalidArgument("Onbekende locatie '" + o.location_id + "'", field + ".location_id");
    auto p = prv_by_id.find(o.provider_id);
    if (p == prv_by_id.end())
      return InvalidArgument("Onbekende aanbieder '" + o.provider_id + "'", field + ".provider_id");
    loc[i] = l->second, prv[i] = p->second;
    morton[i] = Morton(locations[l->second].position);
    accept[i] = AcceptMaskOf(o, ref);
    for (size_t f = 0; f < o.features.size(); ++f) {
      const auto at = ref.FeatureIndex(o.features[f].feature_id);
      if (!at)
        return InvalidArgument("Onbekend kenmerk '" + o.features[f].feature_id + "'",
                               field + ".features[" + std::to_string(f) + "].feature_id");
      feature_index.push_back(*at);
    }
    feature_begin[i + 1] = static_cast<uint32_t>(feature_index.size());
  }

  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const auto ka = static_cast<int>(offers[a].kind), kb = static_cast<int>(offers[b].kind);
    if (ka != kb) return ka < kb;
    if (accept[a] != accept[b]) return accept[a] < accept[b];
    if (morton[a] != morton[b]) return morton[a] < morton[b];
    return offers[a].id < offers[b].id;
  });

  const uint32_t F = ix.feature_count_;
  ix.offers_.resize(n);
  ix.offer_count_ = n;
  ix.location_of_.resize(n), ix.provider_of_.resize(n), ix.kind_.resize(n), ix.position_.resize(n);
  ix.wait_weeks_.resize(n), ix.wait_score_.resize(n), ix.quality_score_.resize(n);
  ix.service_radius_.resize(n), ix.own_contract_.resize(n), ix.region_mask_.resize(n);
  ix.accept_mask_.resize(n), ix.forms_.resize(n), ix.outdated_.resize(n);
  ix.values_.assign(n * F, kAbsent);
  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t src = order[i];
    ix.SetOffer(i, offers[src], feature_index.data() + feature_begin[src], loc[src], prv[src],
                accept[src]);
  }
  ix.columns_.resize(n * F);
  for (uint32_t i = 0; i < n; ++i)
    for (uint32_t f = 0; f < F; ++f) ix.columns_[size_t{f} * n + i] = ix.values_[size_t{i} * F + f];
  ix.id_rank_.resize(n);
  ix.by_id_.resize(n);
  std::iota(ix.by_id_.begin(), ix.by_id_.end(), 0);
  std::sort(ix.by_id_.begin(), ix.by_id_.end(),
            [&](uint32_t a, uint32_t b) { return ix.offers_[a]->id < ix.offers_[b]->id; });
  for (uint32_t r = 0; r < n; ++r) ix.id_rank_[ix.by_id_[r]] = r;
  ix.BuildTree();
  const size_t G = ix.groups_.size();
  ix.group_count_ = G;
  ix.group_columns_.resize(G * F);
  for (size_t g = 0; g < G; ++g)
    for (uint32_t f = 0; f < F; ++f) ix.group_columns_[f * G + g] = ix.group_values_[g * F + f];
  // Groups hold consecutive offers, so a group's offers are [begin, end) in each column.
  ix.group_unknown_.assign(G * F, 0);
  for (uint32_t f = 0; f < F; ++f) {
    // (data(), not &columns_[...]: with no offers the column is empty; found by fuzz_query)
    const float* col = ix.columns_.data() + size_t{f} * n;
    for (size_t g = 0; g < G; ++g) {
      const Group& gr = ix.groups_[g];
      ix.group_unknown_[f * G + g] =
          std::find(col + gr.begin, col + gr.end, kAbsent) != col + gr.end;
    }
  }
  auto fits = [](float v) { return v == kAbsent || (v >= -127 && v <= 127 && v == std::floor(v)); };
  if (std::all_of(ix.columns_.begin(), ix.columns_.end(), fits) &&
      std::all_of(ix.group_columns_.begin(), ix.group_columns_.end(), fits)) {
    auto to8 = [](float v) { return v == kAbsent ? kAbsent8 : static_cast<int8_t>(v); };
    ix.columns8_.resize(ix.columns_.size());
    std::transform(ix.columns_.begin(), ix.columns_.end(), ix.columns8_.begin(), to8);
    ix.group_columns8_.resize(ix.group_columns_.size());
    std::transform(ix.group_columns_.begin(), ix.group_columns_.end(), ix.group_columns8_.begin(),
                   to8);
    // The bytes say the same: the float columns would only cost memory (30 MB for nl).
    ix.columns_ = {};
    ix.group_columns_ = {};
  }
  ix.compact_ = !ix.columns8_.empty();
  for (const domain::Municipality& m : ref.municipalities())
    ix.muni_region_bit_.push_back(ix.RegionBit(m.zorgkantoor_code));
  return ix;
}

void MatchIndex::Summarise(uint32_t g) {
  const uint32_t F = feature_count_;
  const Group& old = groups_[g];
  Group gr;
  gr.begin = old.begin, gr.end = old.end, gr.kind = old.kind;
  gr.child_begin = old.child_begin, gr.child_end = old.child_end;
  float* gv = &group_values_[size_t{g} * F];
  std::fill(gv, gv + F, kAbsent);
  auto merge = [&](const BoxRad& box, float wait, float quality, double wait_quality, float radius,
                   uint64_t regions, uint64_t accept, uint8_t forms, const float* values) {
    gr.box.Extend(box);
    gr.wait_score = std::max(gr.wait_score, wait);
    gr.quality_score = std::max(gr.quality_score, quality);
    gr.wait_quality = std::max(gr.wait_quality, wait_quality);
    gr.service_radius_km = std::max(gr.service_radius_km, radius);
    gr.region_mask |= regions, gr.accept_mask |= accept, gr.forms |= forms;
    for (uint32_t f = 0; f < F; ++f) gv[f] = std::max(gv[f], values[f]);
  };
  if (gr.leaf()) {
    gr.box = BoxRad::Of(position_[gr.begin]);
    for (uint32_t o = gr.begin; o < gr.end; ++o)
      merge(BoxRad::Of(position_[o]), wait_score_[o], quality_score_[o],
            weights_.wait * wait_score_[o] + weights_.quality * quality_score_[o],
            service_radius_[o], region_mask_[o], accept_mask_[o], forms_[o], values(o));
  } else {
    gr.box = groups_[gr.child_begin].box;
    for (uint32_t k = gr.child_begin; k < gr.child_end; ++k) {
      const Group& child = groups_[k];
      merge(child.box, child.wait_score, child.quality_score, child.wait_quality,
            child.service_radius_km, child.region_mask, child.accept_mask, child.forms,
            group_values(k));
    }
  }
  groups_[g] = gr;
}

void MatchIndex::BuildTree() {
  const uint32_t F = feature_count_, n = size();
  auto new_group = [&](uint32_t begin, uint32_t end, uint32_t child_begin, uint32_t child_end) {
    Group g;
    g.begin = begin, g.end = end, g.kind = kind_[begin];
    g.child_begin = child_begin, g.child_end = child_end;
    groups_.push_back(g);
    group_values_.resize(groups_.size() * F, kAbsent);
    const auto id = static_cast<uint32_t>(groups_.size() - 1);
    Summarise(id);
    return id;
  };
  uint32_t i = 0;
  while (i < n) {
    const domain::OfferKind kind = kind_[i];
    uint32_t level_begin = static_cast<uint32_t>(groups_.size());
    while (i < n && kind_[i] == kind) {
      uint32_t end = i + 1;
      while (end < n && end - i < kLeafSize && kind_[end] == kind &&
             accept_mask_[end] == accept_mask_[i])
        ++end;
      new_group(i, end, 0, 0);
      i = end;
    }
    uint32_t level_end = static_cast<uint32_t>(groups_.size());
    while (level_end - level_begin > 1) {
      for (uint32_t c = level_begin; c < level_end; c += kFanout) {
        const uint32_t c_end = std::min(level_end, c + kFanout);
        new_group(groups_[c].begin, groups_[c_end - 1].end, c, c_end);
      }
      level_begin = level_end;
      level_end = static_cast<uint32_t>(groups_.size());
    }
    roots_[static_cast<int>(kind)] = level_begin;
  }
}

std::optional<MatchIndex> MatchIndex::Patched(std::span<const domain::Provider> providers,
                                              std::span<const domain::Location> locations,
                                              std::span<const domain::Offer> offers) const {
  if (!compact()) return std::nullopt;  // Build decides anew whether every value fits
  const domain::ReferenceData& ref = *ref_;
  auto find = [](const auto& list, const std::string& id) -> uint32_t {
    for (uint32_t i = 0; i < list.size(); ++i)
      if (list[i]->id == id) return i;
    return kNoNode;
  };
  MatchIndex ix = *this;
  std::vector<uint32_t> touched;  // offers whose row is set again
  for (const domain::Provider& p : providers) {
    const uint32_t at = find(ix.providers_, p.id);
    // A provider approved or suspended adds or takes out its offers: a build.
    if (at == kNoNode || p.Listed() != ix.providers_[at]->Listed()) return std::nullopt;
    ix.providers_[at] = std::make_shared<const domain::Provider>(p);
  }
  for (const domain::Location& l : locations) {
    const uint32_t at = find(ix.locations_, l.id);
    if (at == kNoNode || Morton(l.position) != Morton(ix.locations_[at]->position))
      return std::nullopt;  // a new location, or one that moves its offers in the order
    ix.locations_[at] = std::make_shared<const domain::Location>(l);
    for (uint32_t i = 0; i < size(); ++i)
      if (location_of_[i] == at) touched.push_back(i);
  }
  std::vector<std::pair<uint32_t, const domain::Offer*>> changed;
  std::vector<std::vector<uint32_t>> changed_features;
  for (const domain::Offer& o : offers) {
    const uint32_t i = Find(o.id);
    if (i == kNoNode || o.kind != kind_[i] || AcceptMaskOf(o, ref) != accept_mask_[i])
      return std::nullopt;
    const uint32_t loc = find(ix.locations_, o.location_id);
    const uint32_t prv = find(ix.providers_, o.provider_id);
    if (loc == kNoNode || prv == kNoNode ||
        Morton(ix.locations_[loc]->position) != Morton(ix.locations_[location_of_[i]]->position))
      return std::nullopt;
    std::vector<uint32_t>& fs = changed_features.emplace_back();
    for (const auto& fv : o.features) {
      const auto f = ref.FeatureIndex(fv.feature_id);
      if (!f) return std::nullopt;  // Build names the error
      fs.push_back(*f);
    }
    ix.location_of_[i] = loc, ix.provider_of_[i] = prv;
    changed.emplace_back(i, &o);
    touched.push_back(i);
  }
  for (uint32_t i : touched) ix.SetPlace(i);  // offers at a changed location
  for (size_t c = 0; c < changed.size(); ++c) {
    const uint32_t i = changed[c].first;
    ix.SetOffer(i, *changed[c].second, changed_features[c].data(), ix.location_of_[i],
                ix.provider_of_[i], ix.accept_mask_[i]);
  }

  const uint32_t F = feature_count_, n = size();
  const size_t G = groups_.size();
  auto fits = [](float v) { return v == kAbsent || (v >= -127 && v <= 127 && v == std::floor(v)); };
  auto to8 = [](float v) { return v == kAbsent ? kAbsent8 : static_cast<int8_t>(v); };
  for (uint32_t i : touched)
    for (uint32_t f = 0; f < F; ++f) {
      const float v = ix.values_[size_t{i} * F + f];
      if (!fits(v)) return std::nullopt;
      ix.columns8_[size_t{f} * n + i] = to8(v);
    }
  // The groups on the path from each touched offer's leaf to its root; a parent always
  // comes after its children in groups_, so summarising in ascending order is bottom-up.
  std::vector<uint32_t> parent(G, kNoNode), leaf_of(n, kNoNode);
  for (uint32_t g = 0; g < G; ++g) {
    const Group& gr = groups_[g];
    for (uint32_t c = gr.child_begin; c < gr.child_end; ++c) parent[c] = g;
    if (gr.leaf())
      for (uint32_t o = gr.begin; o < gr.end; ++o) leaf_of[o] = g;
  }
  std::vector<uint32_t> groups;
  for (uint32_t i : touched)
    for (uint32_t g = leaf_of[i]; g != kNoNode; g = parent[g]) groups.push_back(g);
  std::sort(groups.begin(), groups.end());
  groups.erase(std::unique(groups.begin(), groups.end()), groups.end());
  for (uint32_t g : groups) {
    ix.Summarise(g);
    const Group& gr = ix.groups_[g];
    for (uint32_t f = 0; f < F; ++f) {
      const float v = ix.group_values_[size_t{g} * F + f];
      if (!fits(v)) return std::nullopt;
      ix.group_columns8_[f * G + g] = to8(v);
      // Some offer of the group does not state f: a leaf looks at its offers, a parent at
      // its children (whose offers are exactly its own).
      bool unknown = false;
      if (gr.leaf()) {
        const int8_t* col = &ix.columns8_[size_t{f} * n];
        unknown = std::find(col + gr.begin, col + gr.end, kAbsent8) != col + gr.end;
      } else {
        for (uint32_t c = gr.child_begin; c < gr.child_end && !unknown; ++c)
          unknown = ix.group_unknown_[f * G + c] != 0;
      }
      ix.group_unknown_[f * G + g] = unknown;
    }
  }
  return ix;
}

size_t MatchIndex::MemoryBytes() const {
  size_t b = sizeof(*this);
  for (const auto& po : offers_) {
    const domain::Offer& o = *po;
    b += sizeof(o) + 32 + o.id.capacity() + o.name.capacity() + o.description.capacity() +
         o.provider_id.capacity() + o.location_id.capacity();
    b += o.features.capacity() * sizeof(domain::FeatureValue) + o.profiles.capacity() * 32 +
         o.contracted_regions.capacity() * 32 + o.features.size() * 24;
  }
  for (const auto& l : locations_)
    b += sizeof(*l) + 32 + l->name.capacity() + l->address.capacity() + 32;
  for (const auto& p : providers_)
    b += sizeof(*p) + 32 + p->name.capacity() + p->website.capacity() + 32;
  b += values_.capacity() * 4 + columns_.capacity() * 4 + group_values_.capacity() * 8 +
       columns8_.capacity() + group_columns8_.capacity() + group_unknown_.capacity() +
       groups_.capacity() * sizeof(Group) + muni_region_bit_.capacity() * 8;
  b += position_.capacity() * sizeof(RadPoint) + size() * (4 * 5 + 4 * 3 + 16 + 2);
  return b;
}

}  // namespace passend::match
