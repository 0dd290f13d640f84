#include "api/access_guard.h"

#include <algorithm>

namespace passend::api {

namespace a = passend::access;

namespace {

bool StartsWith(std::string_view s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

bool ChangesState(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

// Permissions whose handler writes the access log itself.
bool HandlerLogs(std::string_view permission) { return permission == "client.erase"; }

}  // namespace

const Admission* AdmissionOf(const ApiRequest& request) {
  return static_cast<const Admission*>(request.principal);
}

bool MayList(const ApiRequest& request, const std::string& client_id,
             const std::string& municipality_code) {
  const Admission* who = AdmissionOf(request);
  if (who == nullptr) return false;
  return who->list_all || who->list_client_ids.count(client_id) > 0 ||
         who->list_municipalities.count(municipality_code) > 0;
}

Status LogListed(const ApiRequest& request, const std::string& client_id) {
  const Admission* who = AdmissionOf(request);
  if (who == nullptr || !who->log_listed) return Internal("Lijst van cliënten zonder toegangslog");
  return who->log_listed(client_id);
}

std::string CookieValue(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const size_t semi = header.find(';');
    std::string_view part = header.substr(0, semi);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    const size_t eq = part.find('=');
    if (eq != std::string_view::npos && part.substr(0, eq) == name)
      return std::string(part.substr(eq + 1));
    if (semi == std::string_view::npos) break;
    header.remove_prefix(semi + 1);
  }
  return {};
}

Status AccessGuard::Authenticate(const ApiRequest& request, Admission& who) {
  std::string user_id, session_id;
  bool via_api_token = false;
  const std::string authorization = request.Header("Authorization");
  if (StartsWith(authorization, "Bearer ")) {
    PASSEND_ASSIGN_OR_RETURN(a::ApiToken token, s_.tokens.Resolve(authorization.substr(7)));
    user_id = token.user_id;
    via_api_token = true;
  } else {
    const std::string secret = CookieValue(request.Header("Cookie"), a::kSessionCookie);
    if (secret.empty()) return Unauthenticated("U bent niet ingelogd.");
    PASSEND_ASSIGN_OR_RETURN(a::Session session, s_.sessions.Resume(secret));
    user_id = session.user_id;
    session_id = session.id;
    who.csrf_token = session.csrf_token;
    if (ChangesState(request.method) && !a::CsrfMatches(session, request.Header(a::kCsrfHeader)))
      return PermissionDenied(
          "Het beveiligingstoken (X-CSRF-Token) ontbreekt of klopt niet. Laad de pagina opnieuw.");
  }
  auto user = s_.stores.accounts.GetUser(user_id);
  if (!user.ok()) {
    if (user.error().code() == ErrorCode::kNotFound)
      return Unauthenticated("U bent niet ingelogd.");
    return user.error();
  }
  PASSEND_ASSIGN_OR_RETURN(a::Principal p, s_.users.PrincipalFor(*user));
  // The principal is assigned whole; how the caller came in is set after it, or the
  // assignment would wipe it.
  static_cast<a::Principal&>(who) = std::move(p);
  who.session_id = std::move(session_id);
  who.via_api_token = via_api_token;
  return Ok();
}

Status AccessGuard::FillListScope(const a::MatrixCell& cell, Admission& who) {
  switch (cell.scope) {
    case a::ScopeRule::kAll: who.list_all = true; break;
    case a::ScopeRule::kOwnClient:
      who.list_client_ids.insert(who.client_ids.begin(), who.client_ids.end());
      break;
    case a::ScopeRule::kConsent: {
      if (who.organisation_id.empty()) break;
      PASSEND_ASSIGN_OR_RETURN(auto forms,
                               s_.stores.consents.ConsentsForOrganisation(who.organisation_id));
      const a::Time now = s_.clock();
      for (const auto& f : forms) {
        if (!f.IsValidAt(now)) continue;
        if (!cell.purposes.empty() &&
            std::find(cell.purposes.begin(), cell.purposes.end(), f.purpose) == cell.purposes.end())
          continue;
        who.list_client_ids.insert(f.client_id);
      }
      break;
    }
    case a::ScopeRule::kRegion:
      for (const auto& m : s_.ref.municipalities())
        if (m.zorgkantoor_code == who.region) who.list_municipalities.insert(m.code);
      break;
    case a::ScopeRule::kOwnProvider: break;
  }
  return Ok();
}

Result<std::shared_ptr<const a::Principal>> AccessGuard::Admit(const Route& route,
                                                               const ApiRequest& request) {
  const a::Permission* permission = a::FindPermission(route.permission);
  if (permission == nullptr)
    return Internal("Route " + route.pattern + " noemt een onbekende bevoegdheid.");
  auto who = std::make_shared<Admission>();
  PASSEND_RETURN_IF_ERROR(Authenticate(request, *who));

  a::Scope scope;
  const auto id = request.path_params.find("id");
  if (id != request.path_params.end() && StartsWith(route.pattern, "/api/v1/clients/{id}")) {
    auto municipality = s_.db.clients().MunicipalityOf(id->second);
    if (!municipality.ok()) {
      if (municipality.error().code() == ErrorCode::kNotFound) return a::NotFoundOrHidden();
      return municipality.error();
    }
    scope.client_id = id->second;
    scope.region = s_.RegionOf(*municipality);
    PASSEND_ASSIGN_OR_RETURN(scope.consents, s_.consents.ValidGrantsFor(scope.client_id));
    scope.emergency_reason = request.Header(kEmergencyHeader);
    if (!scope.emergency_reason.empty() && scope.emergency_reason.size() < 10)
      return InvalidArgument("Geef een duidelijke reden voor noodtoegang (minstens 10 tekens).",
                             std::string(kEmergencyHeader));
  } else if (id != request.path_params.end() &&
             StartsWith(route.pattern, "/api/v1/providers/{id}")) {
    scope.provider_id = id->second;
  }
  PASSEND_ASSIGN_OR_RETURN(who->basis, a::Decide(*who, route.permission, scope));
  who->client_id = scope.client_id;

  if (scope.client_id.empty() && scope.provider_id.empty() && permission->action == "list") {
    const a::MatrixCell* cell = a::FindCell(who->role, route.permission);
    if (cell != nullptr) PASSEND_RETURN_IF_ERROR(FillListScope(*cell, *who));
    if (permission->resource == "client") {
      // Every client shown in a list is a read of personal data: one log entry each.
      who->log_listed = [this, principal = a::Principal(*who),
                         reason = who->basis.reason](const std::string& client_id) -> Status {
        auto logged = s_.audit.Record(a::EventFor(principal, client_id, "client", "list", reason));
        if (!logged.ok())
          return Unavailable(
              "Het toegangslog kan nu niet worden bijgewerkt; probeer het later opnieuw.");
        return Ok();
      };
    }
  }
  // The access log comes first: no personal data leaves without its entry.
  if (permission->about_client && !who->client_id.empty() && !HandlerLogs(route.permission)) {
    auto logged =
        s_.audit.Record(a::EventFor(*who, who->client_id, std::string(permission->resource),
                                    std::string(permission->action), who->basis.reason));
    if (!logged.ok())
      return Unavailable(
          "Het toegangslog kan nu niet worden bijgewerkt; probeer het later opnieuw.");
  }
  return std::shared_ptr<const a::Principal>(std::move(who));
}

}  // namespace passend::api
