// Instruction counts of the matching engine on nl, for before/after comparisons that do not
// depend on the machine's load (wall time on the shared 2-core machine varies by x2).
// Run under callgrind with instrumentation off until here:
//   valgrind --tool=callgrind --instr-atstart=no build-bench/bench/match_instructions 300 2000
// The data set is generated uninstrumented; then three dumps: "build" (MatchIndex::Build),
// "single" (MatchClient, top 10 with explanations and mismatch, for the first n clients of
// match_bench's sample of 2000) and "country" (the mismatch map of the first m clients, one
// thread). Each callgrind.out.<pid>.<n> says its instructions in its "summary:" line. The
// checksum over the answers (offers, mismatch items, map counts) must not change.
#include <valgrind/callgrind.h>

#include <cstdio>
#include <cstdlib>
#include <span>

#include "generate/generator.h"
#include "match/match.h"
#include "refdata/refdata.h"

int main(int argc, char** argv) {
  using namespace passend;
  const size_t n_single = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 300;
  const size_t n_country = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 2000;
  generate::GenerateOptions opt;
  opt.region = generate::RegionPreset::kNl;
  opt.seed = 42;
  auto data = generate::Generate(opt, refdata::BuiltIn());
  if (!data.ok() || data->clients.size() < 2000 || n_country > data->clients.size()) return 1;
  CALLGRIND_START_INSTRUMENTATION;
  CALLGRIND_ZERO_STATS;
  auto ix =
      match::MatchIndex::Build(data->providers, data->locations, data->offers, refdata::BuiltIn());
  CALLGRIND_DUMP_STATS_AT("build");
  if (!ix.ok()) return 1;
  unsigned long long sum = 0;
  const size_t step = data->clients.size() / 2000;
  for (size_t i = 0, n = 0; n < n_single; i += step, ++n) {
    auto r = match::MatchClient(*ix, data->clients[i]);
    if (!r.ok()) continue;
    for (const auto& o : r->offers) sum = sum * 1000003 + o.offer;
    for (const auto& m : r->mismatch.items)
      sum = sum * 1000003 + m.key.size() + m.reachable_unknown * 7 + m.reachable_yes;
  }
  CALLGRIND_DUMP_STATS_AT("single");
  match::MismatchMapBuilder b(*ix, 1);
  b.Add(std::span(data->clients).subspan(0, n_country));
  CALLGRIND_DUMP_STATS_AT("country");
  CALLGRIND_STOP_INSTRUMENTATION;
  const auto& m = b.map();
  for (const auto& [k, v] : m.per_wish) sum = sum * 1000003 + v + k.size();
  for (const auto& [k, v] : m.not_stated) sum = sum * 1000003 + v;
  for (const auto& [k, v] : m.offers_not_stating) sum = sum * 1000003 + v.size();
  std::printf("checksum %llx, clients %lld with mismatch %lld\n", sum,
              static_cast<long long>(m.clients), static_cast<long long>(m.clients_with_mismatch));
  return 0;
}
