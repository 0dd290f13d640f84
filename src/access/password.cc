#include "access/password.h"

#include <sodium.h>

#include "access/secret.h"

namespace passend::access {

namespace {
struct Limits {
  unsigned long long ops;
  size_t mem;
};
Limits LimitsFor(HashCost cost) {
  if (cost == HashCost::kTestOnly) return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}
constexpr size_t kMaxPasswordLength = 1024;
}  // namespace

Status CheckPasswordStrength(std::string_view password) {
  if (password.size() < kMinPasswordLength)
    return InvalidArgument("Het wachtwoord is te kort: gebruik minstens 12 tekens.", "password");
  if (password.size() > kMaxPasswordLength)
    return InvalidArgument("Het wachtwoord is te lang.", "password");
  return Ok();
}

Result<std::string> HashPassword(std::string_view password, HashCost cost) {
  PASSEND_RETURN_IF_ERROR(InitCrypto());
  if (password.size() > kMaxPasswordLength)
    return InvalidArgument("Het wachtwoord is te lang.", "password");
  Limits l = LimitsFor(cost);
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), l.ops, l.mem,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    return Internal("Wachtwoord versleutelen mislukt (te weinig geheugen).");
  return std::string(out);
}

bool VerifyPassword(std::string_view password, const std::string& stored) {
  if (!InitCrypto().ok() || stored.empty() || password.size() > kMaxPasswordLength) return false;
  return crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
}

bool NeedsRehash(const std::string& stored, HashCost cost) {
  if (!InitCrypto().ok()) return false;
  Limits l = LimitsFor(cost);
  return crypto_pwhash_str_needs_rehash(stored.c_str(), l.ops, l.mem) != 0;
}

}  // namespace passend::access
