// MatchService over a real SQLite database with the generated Zuid-Limburg catalogue: the
// snapshot swap (a reader keeps the snapshot it started with), incremental refresh giving
// the same answers as a full rebuild, the fall-back to a full read, the regional map cache
// following client changes and erasures, and readers running while the index is refreshed
// (also run under the asan preset).
#include "match/match_service.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <mutex>
#include <thread>

#include "catalog/catalog_service.h"
#include "generate/generator.h"
#include "match/store_change_feed.h"
#include "refdata/refdata.h"
#include "store/open_database.h"

namespace passend::match {
namespace {

namespace fs = std::filesystem;

constexpr const char* kRegion = "5531";  // Zorgkantoor Zuid-Limburg

// The change log as the test writes it (the store's own feed is tested with the store
// and over HTTP in tests/); `gap` makes the log forget what it held.
class RecordedFeed : public ChangeFeed {
 public:
  void Record(DataKind kind, const std::string& id) {
    std::lock_guard lock(mu_);
    log_.push_back({static_cast<int64_t>(log_.size()) + 1, kind, id});
  }
  void Forget() {
    std::lock_guard lock(mu_);
    forgotten_ = static_cast<int64_t>(log_.size());
  }
  Result<int64_t> LastChange() override {
    std::lock_guard lock(mu_);
    return static_cast<int64_t>(log_.size());
  }
  Result<std::vector<DataChange>> ChangesSince(int64_t after, size_t limit) override {
    std::lock_guard lock(mu_);
    if (after < forgotten_) return FailedPrecondition("de wijzigingen zijn niet meer bewaard");
    std::vector<DataChange> out;
    for (size_t i = static_cast<size_t>(after); i < log_.size() && out.size() < limit; ++i)
      out.push_back(log_[i]);
    return out;
  }

 private:
  std::mutex mu_;
  std::vector<DataChange> log_;
  int64_t forgotten_ = 0;
};

class MatchServiceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    generate::GenerateOptions gen;
    gen.region = generate::RegionPreset::kZuidLimburg;
    auto data = generate::Generate(gen, refdata::BuiltIn());
    ASSERT_TRUE(data.ok()) << data.error().ToString();
    data->clients.resize(400);  // enough for the maps, quick under the sanitizers
    data_ = new domain::Dataset(std::move(*data));
  }
  static void TearDownTestSuite() { delete data_; }

  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("passend_match_service_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto db = store::OpenDatabase((dir_ / "p.db").string());
    ASSERT_TRUE(db.ok()) << db.error().ToString();
    db_ = std::move(*db);
    ASSERT_TRUE(catalog::CatalogService(*db_, refdata::BuiltIn()).Import(*data_).ok());
  }
  void TearDown() override {
    db_.reset();
    fs::remove_all(dir_);
  }

  std::unique_ptr<MatchService> Open(MatchServiceOptions options = {}) {
    auto s = MatchService::Open(*db_, refdata::BuiltIn(), &feed_, std::move(options));
    EXPECT_TRUE(s.ok()) << s.error().ToString();
    return s.ok() ? std::move(*s) : nullptr;
  }

  // Writes `o` and records the change, as the store's triggers would.
  void PutOffer(const domain::Offer& o) {
    ASSERT_TRUE(db_->catalog().PutOffer(o).ok());
    feed_.Record(DataKind::kOffer, o.id);
  }
  void PutClient(const domain::Client& c) {
    ASSERT_TRUE(db_->clients().PutClient(c).ok());
    feed_.Record(DataKind::kClient, c.id);
  }

  // The answers a snapshot gives for the first `n` clients: offer ids, scores, unmet
  // counts and mismatch keys, in order.
  static std::vector<std::string> Answers(const MatchIndex& ix, size_t n = 120) {
    std::vector<std::string> out;
    MatchOptions opt;
    opt.explain = false;
    for (size_t i = 0; i < n && i < data_->clients.size(); ++i) {
      auto r = MatchClient(ix, data_->clients[i], opt);
      if (!r.ok()) {
        out.push_back("error " + r.error().ToString());
        continue;
      }
      std::string line = data_->clients[i].id + ":";
      for (const auto& o : r->offers)
        line += " " + ix.offer(o.offer).id + "=" + std::to_string(o.assessment.score) + "/" +
                std::to_string(o.assessment.unmet);
      line += " |";
      for (const auto& item : r->mismatch.items) line += " " + item.key;
      out.push_back(line);
    }
    return out;
  }

  static domain::Dataset* data_;
  fs::path dir_;
  std::unique_ptr<store::Database> db_;
  RecordedFeed feed_;
};

domain::Dataset* MatchServiceTest::data_ = nullptr;

TEST_F(MatchServiceTest, AReaderKeepsTheSnapshotItStartedWith) {
  auto service = Open();
  ASSERT_NE(service, nullptr);
  auto before = service->Snapshot();
  domain::Offer o = data_->offers[0];
  const std::string old_name = o.name;
  o.name = "Hernieuwd: " + o.name;
  PutOffer(o);
  // Nothing changes until the feed is read.
  EXPECT_EQ(service->Snapshot(), before);
  auto r = service->Refresh();
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_EQ(r->kind, RefreshReport::Kind::kPatched);
  EXPECT_EQ(r->changes, 1u);
  auto after = service->Snapshot();
  ASSERT_NE(after, before);
  EXPECT_EQ(after->generation, before->generation + 1);
  EXPECT_EQ(after->seq, 1);
  EXPECT_EQ(before->index.offer(before->index.Find(o.id)).name, old_name);
  EXPECT_EQ(after->index.offer(after->index.Find(o.id)).name, o.name);
  // Read again with nothing new: the same snapshot.
  auto again = service->Refresh();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->kind, RefreshReport::Kind::kNone);
  EXPECT_EQ(service->Snapshot(), after);
}

TEST_F(MatchServiceTest, IncrementalRefreshGivesTheSameAnswersAsAFullRebuild) {
  auto service = Open();
  ASSERT_NE(service, nullptr);
  const auto first = Answers(service->Snapshot()->index);

  // One offer after the other: no free place and a long wait, other features, another
  // location (moves it in the index), a new offer, and a new location with an offer.
  domain::Offer full = data_->offers[3];
  full.free_places = 0;
  full.waiting_weeks = 80;
  domain::Offer plain = data_->offers[7];
  plain.features.clear();
  domain::Offer moved = data_->offers[11];
  moved.location_id = data_->offers[200].location_id;
  moved.provider_id = data_->offers[200].provider_id;
  domain::Offer added = data_->offers[20];
  added.id = "off-test-nieuw";
  added.waiting_weeks = 0;
  added.free_places = 5;
  domain::Location place = data_->locations[0];
  place.id = "loc-test-nieuw";
  place.position.lat += 0.05;
  domain::Offer there = data_->offers[30];
  there.id = "off-test-daar";
  there.location_id = place.id;
  there.provider_id = place.provider_id;
  // Free places, a wait and features keep the offer in its place: the snapshot is
  // patched. Another location (another cell of the map) and a new offer: built again.
  const std::vector<std::pair<domain::Offer, RefreshReport::Kind>> steps = {
      {full, RefreshReport::Kind::kPatched},
      {plain, RefreshReport::Kind::kPatched},
      {moved, RefreshReport::Kind::kIncremental},
      {added, RefreshReport::Kind::kIncremental}};
  for (const auto& [o, kind] : steps) {
    PutOffer(o);
    auto r = service->Refresh();
    ASSERT_TRUE(r.ok()) << r.error().ToString();
    EXPECT_EQ(r->kind, kind) << o.id;
  }
  ASSERT_TRUE(db_->catalog().PutLocation(place).ok());
  feed_.Record(DataKind::kLocation, place.id);
  PutOffer(there);
  auto r = service->Refresh();
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_EQ(r->kind, RefreshReport::Kind::kIncremental);
  EXPECT_EQ(r->changes, 2u);

  auto rebuilt = MatchService::Open(*db_, refdata::BuiltIn());
  ASSERT_TRUE(rebuilt.ok());
  const MatchIndex& inc = service->Snapshot()->index;
  const MatchIndex& ref = (*rebuilt)->Snapshot()->index;
  EXPECT_EQ(inc.size(), data_->offers.size() + 2);
  EXPECT_EQ(inc.size(), ref.size());
  EXPECT_EQ(inc.group_count(), ref.group_count());
  for (uint32_t i = 0; i < inc.size(); ++i) ASSERT_EQ(inc.offer(i).id, ref.offer(i).id);
  const auto now = Answers(inc);
  EXPECT_EQ(now, Answers(ref));
  // The changes did change some answers (else this test could not fail).
  EXPECT_NE(now, first);
}

TEST_F(MatchServiceTest, ManyChangesOrAGapInTheFeedReadEverythingAgain) {
  MatchServiceOptions options;
  options.incremental_limit = 2;
  auto service = Open(options);
  ASSERT_NE(service, nullptr);
  for (int i = 0; i < 3; ++i) {
    domain::Offer o = data_->offers[static_cast<size_t>(i)];
    o.waiting_weeks += 1;
    PutOffer(o);
  }
  auto r = service->Refresh();
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_EQ(r->kind, RefreshReport::Kind::kFull);
  EXPECT_EQ(r->to_seq, 3);

  domain::Offer o = data_->offers[5];
  o.name = "Na het gat";
  PutOffer(o);
  feed_.Forget();
  r = service->Refresh();
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_EQ(r->kind, RefreshReport::Kind::kFull);
  auto s = service->Snapshot();
  EXPECT_EQ(s->index.offer(s->index.Find(o.id)).name, "Na het gat");
}

TEST_F(MatchServiceTest, TheRegionalMapFollowsClientChangesAndErasures) {
  auto service = Open();
  ASSERT_NE(service, nullptr);
  auto map = service->RegionMap(kRegion);
  ASSERT_TRUE(map.ok()) << map.error().ToString();
  const int64_t clients = (*map)->map.clients;
  ASSERT_GT(clients, 50);  // the seekers only: most generated clients are in care
  // Cached: the same map again.
  EXPECT_EQ(*service->RegionMap(kRegion), *map);
  EXPECT_FALSE(service->RegionMap("9999").ok());

  // The map counts the clients who look for care; take two of them.
  size_t first = 0;
  while (!domain::IsSearching(data_->clients[first].care_status)) ++first;
  size_t second = first + 1;
  while (!domain::IsSearching(data_->clients[second].care_status)) ++second;
  // An erasure (the client keeps only its id and the name "[gewist]"): the map drops it.
  const domain::Client& gone = data_->clients[first];
  domain::Client tombstone;
  tombstone.id = gone.id;
  tombstone.name = "[gewist]";
  PutClient(tombstone);
  auto r = service->Refresh();
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_EQ(r->kind, RefreshReport::Kind::kClientsOnly);
  EXPECT_EQ(r->regions_dropped, 1u);
  auto after = service->RegionMap(kRegion);
  ASSERT_TRUE(after.ok());
  EXPECT_NE(*after, *map);
  EXPECT_EQ((*after)->map.clients, clients - 1);

  // A client who moves into the region from elsewhere: the region's map is dropped
  // although it never counted that client.
  domain::Client newcomer = data_->clients[second];
  newcomer.id = "cli-test-nieuw";
  PutClient(newcomer);
  r = service->Refresh();
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->regions_dropped, 1u);
  EXPECT_EQ((*service->RegionMap(kRegion))->map.clients, clients);

  // A catalogue change drops every map (they were made on the old index).
  domain::Offer o = data_->offers[0];
  o.waiting_weeks += 3;
  PutOffer(o);
  auto before = *service->RegionMap(kRegion);
  r = service->Refresh();
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->regions_dropped, 1u);
  EXPECT_NE(*service->RegionMap(kRegion), before);
}

TEST_F(MatchServiceTest, TheAnonymousSearchFillsTheDefaults) {
  auto service = Open();
  ASSERT_NE(service, nullptr);
  Situation s;
  s.profile = "4VV";
  s.municipality_code = data_->clients[0].municipality_code;
  auto c = service->ClientFor(s);
  ASSERT_TRUE(c.ok()) << c.error().ToString();
  EXPECT_EQ(c->id, kAnonymousClientId);
  EXPECT_EQ(c->sector, domain::Sector::kVV);
  EXPECT_EQ(c->indication, domain::IndicationStatus::kNone);
  const auto* m = refdata::BuiltIn().FindMunicipality(s.municipality_code);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(c->home.lat, m->centroid.lat);
  auto found = service->Search(s);
  ASSERT_TRUE(found.ok()) << found.error().ToString();
  EXPECT_FALSE(found->result.offers.empty());
  s.municipality_code = "GM9999";
  EXPECT_FALSE(service->Search(s).ok());
}

// Readers match, search and read the map on the snapshot they hold while the index is
// refreshed under them; each answer must be consistent with its own snapshot.
TEST_F(MatchServiceTest, ReadersStayConsistentWhileTheIndexIsRefreshed) {
  auto service = Open();
  ASSERT_NE(service, nullptr);
  std::atomic<bool> done{false};
  std::atomic<int> answers{0}, wrong{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 3; ++t) {
    readers.emplace_back([&, t] {
      MatchOptions opt;
      opt.limit = 5;
      size_t i = static_cast<size_t>(t);
      while (!done) {
        const domain::Client& c = data_->clients[i++ % 50];
        auto m = service->MatchStoredClient(c.id, opt);
        if (!m.ok()) {
          ++wrong;
          continue;
        }
        const MatchIndex& ix = m->snapshot->index;
        for (const auto& o : m->result.offers)
          if (o.offer >= ix.size() || ix.offer(o.offer).id.empty()) ++wrong;
        if (t == 0) {
          auto map = service->RegionMap(kRegion);
          if (!map.ok() || (*map)->map.clients == 0) ++wrong;
        }
        ++answers;
      }
    });
  }
  for (int round = 0; round < 12; ++round) {
    domain::Offer o = data_->offers[static_cast<size_t>(round * 7)];
    o.waiting_weeks = round * 5;
    o.free_places = round % 2;
    PutOffer(o);
    if (round % 3 == 0) {
      domain::Client c = data_->clients[static_cast<size_t>(100 + round)];
      c.wishes.clear();
      PutClient(c);
    }
    auto r = service->Refresh();
    ASSERT_TRUE(r.ok()) << r.error().ToString();
  }
  // Let the readers see the last snapshot too.
  while (answers + wrong < 30) std::this_thread::yield();
  done = true;
  for (auto& t : readers) t.join();
  EXPECT_EQ(wrong, 0);
  EXPECT_EQ(service->Snapshot()->generation, 13u);
}

TEST_F(MatchServiceTest, TheWatcherRefreshesUntilStopped) {
  std::mutex mu;
  std::vector<RefreshReport> reports;
  MatchServiceOptions options;
  options.on_refresh = [&](const RefreshReport& r) {
    std::lock_guard lock(mu);
    reports.push_back(r);
  };
  auto service = Open(options);
  ASSERT_NE(service, nullptr);
  service->StartWatching(std::chrono::milliseconds(5));
  domain::Offer o = data_->offers[2];
  o.name = "Gezien door de wachter";
  PutOffer(o);
  // Liveness, not timing: wait (up to a minute) until the watcher has applied it.
  for (int i = 0; i < 6000 && service->Snapshot()->seq < 1; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  service->StopWatching();
  auto s = service->Snapshot();
  ASSERT_EQ(s->seq, 1);
  EXPECT_EQ(s->index.offer(s->index.Find(o.id)).name, o.name);
  std::lock_guard lock(mu);
  ASSERT_EQ(reports.size(), 2u);  // the first build, then the refresh
  EXPECT_EQ(reports[1].kind, RefreshReport::Kind::kPatched);
}

// The store's own feed: writes through the store are seen without being recorded by hand,
// and a pruned log (a gap) means a full read.
TEST_F(MatchServiceTest, TheStoresFeedIsFollowed) {
  auto feed = StoreChangeFeed(*db_);
  auto opened = MatchService::Open(*db_, refdata::BuiltIn(), feed.get());
  ASSERT_TRUE(opened.ok()) << opened.error().ToString();
  auto& service = *opened;
  domain::Offer o = data_->offers[4];
  o.name = "Uit het wijzigingslog";
  ASSERT_TRUE(db_->catalog().PutOffer(o).ok());
  auto r = service->Refresh();
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_EQ(r->kind, RefreshReport::Kind::kPatched);
  auto s = service->Snapshot();
  EXPECT_EQ(s->index.offer(s->index.Find(o.id)).name, o.name);

  o.free_places = 0;
  for (int i = 0; i < 3; ++i) {
    o.waiting_weeks = 10 + i;
    ASSERT_TRUE(db_->catalog().PutOffer(o).ok());
  }
  ASSERT_TRUE(db_->PruneChanges(1).ok());
  r = service->Refresh();
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_EQ(r->kind, RefreshReport::Kind::kFull);
  s = service->Snapshot();
  EXPECT_EQ(s->index.wait_weeks(s->index.Find(o.id)), 12);
}

}  // namespace
}  // namespace passend::match

namespace passend::match {
namespace {

// Issue 21: a new day can make an offer "mogelijk verouderd" without any change to the
// data; the next refresh builds the index again with the new cutoffs.
TEST_F(MatchServiceTest, OffersBecomeOutdatedWhenTheDayMovesWithoutAChange) {
  auto cutoffs = std::make_shared<domain::FreshnessCutoffs>();
  MatchServiceOptions options;
  options.freshness = [cutoffs] { return *cutoffs; };
  auto service = Open(std::move(options));
  ASSERT_NE(service, nullptr);
  const auto first = service->Snapshot();
  for (uint32_t i = 0; i < first->index.size(); ++i) ASSERT_FALSE(first->index.maybe_outdated(i));
  // Every offer was stamped by the import; a cutoff after that marks them all.
  *cutoffs = {"9999-01-01T00:00:00Z", ""};
  auto report = service->Refresh();
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  EXPECT_EQ(report->changes, 0u);
  const auto second = service->Snapshot();
  EXPECT_EQ(second->generation, first->generation + 1);
  for (uint32_t i = 0; i < second->index.size(); ++i) EXPECT_TRUE(second->index.maybe_outdated(i));
  // Nothing moved: no new snapshot.
  ASSERT_TRUE(service->Refresh().ok());
  EXPECT_EQ(service->Snapshot()->generation, second->generation);
}

}  // namespace
}  // namespace passend::match
