#pragma once
// The people and organisations that use Passend, as stored: organisations, users,
// sessions, API tokens. Plain values; copy freely between threads.
#include <optional>
#include <string>
#include <vector>

#include "access/principal.h"
#include "access/timestamp.h"

namespace passend::access {

// What kind of organisation it is; a user's role must fit it (an OCO works at an OCO
// organisation). Wire names equal the role names that fit, plus "beheer".
struct Organisation {
  std::string id;  // "org-..."
  std::string name;
  Role kind = Role::kOco;   // the role its staff have (kClient/kRepresentative: "private")
  std::string provider_id;  // kind kProvider: the catalogue provider it is
  std::string region;       // kind kZorgkantoor: the care-office region code
};

struct User {
  std::string id;     // "usr-..."
  std::string email;  // lowercase; the login name
  std::string display_name;
  Role role = Role::kClient;
  std::string organisation_id;          // empty for clients and representatives
  std::vector<std::string> client_ids;  // clients this user is or represents
  std::string password_hash;            // argon2id string; empty: no password login
  bool active = true;
  Time created_at{};
};

struct Session {
  std::string id;           // opaque public id ("ses-..."), for logs and audit
  std::string secret_hash;  // SHA-256 hex of the cookie value
  std::string csrf_token;   // synchronizer token, sent back in X-CSRF-Token
  std::string user_id;
  Time created_at{};
  Time last_seen{};
  Time expires_at{};  // absolute end, however active the session is
};

struct ApiToken {
  std::string id;  // "tok-..."
  std::string name;
  std::string secret_hash;  // SHA-256 hex of the token
  std::string user_id;      // the (system) user it acts as
  Time created_at{};
  std::optional<Time> expires_at;
  std::optional<Time> revoked_at;
};

}  // namespace passend::access
