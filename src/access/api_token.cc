#include "access/api_token.h"

#include "access/secret.h"

namespace passend::access {

Result<ApiTokens::Issued> ApiTokens::Issue(const std::string& user_id, const std::string& name,
                                           std::optional<Time> expires_at) {
  if (name.empty() || name.size() > 100)
    return InvalidArgument("Geef de sleutel een naam (hoogstens 100 tekens).", "name");
  const Time now = clock_();
  if (!expires_at)
    return InvalidArgument("Geef een einddatum (hoogstens " +
                               std::to_string(kMaxApiTokenLifetime.count()) + " dagen vooruit).",
                           "expires_at");
  if (*expires_at <= now)
    return InvalidArgument("De einddatum ligt niet in de toekomst.", "expires_at");
  if (*expires_at > now + kMaxApiTokenLifetime)
    return InvalidArgument("Een API-sleutel werkt hoogstens " +
                               std::to_string(kMaxApiTokenLifetime.count()) + " dagen.",
                           "expires_at");
  PASSEND_ASSIGN_OR_RETURN(User user, store_.GetUser(user_id));
  Issued out;
  out.secret = "pst_" + NewSecret();
  out.token.id = NewId("tok");
  out.token.name = name;
  out.token.secret_hash = Sha256Hex(out.secret);
  out.token.user_id = user.id;
  out.token.created_at = now;
  out.token.expires_at = expires_at;
  PASSEND_RETURN_IF_ERROR(store_.PutApiToken(out.token));
  return out;
}

Result<ApiToken> ApiTokens::Resolve(std::string_view secret) {
  if (secret.empty()) return Unauthenticated("Geen geldige API-sleutel.");
  auto found = store_.FindApiToken(Sha256Hex(secret));
  if (!found.ok()) {
    if (found.error().code() == ErrorCode::kNotFound)
      return Unauthenticated("Geen geldige API-sleutel.");
    return found.error();
  }
  const Time now = clock_();
  if (found->revoked_at && *found->revoked_at <= now)
    return Unauthenticated("Deze API-sleutel is ingetrokken.");
  const Time expires = found->expires_at.value_or(found->created_at + kMaxApiTokenLifetime);
  if (expires <= now) return Unauthenticated("Deze API-sleutel is verlopen.");
  return found;
}

Status ApiTokens::Revoke(const std::string& token_id) {
  PASSEND_ASSIGN_OR_RETURN(std::vector<ApiToken> all, store_.ListApiTokens());
  for (auto& t : all) {
    if (t.id != token_id) continue;
    if (!t.revoked_at) t.revoked_at = clock_();
    return store_.PutApiToken(t);
  }
  return NotFound("API-sleutel " + token_id + " bestaat niet.", "id");
}

}  // namespace passend::access
