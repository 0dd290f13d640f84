#pragma once
// Opaque, stable record ids: "prv-k3m9x2qa". The 8 characters are the record's index run
// through a keyed 40-bit Feistel permutation (key from the seed and the record kind), in
// lowercase Crockford base32. A permutation, so ids of one kind never collide; keyed, so
// ids reveal neither how many records there are nor their order.
//
// Thread-safety: pure functions.
#include <cstdint>
#include <string>
#include <string_view>

namespace passend::generate {

// `prefix` is "prv", "loc", "off" or "cli"; `index` < 2^40.
std::string MakeId(std::string_view prefix, uint64_t seed, uint64_t index);

}  // namespace passend::generate
