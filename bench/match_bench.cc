// Matching on the whole country (the generator's nl data set, in memory). Every figure is
// printed with its baseline measured in the same run: per-client latency of the pruned
// search against scoring every offer (and exactness on a validation sample), the same
// ranking as one SQL query on the same data in SQLite (sql_baseline.h), arrangements
// against enumerating every combination, the whole-country mismatch map on 2 threads,
// index and peak memory. Then Google Benchmark runs. BENCH_SECTIONS (comma list of
// single, validate, arrangements, country, sql; default all) picks the figures;
// BENCH_COUNTRY_N=<n> runs the country figure on the first n clients only, with the search
// counters per client (for profiling).
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "bench/sql_baseline.h"
#include "generate/generator.h"
#include "match/match.h"
#include "refdata/refdata.h"

namespace {

using namespace passend;
using Clock = std::chrono::steady_clock;

domain::Dataset* g_data = nullptr;
match::MatchIndex* g_index = nullptr;

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

long PeakRssMb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6) / 1024;
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024;
}

double CpuSeconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
         (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

struct Quantiles {
  double median, p90, p99, mean;
};
Quantiles Measure(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  double sum = 0;
  for (double x : v) sum += x;
  return {v[v.size() / 2], v[v.size() * 9 / 10], v[v.size() * 99 / 100], sum / v.size()};
}

// Every `step`-th client: a fixed, spread sample.
std::vector<const domain::Client*> Sample(size_t n) {
  std::vector<const domain::Client*> s;
  const size_t step = std::max<size_t>(1, g_data->clients.size() / n);
  for (size_t i = 0; i < g_data->clients.size() && s.size() < n; i += step)
    s.push_back(&g_data->clients[i]);
  return s;
}

Quantiles TimeClients(const std::vector<const domain::Client*>& sample,
                      const match::MatchOptions& opt, match::SearchStats* stats) {
  std::vector<double> ms;
  for (const domain::Client* c : sample) {
    const auto t0 = Clock::now();
    auto r = match::MatchClient(*g_index, *c, opt);
    ms.push_back(Ms(Clock::now() - t0));
    if (!r.ok()) continue;
    stats->groups_bounded += r->stats.groups_bounded;
    stats->offers_scored += r->stats.offers_scored;
    benchmark::DoNotOptimize(r);
  }
  return Measure(ms);
}

bool Section(const char* name) {
  const char* env = std::getenv("BENCH_SECTIONS");
  if (env == nullptr || *env == 0) return true;
  const std::string list = "," + std::string(env) + ",";
  return list.find("," + std::string(name) + ",") != std::string::npos;
}

// Arrangements against enumerating every combination. On nl that is ~10^8 combinations per
// client, so the enumeration is measured on the zuid-limburg data set (same generator),
// where it also checks that both give the same best 10.
void ArrangementBaseline() {
  generate::GenerateOptions opt;
  opt.region = generate::RegionPreset::kZuidLimburg;
  opt.seed = 42;
  auto data = generate::Generate(opt, refdata::BuiltIn());
  if (!data.ok()) return;
  auto ix =
      match::MatchIndex::Build(data->providers, data->locations, data->offers, refdata::BuiltIn());
  if (!ix.ok()) return;
  std::vector<double> fast_ms, slow_ms;
  int same = 0, n = 0;
  int64_t combos = 0;
  for (size_t i = 0; i < data->clients.size() && n < 30; i += 7) {
    const domain::Client& c = data->clients[i];
    if (c.seeking.size() < 2) continue;
    auto q = match::MakeQuery(*ix, c);
    if (!q.ok() || match::ArrangementShapes(*q).empty()) continue;
    ++n;
    auto t0 = Clock::now();
    const auto fast = match::TopArrangements(*q, 10);
    fast_ms.push_back(Ms(Clock::now() - t0));
    t0 = Clock::now();
    const auto slow = match::TopArrangementsExhaustive(*q, 10);
    slow_ms.push_back(Ms(Clock::now() - t0));
    bool eq = fast.size() == slow.size();
    for (size_t j = 0; eq && j < fast.size(); ++j)
      eq = fast[j].offers == slow[j].offers && fast[j].assessment.score == slow[j].assessment.score;
    same += eq;
    for (const auto& shape : match::ArrangementShapes(*q)) {
      int64_t m = 1;
      for (domain::OfferKind k : shape)
        m *= ix->group(ix->root(k)).end - ix->group(ix->root(k)).begin;
      combos += m;
    }
  }
  if (n == 0) return;
  const Quantiles f = Measure(fast_ms), e = Measure(slow_ms);
  std::printf(
      "arrangements zuid-limburg (%zu offers, %d clients seeking 2+ kinds): branch and bound "
      "median %.3f ms, enumeration of all %.0f combinations median %.1f ms -> x%.0f; "
      "same best 10 for %d of %d\n",
      data->offers.size(), n, f.median, double(combos) / n, e.median, e.median / f.median, same, n);
  const double ns_per_combo = e.mean * 1e6 / (double(combos) / n);
  std::printf("  (enumeration costs %.0f ns per combination)\n", ns_per_combo);
}

// The same ranking as one SQL query on the same data in SQLite (sql_baseline.h).
void SqlFigures() {
  const std::string path = "/tmp/passend_match_bench_" + std::to_string(getpid()) + ".db";
  std::vector<domain::Client> clients;
  for (const domain::Client* c : Sample(40)) clients.push_back(*c);
  const auto t0 = Clock::now();
  if (auto st = bench::WriteBaselineDb(path, *g_data, clients, refdata::BuiltIn()); !st.ok()) {
    std::printf("sql: %s\n", st.error().ToString().c_str());
    return;
  }
  std::printf("sql: wrote the nl catalogue and %zu clients to SQLite in %.1f s\n", clients.size(),
              Ms(Clock::now() - t0) / 1000);
  auto sql = bench::SqlRanking::Open(path, g_index->weights());
  if (!sql.ok()) {
    std::printf("sql: %s\n", sql.error().ToString().c_str());
    return;
  }
  std::vector<double> engine_ms, sql_ms;
  int same = 0;
  for (const domain::Client& c : clients) {
    auto t1 = Clock::now();
    auto q = match::MakeQuery(*g_index, c);
    if (!q.ok()) continue;
    const auto top = match::TopOffers(*q, 10);
    engine_ms.push_back(Ms(Clock::now() - t1));
    t1 = Clock::now();
    auto ids = (*sql)->Top(c.id, 10);
    sql_ms.push_back(Ms(Clock::now() - t1));
    if (!ids.ok()) {
      std::printf("sql: %s\n", ids.error().ToString().c_str());
      break;
    }
    bool eq = ids->size() == top.size();
    for (size_t i = 0; eq && i < top.size(); ++i) eq = (*ids)[i] == g_index->offer(top[i].offer).id;
    if (!eq && same + 3 > static_cast<int>(sql_ms.size()))
      std::printf("  sql differs for %s: engine %s, sql %s\n", c.id.c_str(),
                  top.empty() ? "-" : g_index->offer(top[0].offer).id.c_str(),
                  ids->empty() ? "-" : (*ids)[0].c_str());
    same += eq;
  }
  std::remove(path.c_str());
  if (sql_ms.empty()) return;
  const Quantiles e = Measure(engine_ms), s = Measure(sql_ms);
  std::printf(
      "ranking top 10 (no explanations), %zu clients: engine median %.3f ms, one SQL query "
      "(SQLite %s) median %.1f ms -> engine x%.0f faster; same top 10 for %d of %zu\n",
      sql_ms.size(), e.median, sqlite3_libversion(), s.median, s.median / e.median, same,
      sql_ms.size());
}

void Figures() {
  std::printf("== Figures (nl, seed 42) ==\n");
  std::printf("offers %zu, clients %zu, index groups %u\n", g_data->offers.size(),
              g_data->clients.size(), g_index->group_count());
  std::printf("index memory (estimate) %.1f MB\n", g_index->MemoryBytes() / 1e6);

  match::MatchOptions fast;
  match::MatchOptions slow;
  slow.exhaustive = true;
  if (Section("single")) {
    // 1. One client, top 10 with explanations and mismatch.
    const auto sample = Sample(2000);
    match::SearchStats fs, ss;
    const Quantiles qf = TimeClients(sample, fast, &fs);
    const auto small = Sample(300);
    const Quantiles qs = TimeClients(small, slow, &ss);
    std::printf(
        "match top10+explain+mismatch: median %.3f ms, p90 %.3f, p99 %.3f, mean %.3f "
        "(pruned; %.0f offers scored per client)\n",
        qf.median, qf.p90, qf.p99, qf.mean, double(fs.offers_scored) / sample.size());
    std::printf(
        "match exhaustive reference:   median %.3f ms, p90 %.3f  -> speed-up x%.1f (median)\n",
        qs.median, qs.p90, qs.median / qf.median);
  }
  if (Section("validate")) {
    // 2. Exactness on a validation sample.
    int same = 0, checked = 0;
    for (const domain::Client* c : Sample(500)) {
      auto a = match::MatchClient(*g_index, *c, fast);
      auto b = match::MatchClient(*g_index, *c, slow);
      if (!a.ok() || !b.ok()) continue;
      ++checked;
      bool eq = a->offers.size() == b->offers.size() &&
                a->mismatch.items.size() == b->mismatch.items.size();
      for (size_t i = 0; eq && i < a->offers.size(); ++i)
        eq = a->offers[i].offer == b->offers[i].offer &&
             a->offers[i].assessment.score == b->offers[i].assessment.score;
      for (size_t i = 0; eq && i < a->mismatch.items.size(); ++i)
        eq = a->mismatch.items[i].key == b->mismatch.items[i].key &&
             (a->mismatch.items[i].nearest.has_value() == b->mismatch.items[i].nearest.has_value());
      same += eq;
    }
    std::printf("validation: fast == exhaustive (top 10 and mismatch) for %d of %d clients\n", same,
                checked);
  }
  if (Section("arrangements")) {
    // 3. Arrangements.
    match::MatchOptions arr;
    arr.limit = 1, arr.explain = false, arr.mismatch = false, arr.arrangements = 10;
    std::vector<const domain::Client*> multi;
    for (const domain::Client* c : Sample(4000))
      if (c->seeking.size() >= 2 && multi.size() < 300) multi.push_back(c);
    if (!multi.empty()) {
      match::SearchStats as;
      const Quantiles qa = TimeClients(multi, arr, &as);
      std::printf(
          "arrangements best 10 (%zu clients seeking 2+ kinds): median %.3f ms, p90 %.3f, "
          "p99 %.3f (%.0f combinations scored per client)\n",
          multi.size(), qa.median, qa.p90, qa.p99, double(as.offers_scored) / multi.size());
    }

    ArrangementBaseline();
  }
  if (Section("sql")) SqlFigures();
  if (Section("country")) {
    if (std::getenv("BENCH_COUNTRY_N")) {
      match::SearchStats st;
      size_t n = 0, kinds = 0;
      for (const domain::Client* c : Sample(5000)) {
        auto q = match::MakeQuery(*g_index, *c);
        if (!q.ok()) continue;
        ++n;
        kinds += q->kinds.size();
        match::TopOffers(*q, 1, &st);
      }
      std::printf(
          "k=1: %zu clients, %.2f kinds, %.1f groups bounded, %.1f offers scored per client\n", n,
          double(kinds) / n, double(st.groups_bounded) / n, double(st.offers_scored) / n);
    }
    // 4. Whole country: best option and mismatch for every client, 2 threads.
    for (int threads : {2, 1}) {
      const double cpu0 = CpuSeconds();
      const auto t0 = Clock::now();
      match::MismatchMapBuilder b(*g_index, threads);
      const size_t batch = 8192;
      const size_t n_clients = std::getenv("BENCH_COUNTRY_N")
                                   ? std::strtoul(std::getenv("BENCH_COUNTRY_N"), nullptr, 10)
                                   : g_data->clients.size();
      for (size_t i = 0; i < n_clients; i += batch)
        b.Add(std::span(g_data->clients).subspan(i, std::min(batch, n_clients - i)));
      const double s = Ms(Clock::now() - t0) / 1000;
      const double cpu = CpuSeconds() - cpu0;
      std::printf(
          "whole country, %d thread(s): %lld clients in %.2f s wall, %.2f s cpu "
          "(%.1f us cpu/client); %lld with mismatch, %zu distinct wishes, %zu free texts\n",
          threads, static_cast<long long>(b.map().clients), s, cpu, cpu * 1e6 / b.map().clients,
          static_cast<long long>(b.map().clients_with_mismatch), b.map().per_wish.size(),
          b.map().free_texts.size());
    }
  }
  std::printf("peak memory (VmHWM, whole process incl. the data set) %ld MB\n", PeakRssMb());
}

void BM_MatchTop10(benchmark::State& state) {
  const auto sample = Sample(1000);
  size_t i = 0;
  for (auto _ : state) {
    auto r = match::MatchClient(*g_index, *sample[i++ % sample.size()]);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_MatchTop10);

void BM_MatchTop10Exhaustive(benchmark::State& state) {
  const auto sample = Sample(1000);
  match::MatchOptions opt;
  opt.exhaustive = true;
  size_t i = 0;
  for (auto _ : state) {
    auto r = match::MatchClient(*g_index, *sample[i++ % sample.size()], opt);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_MatchTop10Exhaustive);

void BM_BestOnly(benchmark::State& state) {
  const auto sample = Sample(1000);
  size_t i = 0;
  for (auto _ : state) {
    auto q = match::MakeQuery(*g_index, *sample[i++ % sample.size()]);
    auto m = match::FindMismatch(*q, match::FindBests(*q), false);
    benchmark::DoNotOptimize(m);
  }
}
BENCHMARK(BM_BestOnly);

}  // namespace

int main(int argc, char** argv) {
  const auto t0 = Clock::now();
  generate::GenerateOptions opt;
  opt.region = generate::RegionPreset::kNl;
  opt.seed = 42;
  auto data = generate::Generate(opt, refdata::BuiltIn());
  if (!data.ok()) {
    std::fprintf(stderr, "generate: %s\n", data.error().ToString().c_str());
    return 1;
  }
  g_data = new domain::Dataset(std::move(data).value());
  std::printf("generated nl in %.1f s\n", Ms(Clock::now() - t0) / 1000);
  const auto t1 = Clock::now();
  auto ix = match::MatchIndex::Build(g_data->providers, g_data->locations, g_data->offers,
                                     refdata::BuiltIn());
  if (!ix.ok()) {
    std::fprintf(stderr, "index: %s\n", ix.error().ToString().c_str());
    return 1;
  }
  g_index = new match::MatchIndex(std::move(ix).value());
  std::printf("index built in %.2f s\n", Ms(Clock::now() - t1) / 1000);
  Figures();
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  return 0;
}
