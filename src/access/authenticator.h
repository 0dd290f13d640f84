#pragma once
// Authenticator: how a person proves who they are at login. Password login today;
// an OpenID Connect login (DigiD for clients, eHerkenning for organisations) can be added
// as another implementation without touching sessions, the guard or the routes: each
// turns a LoginRequest into a known, active User. Implementations are thread-safe.
#include <map>
#include <string>

#include "access/access_store.h"
#include "access/login_throttle.h"
#include "access/timestamp.h"

namespace passend::access {

struct LoginRequest {
  std::string email;                          // password login
  std::string password;                       // password login
  std::map<std::string, std::string> fields;  // other methods (OIDC: "code", "state")
  std::string remote_addr;
};

class Authenticator {
 public:
  virtual ~Authenticator() = default;
  // The user; kUnauthenticated with one message for every kind of failure (unknown
  // account, wrong password, blocked account), kResourceExhausted when throttled.
  virtual Result<User> Authenticate(const LoginRequest& request) = 0;
};

// E-mail and password, checked against the argon2id hash, behind the login throttle.
class PasswordAuthenticator : public Authenticator {
 public:
  PasswordAuthenticator(AccountStore& store, LoginThrottle& throttle)
      : store_(store), throttle_(throttle) {}
  Result<User> Authenticate(const LoginRequest& request) override;

 private:
  AccountStore& store_;
  LoginThrottle& throttle_;
};

// Lowercase, trimmed: the one form of an e-mail address the store keys on.
std::string NormaliseEmail(std::string_view email);

}  // namespace passend::access
