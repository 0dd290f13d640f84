#include "match/match_service.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>

#include "domain/regions.h"
#include "domain/validation.h"
#include "match/catalogue_copy.h"
#include "match/region_map_cache.h"

namespace passend::match {
namespace {

using Clock = std::chrono::steady_clock;

constexpr size_t kClientBatch = 4096;     // clients matched per batch of a mismatch map
constexpr size_t kFeedPage = 4096;        // changes read from the feed at once
constexpr size_t kClientsToLocate = 512;  // more changed clients than this: drop every map

double MsSince(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

}  // namespace

const char* ToString(RefreshReport::Kind k) {
  switch (k) {
    case RefreshReport::Kind::kNone: return "none";
    case RefreshReport::Kind::kClientsOnly: return "clients";
    case RefreshReport::Kind::kPatched: return "patched";
    case RefreshReport::Kind::kIncremental: return "incremental";
    case RefreshReport::Kind::kFull: return "full";
  }
  return "none";
}

struct MatchService::State {
  mutable std::mutex snapshot_mu;  // guards snapshot (the pointer, not what it points to)
  std::shared_ptr<const IndexSnapshot> snapshot;

  std::mutex refresh_mu;  // one refresh at a time; guards what follows
  CatalogueCopy catalogue;
  int64_t applied_seq = 0;         // the feed position snapshot and cache reflect
  domain::FreshnessCutoffs fresh;  // the cutoffs the snapshot was built with

  RegionMapCache maps;
  std::mutex compute_mu;  // one cached map computed at a time

  std::mutex watch_mu;
  std::condition_variable watch_cv;
  bool stop = false;
  std::thread watcher;
};

MatchService::MatchService(store::Database& db, const domain::ReferenceData& ref, ChangeFeed* feed,
                           MatchServiceOptions options)
    : db_(db),
      ref_(ref),
      feed_(feed),
      options_(std::move(options)),
      state_(std::make_unique<State>()) {}

MatchService::~MatchService() { StopWatching(); }

Result<std::unique_ptr<MatchService>> MatchService::Open(store::Database& db,
                                                         const domain::ReferenceData& ref,
                                                         ChangeFeed* feed,
                                                         MatchServiceOptions options) {
  std::unique_ptr<MatchService> s(new MatchService(db, ref, feed, std::move(options)));
  const auto t0 = Clock::now();
  // The feed position first: a change committed while the catalogue is read is then
  // applied again by the first refresh, never missed.
  int64_t seq = 0;
  if (feed != nullptr) {
    PASSEND_ASSIGN_OR_RETURN(seq, feed->LastChange());
  }
  PASSEND_ASSIGN_OR_RETURN(s->state_->catalogue, ReadCatalogue(db.catalog()));
  const CatalogueCopy& c = s->state_->catalogue;
  if (s->options_.freshness) s->state_->fresh = s->options_.freshness();
  PASSEND_ASSIGN_OR_RETURN(MatchIndex index,
                           MatchIndex::Build(c.providers, c.locations, c.offers, ref,
                                             Weights::BuiltIn(), s->state_->fresh));
  s->state_->snapshot =
      std::make_shared<const IndexSnapshot>(IndexSnapshot{std::move(index), seq, 1});
  s->state_->applied_seq = seq;
  RefreshReport report;
  report.kind = RefreshReport::Kind::kFull;
  report.from_seq = report.to_seq = seq;
  report.offers = s->state_->snapshot->index.size();
  report.ms = MsSince(t0);
  if (s->options_.on_refresh) s->options_.on_refresh(report);
  return s;
}

std::shared_ptr<const IndexSnapshot> MatchService::Snapshot() const {
  std::lock_guard lock(state_->snapshot_mu);
  return state_->snapshot;
}

// ---- one client ------------------------------------------------------------------------

Result<ClientMatch> MatchService::MatchStoredClient(const std::string& client_id,
                                                    const MatchOptions& options) {
  PASSEND_ASSIGN_OR_RETURN(domain::Client client, db_.clients().GetClient(client_id));
  ClientMatch m{Snapshot(), std::move(client), {}};
  auto result = MatchClient(m.snapshot->index, m.client, options);
  if (!result.ok()) {
    // A stored dossier that cannot be matched is not the caller's mistake.
    const Error& e = result.error();
    if (e.code() == ErrorCode::kInvalidArgument || e.code() == ErrorCode::kNotFound) {
      std::string where = e.field().empty() ? "" : " (" + e.field() + ")";
      return FailedPrecondition("Het dossier van deze cliënt bevat een fout" + where + ": " +
                                e.message());
    }
    return e;
  }
  m.result = std::move(result).value();
  return m;
}

Result<std::vector<FreeTextSuggestion>> MatchService::SuggestFeatures(
    const std::string& client_id) {
  PASSEND_ASSIGN_OR_RETURN(domain::Client client, db_.clients().GetClient(client_id));
  const std::shared_ptr<const IndexSnapshot> snapshot = Snapshot();
  const auto& features = ref_.features();
  std::vector<FreeTextSuggestion> out;
  for (size_t i = 0; i < client.wishes.size(); ++i) {
    const domain::Wish& w = client.wishes[i];
    if (!w.feature_id.empty() || w.text.empty()) continue;
    FreeTextSuggestion s{static_cast<uint32_t>(i), w.text, w.importance, {}};
    for (uint32_t f : snapshot->index.suggester().Suggest(w.text)) {
      const std::string& id = features[f].id;
      const bool wished = std::any_of(client.wishes.begin(), client.wishes.end(),
                                      [&](const domain::Wish& o) { return o.feature_id == id; });
      if (!wished) s.feature_ids.push_back(id);
    }
    out.push_back(std::move(s));
  }
  return out;
}

Result<domain::Client> MatchService::ClientFor(const Situation& s) const {
  return ClientForSituation(s, ref_);
}

Result<domain::Client> ClientForSituation(const Situation& s, const domain::ReferenceData& ref) {
  domain::Client c;
  c.id = std::string(kAnonymousClientId);
  c.profile = s.profile;
  c.municipality_code = s.municipality_code;
  c.seeking = s.seeking;
  c.preferred_forms = s.preferred_forms;
  c.wishes = s.wishes;
  c.needs = s.needs;
  c.places = s.places;
  // Sector: as given, else the profile's, else elderly care.
  const domain::CareProfile* profile = c.profile.empty() ? nullptr : ref.FindProfile(c.profile);
  c.sector = s.sector ? *s.sector : profile != nullptr ? profile->sector : domain::Sector::kVV;
  // Without a statement the profile is the expected one (no indication yet).
  c.indication = s.indication ? *s.indication : domain::IndicationStatus::kNone;
  if (s.home) {
    c.home = *s.home;
  } else if (const auto* m = ref.FindMunicipality(c.municipality_code)) {
    c.home = m->centroid;
  }
  PASSEND_RETURN_IF_ERROR(domain::ValidateClient(c, ref));
  return c;
}

Result<ClientMatch> MatchService::Search(const Situation& situation, const MatchOptions& options) {
  PASSEND_ASSIGN_OR_RETURN(domain::Client client, ClientFor(situation));
  ClientMatch m{Snapshot(), std::move(client), {}};
  PASSEND_ASSIGN_OR_RETURN(m.result, MatchClient(m.snapshot->index, m.client, options));
  return m;
}

// ---- the mismatch map -----------------------------------------------------------------

namespace {

// The map of `region_code` (empty: every client) on `index`, with the ids of the clients
// it read when `ids` is given.
Result<RegionMismatch> ComputeOn(const MatchIndex& index, intake::ClientStore& clients,
                                 const std::string& region_code, int threads,
                                 const std::function<void(int64_t, int64_t)>& progress,
                                 std::vector<std::string>* ids) {
  const domain::ReferenceData& ref = index.ref();
  RegionMismatch out;
  out.region_code = region_code;
  out.scope = "Nederland";
  intake::ClientFilter filter;
  if (!region_code.empty()) {
    const domain::CareOfficeRegion* region = ref.FindRegion(region_code);
    if (region == nullptr)
      return InvalidArgument("Onbekende zorgkantoorregio '" + region_code + "'", "region");
    out.scope = region->name;
    filter.municipality_codes = domain::MunicipalitiesOf(ref, region_code);
    if (filter.municipality_codes.empty()) return out;  // a region without municipalities
  }
  int64_t total = 0, done = 0;
  if (progress) {
    PASSEND_ASSIGN_OR_RETURN(total, clients.CountClients(filter));
  }
  MismatchMapBuilder builder(index, threads);
  std::vector<domain::Client> batch;
  auto flush = [&] {
    builder.Add(batch);
    done += static_cast<int64_t>(batch.size());
    batch.clear();
    if (progress) progress(done, total);
  };
  PASSEND_RETURN_IF_ERROR(clients.ForEachClient(filter, [&](const domain::Client& c) {
    if (ids != nullptr) ids->push_back(c.id);
    // The map is about people looking for care; those in care are not asking.
    if (!domain::IsSearching(c.care_status)) {
      ++out.clients_in_care;
      ++done;
      return Ok();
    }
    batch.push_back(c);
    if (batch.size() >= kClientBatch) flush();
    return Ok();
  }));
  flush();
  out.map = builder.map();
  AddSupply(out.map, index, region_code);
  // Over the whole database: name the one region it holds (a generated region), if so.
  if (region_code.empty() && out.map.regions.size() == 1)
    out.scope = out.map.regions.begin()->second.name;
  return out;
}

}  // namespace

Result<RegionMismatch> MatchService::ComputeMap(
    const std::string& region_code, const std::function<void(int64_t, int64_t)>& progress) {
  auto snapshot = Snapshot();
  return ComputeOn(snapshot->index, db_.clients(), region_code, options_.map_threads, progress,
                   nullptr);
}

Result<std::shared_ptr<const RegionMismatch>> MatchService::RegionMap(
    const std::string& region_code) {
  if (ref_.FindRegion(region_code) == nullptr)
    return InvalidArgument("Onbekende zorgkantoorregio '" + region_code + "'", "region");
  RegionMapCache& maps = state_->maps;
  if (auto hit = maps.Find(region_code, Snapshot()->generation)) return hit;
  // One computation at a time: a second request for the same region waits and then
  // finds it in the cache instead of computing it again.
  std::lock_guard compute(state_->compute_mu);
  const RegionMapCache::Ticket ticket = maps.Take(region_code);
  auto snapshot = Snapshot();
  if (auto hit = maps.Find(region_code, snapshot->generation)) return hit;
  std::vector<std::string> ids;
  PASSEND_ASSIGN_OR_RETURN(
      RegionMismatch map,
      ComputeOn(snapshot->index, db_.clients(), region_code, options_.map_threads, {}, &ids));
  auto shared = std::make_shared<const RegionMismatch>(std::move(map));
  maps.Put(region_code, ticket, snapshot->generation, shared, ids);
  return shared;
}

// ---- following the data ---------------------------------------------------------------

Result<RefreshReport> MatchService::Refresh() {
  RefreshReport report;
  if (feed_ == nullptr) return report;
  std::lock_guard lock(state_->refresh_mu);
  const auto t0 = Clock::now();
  report.from_seq = report.to_seq = state_->applied_seq;
  PASSEND_ASSIGN_OR_RETURN(const int64_t last, feed_->LastChange());
  // A new day can make offers "mogelijk verouderd" without any change to the data.
  const domain::FreshnessCutoffs fresh =
      options_.freshness ? options_.freshness() : domain::FreshnessCutoffs{};
  const bool fresh_moved = !(fresh == state_->fresh);
  if (last == state_->applied_seq && !fresh_moved) return report;

  // The changes since the snapshot, page by page; too many (or a gap in the log, or a
  // log that went back: another database file) means reading everything again.
  std::vector<DataChange> changes;
  size_t catalogue_changes = 0;
  bool full = last < state_->applied_seq;
  int64_t at = state_->applied_seq;
  while (!full && at < last) {
    auto page = feed_->ChangesSince(at, kFeedPage);
    if (!page.ok() || page->empty()) {
      full = true;
      break;
    }
    for (DataChange& c : *page) {
      if (c.kind != DataKind::kClient) ++catalogue_changes;
      changes.push_back(std::move(c));
    }
    at = changes.back().seq;
    if (catalogue_changes > options_.incremental_limit) full = true;
  }
  report.changes = changes.size();
  report.to_seq = full ? last : at;

  std::optional<MatchIndex> index;
  if (!full && catalogue_changes > 0) {
    // Incremental: read only the changed records. When they keep every offer in its place
    // in the index (the usual edit: free places, a wait, features), patch a copy of the
    // current snapshot; else build beside it from the patched catalogue.
    auto read = ApplyChanges(db_.catalog(), changes, state_->catalogue);
    if (read.ok()) {
      const CatalogueCopy& now = read->records;
      // A patched snapshot keeps its cutoffs of "mogelijk verouderd": only when they did
      // not move.
      if (!read->removed && !fresh_moved)
        index = Snapshot()->index.Patched(now.providers, now.locations, now.offers);
      if (index) {
        report.kind = RefreshReport::Kind::kPatched;
      } else {
        const CatalogueCopy& c = state_->catalogue;
        auto built =
            MatchIndex::Build(c.providers, c.locations, c.offers, ref_, Weights::BuiltIn(), fresh);
        if (built.ok()) {
          index = std::move(built).value();
          report.kind = RefreshReport::Kind::kIncremental;
        }
      }
    }
    // A record that names one not read yet (written after this page of the feed): read
    // everything as of `last`.
    if (!index) full = true, report.to_seq = last;
  }
  if (full) {
    PASSEND_ASSIGN_OR_RETURN(state_->catalogue, ReadCatalogue(db_.catalog()));
    const CatalogueCopy& c = state_->catalogue;
    PASSEND_ASSIGN_OR_RETURN(MatchIndex built, MatchIndex::Build(c.providers, c.locations, c.offers,
                                                                 ref_, Weights::BuiltIn(), fresh));
    index = std::move(built);
    report.kind = RefreshReport::Kind::kFull;
  }
  if (!index && fresh_moved) {
    // Only the day moved: the same catalogue, marked anew.
    const CatalogueCopy& c = state_->catalogue;
    PASSEND_ASSIGN_OR_RETURN(MatchIndex built, MatchIndex::Build(c.providers, c.locations, c.offers,
                                                                 ref_, Weights::BuiltIn(), fresh));
    index = std::move(built);
    report.kind = RefreshReport::Kind::kIncremental;
  }

  const uint64_t generation = Snapshot()->generation;
  if (index) {
    auto next = std::make_shared<const IndexSnapshot>(
        IndexSnapshot{std::move(*index), report.to_seq, generation + 1});
    report.offers = next->index.size();
    {
      std::lock_guard swap(state_->snapshot_mu);
      state_->snapshot = std::move(next);
    }
    state_->fresh = fresh;
    // Every map was made on the old catalogue.
    report.regions_dropped = state_->maps.DropAll();
  } else {
    report.kind = RefreshReport::Kind::kClientsOnly;
    report.offers = Snapshot()->index.size();
    std::vector<std::string> ids;
    for (const DataChange& c : changes)
      if (c.kind == DataKind::kClient) ids.push_back(c.id);
    if (ids.size() > kClientsToLocate) {
      report.regions_dropped = state_->maps.DropAll();
    } else {
      // The region a changed client lives in now; the maps that counted the client
      // (also where an erased client lived) are found by id.
      std::set<std::string> regions;
      for (const std::string& id : ids) {
        auto where = db_.clients().MunicipalityOf(id);
        if (!where.ok()) continue;
        if (const domain::Municipality* m = ref_.FindMunicipality(*where))
          regions.insert(m->zorgkantoor_code);
      }
      report.regions_dropped = state_->maps.DropClients(ids, regions);
    }
  }
  state_->applied_seq = report.to_seq;
  report.ms = MsSince(t0);
  if (options_.on_refresh) options_.on_refresh(report);
  return report;
}

void MatchService::StartWatching(std::chrono::milliseconds interval) {
  if (feed_ == nullptr || state_->watcher.joinable()) return;
  state_->stop = false;
  state_->watcher = std::thread([this, interval] {
    auto stopping = [this] {
      std::lock_guard lock(state_->watch_mu);
      return state_->stop;
    };
    while (!stopping()) {
      // Woken by a change (the store's poll of the database, or a commit of this
      // process), else after `interval`; then read what changed.
      int64_t seen = 0;
      {
        std::lock_guard lock(state_->refresh_mu);
        seen = state_->applied_seq;
      }
      auto waited = feed_->WaitForChange(seen, interval);
      if (stopping()) break;
      auto r = waited.ok() ? Refresh() : Result<RefreshReport>(waited.error());
      if (!r.ok()) {
        if (options_.on_refresh_error) options_.on_refresh_error(r.error());
        // Do not spin on a database that keeps failing.
        std::unique_lock lock(state_->watch_mu);
        state_->watch_cv.wait_for(lock, interval, [this] { return state_->stop; });
      }
    }
  });
}

void MatchService::StopWatching() {
  {
    std::lock_guard lock(state_->watch_mu);
    state_->stop = true;
  }
  state_->watch_cv.notify_all();
  if (state_->watcher.joinable()) state_->watcher.join();
}

}  // namespace passend::match
