#include "access/login_throttle.h"

#include <algorithm>

namespace passend::access {
namespace {

Error Refused() {
  return ResourceExhausted(
      "Te vaak een verkeerd wachtwoord. Wacht even en probeer het dan opnieuw.");
}

std::string AccountKeyOf(const ThrottlePolicy& policy, const std::string& email) {
  return policy.key_prefix + "account:" + email;
}

}  // namespace

std::vector<std::string> AccountThrottleKeys(const std::string& email) {
  return {AccountKeyOf(ThrottlePolicy{}, email), AccountKeyOf(RegistrationThrottlePolicy(), email)};
}

std::string LoginThrottle::AccountKey(const std::string& email) const {
  return AccountKeyOf(policy_, email);
}
std::string LoginThrottle::AddressKey(const std::string& remote_addr) const {
  return policy_.key_prefix + "ip:" + remote_addr;
}

std::chrono::seconds LoginThrottle::AccountDelay(int failures) const {
  if (failures < policy_.max_failures) return std::chrono::seconds(0);
  std::chrono::seconds delay = policy_.first_delay;
  for (int i = policy_.max_failures; i < failures && delay < policy_.window; ++i) delay *= 2;
  return std::min(delay, policy_.window);
}

Result<LoginThrottle::Wait> LoginThrottle::WaitFor(const std::string& email,
                                                   const std::string& remote_addr) {
  const Time now = clock_();
  Wait wait;
  const std::string account = AccountKey(email);
  const int account_flight = in_flight_.count(account) ? in_flight_[account] : 0;
  PASSEND_ASSIGN_OR_RETURN(int failures, store_.CountRecentFailures(account, now - policy_.window));
  failures += account_flight;
  if (const auto delay = AccountDelay(failures); delay.count() > 0) {
    // Blocked while the last failure (an attempt in flight counts as one now) is recent.
    PASSEND_ASSIGN_OR_RETURN(int recent, store_.CountRecentFailures(account, now - delay));
    if (recent + account_flight > 0) wait.account = delay;
  }
  if (!remote_addr.empty()) {
    const std::string address = AddressKey(remote_addr);
    PASSEND_ASSIGN_OR_RETURN(int from_address,
                             store_.CountRecentFailures(address, now - policy_.window));
    from_address += in_flight_.count(address) ? in_flight_[address] : 0;
    if (from_address >= policy_.max_failures_per_address) wait.address = policy_.window;
  }
  return wait;
}

Status LoginThrottle::Check(const std::string& email, const std::string& remote_addr) {
  std::lock_guard lock(mu_);
  PASSEND_ASSIGN_OR_RETURN(Wait wait, WaitFor(email, remote_addr));
  if (wait.account.count() > 0 || wait.address.count() > 0) return Refused();
  return Ok();
}

Status LoginThrottle::Begin(const std::string& email, const std::string& remote_addr) {
  std::lock_guard lock(mu_);
  PASSEND_ASSIGN_OR_RETURN(Wait wait, WaitFor(email, remote_addr));
  if (wait.account.count() > 0 || wait.address.count() > 0) return Refused();
  ++in_flight_[AccountKey(email)];
  if (!remote_addr.empty()) ++in_flight_[AddressKey(remote_addr)];
  return Ok();
}

Status LoginThrottle::Finish(const std::string& email, const std::string& remote_addr,
                             bool success) {
  std::lock_guard lock(mu_);
  // Recorded before the attempt leaves the count, so no other attempt sees neither.
  Status recorded = Record(email, remote_addr, success);
  for (const std::string& key :
       {AccountKey(email), remote_addr.empty() ? std::string() : AddressKey(remote_addr)}) {
    auto it = in_flight_.find(key);
    if (it != in_flight_.end() && --it->second <= 0) in_flight_.erase(it);
  }
  return recorded;
}

std::chrono::seconds LoginThrottle::RetryAfter(const std::string& email,
                                               const std::string& remote_addr) {
  std::lock_guard lock(mu_);
  auto wait = WaitFor(email, remote_addr);
  if (!wait.ok()) return policy_.first_delay;
  return std::max({wait->account, wait->address, std::chrono::seconds(1)});
}

Status LoginThrottle::Record(const std::string& email, const std::string& remote_addr,
                             bool success) {
  if (policy_.count_successes) success = false;
  const Time now = clock_();
  PASSEND_RETURN_IF_ERROR(store_.RecordLoginAttempt(AccountKey(email), now, success));
  // A success from an address does not clear the failures of other accounts tried there.
  if (!remote_addr.empty() && !success)
    PASSEND_RETURN_IF_ERROR(store_.RecordLoginAttempt(AddressKey(remote_addr), now, false));
  return Ok();
}

}  // namespace passend::access
