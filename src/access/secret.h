#pragma once
// Secrets for sessions, CSRF and API tokens: 32 random bytes from libsodium, written as
// base64url; the database keeps only their SHA-256 digest, so a copy of the database
// cannot be used to take over a session. Thread-safe.
#include <string>
#include <string_view>

#include "domain/error.h"

namespace passend::access {

// Initialises libsodium once (idempotent, thread-safe). kInternal when it cannot.
Status InitCrypto();

// 32 random bytes as base64url without padding (43 characters).
std::string NewSecret();

// A shorter random id for records ("usr-", "cns-" plus 16 base32-like characters).
std::string NewId(std::string_view prefix);

// Lowercase hex of SHA-256(`data`).
std::string Sha256Hex(std::string_view data);

// Lowercase hex of HMAC-SHA-256(`key`, `data`) (any key length).
std::string HmacSha256Hex(std::string_view key, std::string_view data);

// Compares two strings in constant time for equal lengths.
bool SecretEquals(std::string_view a, std::string_view b);

}  // namespace passend::access
