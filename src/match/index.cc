#include "match/index.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
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

}  // namespace

uint8_t FormBit(DeliveryForm f) { return static_cast<uint8_t>(1u << static_cast<int>(f)); }

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
  auto it = std::lower_bound(by_id_.begin(), by_id_.end(), offer_id,
                             [&](uint32_t i, const std::string& id) { return offers_[i].id < id; });
  return it != by_id_.end() && offers_[*it].id == offer_id ? *it : kNoNode;
}

Result<MatchIndex> MatchIndex::Build(const std::vector<domain::Provider>& providers,
                                     const std::vector<domain::Location>& locations,
                                     const std::vector<domain::Offer>& offers,
                                     const domain::ReferenceData& ref, const Weights& weights) {
  if (ref.profiles().size() > kSectorAcceptBit || ref.regions().size() > 64)
    return Internal("te veel zorgprofielen of zorgkantoorregio's voor de matchingindex");
  MatchIndex ix;
  ix.ref_ = &ref;
  ix.weights_ = weights;
  ix.feature_count_ = static_cast<uint32_t>(ref.features().size());
  PASSEND_ASSIGN_OR_RETURN(Applicability applies, Applicability::BuiltIn(ref));
  for (uint32_t f = 0; f < ix.feature_count_; ++f) ix.feature_kinds_.push_back(applies.kinds(f));
  PASSEND_ASSIGN_OR_RETURN(ix.suggester_, FreeTextSuggester::BuiltIn(ref));
  ix.providers_ = providers;
  ix.locations_ = locations;
  const auto loc_by_id = ById(locations), prv_by_id = ById(providers);

  const size_t n = offers.size();
  std::vector<uint32_t> loc(n), prv(n), morton(n);
  std::vector<uint64_t> accept(n);
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
    accept[i] = mask;
    for (size_t f = 0; f < o.features.size(); ++f)
      if (!ref.FeatureIndex(o.features[f].feature_id))
        return InvalidArgument("Onbekend kenmerk '" + o.features[f].feature_id + "'",
                               field + ".features[" + std::to_string(f) + "].feature_id");
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
  ix.offers_.reserve(n);
  ix.values_.assign(n * F, kAbsent);
  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t src = order[i];
    const domain::Offer& o = offers[src];
    ix.offers_.push_back(o);
    ix.location_of_.push_back(loc[src]);
    ix.provider_of_.push_back(prv[src]);
    ix.kind_.push_back(o.kind);
    ix.position_.push_back(RadPoint::From(locations[loc[src]].position));
    const int weeks = o.free_places > 0 ? 0 : std::max(0, o.waiting_weeks);
    ix.wait_weeks_.push_back(weeks);
    ix.wait_score_.push_back(
        static_cast<float>(std::max(0.0, 1.0 - weeks / weights.wait_zero_weeks)));
    ix.quality_score_.push_back(static_cast<float>(
        o.quality ? std::clamp((*o.quality - 1) / 9, 0.0, 1.0) : weights.quality_unknown));
    // A radius of 0 means the offer does not state one: no limit.
    ix.service_radius_.push_back(o.service_radius_km > 0 ? static_cast<float>(o.service_radius_km)
                                                         : std::numeric_limits<float>::infinity());
    uint64_t regions = 0;
    for (const auto& code : o.contracted_regions) regions |= ix.RegionBit(code);
    const domain::Municipality* where = ref.FindMunicipality(locations[loc[src]].municipality_code);
    const bool own = where != nullptr && (regions & ix.RegionBit(where->zorgkantoor_code)) != 0;
    ix.own_contract_.push_back(own ? 1 : 0);
    if (o.kind == domain::OfferKind::kWonen) regions = own ? ~uint64_t{0} : 0;
    ix.region_mask_.push_back(regions);
    ix.accept_mask_.push_back(accept[src]);
    uint8_t forms = 0;
    for (DeliveryForm f : o.delivery_forms) forms |= FormBit(f);
    ix.forms_.push_back(forms);
    float* row = &ix.values_[size_t{i} * F];
    for (const auto& fv : o.features) {
      const uint32_t f = *ref.FeatureIndex(fv.feature_id);
      const domain::Feature& feat = ref.features()[f];
      const bool negate = feat.kind == FeatureKind::kNumber && !feat.higher_is_better;
      row[f] = static_cast<float>(negate ? -fv.value : fv.value);
    }
  }
  ix.columns_.resize(n * F);
  for (uint32_t i = 0; i < n; ++i)
    for (uint32_t f = 0; f < F; ++f) ix.columns_[size_t{f} * n + i] = ix.values_[size_t{i} * F + f];
  ix.id_rank_.resize(n);
  ix.by_id_.resize(n);
  std::iota(ix.by_id_.begin(), ix.by_id_.end(), 0);
  std::sort(ix.by_id_.begin(), ix.by_id_.end(),
            [&](uint32_t a, uint32_t b) { return ix.offers_[a].id < ix.offers_[b].id; });
  for (uint32_t r = 0; r < n; ++r) ix.id_rank_[ix.by_id_[r]] = r;
  ix.BuildTree();
  const size_t G = ix.groups_.size();
  ix.group_columns_.resize(G * F);
  for (size_t g = 0; g < G; ++g)
    for (uint32_t f = 0; f < F; ++f) ix.group_columns_[f * G + g] = ix.group_values_[g * F + f];
  // Groups hold consecutive offers, so a group's offers are [begin, end) in each column.
  ix.group_unknown_.assign(G * F, 0);
  for (uint32_t f = 0; f < F; ++f) {
    const float* col = &ix.columns_[size_t{f} * n];
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
  }
  for (const domain::Municipality& m : ref.municipalities())
    ix.muni_region_bit_.push_back(ix.RegionBit(m.zorgkantoor_code));
  return ix;
}

void MatchIndex::BuildTree() {
  const uint32_t F = feature_count_, n = size();
  auto new_group = [&](uint32_t begin, uint32_t end) {
    Group g;
    g.begin = begin, g.end = end, g.kind = kind_[begin];
    g.box = BoxRad::Of(position_[begin]);
    groups_.push_back(g);
    group_values_.resize(groups_.size() * F, kAbsent);
    return static_cast<uint32_t>(groups_.size() - 1);
  };
  auto merge = [&](Group& g, float* gv, const BoxRad& box, float wait, float quality,
                   double wait_quality, float radius, uint64_t regions, uint64_t accept,
                   uint8_t forms, const float* values) {
    g.box.Extend(box);
    g.wait_score = std::max(g.wait_score, wait);
    g.quality_score = std::max(g.quality_score, quality);
    g.wait_quality = std::max(g.wait_quality, wait_quality);
    g.service_radius_km = std::max(g.service_radius_km, radius);
    g.region_mask |= regions, g.accept_mask |= accept, g.forms |= forms;
    for (uint32_t f = 0; f < F; ++f) gv[f] = std::max(gv[f], values[f]);
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
      const uint32_t g = new_group(i, end);
      for (uint32_t o = i; o < end; ++o)
        merge(groups_[g], &group_values_[size_t{g} * F], BoxRad::Of(position_[o]), wait_score_[o],
              quality_score_[o],
              weights_.wait * wait_score_[o] + weights_.quality * quality_score_[o],
              service_radius_[o], region_mask_[o], accept_mask_[o], forms_[o], values(o));
      i = end;
    }
    uint32_t level_end = static_cast<uint32_t>(groups_.size());
    while (level_end - level_begin > 1) {
      for (uint32_t c = level_begin; c < level_end; c += kFanout) {
        const uint32_t c_end = std::min(level_end, c + kFanout);
        const uint32_t g = new_group(groups_[c].begin, groups_[c_end - 1].end);
        groups_[g].box = groups_[c].box;
        groups_[g].child_begin = c, groups_[g].child_end = c_end;
        for (uint32_t k = c; k < c_end; ++k) {
          const Group child = groups_[k];
          merge(groups_[g], &group_values_[size_t{g} * F], child.box, child.wait_score,
                child.quality_score, child.wait_quality, child.service_radius_km, child.region_mask,
                child.accept_mask, child.forms, group_values(k));
        }
      }
      level_begin = level_end;
      level_end = static_cast<uint32_t>(groups_.size());
    }
    roots_[static_cast<int>(kind)] = level_begin;
  }
}

size_t MatchIndex::MemoryBytes() const {
  size_t b = sizeof(*this);
  for (const auto& o : offers_) {
    b += sizeof(o) + o.id.capacity() + o.name.capacity() + o.description.capacity() +
         o.provider_id.capacity() + o.location_id.capacity();
    b += o.features.capacity() * sizeof(domain::FeatureValue) + o.profiles.capacity() * 32 +
         o.contracted_regions.capacity() * 32 + o.features.size() * 24;
  }
  for (const auto& l : locations_) b += sizeof(l) + l.name.capacity() + l.address.capacity() + 32;
  for (const auto& p : providers_) b += sizeof(p) + p.name.capacity() + p.website.capacity() + 32;
  b += values_.capacity() * 4 + columns_.capacity() * 4 + group_values_.capacity() * 8 +
       columns8_.capacity() + group_columns8_.capacity() + group_unknown_.capacity() +
       groups_.capacity() * sizeof(Group) + muni_region_bit_.capacity() * 8;
  b += position_.capacity() * sizeof(RadPoint) + size() * (4 * 5 + 4 * 3 + 16 + 2);
  return b;
}

}  // namespace passend::match
