#pragma once
// Signing a user in: the answer of POST /api/v1/auth/login, and of the self-service
// registration that logs the new account in the same way (access_routes.cc).
#include <nlohmann/json.hpp>

#include "access/access_service.h"
#include "api/route.h"

namespace passend::api {

struct SignedIn {
  ApiResponse response;  // 200, MeJson with the CSRF token, the session cookie, no-store
  access::Principal principal;
};

// Starts a session for `user` (active; kUnauthenticated when blocked).
Result<SignedIn> SignIn(access::AccessService& access, const access::User& user);
// Who is signed in, as /auth/me answers it; `csrf_token` empty for an API token.
nlohmann::json MeJson(const access::Principal& who, const std::string& csrf_token);
nlohmann::json MeSchema();

}  // namespace passend::api
