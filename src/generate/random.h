#pragma once
// The generator's own pseudo-random numbers: splitmix64 for seeding and hashing, and
// xoshiro256** as the stream. Written out here (instead of <random> distributions, whose
// output differs between standard libraries) so that one seed gives the same region on
// every platform and compiler. Each record draws from its own stream, derived from
// (seed, record kind, index), so adding a field to clients does not shift the providers.
//
// Thread-safety: an Rng is a small value; use one per thread. The free functions are pure.
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace passend::generate {

// One step of splitmix64 on `state` (advances it) — the reference seeding generator.
uint64_t SplitMix64(uint64_t& state);

// A 64-bit mix of several values (splitmix64 finaliser chained); used to derive streams.
uint64_t Mix(uint64_t a, uint64_t b, uint64_t c = 0);

// xoshiro256** (Blackman and Vigna, 2018), seeded from splitmix64.
class Rng {
 public:
  explicit Rng(uint64_t seed);
  // The stream of record `index` of `kind` ("client", "offer") under `seed`.
  static Rng For(uint64_t seed, std::string_view kind, uint64_t index);

  uint64_t Next();
  double Uniform();                       // [0, 1), 53 bits
  double Uniform(double lo, double hi);   // [lo, hi)
  int UniformInt(int lo, int hi);         // [lo, hi], inclusive
  bool Bernoulli(double p);               // true with probability p
  double Normal(double mean, double sd);  // Box–Muller, one value per call
  // Index drawn in proportion to `weights` (all >= 0, sum > 0).
  size_t Weighted(std::span<const double> weights);
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[static_cast<size_t>(UniformInt(0, static_cast<int>(v.size()) - 1))];
  }
  template <typename T, size_t N>
  const T& Pick(const T (&a)[N]) {
    return a[static_cast<size_t>(UniformInt(0, static_cast<int>(N) - 1))];
  }

 private:
  uint64_t s_[4];
};

// Weights prepared once for many draws: cumulative sums and a binary search, O(log n).
class WeightedTable {
 public:
  WeightedTable() = default;
  explicit WeightedTable(std::span<const double> weights);
  size_t Draw(Rng& rng) const;
  size_t size() const { return cumulative_.size(); }
  double total() const { return cumulative_.empty() ? 0 : cumulative_.back(); }

 private:
  std::vector<double> cumulative_;
};

// A stable 64-bit hash of text (FNV-1a), for deriving streams from names.
uint64_t HashText(std::string_view s);

}  // namespace passend::generate
