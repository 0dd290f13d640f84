#include "match/mismatch_map.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <iterator>
#include <string_view>
#include <thread>
#include <vector>

#include "match/mismatch.h"
#include "match/query.h"
#include "match/topk.h"

namespace passend::match {
namespace {

void MergeArea(MismatchArea& into, const MismatchArea& from) {
  if (into.code.empty()) into.code = from.code, into.name = from.name;
  into.clients += from.clients;
  into.clients_with_mismatch += from.clients_with_mismatch;
  into.clients_with_must_gap += from.clients_with_must_gap;
  for (const auto& [k, v] : from.per_wish) into.per_wish[k] += v;
  for (const auto& [k, v] : from.per_must) into.per_must[k] += v;
}

constexpr uint32_t kPlaceKinds = static_cast<uint32_t>(domain::PlaceKind::kAnders) + 1;
constexpr uint32_t kSectors = std::size(domain::kAllSectors);
constexpr uint32_t kKinds = std::size(domain::kAllOfferKinds);
constexpr const char* kRefusedKey = "indicatie:geweigerd";

// Dense counts over one breakdown (municipalities, care profiles or kinds of care): per
// area the clients, those with a mismatch and with a must gap, and per area and key the
// clients affected (in all, and as a must or need).
struct Breakdown {
  size_t areas = 0, keys = 0;
  std::vector<int64_t> clients, with, must_gap, per_key, per_must;
  Breakdown(size_t a, size_t k)
      : areas(a),
        keys(k),
        clients(a, 0),
        with(a, 0),
        must_gap(a, 0),
        per_key(a * k, 0),
        per_must(a * k, 0) {}
  // The area's counts by key name (an area without clients: none).
  std::optional<MismatchArea> Area(size_t a, const std::vector<std::string>& key_name) const {
    if (clients[a] == 0) return std::nullopt;
    MismatchArea out;
    out.clients = clients[a], out.clients_with_mismatch = with[a];
    out.clients_with_must_gap = must_gap[a];
    for (size_t k = 0; k < keys; ++k) {
      if (const int64_t n = per_key[a * keys + k]) out.per_wish.emplace(key_name[k], n);
      if (const int64_t n = per_must[a * keys + k]) out.per_must.emplace(key_name[k], n);
    }
    return out;
  }
};

// The counts of one worker over a contiguous part of the clients, dense: per mismatch key
// (a feature index, feature_count + place kind, or feature_count + kPlaceKinds + sector for
// a profile not accepted) and per area of each breakdown. Turned into a MismatchMap once
// the part is done. Owned by one thread.
class Tally {
 public:
  explicit Tally(const MatchIndex& ix)
      : ix_(ix),
        keys_(ix.feature_count() + kPlaceKinds + kSectors),
        munis_(ix.ref().municipalities().size(), keys_),
        profiles_(ix.ref().profiles().size() + 1, keys_),  // the last: no known profile
        kinds_(kKinds, keys_),
        label_(keys_),
        seen_(keys_, 0),
        must_seen_(keys_, 0),
        searched_(keys_, 0),
        not_stated_(keys_, 0),
        unknown_bits_(keys_) {}

  void Add(const domain::Client& c) {
    if (!MakeQueryInto(ix_, c, &q_).ok()) {
      auto q = MakeQuery(ix_, c);  // again, for the message (rare)
      ++map_.clients_invalid;
      // The error of the smallest client id: the same whichever thread sees it first.
      std::string error = c.id + ": " + q.error().ToString();
      if (map_.first_error.empty() || error < map_.first_error) map_.first_error = error;
      return;
    }
    const domain::CareProfile* profile = ix_.ref().FindProfile(c.profile);
    const size_t area[3] = {q_.municipality,
                            profile ? static_cast<size_t>(profile - ix_.ref().profiles().data())
                                    : ix_.ref().profiles().size(),
                            static_cast<size_t>(MainKind(q_))};
    Breakdown* dims[3] = {&munis_, &profiles_, &kinds_};
    ++map_.clients;
    for (int d = 0; d < 3; ++d) ++dims[d]->clients[area[d]];
    // No indication: nothing the care office can buy for; counted apart, wishes not.
    if (c.indication == domain::IndicationStatus::kRefused) {
      ++map_.unchangeable[kRefusedKey];
      return;
    }
    const KindBests bests = FindBests(q_);
    const uint32_t main = bests[static_cast<int>(MainKind(q_))];
    bool any_offer = false;
    for (uint32_t b : bests) any_offer = any_offer || b != kNoNode;
    if (!any_offer) ++map_.clients_without_offer;
    ++stamp_;
    bool any = false, any_must = false;
    auto count = [&](uint32_t key, bool must, auto&& label) {
      if (must && must_seen_[key] != stamp_) {
        must_seen_[key] = stamp_;
        for (int d = 0; d < 3; ++d) ++dims[d]->per_must[area[d] * keys_ + key];
        any_must = true;
      }
      if (seen_[key] == stamp_) return;
      seen_[key] = stamp_;
      for (int d = 0; d < 3; ++d) ++dims[d]->per_key[area[d] * keys_ + key];
      any = true;
      if (label_[key].empty()) label_[key] = label();
    };
    // What FindMismatch lists for the best options (mismatch.h), by key.
    const auto& features = ix_.ref().features();
    if (main != kNoNode && (ix_.accept_mask(main) & q_.accept_bit) == 0)
      count(ix_.feature_count() + kPlaceKinds + static_cast<uint32_t>(c.sector), true,
            [&] { return "Aanbod voor sector " + std::string(ToString(c.sector)); });
    // Whether a wish or need of the sought kinds it belongs to is met at one of their bests.
    auto unmet = [&](uint8_t kinds, auto&& met_at) {
      bool sought = false;
      for (domain::OfferKind k : q_.kinds) {
        if (!(kinds & KindBit(k))) continue;
        sought = true;
        const uint32_t b = bests[static_cast<int>(k)];
        if (b != kNoNode && met_at(ix_.values(b))) return false;
      }
      return sought;
    };
    bool memo_started = false;  // reach_ is for this client once a search ran
    // Not met at the bests: a gap only when no offer within reach says yes (searched once
    // per feature and client).
    auto gap = [&](uint32_t feature, float met, uint8_t kinds, bool must) {
      if (searched_[feature] == stamp_) {
        if (seen_[feature] == stamp_) count(feature, must, [] { return std::string(); });
        return;
      }
      searched_[feature] = stamp_;
      // First whether some offer says yes: that search skips every group whose best value
      // falls short, and usually stops early. Only a gap needs the full count of the offers
      // that do not say.
      if (!memo_started) reach_.Start(ix_), memo_started = true;
      if (WhatReachableOffersSay(q_, feature, met, kinds, false, nullptr, &reach_).yes) return;
      unknown_offers_.clear();
      const ReachableSay say =
          WhatReachableOffersSay(q_, feature, met, kinds, true, &unknown_offers_, &reach_);
      if (say.yes) return;
      count(feature, must, [&] { return features[feature].label_nl; });
      if (say.unknown == 0) return;
      ++not_stated_[feature];
      std::vector<uint64_t>& bits = unknown_bits_[feature];
      if (bits.empty()) bits.assign((ix_.size() + 63) / 64, 0);
      for (uint32_t o : unknown_offers_) bits[o / 64] |= uint64_t{1} << (o % 64);
    };
    for (const QueryWish& w : q_.wishes)
      if (unmet(w.kinds,
                [&](const float* v) { return w.Status(v[w.feature]) == WishStatus::kMet; }))
        gap(w.feature, w.met, w.kinds, w.must);
    for (const QueryNeed& nd : q_.needs)
      if (unmet(nd.kinds,
                [&](const float* v) { return nd.Status(v[nd.feature]) == WishStatus::kMet; }))
        gap(nd.feature, nd.met, nd.kinds, true);
    // A place that matters farther than wanted from the best home: no purchase moves the
    // family. Counted apart, once per kind of place.
    const uint32_t home = bests[static_cast<int>(domain::OfferKind::kWonen)];
    for (const QueryPlace& p : q_.places) {
      if (home == kNoNode || !FartherThanKm(ix_.position(home), p.position, p.max_km)) continue;
      const uint32_t key = ix_.feature_count() + static_cast<uint32_t>(c.places[p.place].kind);
      if (seen_[key] == stamp_) continue;
      seen_[key] = stamp_;
      ++places_[key - ix_.feature_count()];
    }
    texts_.clear();
    for (uint32_t w : q_.free_text_wishes) texts_.push_back(c.wishes[w].text);
    std::sort(texts_.begin(), texts_.end());
    texts_.erase(std::unique(texts_.begin(), texts_.end()), texts_.end());
    for (std::string_view t : texts_) ++map_.free_texts[std::string(t)];
    // What those words may mean (free_text.h), each feature once per client: a signal the
    // vocabulary's counts miss until someone confirms it.
    suggested_.clear();
    for (uint32_t w : q_.free_text_wishes)
      for (uint32_t f : ix_.suggester().Suggest(c.wishes[w].text)) suggested_.push_back(f);
    std::sort(suggested_.begin(), suggested_.end());
    suggested_.erase(std::unique(suggested_.begin(), suggested_.end()), suggested_.end());
    for (uint32_t f : suggested_) {
      const auto& feature = ix_.ref().features()[f];
      ++map_.free_text_features[feature.id];
      map_.labels.emplace(feature.id, feature.label_nl);
    }
    if (any || !texts_.empty()) {
      ++map_.clients_with_mismatch;
      for (int d = 0; d < 3; ++d) ++dims[d]->with[area[d]];
    }
    if (any_must) {
      ++map_.clients_with_must_gap;
      for (int d = 0; d < 3; ++d) ++dims[d]->must_gap[area[d]];
    }
  }

  // The counts as a MismatchMap (keys by name, areas by code).
  MismatchMap Take() {
    const auto& ref = ix_.ref();
    const auto& munis = ref.municipalities();
    const auto& features = ref.features();
    std::vector<std::string> key_name(keys_);
    for (uint32_t f = 0; f < ix_.feature_count(); ++f) key_name[f] = features[f].id;
    for (uint32_t p = 0; p < kPlaceKinds; ++p)
      key_name[ix_.feature_count() + p] =
          "plek:" + std::string(ToString(static_cast<domain::PlaceKind>(p)));
    for (uint32_t sc = 0; sc < kSectors; ++sc)
      key_name[ix_.feature_count() + kPlaceKinds + sc] =
          ProfileMismatchKey(static_cast<domain::Sector>(sc));
    for (uint32_t k = 0; k < keys_; ++k)
      if (!label_[k].empty()) map_.labels.emplace(key_name[k], label_[k]);
    for (uint32_t p = 0; p < kPlaceKinds; ++p)
      if (places_[p] > 0) {
        const std::string& key = key_name[ix_.feature_count() + p];
        map_.unchangeable[key] += places_[p];
        // Over an area the label names the kind of place, not one client's "zoon Tim" or
        // distance: the same for every client, so the map does not depend on their order.
        map_.labels.emplace(key, "Dichtbij " +
                                     std::string(LabelNl(static_cast<domain::PlaceKind>(p))) +
                                     " (verder dan gewenst)");
      }
    if (map_.unchangeable.count(kRefusedKey))
      map_.labels.emplace(kRefusedKey, "Indicatie geweigerd (geen Wlz-zorg om in te kopen)");
    for (uint32_t k = 0; k < keys_; ++k) {
      if (not_stated_[k] == 0) continue;
      map_.not_stated[key_name[k]] = not_stated_[k];
      std::vector<uint32_t>& offers = map_.offers_not_stating[key_name[k]];
      for (size_t word = 0; word < unknown_bits_[k].size(); ++word)
        for (uint64_t b = unknown_bits_[k][word]; b != 0; b &= b - 1)
          offers.push_back(static_cast<uint32_t>(word * 64 + std::countr_zero(b)));
    }
    for (size_t m = 0; m < munis.size(); ++m) {
      std::optional<MismatchArea> ma = munis_.Area(m, key_name);
      if (!ma) continue;
      const domain::Municipality& mu = munis[m];
      ma->code = mu.code, ma->name = mu.name;
      for (const auto& [k, n] : ma->per_wish) map_.per_wish[k] += n;
      for (const auto& [k, n] : ma->per_must) map_.per_must[k] += n;
      MismatchArea& ra = map_.regions[mu.zorgkantoor_code];
      if (ra.code.empty()) ra.code = mu.zorgkantoor_code, ra.name = mu.zorgkantoor_name;
      MergeArea(ra, *ma);
      map_.municipalities.emplace(mu.code, std::move(*ma));
    }
    for (size_t p = 0; p < profiles_.areas; ++p) {
      std::optional<MismatchArea> pa = profiles_.Area(p, key_name);
      if (!pa) continue;
      const bool known = p < ref.profiles().size();
      pa->code = known ? ref.profiles()[p].code : "";
      pa->name = known ? "Zorgprofiel " + pa->code : "Zonder (bekend) zorgprofiel";
      map_.profiles.emplace(pa->code, std::move(*pa));
    }
    for (size_t k = 0; k < kKinds; ++k) {
      std::optional<MismatchArea> ka = kinds_.Area(k, key_name);
      if (!ka) continue;
      const auto kind = static_cast<domain::OfferKind>(k);
      ka->code = std::string(ToString(kind)), ka->name = std::string(LabelNl(kind));
      map_.kinds.emplace(ka->code, std::move(*ka));
    }
    return std::move(map_);
  }

 private:
  const MatchIndex& ix_;
  const size_t keys_;
  Breakdown munis_, profiles_, kinds_;
  std::vector<std::string> label_;   // the first label seen per key
  std::vector<uint32_t> seen_;       // == stamp_: key already counted for this client
  std::vector<uint32_t> must_seen_;  // == stamp_: key already counted as a must
  std::vector<uint32_t> searched_;   // == stamp_: feature already searched for this client
  std::vector<int64_t> not_stated_;  // per key: counted clients with an offer that does not say
  std::vector<std::vector<uint64_t>> unknown_bits_;  // per key: those offers (bit per offer)
  std::vector<uint32_t> unknown_offers_;
  ReachMemo reach_;                            // what is within reach of the current client
  std::array<int64_t, kPlaceKinds> places_{};  // clients per kind of place farther than wanted
  uint32_t stamp_ = 0;
  Query q_;
  std::vector<std::string_view> texts_;
  std::vector<uint32_t> suggested_;
  MismatchMap map_;
};

}  // namespace

void MismatchMap::Merge(const MismatchMap& o) {
  clients += o.clients;
  clients_with_mismatch += o.clients_with_mismatch;
  clients_with_must_gap += o.clients_with_must_gap;
  clients_without_offer += o.clients_without_offer;
  clients_invalid += o.clients_invalid;
  if (!o.first_error.empty() && (first_error.empty() || o.first_error < first_error))
    first_error = o.first_error;
  for (const auto& [k, v] : o.per_wish) per_wish[k] += v;
  for (const auto& [k, v] : o.per_must) per_must[k] += v;
  for (const auto& [k, v] : o.unchangeable) unchangeable[k] += v;
  for (const auto& [k, v] : o.labels) labels.emplace(k, v);
  for (const auto& [k, a] : o.municipalities) MergeArea(municipalities[k], a);
  for (const auto& [k, a] : o.regions) MergeArea(regions[k], a);
  for (const auto& [k, a] : o.profiles) MergeArea(profiles[k], a);
  for (const auto& [k, a] : o.kinds) MergeArea(kinds[k], a);
  for (const auto& [k, v] : o.free_texts) free_texts[k] += v;
  for (const auto& [k, v] : o.free_text_features) free_text_features[k] += v;
  for (const auto& [k, v] : o.not_stated) not_stated[k] += v;
  for (const auto& [k, v] : o.offers_not_stating) {
    std::vector<uint32_t>& into = offers_not_stating[k];
    std::vector<uint32_t> both;
    std::set_union(into.begin(), into.end(), v.begin(), v.end(), std::back_inserter(both));
    into = std::move(both);
  }
}

MismatchMap Publishable(const MismatchMap& m, int64_t k) {
  MismatchMap out;
  out.min_clients = k;
  auto count = [&](int64_t n) {
    if (n > 0 && n < k) {
      ++out.suppressed_cells;
      return kSuppressed;
    }
    return n;
  };
  auto keep = [&](const std::map<std::string, int64_t>& from, std::map<std::string, int64_t>& to) {
    for (const auto& [key, n] : from) {
      if (n >= k)
        to.emplace(key, n);
      else
        ++out.suppressed_cells;
    }
  };
  out.clients = count(m.clients);
  out.clients_with_mismatch = count(m.clients_with_mismatch);
  out.clients_with_must_gap = count(m.clients_with_must_gap);
  out.clients_without_offer = count(m.clients_without_offer);
  out.clients_invalid = count(m.clients_invalid);
  keep(m.per_wish, out.per_wish);
  // As a must: only beside a wish shown, and only a count that may be shown.
  auto musts = [&](const std::map<std::string, int64_t>& from,
                   const std::map<std::string, int64_t>& shown,
                   std::map<std::string, int64_t>& to) {
    for (const auto& [key, n] : from)
      if (shown.count(key)) to.emplace(key, count(n));
  };
  musts(m.per_must, out.per_wish, out.per_must);
  keep(m.unchangeable, out.unchangeable);
  keep(m.free_texts, out.free_texts);
  keep(m.free_text_features, out.free_text_features);
  out.supply = m.supply;  // offers, not people
  // Clients: only for a wish shown, and only a count that may be shown.
  for (const auto& [key, n] : m.not_stated)
    if (out.per_wish.count(key)) out.not_stated.emplace(key, count(n));
  for (const auto& [key, offers] : m.offers_not_stating)
    if (out.per_wish.count(key)) out.offers_not_stating.emplace(key, offers);
  auto areas = [&](const std::map<std::string, MismatchArea>& from,
                   std::map<std::string, MismatchArea>& to) {
    for (const auto& [code, a] : from) {
      if (a.clients < k) {
        ++out.suppressed_cells;
        continue;
      }
      MismatchArea& b = to[code];
      b.code = a.code, b.name = a.name, b.clients = a.clients;
      b.clients_with_mismatch = count(a.clients_with_mismatch);
      b.clients_with_must_gap = count(a.clients_with_must_gap);
      keep(a.per_wish, b.per_wish);
      musts(a.per_must, b.per_wish, b.per_must);
      b.supply = a.supply;
    }
  };
  areas(m.municipalities, out.municipalities);
  areas(m.regions, out.regions);
  areas(m.profiles, out.profiles);
  areas(m.kinds, out.kinds);
  // Labels only of what is shown.
  auto label = [&](const std::string& key) {
    if (auto it = m.labels.find(key); it != m.labels.end()) out.labels.emplace(key, it->second);
  };
  for (const auto& [key, n] : out.per_wish) label(key);
  for (const auto& [key, n] : out.unchangeable) label(key);
  for (const auto& [key, n] : out.free_text_features) label(key);
  for (const auto* areas_of : {&out.municipalities, &out.regions, &out.profiles, &out.kinds})
    for (const auto& [code, a] : *areas_of)
      for (const auto& [key, n] : a.per_wish) label(key);
  return out;
}

namespace {

double Median(std::vector<int>& v) {
  if (v.empty()) return 0;
  const size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
  const double hi = v[mid];
  if (v.size() % 2 == 1) return hi;
  const double lo = *std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid));
  return (lo + hi) / 2;
}

}  // namespace

void AddSupply(MismatchMap& map, const MatchIndex& ix, const std::string& region_code) {
  const domain::ReferenceData& ref = ix.ref();
  std::vector<uint32_t> in_scope;
  for (uint32_t o = 0; o < ix.size(); ++o) {
    if (!region_code.empty()) {
      const domain::Municipality* m = ref.FindMunicipality(ix.location(o).municipality_code);
      if (m == nullptr || m->zorgkantoor_code != region_code) continue;
    }
    in_scope.push_back(o);
  }
  std::vector<int> waits;
  auto supply_of = [&](auto&& counts) {
    Supply s;
    waits.clear();
    for (uint32_t o : in_scope) {
      if (!counts(o)) continue;
      ++s.offers;
      s.free_places += std::max(0, ix.offer(o).free_places);
      waits.push_back(ix.wait_weeks(o));
    }
    s.median_wait_weeks = Median(waits);
    return s;
  };
  map.supply.clear();
  for (const auto& [key, n] : map.per_wish) {
    const auto f = ref.FeatureIndex(key);
    if (!f) continue;  // a profile key
    const bool number = ref.features()[*f].kind == domain::FeatureKind::kNumber;
    map.supply[key] = supply_of([&](uint32_t o) {
      const float v = ix.values(o)[*f];
      return v != kAbsent && (number || v >= 1);
    });
  }
  for (auto& [code, a] : map.kinds) {
    const auto kind = domain::ParseOfferKind(code);
    if (kind) a.supply = supply_of([&](uint32_t o) { return ix.kind(o) == *kind; });
  }
  // Per care profile: the homes (wonen) that accept it.
  for (auto& [code, a] : map.profiles) {
    const domain::CareProfile* p = ref.FindProfile(code);
    if (p == nullptr) continue;
    const uint64_t bit = ix.AcceptBit(code, p->sector);
    a.supply = supply_of([&](uint32_t o) {
      return ix.kind(o) == domain::OfferKind::kWonen && (ix.accept_mask(o) & bit) != 0;
    });
  }
}

void MismatchMapBuilder::Add(std::span<const domain::Client> clients) {
  const size_t n = clients.size();
  const size_t parts = std::min<size_t>(static_cast<size_t>(threads_), std::max<size_t>(1, n));
  std::vector<MismatchMap> partial(parts);
  // Small chunks handed out in turn: a thread that gets less of a core (a busy machine)
  // takes fewer chunks instead of holding up the others at the end.
  constexpr size_t kChunk = 256;
  std::atomic<size_t> next{0};
  auto work = [&](size_t p) {
    Tally tally(index_);
    for (size_t begin; (begin = next.fetch_add(kChunk)) < n;)
      for (size_t i = begin; i < std::min(n, begin + kChunk); ++i) tally.Add(clients[i]);
    partial[p] = tally.Take();
  };
  std::vector<std::thread> workers;
  for (size_t p = 1; p < parts; ++p) workers.emplace_back(work, p);
  work(0);
  for (auto& t : workers) t.join();
  for (const auto& m : partial) map_.Merge(m);
}

}  // namespace passend::match
