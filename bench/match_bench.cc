// Matching on the whole country (the generator's nl data set, in memory): per-client
// latency of the pruned search against scoring every offer, exactness on a validation
// sample, the whole-country mismatch map on 2 threads, arrangements, index memory.
// Figures are printed first (medians over many clients), then Google Benchmark runs.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

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

void Figures() {
  std::printf("== Figures (nl, seed 42) ==\n");
  std::printf("offers %zu, clients %zu, index groups %u\n", g_data->offers.size(),
              g_data->clients.size(), g_index->group_count());
  std::printf("index memory (estimate) %.1f MB\n", g_index->MemoryBytes() / 1e6);

  // 1. One client, top 10 with explanations and mismatch.
  const auto sample = Sample(2000);
  match::MatchOptions fast;
  match::MatchOptions slow;
  slow.exhaustive = true;
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

  // 4. Whole country: best option and mismatch for every client, 2 threads.
  for (int threads : {2, 1}) {
    const auto t0 = Clock::now();
    match::MismatchMapBuilder b(*g_index, threads);
    const size_t batch = 8192;
    for (size_t i = 0; i < g_data->clients.size(); i += batch)
      b.Add(std::span(g_data->clients).subspan(i, std::min(batch, g_data->clients.size() - i)));
    const double s = Ms(Clock::now() - t0) / 1000;
    std::printf(
        "whole country, %d thread(s): %lld clients in %.2f s (%.1f us/client); "
        "%lld with mismatch, %zu distinct wishes, %zu free texts\n",
        threads, static_cast<long long>(b.map().clients), s, s * 1e6 / b.map().clients,
        static_cast<long long>(b.map().clients_with_mismatch), b.map().per_wish.size(),
        b.map().free_texts.size());
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
    auto top = match::TopOffers(*q, 1);
    auto m =
        match::FindMismatch(*q, top.empty() ? std::nullopt : std::optional(top[0].offer), false);
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
