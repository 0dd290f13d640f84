// The match index following the data, on the whole country (the generator's nl data set,
// catalogue in a SQLite file): what a refresh costs, full and incremental, and how long a
// committed change takes to show in the service's snapshot, with the index build from
// memory as the baseline in the same run. The writes go through the store in this process;
// the service learns of them the way it learns of another process's: from the database's
// change feed, polled by the watcher every 250 ms (as `passend serve` does).
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "catalog/catalog_service.h"
#include "generate/generator.h"
#include "interop/native_json.h"
#include "match/match_service.h"
#include "match/store_change_feed.h"
#include "refdata/refdata.h"
#include "store/open_database.h"

namespace {

using namespace passend;
using Clock = std::chrono::steady_clock;
constexpr auto kInterval = std::chrono::milliseconds(250);
constexpr const char* kRegion = "5531";  // Zuid-Limburg: the whole-region import

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

struct Stats {
  double median = 0, max = 0;
  size_t n = 0;
};
Stats Of(std::vector<double> v) {
  Stats s;
  if (v.empty()) return s;
  std::sort(v.begin(), v.end());
  s.median = v[v.size() / 2];
  s.max = v.back();
  s.n = v.size();
  return s;
}

// Reports of the service's refreshes, as they come.
struct Reports {
  std::mutex mu;
  std::vector<match::RefreshReport> all;
  match::RefreshReport Last() {
    std::lock_guard lock(mu);
    return all.back();
  }
};

// Waits until `visible()` holds; the time since `t0`.
template <typename F>
double VisibleAfter(Clock::time_point t0, F visible) {
  while (!visible()) std::this_thread::sleep_for(std::chrono::microseconds(500));
  return Ms(Clock::now() - t0);
}

int Run() {
  const auto t0 = Clock::now();
  generate::GenerateOptions opt;
  opt.region = generate::RegionPreset::kNl;
  opt.seed = 42;
  auto data = generate::Generate(opt, refdata::BuiltIn());
  if (!data.ok()) {
    std::fprintf(stderr, "generate: %s\n", data.error().ToString().c_str());
    return 1;
  }
  std::printf("generated nl in %.1f s\n", Ms(Clock::now() - t0) / 1000);
  const std::string path = "/tmp/passend_refresh_bench_" + std::to_string(getpid()) + ".db";
  auto opened = store::OpenDatabase(path);
  if (!opened.ok()) return 1;
  std::unique_ptr<store::Database> db = std::move(*opened);
  {
    const auto t1 = Clock::now();
    domain::Dataset catalogue{data->providers, data->locations, data->offers, {}};
    if (auto st = catalog::CatalogService(*db, refdata::BuiltIn()).Import(catalogue); !st.ok()) {
      std::fprintf(stderr, "write: %s\n", st.error().ToString().c_str());
      return 1;
    }
    std::printf("wrote the nl catalogue (%zu offers) to SQLite in %.1f s\n", data->offers.size(),
                Ms(Clock::now() - t1) / 1000);
  }
  std::printf("== Refresh figures (nl, seed 42) ==\n");

  // Baseline: the index built from the catalogue in memory.
  std::vector<double> build;
  for (int i = 0; i < 5; ++i) {
    const auto t1 = Clock::now();
    auto ix = match::MatchIndex::Build(data->providers, data->locations, data->offers,
                                       refdata::BuiltIn());
    build.push_back(Ms(Clock::now() - t1));
  }
  const Stats b = Of(build);
  std::printf("index build from memory (baseline): median %.1f ms, max %.1f (%zu runs)\n", b.median,
              b.max, b.n);

  // Full: read the whole catalogue from SQLite and build (what opening the service does,
  // and a refresh after a large import or a gap in the feed).
  auto feed = match::StoreChangeFeed(*db);
  Reports reports;
  match::MatchServiceOptions options;
  options.on_refresh = [&](const match::RefreshReport& r) {
    std::lock_guard lock(reports.mu);
    reports.all.push_back(r);
  };
  std::vector<double> full;
  std::unique_ptr<match::MatchService> service;
  for (int i = 0; i < 3; ++i) {
    service.reset();
    auto s = match::MatchService::Open(*db, refdata::BuiltIn(), feed.get(), options);
    if (!s.ok()) {
      std::fprintf(stderr, "open: %s\n", s.error().ToString().c_str());
      return 1;
    }
    service = std::move(*s);
    full.push_back(reports.Last().ms);
  }
  const Stats f = Of(full);
  std::printf(
      "full refresh (read the catalogue from SQLite + build): median %.1f ms, max %.1f (%zu "
      "runs) = x%.1f the build\n",
      f.median, f.max, f.n, f.median / b.median);

  // One offer changed and read back. A new wait keeps the offer in its place: the snapshot
  // is patched (MatchIndex::Patched). Another location moves it: the index is built again
  // from the kept copy of the catalogue.
  auto one_offer = [&](int runs, match::RefreshReport::Kind expected, auto change,
                       size_t& other_kind) -> std::optional<Stats> {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
      domain::Offer o = data->offers[static_cast<size_t>(i) * 997 % data->offers.size()];
      change(o, i);
      if (!db->catalog().PutOffer(o).ok()) return std::nullopt;
      auto r = service->Refresh();
      if (!r.ok()) return std::nullopt;
      if (r->kind != expected) ++other_kind;
      ms.push_back(r->ms);
    }
    return Of(ms);
  };
  size_t not_patched = 0, not_incremental = 0;
  const auto pa = one_offer(
      20, match::RefreshReport::Kind::kPatched,
      [](domain::Offer& o, int i) { o.waiting_weeks = 3 + i; }, not_patched);
  const auto in = one_offer(
      10, match::RefreshReport::Kind::kIncremental,
      [&](domain::Offer& o, int i) {
        const domain::Location& elsewhere =
            data->locations[static_cast<size_t>(i) * 7919 % data->locations.size()];
        o.location_id = elsewhere.id, o.provider_id = elsewhere.provider_id;
      },
      not_incremental);
  if (!pa || !in) return 1;
  std::printf(
      "patched refresh, one offer's wait: median %.1f ms, max %.1f (%zu runs, %zu not patched) "
      "= x%.2f the build\n",
      pa->median, pa->max, pa->n, not_patched, pa->median / b.median);
  std::printf(
      "incremental refresh, one offer moved (rebuilt from the kept copy): median %.1f ms, max "
      "%.1f (%zu runs, %zu not incremental) = x%.2f the build, x%.2f the full refresh\n",
      in->median, in->max, in->n, not_incremental, in->median / b.median, in->median / f.median);

  // Commit to visible, with the watcher polling every 250 ms.
  service->StartWatching(kInterval);
  std::vector<double> visible;
  for (int i = 0; i < 20; ++i) {
    domain::Offer o = data->offers[static_cast<size_t>(i) * 1009 % data->offers.size()];
    o.name = "Zichtbaar " + std::to_string(i);
    if (!db->catalog().PutOffer(o).ok()) return 1;
    const auto committed = Clock::now();
    visible.push_back(VisibleAfter(committed, [&] {
      auto s = service->Snapshot();
      return s->index.offer(s->index.Find(o.id)).name == o.name;
    }));
    // Start the next change at another point of the watcher's cycle.
    std::this_thread::sleep_for(std::chrono::milliseconds(37 * (i % 7)));
  }
  const Stats v = Of(visible);
  std::printf(
      "commit to visible, one offer (watcher every %lld ms): median %.0f ms, max %.0f ms (%zu "
      "changes)\n",
      static_cast<long long>(kInterval.count()), v.median, v.max, v.n);

  // A whole region imported (as `passend import` does: validated, one transaction): every
  // provider, location and offer located in the region, with other waiting times.
  std::set<std::string> municipalities, locations, providers;
  for (const auto& m : refdata::BuiltIn().municipalities())
    if (m.zorgkantoor_code == kRegion) municipalities.insert(m.code);
  domain::Dataset region;
  for (const auto& l : data->locations)
    if (municipalities.contains(l.municipality_code)) {
      region.locations.push_back(l);
      locations.insert(l.id);
      providers.insert(l.provider_id);
    }
  for (const auto& p : data->providers)
    if (providers.contains(p.id)) region.providers.push_back(p);
  for (auto o : data->offers)
    if (locations.contains(o.location_id)) {
      o.waiting_weeks += 2;
      o.name = "Regio " + o.name;
      region.offers.push_back(o);
    }
  std::ostringstream doc;
  {
    interop::NativeWriter w(doc);
    for (const auto& p : region.providers) w.Add(p);
    for (const auto& l : region.locations) w.Add(l);
    for (const auto& o : region.offers) w.Add(o);
    w.Finish();
  }
  const domain::Offer& probe = region.offers.back();
  const auto import0 = Clock::now();
  auto parsed = interop::ParseNativeDocument(doc.str());
  if (!parsed.ok()) {
    std::fprintf(stderr, "parse: %s\n", parsed.error().ToString().c_str());
    return 1;
  }
  auto imported = catalog::CatalogService(*db, refdata::BuiltIn()).Import(std::move(*parsed));
  if (!imported.ok()) {
    std::fprintf(stderr, "import: %s\n", imported.error().ToString().c_str());
    return 1;
  }
  const auto committed = Clock::now();
  const double seen = VisibleAfter(committed, [&] {
    auto s = service->Snapshot();
    return s->index.offer(s->index.Find(probe.id)).name == probe.name;
  });
  service->StopWatching();
  const match::RefreshReport last = reports.Last();
  std::printf(
      "whole-region import (%s: %zu providers, %zu locations, %zu offers): import %.0f ms, "
      "commit to visible %.0f ms (refresh: %s, %.0f ms)\n",
      kRegion, region.providers.size(), region.locations.size(), region.offers.size(),
      Ms(committed - import0), seen, match::ToString(last.kind), last.ms);
  service.reset();
  db.reset();
  std::filesystem::remove(path);
  std::filesystem::remove(path + "-wal");
  std::filesystem::remove(path + "-shm");
  return 0;
}

}  // namespace

int main() { return Run(); }
