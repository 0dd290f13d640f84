#include "access/session.h"

#include "access/secret.h"

namespace passend::access {

Result<Sessions::Started> Sessions::Start(const std::string& user_id) {
  Started s;
  s.secret = NewSecret();
  const Time now = clock_();
  s.session.id = NewId("ses");
  s.session.secret_hash = Sha256Hex(s.secret);
  s.session.csrf_token = NewSecret();
  s.session.user_id = user_id;
  s.session.created_at = now;
  s.session.last_seen = now;
  s.session.expires_at = now + policy_.absolute;
  PASSEND_RETURN_IF_ERROR(store_.PutSession(s.session));
  return s;
}

Result<Session> Sessions::Resume(std::string_view secret) {
  if (secret.empty()) return Unauthenticated("U bent niet ingelogd.");
  auto found = store_.FindSession(Sha256Hex(secret));
  if (!found.ok()) {
    if (found.error().code() == ErrorCode::kNotFound)
      return Unauthenticated("U bent niet ingelogd.");
    return found.error();
  }
  Session s = std::move(found).value();
  const Time now = clock_();
  if (now >= s.expires_at || now - s.last_seen >= policy_.idle) {
    PASSEND_RETURN_IF_ERROR(store_.DeleteSession(s.id));
    return Unauthenticated("Uw sessie is verlopen. Log opnieuw in.");
  }
  // Write last_seen at most once a minute: reads stay reads.
  if (now - s.last_seen >= std::chrono::minutes(1)) {
    s.last_seen = now;
    PASSEND_RETURN_IF_ERROR(store_.PutSession(s));
  }
  return s;
}

Status Sessions::End(std::string_view secret) {
  if (secret.empty()) return Ok();
  auto found = store_.FindSession(Sha256Hex(secret));
  if (!found.ok())
    return found.error().code() == ErrorCode::kNotFound ? Ok() : Status(found.error());
  return store_.DeleteSession(found->id);
}

std::string Sessions::CookieFor(const Started& s, bool secure) const {
  std::string c =
      std::string(kSessionCookie) + "=" + s.secret +
      "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(policy_.absolute.count());
  if (secure) c += "; Secure";
  return c;
}

std::string Sessions::ClearingCookie(bool secure) {
  std::string c = std::string(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
  if (secure) c += "; Secure";
  return c;
}

bool CsrfMatches(const Session& session, std::string_view header_value) {
  return !session.csrf_token.empty() && SecretEquals(session.csrf_token, header_value);
}

}  // namespace passend::access
