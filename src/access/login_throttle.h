#pragma once
// LoginThrottle: slows down guessing passwords, per account and per address separately.
//
// Account: the first `max_failures` wrong passwords cost nothing; after that each further
// attempt waits, `first_delay` after the last failure and twice as long for every further
// failure (1, 2, 4, 8 minutes, never more than `window`). An attacker on one account is
// slowed down; its owner waits minutes, not a quarter, and a right password clears the
// count. Address: `max_failures_per_address` failures within `window` from one address
// (many accounts tried) block that address for the window. Failures older than `window`
// are forgotten. Unknown accounts are throttled the same way, so the answer never tells
// whether an account exists.
//
// Begin and Finish bracket one attempt: Begin checks and counts the attempt as a failure
// until Finish records how it went, under one lock, so parallel attempts cannot get past
// the limits (the check and the count are one step). Thread-safe; the counts live in the
// store, the attempts in flight in this object (one per server process).
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "access/access_store.h"
#include "access/timestamp.h"

namespace passend::access {

struct ThrottlePolicy {
  int max_failures = 5;
  std::chrono::seconds window = std::chrono::minutes(15);
  std::chrono::seconds first_delay = std::chrono::minutes(1);
  int max_failures_per_address = 50;  // many accounts tried from one address
  // Another throttle on the same store keeps its counts apart under its own prefix.
  std::string key_prefix;
  // Every attempt counts, a success too (a registration: many accounts made from one
  // address are the abuse); a success then clears nothing.
  bool count_successes = false;
};

// The self-service registration (POST /api/v1/registraties): per address at most 10
// accounts made or tried within an hour; per e-mail address 3 tries, then waiting as at
// login. Counted apart from the logins.
inline ThrottlePolicy RegistrationThrottlePolicy() {
  ThrottlePolicy p;
  p.max_failures = 3;
  p.window = std::chrono::hours(1);
  p.max_failures_per_address = 10;
  p.key_prefix = "registratie:";
  p.count_successes = true;
  return p;
}

class LoginThrottle {
 public:
  LoginThrottle(AccountStore& store, Clock clock, ThrottlePolicy policy = {})
      : store_(store), clock_(std::move(clock)), policy_(policy) {}

  // Admits one attempt: kResourceExhausted (HTTP 429) while the account or the address
  // must wait. When admitted, call Finish once with the outcome.
  Status Begin(const std::string& email, const std::string& remote_addr);
  Status Finish(const std::string& email, const std::string& remote_addr, bool success);
  // How long a refused attempt should wait at most before trying again (Retry-After).
  std::chrono::seconds RetryAfter(const std::string& email, const std::string& remote_addr);

  // The check and the record of Begin and Finish on their own (no attempt in flight).
  Status Check(const std::string& email, const std::string& remote_addr);
  Status Record(const std::string& email, const std::string& remote_addr, bool success);

 private:
  struct Wait {
    std::chrono::seconds account{0}, address{0};  // 0: may try now
  };
  Result<Wait> WaitFor(const std::string& email, const std::string& remote_addr);
  std::string AccountKey(const std::string& email) const;
  std::string AddressKey(const std::string& remote_addr) const;
  std::chrono::seconds AccountDelay(int failures) const;

  AccountStore& store_;
  Clock clock_;
  ThrottlePolicy policy_;
  std::mutex mu_;
  std::map<std::string, int> in_flight_;  // attempts begun and not finished, per key
};

}  // namespace passend::access
