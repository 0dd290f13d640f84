#include "api/access_guard.h"

namespace passend::api {

namespace a = passend::access;

namespace {

bool StartsWith(std::string_view s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

bool ChangesState(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

}  // namespace

bool MayList(const ApiRequest& request, const std::string& client_id,
             const std::string& municipality_code) {
  if (request.admission == nullptr) return false;
  return request.admission->decision.list.May(client_id, municipality_code);
}

Status LogListed(const ApiRequest& request, const std::string& client_id) {
  if (request.admission == nullptr || !request.admission->decision.list.log_shown)
    return Internal("Lijst van cliënten zonder toegangslog");
  return request.admission->decision.list.log_shown(client_id);
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

Result<a::Caller> AccessGuard::Authenticate(const ApiRequest& request) {
  const std::string authorization = request.Header("Authorization");
  if (StartsWith(authorization, "Bearer "))
    return access_.identity.FromApiToken(std::string_view(authorization).substr(7));
  const std::string csrf = request.Header(a::kCsrfHeader);
  return access_.identity.FromSession(
      CookieValue(request.Header("Cookie"), a::kSessionCookie),
      ChangesState(request.method) ? std::optional<std::string_view>(csrf) : std::nullopt);
}

Result<a::Subject> AccessGuard::SubjectOf(const Route& route, const ApiRequest& request) {
  using Kind = RouteSubject::Kind;
  a::Subject subject;
  if (route.subject.kind == Kind::kNone) return subject;
  if (route.subject.kind == Kind::kRegion) {
    const std::string* region = request.Query(route.subject.param);
    if (region == nullptr || region->empty())
      return InvalidArgument("Geef een zorgkantoorregio: ?" + route.subject.param + "=5531",
                             route.subject.param);
    subject.kind = a::SubjectKind::kRegion;
    subject.region = *region;
    return subject;
  }
  if (route.subject.kind == Kind::kUndeclared)
    return Internal("Route " + route.pattern + " zegt niet waarover zij gaat.");
  const auto id = request.path_params.find(route.subject.param);
  if (id == request.path_params.end())
    return Internal("Route " + route.pattern + " mist de parameter " + route.subject.param + ".");
  subject.id = id->second;
  if (route.subject.kind == Kind::kProvider) {
    subject.kind = a::SubjectKind::kProvider;
    return subject;
  }
  if (route.subject.kind == Kind::kOffer) {
    auto offer = catalog_.GetOffer(subject.id);
    if (!offer.ok()) {
      if (offer.error().code() == ErrorCode::kNotFound) return a::NotFoundOrHidden();
      return offer.error();
    }
    auto location = catalog_.GetLocation(offer->location_id);
    if (!location.ok()) return location.error();
    subject.kind = a::SubjectKind::kProvider;
    subject.id = offer->provider_id;
    subject.municipality_code = location->municipality_code;
    if (!route.subject.region_param.empty()) {
      const auto region = request.path_params.find(route.subject.region_param);
      if (region == request.path_params.end())
        return Internal("Route " + route.pattern + " mist de parameter " +
                        route.subject.region_param + ".");
      subject.region = region->second;
    }
    return subject;
  }
  subject.kind = a::SubjectKind::kClient;
  auto municipality = intake_.MunicipalityOf(subject.id);
  if (!municipality.ok()) {
    if (municipality.error().code() == ErrorCode::kNotFound) return a::NotFoundOrHidden();
    return municipality.error();
  }
  subject.municipality_code = std::move(*municipality);
  return subject;
}

Result<std::shared_ptr<const Admission>> AccessGuard::Admit(const Route& route,
                                                            const ApiRequest& request) {
  if (a::FindPermission(route.permission) == nullptr)
    return Internal("Route " + route.pattern + " noemt een onbekende bevoegdheid.");
  PASSEND_ASSIGN_OR_RETURN(a::Caller caller, Authenticate(request));
  caller.principal.source = request.remote_addr;
  // The emergency reason is checked before the client is looked up, so that its answer
  // never tells whether the client exists (issue 23.9).
  std::string emergency_reason;
  if (route.subject.kind == RouteSubject::Kind::kClient) {
    emergency_reason = request.Header(kEmergencyHeader);
    if (!emergency_reason.empty() && emergency_reason.size() < 10)
      return InvalidArgument("Geef een duidelijke reden voor noodtoegang (minstens 10 tekens).",
                             std::string(kEmergencyHeader));
  }
  // A refused attempt about a client (404, whether hidden or missing) is logged too, with
  // the address and session or token it came from (issue 23.16).
  auto denied = [&](const Error& e) -> Error {
    // A refused read of a region's aggregate too (403), with the region named (issue 23.2).
    if (route.subject.kind == RouteSubject::Kind::kRegion &&
        e.code() == ErrorCode::kPermissionDenied) {
      const std::string* region = request.Query(route.subject.param);
      Status logged = access_.policy.RecordDeniedRegion(caller.principal, route.permission,
                                                        region ? *region : "");
      return logged.ok() ? e : logged.error();
    }
    if (route.subject.kind != RouteSubject::Kind::kClient || e.code() != ErrorCode::kNotFound)
      return e;
    const auto id = request.path_params.find(route.subject.param);
    if (id == request.path_params.end()) return e;
    Status logged = access_.policy.RecordDenied(caller.principal, route.permission, id->second);
    return logged.ok() ? e : logged.error();
  };
  auto subject = SubjectOf(route, request);
  if (!subject.ok()) return denied(subject.error());
  auto admission = std::make_shared<Admission>();
  auto decision =
      access_.policy.Admit(caller.principal, route.permission, *subject, emergency_reason);
  if (!decision.ok()) return denied(decision.error());
  admission->decision = std::move(*decision);
  admission->principal = std::move(caller.principal);
  if (caller.session) admission->csrf_token = caller.session->csrf_token;
  return std::shared_ptr<const Admission>(std::move(admission));
}

}  // namespace passend::api
