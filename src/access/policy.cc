#include "access/policy.h"

#include <algorithm>

#include "domain/regions.h"

namespace passend::access {

namespace {

Error LogUnavailable() {
  return Unavailable("Het toegangslog kan nu niet worden bijgewerkt; probeer het later opnieuw.");
}

}  // namespace

Status Policy::RecordDenied(const Principal& who, std::string_view permission_key,
                            const std::string& client_id) {
  const Permission* permission = FindPermission(permission_key);
  if (permission == nullptr)
    return Internal("Onbekende bevoegdheid '" + std::string(permission_key) + "'.");
  AuditEvent ev =
      EventFor(who, client_id.substr(0, 200), std::string(permission->resource),
               std::string(permission->action), "geweigerd: niet gevonden of buiten bevoegdheid");
  ev.outcome = std::string(kOutcomeDenied);
  if (!audit_.Record(ev).ok()) return LogUnavailable();
  return Ok();
}

Status Policy::RecordDeniedRegion(const Principal& who, std::string_view permission_key,
                                  const std::string& region) {
  const Permission* permission = FindPermission(permission_key);
  if (permission == nullptr)
    return Internal("Onbekende bevoegdheid '" + std::string(permission_key) + "'.");
  AuditEvent ev =
      EventFor(who, "", std::string(permission->resource), std::string(permission->action),
               "geweigerd: regio " + region.substr(0, 20) + " buiten bevoegdheid");
  ev.outcome = std::string(kOutcomeDenied);
  if (!audit_.Record(ev).ok()) return LogUnavailable();
  return Ok();
}

std::string Policy::RegionOf(const std::string& municipality_code) const {
  const domain::Municipality* m = ref_.FindMunicipality(municipality_code);
  return m ? m->zorgkantoor_code : std::string();
}

Status Policy::FillListScope(const Principal& who, const MatrixCell& cell, ListScope& list) {
  switch (cell.scope) {
    case ScopeRule::kAll: list.all = true; break;
    case ScopeRule::kOwnClient:
      list.client_ids.insert(who.client_ids.begin(), who.client_ids.end());
      break;
    case ScopeRule::kConsent: {
      if (who.organisation_id.empty()) break;
      PASSEND_ASSIGN_OR_RETURN(auto forms, consents_.ConsentsForOrganisation(who.organisation_id));
      const Time now = clock_();
      for (const auto& f : forms) {
        if (!f.IsValidAt(now)) continue;
        if (!cell.purposes.empty() &&
            std::find(cell.purposes.begin(), cell.purposes.end(), f.purpose) == cell.purposes.end())
          continue;
        list.client_ids.insert(f.client_id);
      }
      break;
    }
    case ScopeRule::kRegion:
      for (const std::string& code : domain::MunicipalitiesOf(ref_, who.region))
        list.municipalities.insert(code);
      break;
    case ScopeRule::kOwnProvider: break;
  }
  return Ok();
}

Result<Decision> Policy::Admit(const Principal& who, std::string_view permission_key,
                               const Subject& subject, const std::string& emergency_reason) {
  const Permission* permission = FindPermission(permission_key);
  if (permission == nullptr)
    return Internal("Onbekende bevoegdheid '" + std::string(permission_key) + "'.");
  Scope scope;
  if (subject.kind == SubjectKind::kClient) {
    scope.client_id = subject.id;
    scope.region = RegionOf(subject.municipality_code);
    PASSEND_ASSIGN_OR_RETURN(scope.consents, registry_.ValidGrantsFor(scope.client_id));
    scope.emergency_reason = emergency_reason;
  } else if (subject.kind == SubjectKind::kProvider) {
    scope.provider_id = subject.id;
    if (!subject.region.empty())
      scope.region = subject.region;
    else if (!subject.municipality_code.empty())
      scope.region = RegionOf(subject.municipality_code);
  } else if (subject.kind == SubjectKind::kRegion) {
    scope.region = subject.region;
  }
  Decision d;
  PASSEND_ASSIGN_OR_RETURN(d.basis, Decide(who, permission_key, scope));
  d.client_id = scope.client_id;

  if (subject.kind == SubjectKind::kNone && permission->action == "list") {
    const MatrixCell* cell = FindCell(who.role, permission_key);
    if (cell != nullptr) PASSEND_RETURN_IF_ERROR(FillListScope(who, *cell, d.list));
    if (permission->resource == "client") {
      d.list.log_shown = [this, who,
                          reason = d.basis.reason](const std::string& client_id) -> Status {
        if (!audit_.Record(EventFor(who, client_id, "client", "list", reason)).ok())
          return LogUnavailable();
        return Ok();
      };
    }
  }
  // The access log comes first: no personal data leaves without its entry.
  if (permission->about_client && !d.client_id.empty() && !permission->logged_by_use_case) {
    auto logged = audit_.Record(EventFor(who, d.client_id, std::string(permission->resource),
                                         std::string(permission->action), d.basis.reason));
    if (!logged.ok()) return LogUnavailable();
  }
  // A region's aggregate: who read which region (basis.reason "regio 5531"), no client.
  if (subject.kind == SubjectKind::kRegion) {
    auto logged = audit_.Record(EventFor(who, "", std::string(permission->resource),
                                         std::string(permission->action), d.basis.reason));
    if (!logged.ok()) return LogUnavailable();
  }
  return d;
}

}  // namespace passend::access
