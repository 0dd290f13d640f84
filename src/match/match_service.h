#pragma once
// MatchService: the matching module's use cases behind one header, for api/ and cli/.
//
//  - The index lifecycle: built from the catalogue when the service opens, and kept up to
//    date from the change feed (Refresh, or a watcher thread that polls it): a committed
//    change by any process shows in the next snapshot. A snapshot is immutable; a new one
//    is built beside the old one and swapped in, so a request keeps the snapshot it
//    started with and never sees a half-updated index.
//  - One stored client's match, and the anonymous search with its defaults.
//  - The regional mismatch map: the clients of a region read in batches and matched on
//    two threads; cached per region until a change in the catalogue or in one of the
//    region's clients (an erasure included) makes it stale.
//
// Errors: kNotFound for an unknown client, kFailedPrecondition for a stored dossier that
// cannot be matched, kInvalidArgument (with the field) for a bad situation or region,
// kUnavailable/kInternal from the store. Every method is safe to call from any thread;
// the database and the reference data must outlive the service.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/client.h"
#include "domain/error.h"
#include "domain/reference.h"
#include "match/change_feed.h"
#include "match/match.h"
#include "store/database.h"

namespace passend::match {

// The index as of one point in the change feed. Share it; it never changes.
struct IndexSnapshot {
  MatchIndex index;
  int64_t seq = 0;          // the last change of the feed it includes (0: none or no feed)
  uint64_t generation = 0;  // 1 for the first snapshot of a service, +1 per refresh
};

// A match and the snapshot it was made on: result.offers refer to snapshot->index.
struct ClientMatch {
  std::shared_ptr<const IndexSnapshot> snapshot;
  domain::Client client;
  MatchResult result;
};

// What a person tells the anonymous search. Unset: the defaults (sector: the profile's,
// else elderly care; indication: none yet; home: the middle of the municipality).
struct Situation {
  std::optional<domain::Sector> sector;
  std::string profile;
  std::optional<domain::IndicationStatus> indication;
  std::string municipality_code;
  std::optional<domain::GeoPoint> home;
  std::vector<domain::OfferKind> seeking;
  std::vector<domain::DeliveryForm> preferred_forms;
  std::vector<domain::Wish> wishes;
  std::vector<domain::Need> needs;
  std::vector<domain::Place> places;
};

// The id of the transient client of an anonymous search.
inline constexpr std::string_view kAnonymousClientId = "anoniem";

// The situation as a client (id kAnonymousClientId) with the defaults filled in, validated
// like a stored client (domain/validation.h): what the anonymous search matches, and what
// a registration from it saves.
Result<domain::Client> ClientForSituation(const Situation& situation,
                                          const domain::ReferenceData& ref);

// A wish in the client's own words and the features of the vocabulary it may mean.
struct FreeTextSuggestion {
  uint32_t wish = 0;  // index in the client's wishes
  std::string text;
  domain::Importance importance = domain::Importance::kImportant;
  std::vector<std::string> feature_ids;  // vocabulary order; none the client wishes already
};

// A mismatch map and what it covers.
struct RegionMismatch {
  std::string region_code;      // empty: every client in the database
  std::string scope;            // the region's name, or "Nederland"
  MismatchMap map;              // over the clients who look for care
  int64_t clients_in_care = 0;  // read but not mapped: they are in care, not asking
};

// What one refresh did (for the log line and the benchmark).
struct RefreshReport {
  // kPatched: the changed records read and the snapshot patched (MatchIndex::Patched);
  // kIncremental: the changed records read and the index built from the kept catalogue;
  // kFull: the whole catalogue read and built.
  enum class Kind { kNone, kClientsOnly, kPatched, kIncremental, kFull } kind = Kind::kNone;
  int64_t from_seq = 0, to_seq = 0;
  size_t changes = 0;          // catalogue and client changes read from the feed
  size_t regions_dropped = 0;  // cached mismatch maps made stale
  uint32_t offers = 0;         // in the new snapshot
  double ms = 0;               // reading the changes and building the snapshot
};
const char* ToString(RefreshReport::Kind k);

struct MatchServiceOptions {
  int map_threads = 2;  // threads for a mismatch map
  // Up to this many catalogue changes at once are applied to the current catalogue; more
  // (a large import) read the whole catalogue again.
  size_t incremental_limit = 256;
  // Called after the first build and after each refresh that changed something (serve
  // writes it as a JSON log line); also told when a refresh failed (the old snapshot stays).
  std::function<void(const RefreshReport&)> on_refresh;
  std::function<void(const Error&)> on_refresh_error;
  // When offers count as "mogelijk verouderd" now (catalog::CatalogService::Cutoffs); the
  // index is built with them and built again from its copy of the catalogue when they
  // move (once a day). Empty: no offer is marked.
  std::function<domain::FreshnessCutoffs()> freshness;
};

class MatchService {
 public:
  // Builds the first snapshot from db's catalogue. `feed` (may be null: no refresh) is
  // read from the position it has now, before the catalogue is read.
  static Result<std::unique_ptr<MatchService>> Open(store::Database& db,
                                                    const domain::ReferenceData& ref,
                                                    ChangeFeed* feed = nullptr,
                                                    MatchServiceOptions options = {});
  ~MatchService();
  MatchService(const MatchService&) = delete;
  MatchService& operator=(const MatchService&) = delete;

  std::shared_ptr<const IndexSnapshot> Snapshot() const;
  const domain::ReferenceData& ref() const { return ref_; }

  // The stored client `client_id`, matched on the current snapshot.
  Result<ClientMatch> MatchStoredClient(const std::string& client_id,
                                        const MatchOptions& options = {});
  // Per wish of the stored client in own words only (no feature), what its words may
  // mean (match/free_text.h), without the features the client wishes already; wishes
  // whose words suggest nothing are listed with none. For the client or supporter to
  // confirm: setting the wish's feature_id (PATCH) keeps the text and makes it count.
  // kNotFound for an unknown client.
  Result<std::vector<FreeTextSuggestion>> SuggestFeatures(const std::string& client_id);
  // The situation as a transient client (id kAnonymousClientId), validated like a stored
  // one; nothing is stored.
  Result<ClientMatch> Search(const Situation& situation, const MatchOptions& options = {});
  Result<domain::Client> ClientFor(const Situation& situation) const;

  // The map of one care-office region, from the cache when still current.
  Result<std::shared_ptr<const RegionMismatch>> RegionMap(const std::string& region_code);
  // Computed now, not cached: one region or (empty code) every client in the database;
  // `progress(done, total)` after each batch.
  Result<RegionMismatch> ComputeMap(const std::string& region_code,
                                    const std::function<void(int64_t, int64_t)>& progress = {});

  // Reads the feed once and brings the snapshot and the cache up to its last change.
  // Without a feed: nothing. On an error the current snapshot stays.
  Result<RefreshReport> Refresh();
  // Refreshes on a thread of its own until StopWatching (or destruction): when the feed
  // reports a change (ChangeFeed::WaitForChange), at the latest every `interval`.
  void StartWatching(std::chrono::milliseconds interval = std::chrono::milliseconds(250));
  void StopWatching();

 private:
  struct State;
  MatchService(store::Database& db, const domain::ReferenceData& ref, ChangeFeed* feed,
               MatchServiceOptions options);

  store::Database& db_;
  const domain::ReferenceData& ref_;
  ChangeFeed* feed_;
  MatchServiceOptions options_;
  std::unique_ptr<State> state_;
};

}  // namespace passend::match
