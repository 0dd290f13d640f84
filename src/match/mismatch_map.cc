#include "match/mismatch_map.h"

#include <algorithm>
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
  for (const auto& [k, v] : from.per_wish) into.per_wish[k] += v;
}

constexpr uint32_t kPlaceKinds = static_cast<uint32_t>(domain::PlaceKind::kAnders) + 1;
constexpr uint32_t kSectors = std::size(domain::kAllSectors);

// The counts of one worker over a contiguous part of the clients, dense: per municipality
// (index in the reference data) and per mismatch key (a feature index, feature_count +
// place kind, or feature_count + kPlaceKinds + sector for a profile not accepted). Turned into a
// MismatchMap once the part is done. Owned by one thread.
class Tally {
 public:
  explicit Tally(const MatchIndex& ix)
      : ix_(ix),
        keys_(ix.feature_count() + kPlaceKinds + kSectors),
        munis_(ix.ref().municipalities().size()),
        clients_(munis_, 0),
        with_(munis_, 0),
        per_key_(munis_ * keys_, 0),
        label_(keys_),
        seen_(keys_, 0),
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
    const size_t m = q_.municipality;
    const KindBests bests = FindBests(q_);
    const uint32_t main = bests[static_cast<int>(MainKind(q_))];
    bool any_offer = false;
    for (uint32_t b : bests) any_offer = any_offer || b != kNoNode;
    ++map_.clients, ++clients_[m];
    if (!any_offer) ++map_.clients_without_offer;
    ++stamp_;
    bool any = false;
    int64_t* counts = &per_key_[m * keys_];
    auto count = [&](uint32_t key, auto&& label) {
      if (seen_[key] == stamp_) return;
      seen_[key] = stamp_;
      ++counts[key];
      any = true;
      if (label_[key].empty()) label_[key] = label();
    };
    // What FindMismatch lists for the best options (mismatch.h), by key.
    const auto& features = ix_.ref().features();
    if (main != kNoNode && (ix_.accept_mask(main) & q_.accept_bit) == 0)
      count(ix_.feature_count() + kPlaceKinds + static_cast<uint32_t>(c.sector),
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
    // Not met at the bests: a gap only when no offer within reach says yes (a key once per
    // client: two wishes on one feature are searched and counted once).
    auto gap = [&](uint32_t feature, float met, uint8_t kinds) {
      if (seen_[feature] == stamp_) return;
      unknown_offers_.clear();
      const ReachableSay say =
          WhatReachableOffersSay(q_, feature, met, kinds, true, &unknown_offers_);
      if (say.yes) return;
      count(feature, [&] { return features[feature].label_nl; });
      if (say.unknown == 0) return;
      ++not_stated_[feature];
      std::vector<uint64_t>& bits = unknown_bits_[feature];
      if (bits.empty()) bits.assign((ix_.size() + 63) / 64, 0);
      for (uint32_t o : unknown_offers_) bits[o / 64] |= uint64_t{1} << (o % 64);
    };
    for (const QueryWish& w : q_.wishes)
      if (unmet(w.kinds,
                [&](const float* v) { return w.Status(v[w.feature]) == WishStatus::kMet; }))
        gap(w.feature, w.met, w.kinds);
    for (const QueryNeed& nd : q_.needs)
      if (unmet(nd.kinds,
                [&](const float* v) { return nd.Status(v[nd.feature]) == WishStatus::kMet; }))
        gap(nd.feature, nd.met, nd.kinds);
    const uint32_t home = bests[static_cast<int>(domain::OfferKind::kWonen)];
    for (const QueryPlace& p : q_.places) {
      if (home == kNoNode || !FartherThanKm(ix_.position(home), p.position, p.max_km)) continue;
      const domain::Place& pl = c.places[p.place];
      // Over an area the label names the kind of place, not one client's "zoon Tim" or
      // distance: the same for every client, so the map does not depend on their order.
      count(ix_.feature_count() + static_cast<uint32_t>(pl.kind),
            [&] { return "Dichtbij " + std::string(LabelNl(pl.kind)) + " (verder dan gewenst)"; });
    }
    texts_.clear();
    for (uint32_t w : q_.free_text_wishes) texts_.push_back(c.wishes[w].text);
    std::sort(texts_.begin(), texts_.end());
    texts_.erase(std::unique(texts_.begin(), texts_.end()), texts_.end());
    for (std::string_view t : texts_) ++map_.free_texts[std::string(t)];
    if (any || !texts_.empty()) ++map_.clients_with_mismatch, ++with_[m];
  }

  // The counts as a MismatchMap (keys by name, areas by code).
  MismatchMap Take() {
    const auto& munis = ix_.ref().municipalities();
    const auto& features = ix_.ref().features();
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
    for (uint32_t k = 0; k < keys_; ++k) {
      if (not_stated_[k] == 0) continue;
      map_.not_stated[key_name[k]] = not_stated_[k];
      std::vector<uint32_t>& offers = map_.offers_not_stating[key_name[k]];
      for (size_t word = 0; word < unknown_bits_[k].size(); ++word)
        for (uint64_t b = unknown_bits_[k][word]; b != 0; b &= b - 1)
          offers.push_back(static_cast<uint32_t>(word * 64 + std::countr_zero(b)));
    }
    for (size_t m = 0; m < munis_; ++m) {
      if (clients_[m] == 0) continue;
      const domain::Municipality& mu = munis[m];
      MismatchArea ma{mu.code, mu.name, clients_[m], with_[m], {}};
      for (uint32_t k = 0; k < keys_; ++k)
        if (const int64_t n = per_key_[m * keys_ + k]) {
          ma.per_wish.emplace(key_name[k], n);
          map_.per_wish[key_name[k]] += n;
        }
      MismatchArea& ra = map_.regions[mu.zorgkantoor_code];
      if (ra.code.empty()) ra.code = mu.zorgkantoor_code, ra.name = mu.zorgkantoor_name;
      MergeArea(ra, ma);
      map_.municipalities.emplace(mu.code, std::move(ma));
    }
    return std::move(map_);
  }

 private:
  const MatchIndex& ix_;
  const size_t keys_, munis_;
  std::vector<int64_t> clients_, with_, per_key_;
  std::vector<std::string> label_;   // the first label seen per key
  std::vector<uint32_t> seen_;       // == stamp_: key already counted for this client
  std::vector<int64_t> not_stated_;  // per key: counted clients with an offer that does not say
  std::vector<std::vector<uint64_t>> unknown_bits_;  // per key: those offers (bit per offer)
  std::vector<uint32_t> unknown_offers_;
  uint32_t stamp_ = 0;
  Query q_;
  std::vector<std::string_view> texts_;
  MismatchMap map_;
};

}  // namespace

void MismatchMap::Merge(const MismatchMap& o) {
  clients += o.clients;
  clients_with_mismatch += o.clients_with_mismatch;
  clients_without_offer += o.clients_without_offer;
  clients_invalid += o.clients_invalid;
  if (!o.first_error.empty() && (first_error.empty() || o.first_error < first_error))
    first_error = o.first_error;
  for (const auto& [k, v] : o.per_wish) per_wish[k] += v;
  for (const auto& [k, v] : o.labels) labels.emplace(k, v);
  for (const auto& [k, a] : o.municipalities) MergeArea(municipalities[k], a);
  for (const auto& [k, a] : o.regions) MergeArea(regions[k], a);
  for (const auto& [k, v] : o.free_texts) free_texts[k] += v;
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
  out.clients_without_offer = count(m.clients_without_offer);
  out.clients_invalid = count(m.clients_invalid);
  keep(m.per_wish, out.per_wish);
  keep(m.free_texts, out.free_texts);
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
      keep(a.per_wish, b.per_wish);
    }
  };
  areas(m.municipalities, out.municipalities);
  areas(m.regions, out.regions);
  // Labels only of what is shown.
  auto label = [&](const std::string& key) {
    if (auto it = m.labels.find(key); it != m.labels.end()) out.labels.emplace(key, it->second);
  };
  for (const auto& [key, n] : out.per_wish) label(key);
  for (const auto* areas_of : {&out.municipalities, &out.regions})
    for (const auto& [code, a] : *areas_of)
      for (const auto& [key, n] : a.per_wish) label(key);
  return out;
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
