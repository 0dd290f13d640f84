#pragma once
// AccessGuard: the Guard of the API (api/route.h). For every non-public route it
//  1. authenticates: the session cookie `passend_session` (server-side session), or
//     `Authorization: Bearer <api token>` for system-to-system use -> else 401;
//  2. checks CSRF on POST/PUT/PATCH/DELETE made with a session cookie: the header
//     X-CSRF-Token must carry the session's token -> else 403;
//  3. authorises route.permission against the permission matrix (access/permissions.h)
//     for the record the route is about: a client for /api/v1/clients/{id}/..., a provider
//     for /api/v1/providers/{id}/...; outside scope answers 404 exactly like a record that
//     does not exist; an optional X-Emergency-Reason header opens read cells marked for
//     emergencies and is logged;
//  4. writes the access log (NEN 7513) before the handler runs, for every permission on a
//     client's personal data, and refuses (503) when the log cannot be written.
// List handlers filter their items with MayList. Safe for concurrent use.
#include <functional>
#include <memory>
#include <set>
#include <string>

#include "access/permissions.h"
#include "access/principal.h"
#include "api/access_services.h"
#include "api/route.h"

namespace passend::api {

// The header that states a reason for emergency access ("noodtoegang").
inline constexpr std::string_view kEmergencyHeader = "X-Emergency-Reason";

// What the guard admitted: the principal, plus what this request is about.
struct Admission : access::Principal {
  std::string client_id;  // the client of a /clients/{id}/... route
  access::AccessBasis basis;
  std::string csrf_token;  // session logins: to hand back to the UI
  // List routes: which clients may appear.
  bool list_all = false;
  std::set<std::string> list_client_ids;
  std::set<std::string> list_municipalities;
  // List routes about clients: writes the access-log entry for one client shown.
  std::function<Status(const std::string& client_id)> log_listed;
};

// The admission of a guarded request (the guard made every principal it hands out).
const Admission* AdmissionOf(const ApiRequest& request);

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
  explicit AccessGuard(AccessServices& services) : s_(services) {}
  Result<std::shared_ptr<const access::Principal>> Admit(const Route& route,
                                                         const ApiRequest& request) override;

 private:
  Status Authenticate(const ApiRequest& request, Admission& who);
  Status FillListScope(const access::MatrixCell& cell, Admission& who);
  AccessServices& s_;
};

}  // namespace passend::api
