#include "generate/ids.h"

#include <cassert>

#include "generate/random.h"

namespace passend::generate {
namespace {

constexpr char kBase32[] = "0123456789abcdefghjkmnpqrstvwxyz";  // Crockford, no i l o u
constexpr int kHalfBits = 20;
constexpr uint64_t kHalfMask = (uint64_t{1} << kHalfBits) - 1;
constexpr int kRounds = 6;  // enough rounds for a keyed permutation that looks random

uint64_t Permute40(uint64_t x, uint64_t key) {
  uint64_t left = (x >> kHalfBits) & kHalfMask;
  uint64_t right = x & kHalfMask;
  for (int r = 0; r < kRounds; ++r) {
    const uint64_t f = Mix(key, static_cast<uint64_t>(r), right) & kHalfMask;
    const uint64_t next_right = left ^ f;
    left = right;
    right = next_right;
  }
  return (left << kHalfBits) | right;
}

}  // namespace

std::string MakeId(std::string_view prefix, uint64_t seed, uint64_t index) {
  assert(index < (uint64_t{1} << (2 * kHalfBits)));
  const uint64_t key = Mix(seed, HashText(prefix), 0x1d5);
  const uint64_t v = Permute40(index, key);
  std::string id(prefix);
  id += '-';
  for (int shift = 35; shift >= 0; shift -= 5) id += kBase32[(v >> shift) & 31];
  return id;
}

}  // namespace passend::generate
