#pragma once
// Password hashing with argon2id (libsodium's crypto_pwhash_str): the stored string
// carries its own salt and cost, so costs can rise later (NeedsRehash). Thread-safe.
#include <string>
#include <string_view>

#include "domain/error.h"

namespace passend::access {

// The cost of one hash. kInteractive is libsodium's OPSLIMIT/MEMLIMIT_INTERACTIVE
// (about 64 MiB); kTestOnly is the minimum, for tests that hash many passwords.
enum class HashCost { kInteractive, kTestOnly };

// At least this many characters; longer is better ("a sentence you remember").
inline constexpr size_t kMinPasswordLength = 12;

// kInvalidArgument (field "password") when too short or too long.
Status CheckPasswordStrength(std::string_view password);

// "$argon2id$v=19$m=...". kInternal when libsodium fails (out of memory).
Result<std::string> HashPassword(std::string_view password, HashCost cost = HashCost::kInteractive);

// Whether `password` matches `stored` (in constant time, by libsodium).
bool VerifyPassword(std::string_view password, const std::string& stored);

// Whether `stored` was hashed with a lower cost than `cost` asks for now.
bool NeedsRehash(const std::string& stored, HashCost cost = HashCost::kInteractive);

}  // namespace passend::access
