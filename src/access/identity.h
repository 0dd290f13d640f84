#pragma once
// Identity, the first part of the access layer: who is calling. Resolves a session cookie
// or an API token to the Principal the policy decides for, logs in with a password
// (throttled), and manages users, organisations, sessions and API tokens. The parts it
// joins stay in their own files: session.h, api_token.h, authenticator.h (password
// login), login_throttle.h, user_directory.h. Safe for concurrent use (state lives in the
// store).
#include <optional>
#include <string>
#include <string_view>

#include "access/access_store.h"
#include "access/api_token.h"
#include "access/authenticator.h"
#include "access/login_throttle.h"
#include "access/password.h"
#include "access/principal.h"
#include "access/session.h"
#include "access/timestamp.h"
#include "access/user_directory.h"

namespace passend::access {

struct IdentityOptions {
  HashCost hash_cost = HashCost::kInteractive;
  SessionPolicy sessions;
  ThrottlePolicy throttle;
  ThrottlePolicy registration_throttle = RegistrationThrottlePolicy();
};

// Who a request comes from, and the session it came with (none for an API token).
struct Caller {
  Principal principal;
  std::optional<Session> session;
};

class Identity {
 public:
  Identity(AccountStore& accounts, Clock clock, IdentityOptions options = {});

  // From the secret of `Authorization: Bearer <secret>`. kUnauthenticated for an unknown,
  // expired or revoked token, or its user gone or blocked.
  Result<Caller> FromApiToken(std::string_view secret);
  // From the value of the session cookie (kSessionCookie). kUnauthenticated for no,
  // an unknown or an expired session, or its user gone or blocked. `csrf_token`: for a
  // request that changes state, the X-CSRF-Token it carried, which must be the session's
  // (kPermissionDenied otherwise); nullopt for reads.
  Result<Caller> FromSession(std::string_view secret,
                             std::optional<std::string_view> csrf_token = std::nullopt);

  AccountStore& accounts() { return accounts_; }
  Sessions& sessions() { return sessions_; }
  ApiTokens& tokens() { return tokens_; }
  UserDirectory& users() { return users_; }
  PasswordAuthenticator& password_login() { return password_login_; }
  LoginThrottle& throttle() { return throttle_; }
  // Self-service registrations, counted apart from logins (RegistrationThrottlePolicy).
  LoginThrottle& registration_throttle() { return registration_throttle_; }

 private:
  Result<Principal> PrincipalOf(const std::string& user_id);

  AccountStore& accounts_;
  Sessions sessions_;
  ApiTokens tokens_;
  UserDirectory users_;
  LoginThrottle throttle_;
  LoginThrottle registration_throttle_;
  PasswordAuthenticator password_login_;
};

}  // namespace passend::access
