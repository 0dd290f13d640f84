#include "access/user_directory.h"

#include "access/authenticator.h"
#include "access/secret.h"

namespace passend::access {

namespace {
bool NeedsOrganisation(Role r) { return r != Role::kClient && r != Role::kRepresentative; }

bool PlausibleEmail(const std::string& e) {
  const auto at = e.find('@');
  return at != std::string::npos && at > 0 && at + 1 < e.size() && e.size() <= 254 &&
         e.find(' ') == std::string::npos && e.find('@', at + 1) == std::string::npos;
}
}  // namespace

Result<Organisation> UserDirectory::AddOrganisation(Organisation o) {
  if (o.name.empty()) return InvalidArgument("Geef de organisatie een naam.", "name");
  if (!NeedsOrganisation(o.kind))
    return InvalidArgument("Cliënten en vertegenwoordigers horen niet bij een organisatie.",
                           "kind");
  if (o.kind == Role::kProvider && o.provider_id.empty())
    return InvalidArgument("Een zorgaanbieder-organisatie hoort bij een aanbieder.", "provider_id");
  if (o.kind == Role::kZorgkantoor && o.region.empty())
    return InvalidArgument("Een zorgkantoor hoort bij een regio.", "region");
  if (o.id.empty()) o.id = NewId("org");
  PASSEND_RETURN_IF_ERROR(store_.PutOrganisation(o));
  return o;
}

Status UserDirectory::Check(const NewUser& in) {
  PASSEND_RETURN_IF_ERROR(Validated(in));
  return Ok();
}

Result<User> UserDirectory::Validated(const NewUser& in) {
  User u;
  u.email = NormaliseEmail(in.email);
  if (!PlausibleEmail(u.email)) return InvalidArgument("Dit is geen geldig e-mailadres.", "email");
  if (in.display_name.empty() || in.display_name.size() > 200)
    return InvalidArgument("Vul een naam in (hoogstens 200 tekens).", "name");
  if (NeedsOrganisation(in.role)) {
    if (in.organisation_id.empty())
      return InvalidArgument("Deze rol hoort bij een organisatie.", "organisation");
    auto org = store_.GetOrganisation(in.organisation_id);
    if (!org.ok()) {
      if (org.error().code() == ErrorCode::kNotFound)
        return InvalidArgument("Organisatie " + in.organisation_id + " bestaat niet.",
                               "organisation");
      return org.error();
    }
    if (org->kind != in.role)
      return InvalidArgument(
          "De rol past niet bij het soort organisatie (" + std::string(ToString(org->kind)) + ").",
          "role");
    if (!in.client_ids.empty())
      return InvalidArgument("Alleen cliënten en vertegenwoordigers zijn aan cliënten gekoppeld.",
                             "client_ids");
  } else {
    if (!in.organisation_id.empty())
      return InvalidArgument("Cliënten en vertegenwoordigers horen niet bij een organisatie.",
                             "organisation");
    // Without a client yet the account writes its own dossier next (POST /api/v1/clients
    // links the new client to it).
    if (in.role == Role::kClient && in.client_ids.size() > 1)
      return InvalidArgument("Een cliënt is aan hoogstens één cliëntrecord gekoppeld.",
                             "client_ids");
  }
  if (!in.password.empty()) PASSEND_RETURN_IF_ERROR(CheckPasswordStrength(in.password));
  u.display_name = in.display_name;
  u.role = in.role;
  u.organisation_id = in.organisation_id;
  u.client_ids = in.client_ids;
  return u;
}

Result<User> UserDirectory::Prepare(const NewUser& in) {
  PASSEND_ASSIGN_OR_RETURN(User u, Validated(in));
  if (!in.password.empty()) {
    PASSEND_ASSIGN_OR_RETURN(u.password_hash, HashPassword(in.password, cost_));
  }
  u.id = NewId("usr");
  u.created_at = clock_();
  return u;
}

Result<User> UserDirectory::Add(const NewUser& in) {
  PASSEND_ASSIGN_OR_RETURN(User u, Prepare(in));
  auto existing = store_.FindUserByEmail(u.email);
  if (existing.ok()) return EmailTaken();
  if (existing.error().code() != ErrorCode::kNotFound) return existing.error();
  PASSEND_RETURN_IF_ERROR(store_.PutUser(u));
  return u;
}

Error EmailTaken() { return AlreadyExists("Er is al een gebruiker met dit e-mailadres.", "email"); }

Status UserDirectory::SetActive(const std::string& user_id, bool active) {
  PASSEND_ASSIGN_OR_RETURN(User u, store_.GetUser(user_id));
  u.active = active;
  PASSEND_RETURN_IF_ERROR(store_.PutUser(u));
  // After the change, so no session started with the old state survives it.
  return active ? Ok() : EndAccess(user_id);
}

Status UserDirectory::SetPassword(const std::string& user_id, const std::string& password,
                                  const std::string& keep_session_id) {
  PASSEND_RETURN_IF_ERROR(CheckPasswordStrength(password));
  PASSEND_ASSIGN_OR_RETURN(User u, store_.GetUser(user_id));
  PASSEND_ASSIGN_OR_RETURN(u.password_hash, HashPassword(password, cost_));
  PASSEND_RETURN_IF_ERROR(store_.PutUser(u));
  return EndAccess(user_id, keep_session_id);
}

Status UserDirectory::EndAccess(const std::string& user_id, const std::string& keep_session_id) {
  PASSEND_RETURN_IF_ERROR(store_.DeleteSessionsOfUser(user_id, keep_session_id));
  PASSEND_ASSIGN_OR_RETURN(std::vector<ApiToken> tokens, store_.ListApiTokens());
  const Time now = clock_();
  for (ApiToken& t : tokens) {
    if (t.user_id != user_id || t.revoked_at) continue;
    t.revoked_at = now;
    PASSEND_RETURN_IF_ERROR(store_.PutApiToken(t));
  }
  return Ok();
}

Result<Principal> UserDirectory::PrincipalFor(const User& user) {
  if (!user.active) return Unauthenticated("Dit account is geblokkeerd.");
  Principal p;
  p.user_id = user.id;
  p.display_name = user.display_name;
  p.role = user.role;
  p.organisation_id = user.organisation_id;
  p.client_ids = user.client_ids;
  if (!user.organisation_id.empty()) {
    PASSEND_ASSIGN_OR_RETURN(Organisation org, store_.GetOrganisation(user.organisation_id));
    p.provider_id = org.provider_id;
    p.region = org.region;
  }
  return p;
}

}  // namespace passend::access
