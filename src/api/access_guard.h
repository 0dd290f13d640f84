#pragma once
// AccessGuard: the Guard of the API (api/route.h). For every non-public route it
//  1. authenticates through access/'s identity: the session cookie `passend_session`
//     (server-side session), or `Authorization: Bearer <api token>` for system-to-system
//     use -> else 401;
//  2. checks CSRF on POST/PUT/PATCH/DELETE made with a session cookie: the header
//     X-CSRF-Token must carry the session's token -> else 403;
//  3. resolves the subject the route declares (route.subject): for a client, whether it
//     exists and where it lives (through intake/); for an offer, its provider and where it
//     is (through catalog/); an unknown client or offer answers 404 exactly like one
//     outside the caller's scope; an optional X-Emergency-Reason header is read;
//  4. hands principal, permission and subject to access/'s policy, which decides from the
//     permission matrix, the region and the consents and writes the access log (NEN 7513)
//     before the handler runs; the guard itself has no rule of its own.
// List handlers filter their items with MayList and log each shown client with LogListed.
// Safe for concurrent use.
#include <memory>
#include <string>
#include <string_view>

#include "access/access_service.h"
#include "api/route.h"
#include "catalog/catalog_service.h"
#include "intake/intake_service.h"

namespace passend::api {

// The header that states a reason for emergency access ("noodtoegang").
inline constexpr std::string_view kEmergencyHeader = "X-Emergency-Reason";

// For list handlers: whether a client may appear in the list answered to `request`.
bool MayList(const ApiRequest& request, const std::string& client_id,
             const std::string& municipality_code);
// For list handlers: logs (NEN 7513) that one client's data is shown in the list; a
// handler shows a client only when this succeeded.
Status LogListed(const ApiRequest& request, const std::string& client_id);

// The value of one cookie in a Cookie header ("" when absent).
std::string CookieValue(std::string_view cookie_header, std::string_view name);

class AccessGuard : public Guard {
 public:
  AccessGuard(access::AccessService& access, intake::IntakeService& intake,
              catalog::CatalogService& catalog)
      : access_(access), intake_(intake), catalog_(catalog) {}
  Result<std::shared_ptr<const Admission>> Admit(const Route& route,
                                                 const ApiRequest& request) override;

 private:
  Result<access::Caller> Authenticate(const ApiRequest& request);
  Result<access::Subject> SubjectOf(const Route& route, const ApiRequest& request);

  access::AccessService& access_;
  intake::IntakeService& intake_;
  catalog::CatalogService& catalog_;
};

}  // namespace passend::api
