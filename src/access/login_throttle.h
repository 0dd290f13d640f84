#pragma once
// LoginThrottle: after `max_failures` failed logins within `window` for one account (or
// from one address), further attempts are refused until the window has passed, whether
// the password is right or not. Unknown accounts are throttled the same way, so the
// answer never tells whether an account exists. Thread-safe (state lives in the store).
#include <chrono>
#include <string>

#include "access/access_store.h"
#include "access/timestamp.h"

namespace passend::access {

struct ThrottlePolicy {
  int max_failures = 5;
  std::chrono::seconds window = std::chrono::minutes(15);
  int max_failures_per_address = 50;  // many accounts tried from one address
};

class LoginThrottle {
 public:
  LoginThrottle(AccountStore& store, Clock clock, ThrottlePolicy policy = {})
      : store_(store), clock_(std::move(clock)), policy_(policy) {}

  // kResourceExhausted (HTTP 429) while the account or the address is blocked.
  Status Check(const std::string& email, const std::string& remote_addr);
  Status Record(const std::string& email, const std::string& remote_addr, bool success);

 private:
  AccountStore& store_;
  Clock clock_;
  ThrottlePolicy policy_;
};

}  // namespace passend::access
