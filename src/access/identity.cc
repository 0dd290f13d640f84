#include "access/identity.h"

namespace passend::access {

Identity::Identity(AccountStore& accounts, Clock clock, IdentityOptions options)
    : accounts_(accounts),
      sessions_(accounts, clock, options.sessions),
      tokens_(accounts, clock),
      users_(accounts, clock, options.hash_cost),
      throttle_(accounts, clock, options.throttle),
      registration_throttle_(accounts, clock, options.registration_throttle),
      password_login_(accounts, throttle_) {}

Result<Principal> Identity::PrincipalOf(const std::string& user_id) {
  auto user = accounts_.GetUser(user_id);
  if (!user.ok()) {
    if (user.error().code() == ErrorCode::kNotFound)
      return Unauthenticated("U bent niet ingelogd.");
    return user.error();
  }
  return users_.PrincipalFor(*user);
}

Result<Caller> Identity::FromApiToken(std::string_view secret) {
  PASSEND_ASSIGN_OR_RETURN(ApiToken token, tokens_.Resolve(secret));
  Caller c;
  PASSEND_ASSIGN_OR_RETURN(c.principal, PrincipalOf(token.user_id));
  c.principal.via_api_token = true;
  c.principal.credential = token.id;
  return c;
}

Result<Caller> Identity::FromSession(std::string_view secret,
                                     std::optional<std::string_view> csrf_token) {
  if (secret.empty()) return Unauthenticated("U bent niet ingelogd.");
  PASSEND_ASSIGN_OR_RETURN(Session session, sessions_.Resume(secret));
  if (csrf_token && !CsrfMatches(session, *csrf_token))
    return PermissionDenied(
        "Het beveiligingstoken (X-CSRF-Token) ontbreekt of klopt niet. Laad de pagina opnieuw.");
  Caller c;
  PASSEND_ASSIGN_OR_RETURN(c.principal, PrincipalOf(session.user_id));
  c.principal.session_id = session.id;
  c.principal.credential = session.id;
  c.session = std::move(session);
  return c;
}

}  // namespace passend::access
