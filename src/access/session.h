#pragma once
// Sessions: server-side login sessions for the web UI. The browser holds only the random
// secret (cookie `passend_session`, HttpOnly, SameSite=Strict); the store keeps its
// SHA-256. A session ends after `idle` without requests or `absolute` after login,
// whichever comes first. Each session has its own CSRF token (synchronizer pattern):
// every state-changing request must send it in the X-CSRF-Token header.
// Thread-safe (state lives in the store).
#include <chrono>
#include <string>
#include <string_view>

#include "access/access_store.h"
#include "access/timestamp.h"

namespace passend::access {

inline constexpr std::string_view kSessionCookie = "passend_session";
inline constexpr std::string_view kCsrfHeader = "X-CSRF-Token";

struct SessionPolicy {
  std::chrono::seconds idle = std::chrono::hours(8);
  std::chrono::seconds absolute = std::chrono::hours(12);
};

class Sessions {
 public:
  Sessions(AccountStore& store, Clock clock, SessionPolicy policy = {})
      : store_(store), clock_(std::move(clock)), policy_(policy) {}

  struct Started {
    Session session;
    std::string secret;  // the cookie value; shown once, never stored
  };
  Result<Started> Start(const std::string& user_id);
  // The live session for a cookie value, with last_seen moved on. kUnauthenticated when
  // unknown, idle too long or past its absolute end (an ended session is deleted).
  Result<Session> Resume(std::string_view secret);
  // Logs out; ok when the session is already gone.
  Status End(std::string_view secret);

  // The Set-Cookie value for a new session, and the one that clears it.
  std::string CookieFor(const Started& s, bool secure) const;
  static std::string ClearingCookie(bool secure);

 private:
  AccountStore& store_;
  Clock clock_;
  SessionPolicy policy_;
};

// Whether `header_value` is the session's CSRF token (constant-time compare).
bool CsrfMatches(const Session& session, std::string_view header_value);

}  // namespace passend::access
