#include "api/offer_read_model.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "api/paging.h"
#include "api/search_fold.h"
#include "interop/native_json.h"

namespace passend::api {
namespace {

namespace d = passend::domain;

constexpr std::string_view kOutdatedKey = "\"maybe_outdated\":false";

// One offer as the list needs it, immutable once made (snapshots share it).
struct Entry {
  std::string id, provider_id, location_id;
  d::OfferKind kind = d::OfferKind::kWonen;
  std::vector<std::string> profiles;
  std::vector<d::Sector> sectors;
  std::vector<std::string> regions;
  std::string places_updated, details_updated;
  std::string json;                // as the route writes it, with "maybe_outdated":false
  size_t outdated_at = 0;          // where that false is in `json`
  std::vector<std::string> words;  // folded words of name and description, sorted, unique
};

struct Place {
  std::string municipality;
  double lat = 0, lon = 0;
};

std::shared_ptr<const Entry> MakeEntry(const d::Offer& o) {
  auto e = std::make_shared<Entry>();
  e->id = o.id;
  e->provider_id = o.provider_id;
  e->location_id = o.location_id;
  e->kind = o.kind;
  e->profiles = o.profiles;
  e->sectors = o.sectors;
  e->regions = o.contracted_regions;
  e->places_updated = o.places_updated;
  e->details_updated = o.details_updated;
  nlohmann::json j = interop::ToJson(o);
  j["maybe_outdated"] = false;
  // As the server writes a body (api/server.cc).
  e->json = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  // A key's quotes are never escaped, a string value's are: only the key matches.
  e->outdated_at = e->json.find(kOutdatedKey) + kOutdatedKey.size() - 5;
  e->words = FoldedWords(o.name + " " + o.description);
  std::sort(e->words.begin(), e->words.end());
  e->words.erase(std::unique(e->words.begin(), e->words.end()), e->words.end());
  return e;
}

}  // namespace

// What the model knows of the data, kept by the catch-up (under update_mu_).
struct OfferReadModel::Source {
  int64_t seq = 0;
  std::map<std::string, std::shared_ptr<const Entry>> offers;  // by id: id order
  std::unordered_map<std::string, std::shared_ptr<const Place>> places;
  std::unordered_set<std::string> listed;  // approved providers
};

// The offers in id order with everything resolved, and the word index; never changes.
struct OfferReadModel::Snapshot {
  struct Row {
    std::shared_ptr<const Entry> offer;
    std::shared_ptr<const Place> place;  // null: its location is unknown
    bool listed = false;
  };
  int64_t seq = 0;
  std::vector<Row> rows;
  std::vector<std::string> ids;  // rows' ids, for lower_bound
  // Every folded word, sorted, with the rows (ascending) whose name or description has it.
  std::vector<std::pair<std::string, std::vector<uint32_t>>> words;
};

namespace {

using Snapshot = OfferReadModel::Snapshot;

std::shared_ptr<const Snapshot> MakeSnapshot(const OfferReadModel::Source& s) {
  auto snap = std::make_shared<Snapshot>();
  snap->seq = s.seq;
  snap->rows.reserve(s.offers.size());
  snap->ids.reserve(s.offers.size());
  std::unordered_map<std::string_view, std::vector<uint32_t>> postings;
  for (const auto& [id, e] : s.offers) {
    Snapshot::Row row;
    row.offer = e;
    auto p = s.places.find(e->location_id);
    if (p != s.places.end()) row.place = p->second;
    row.listed = s.listed.count(e->provider_id) > 0;
    const auto n = static_cast<uint32_t>(snap->rows.size());
    for (const std::string& w : e->words) postings[w].push_back(n);
    snap->rows.push_back(std::move(row));
    snap->ids.push_back(id);
  }
  snap->words.reserve(postings.size());
  for (auto& [w, rows] : postings) snap->words.emplace_back(std::string(w), std::move(rows));
  std::sort(snap->words.begin(), snap->words.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  return snap;
}

// The WHERE of the stores' ListOffers, on one row (store/*/..._catalog_store.cc).
bool Matches(const Snapshot::Row& row, const catalog::OfferFilter& f) {
  const Entry& e = *row.offer;
  if (f.provider_id && e.provider_id != *f.provider_id) return false;
  if (f.kind && e.kind != *f.kind) return false;
  if (f.profile) {
    const bool named =
        std::find(e.profiles.begin(), e.profiles.end(), *f.profile) != e.profiles.end();
    const bool by_sector =
        f.sector && e.profiles.empty() &&
        std::find(e.sectors.begin(), e.sectors.end(), *f.sector) != e.sectors.end();
    if (!named && !by_sector) return false;
  }
  if (f.contracted_region &&
      std::find(e.regions.begin(), e.regions.end(), *f.contracted_region) == e.regions.end())
    return false;
  if (!f.municipality_codes.empty() &&
      (row.place == nullptr || std::find(f.municipality_codes.begin(), f.municipality_codes.end(),
                                         row.place->municipality) == f.municipality_codes.end()))
    return false;
  if (f.listed_only && !row.listed) return false;
  if (f.near) {
    // The same arithmetic as the stores' WhereNear, so a place on the edge falls alike.
    if (row.place == nullptr) return false;
    constexpr double kKmPerDegree = 111.195;
    const double lon_km = kKmPerDegree * std::cos(f.near->lat * 3.14159265358979323846 / 180.0);
    const double band = f.near->km / kKmPerDegree * 1.001;
    const double lat = row.place->lat, lon = row.place->lon;
    if (lat < f.near->lat - band || lat > f.near->lat + band) return false;
    const double dy = (lat - f.near->lat) * kKmPerDegree;
    const double dx = (lon - f.near->lon) * lon_km;
    if (dy * dy + dx * dx > f.near->km * f.near->km) return false;
  }
  return true;
}

// The rows of the page, or nullopt when the search words are not single words to the
// search (the SQL search then reads them as phrases: the store answers).
std::optional<std::vector<uint32_t>> PageRows(const Snapshot& s, const catalog::OfferFilter& f,
                                              const store::PageRequest& page,
                                              std::string& next_after) {
  const size_t limit = static_cast<size_t>(std::clamp(page.limit, 1, kMaxLimit));
  const size_t start =
      page.after.empty()
          ? 0
          : static_cast<size_t>(std::upper_bound(s.ids.begin(), s.ids.end(), page.after) -
                                s.ids.begin());
  std::vector<uint8_t> hits;  // per row: how many of the words so far it has
  if (!f.words.empty()) {
    hits.assign(s.rows.size(), 0);
    uint8_t round = 0;
    for (const std::string& raw : f.words) {
      std::vector<std::string> folded = FoldedWords(raw);
      if (folded.size() != 1) return std::nullopt;
      const std::string& w = folded.front();
      auto it =
          std::lower_bound(s.words.begin(), s.words.end(), w,
                           [](const auto& entry, const std::string& v) { return entry.first < v; });
      for (; it != s.words.end() && it->first.compare(0, w.size(), w) == 0; ++it)
        for (uint32_t r : it->second)
          if (hits[r] == round) hits[r] = round + 1;
      ++round;
    }
  }
  const auto all = static_cast<uint8_t>(f.words.size());
  std::vector<uint32_t> out;
  for (size_t r = start; r < s.rows.size(); ++r) {
    if (!hits.empty() && hits[r] != all) continue;
    if (!Matches(s.rows[r], f)) continue;
    if (out.size() == limit) {
      next_after = s.ids[out.back()];
      break;
    }
    out.push_back(static_cast<uint32_t>(r));
  }
  return out;
}

bool Answerable(const catalog::OfferFilter& f) { return !f.outdated && f.words.size() < 255; }

}  // namespace

OfferReadModel::OfferReadModel(store::Database& db, catalog::CatalogService& catalog)
    : db_(db), catalog_(catalog) {}

OfferReadModel::~OfferReadModel() = default;

Result<std::shared_ptr<const Snapshot>> OfferReadModel::Current() {
  Result<int64_t> last_change = db_.LastChange();
  // A store without change log (store::Database's default) cannot be followed.
  if (!last_change.ok() && last_change.error().code() == ErrorCode::kFailedPrecondition)
    return std::shared_ptr<const Snapshot>();
  PASSEND_ASSIGN_OR_RETURN(int64_t last, std::move(last_change));
  {
    std::lock_guard lock(mu_);
    if (snapshot_ && snapshot_->seq >= last) return snapshot_;
  }
  std::lock_guard update(update_mu_);
  {
    std::lock_guard lock(mu_);
    if (snapshot_ && snapshot_->seq >= last) return snapshot_;
  }
  catalog::CatalogStore& store = db_.catalog();
  // Reads the whole catalogue, from a log position taken before it (store/change.h).
  auto full = [&]() -> Status {
    auto s = std::make_unique<Source>();
    PASSEND_ASSIGN_OR_RETURN(s->seq, db_.LastChange());
    PASSEND_ASSIGN_OR_RETURN(auto providers, store.AllProviders());
    for (const d::Provider& p : providers)
      if (p.Listed()) s->listed.insert(p.id);
    PASSEND_ASSIGN_OR_RETURN(auto locations, store.AllLocations());
    for (const d::Location& l : locations)
      s->places[l.id] =
          std::make_shared<const Place>(Place{l.municipality_code, l.position.lat, l.position.lon});
    PASSEND_ASSIGN_OR_RETURN(auto offers, store.AllOffers());
    for (const d::Offer& o : offers) s->offers.emplace(o.id, MakeEntry(o));
    source_ = std::move(s);
    return Ok();
  };
  // Reads again what the log names since the source's position; false after a gap or
  // when so much changed that reading everything is cheaper.
  auto catch_up = [&]() -> Result<bool> {
    constexpr int kPage = 1000;
    constexpr size_t kMostChanges = 5000;
    int64_t seq = source_->seq;
    std::unordered_set<std::string> offers, places, providers;
    while (true) {
      PASSEND_ASSIGN_OR_RETURN(store::ChangePage page, db_.ChangesSince(seq, kPage));
      if (page.gap) return false;
      for (const store::Change& c : page.changes) {
        seq = c.seq;
        if (c.entity == store::ChangedEntity::kOffer) offers.insert(c.id);
        if (c.entity == store::ChangedEntity::kLocation) places.insert(c.id);
        if (c.entity == store::ChangedEntity::kProvider) providers.insert(c.id);
      }
      if (offers.size() + places.size() + providers.size() > kMostChanges) return false;
      if (static_cast<int>(page.changes.size()) < kPage) break;
    }
    for (const std::string& id : providers) {
      auto p = store.GetProvider(id);
      if (!p.ok() && p.error().code() != ErrorCode::kNotFound) return p.error();
      if (p.ok() && p->Listed()) {
        source_->listed.insert(id);
      } else {
        source_->listed.erase(id);
      }
    }
    for (const std::string& id : places) {
      auto l = store.GetLocation(id);
      if (!l.ok() && l.error().code() != ErrorCode::kNotFound) return l.error();
      if (l.ok()) {
        source_->places[id] = std::make_shared<const Place>(
            Place{l->municipality_code, l->position.lat, l->position.lon});
      } else {
        source_->places.erase(id);
      }
    }
    for (const std::string& id : offers) {
      auto o = store.GetOffer(id);
      if (!o.ok() && o.error().code() != ErrorCode::kNotFound) return o.error();
      if (o.ok()) {
        source_->offers[id] = MakeEntry(*o);
      } else {
        source_->offers.erase(id);
      }
    }
    source_->seq = seq;
    return true;
  };
  if (source_ == nullptr) {
    PASSEND_RETURN_IF_ERROR(full());
  } else {
    PASSEND_ASSIGN_OR_RETURN(bool caught_up, catch_up());
    if (!caught_up) PASSEND_RETURN_IF_ERROR(full());
  }
  std::shared_ptr<const Snapshot> snap = MakeSnapshot(*source_);
  std::lock_guard lock(mu_);
  snapshot_ = snap;
  return snap;
}

Result<std::optional<store::Page<std::string>>> OfferReadModel::ListIds(
    const catalog::OfferFilter& filter, const store::PageRequest& page) {
  using Out = std::optional<store::Page<std::string>>;
  if (!Answerable(filter)) return Out();
  PASSEND_ASSIGN_OR_RETURN(auto snap, Current());
  if (snap == nullptr) return Out();
  store::Page<std::string> out;
  auto rows = PageRows(*snap, filter, page, out.next_after);
  if (!rows) return Out();
  for (uint32_t r : *rows) out.items.push_back(snap->ids[r]);
  return Out(std::move(out));
}

Result<std::optional<std::string>> OfferReadModel::ListJson(
    const catalog::OfferFilter& filter, const store::PageRequest& page,
    const domain::FreshnessCutoffs& cutoffs) {
  using Out = std::optional<std::string>;
  if (!Answerable(filter)) return Out();
  PASSEND_ASSIGN_OR_RETURN(auto snap, Current());
  if (snap == nullptr) return Out();
  std::string next_after;
  auto rows = PageRows(*snap, filter, page, next_after);
  if (!rows) return Out();
  size_t size = 40;
  for (uint32_t r : *rows) size += snap->rows[r].offer->json.size() + 1;
  std::string body;
  body.reserve(size + 2 * next_after.size());
  body += "{\"items\":[";
  for (size_t i = 0; i < rows->size(); ++i) {
    const Entry& e = *snap->rows[(*rows)[i]].offer;
    if (i > 0) body += ',';
    const bool outdated =
        (!cutoffs.places_before.empty() && e.places_updated < cutoffs.places_before) ||
        (!cutoffs.details_before.empty() && e.details_updated < cutoffs.details_before);
    body.append(e.json, 0, e.outdated_at);
    body += outdated ? "true" : "false";
    body.append(e.json, e.outdated_at + 5, std::string::npos);
  }
  body += "],\"next_cursor\":";
  if (next_after.empty()) {
    body += "null";
  } else {
    body += '"';
    body += EncodeCursor(next_after);
    body += '"';
  }
  body += '}';
  return Out(std::move(body));
}

}  // namespace passend::api
