#include "access/login_throttle.h"

namespace passend::access {

Status LoginThrottle::Check(const std::string& email, const std::string& remote_addr) {
  const Time since = clock_() - policy_.window;
  PASSEND_ASSIGN_OR_RETURN(int account_failures,
                           store_.CountRecentFailures("account:" + email, since));
  int address_failures = 0;
  if (!remote_addr.empty()) {
    PASSEND_ASSIGN_OR_RETURN(address_failures,
                             store_.CountRecentFailures("ip:" + remote_addr, since));
  }
  if (account_failures >= policy_.max_failures ||
      address_failures >= policy_.max_failures_per_address)
    return ResourceExhausted(
        "Te vaak een verkeerd wachtwoord. Wacht een kwartier en probeer het dan opnieuw.");
  return Ok();
}

Status LoginThrottle::Record(const std::string& email, const std::string& remote_addr,
                             bool success) {
  const Time now = clock_();
  PASSEND_RETURN_IF_ERROR(store_.RecordLoginAttempt("account:" + email, now, success));
  // A success from an address does not clear the failures of other accounts tried there.
  if (!remote_addr.empty() && !success)
    PASSEND_RETURN_IF_ERROR(store_.RecordLoginAttempt("ip:" + remote_addr, now, false));
  return Ok();
}

}  // namespace passend::access
