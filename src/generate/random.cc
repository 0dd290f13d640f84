#include "generate/random.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numbers>

namespace passend::generate {
namespace {

uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

uint64_t SplitMix64(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

uint64_t Mix(uint64_t a, uint64_t b, uint64_t c) {
  uint64_t s = a;
  uint64_t h = SplitMix64(s);
  s = h ^ b;
  h = SplitMix64(s);
  s = h ^ c;
  return SplitMix64(s);
}

uint64_t HashText(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

Rng::Rng(uint64_t seed) {
  uint64_t st = seed;
  for (uint64_t& s : s_) s = SplitMix64(st);
}

Rng Rng::For(uint64_t seed, std::string_view kind, uint64_t index) {
  return Rng(Mix(seed, HashText(kind), index));
}

uint64_t Rng::Next() {
  const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
  const uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = Rotl(s_[3], 45);
  return result;
}

double Rng::Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

double Rng::Uniform(double lo, double hi) { return lo + (hi - lo) * Uniform(); }

int Rng::UniformInt(int lo, int hi) {
  assert(lo <= hi);
  const double span = static_cast<double>(static_cast<int64_t>(hi) - lo) + 1.0;
  // 53 random bits scaled: exact enough for the small ranges used here (< 2^31).
  const int64_t k = static_cast<int64_t>(Uniform() * span);
  return static_cast<int>(std::min<int64_t>(lo + k, hi));
}

bool Rng::Bernoulli(double p) { return Uniform() < p; }

double Rng::Normal(double mean, double sd) {
  // Box–Muller; 1 - U keeps the logarithm away from zero.
  const double u1 = 1.0 - Uniform();
  const double u2 = Uniform();
  return mean + sd * std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

size_t Rng::Weighted(std::span<const double> weights) {
  double total = 0;
  for (double w : weights) total += w;
  assert(total > 0);
  double x = Uniform() * total;
  for (size_t i = 0; i < weights.size(); ++i) {
    if (x < weights[i]) return i;
    x -= weights[i];
  }
  // Rounding can leave x just above the last weight: return the last non-zero one.
  for (size_t i = weights.size(); i-- > 0;)
    if (weights[i] > 0) return i;
  return 0;
}

WeightedTable::WeightedTable(std::span<const double> weights) {
  cumulative_.reserve(weights.size());
  double sum = 0;
  for (double w : weights) cumulative_.push_back(sum += std::max(0.0, w));
}

size_t WeightedTable::Draw(Rng& rng) const {
  assert(total() > 0);
  const double x = rng.Uniform() * total();
  auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), x);
  if (it == cumulative_.end()) --it;
  return static_cast<size_t>(it - cumulative_.begin());
}

}  // namespace passend::generate
