#pragma once
// ApiTokens: named, revocable bearer tokens for system-to-system use
// (`Authorization: Bearer <token>`). A token acts as one user (usually a system user
// with a narrow role); only its SHA-256 is stored, the secret is shown once.
// Thread-safe (state lives in the store).
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "access/access_store.h"
#include "access/timestamp.h"

namespace passend::access {

// Every token expires: at most this long after it is issued. A token stored without an
// expiry (made before expiry was required) counts as expiring this long after creation.
inline constexpr std::chrono::days kMaxApiTokenLifetime{365};

class ApiTokens {
 public:
  ApiTokens(AccountStore& store, Clock clock) : store_(store), clock_(std::move(clock)) {}

  struct Issued {
    ApiToken token;
    std::string secret;  // "pst_" + 43 characters; shown once
  };
  // kInvalidArgument for an empty name, and (field "expires_at") for a missing expiry,
  // one not in the future or one beyond kMaxApiTokenLifetime; kNotFound for an unknown user.
  Result<Issued> Issue(const std::string& user_id, const std::string& name,
                       std::optional<Time> expires_at);
  // The live token for a secret; kUnauthenticated when unknown, revoked or expired.
  Result<ApiToken> Resolve(std::string_view secret);
  Status Revoke(const std::string& token_id);
  Result<std::vector<ApiToken>> List() { return store_.ListApiTokens(); }

 private:
  AccountStore& store_;
  Clock clock_;
};

}  // namespace passend::access
