#pragma once
// Route, Router and Guard: the one way to add an HTTP endpoint to Passend.
//
// A module's routes file (catalog_routes.cc, client_routes.cc, ...) builds Route values and
// adds them to a Router. A Route documents itself (summary, tag, parameters, schemas), so
// /api/v1/openapi.json is generated from the Router and never drifts from the code.
//
//   Route r = MakeRoute("PATCH", "/api/v1/offers/{id}", "catalog.update",
//                       [&catalog](const ApiRequest& req) -> Result<ApiResponse> {
//                         PASSEND_ASSIGN_OR_RETURN(json body, req.JsonBody());
//                         PASSEND_ASSIGN_OR_RETURN(catalog::OfferPatch p,
//                         OfferPatchFromJson(body));
//                         ...
//                         return JsonResponse(OfferJson(catalog, o));
//                       });
//   r.summary_nl = "Aanbod bijwerken";
//   r.tag = "aanbod";
//   r.subject = AboutOffer();  // a guarded route says what it concerns (below)
//   r.params = {PathParam("id", "Het id van het aanbod")};
//   router.Add(std::move(r));
//
// (Route and ApiResponse are plain aggregates; GCC 12 warns under -Wextra about designated
// initializers that leave members out, hence MakeRoute and JsonResponse.)
//
// A handler translates and calls a module; it returns an Error for expected failures and
// the server (api/server.h) renders it as RFC 9457 problem+json via the one table in
// api/problem.h. A handler that throws gets a 500 problem; the exception text is logged,
// never sent.
//
// Before the handler runs, the server asks the Guard to admit the request: it authenticates
// (session cookie or API token) and authorises route.permission, an action key of the
// permission matrix ("offer.read", "client.read"), for route.subject: what the request
// concerns, declared by the route (one client named by a path parameter, one provider, or
// no single record). Routes with permission kPublic skip the guard entirely and see
// principal == nullptr and admission == nullptr.
//
// Thread-safety: build the Router on one thread before the server starts; afterwards it is
// read-only and Match may be called from any number of threads. Handlers and Guard
// implementations are called concurrently from the server's worker threads.
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "access/policy.h"
#include "access/principal.h"
#include "domain/error.h"

namespace passend::api {

// The permission of endpoints open to anyone (health, OpenAPI, reference data, login).
inline constexpr std::string_view kPublic = "public";

// What the guard admitted for one request: who, and what access/'s policy decided (the
// basis, the client the request is about, which clients a list may show).
struct Admission {
  access::Principal principal;
  access::Decision decision;
  std::string csrf_token;  // session logins: to hand back to the UI
};

// Case-insensitive ordering for header names.
struct HeaderNameLess {
  bool operator()(std::string_view a, std::string_view b) const;
  using is_transparent = void;
};
using HeaderMap = std::map<std::string, std::string, HeaderNameLess>;

// One request, as a handler sees it. Built by the server; handlers only read it.
struct ApiRequest {
  std::string method;  // "GET", "POST", ...
  std::string path;    // decoded path, without the query: "/api/v1/offers/off-1"
  std::map<std::string, std::string> path_params;  // {"id": "off-1"} for ".../offers/{id}"
  std::map<std::string, std::string> query;        // decoded; a repeated name is a 400
  HeaderMap headers;                               // names compared case-insensitively
  std::string body;                                // raw body (limit: ServerOptions)
  std::string remote_addr;
  std::string request_id;  // from a sane X-Request-Id header, else generated; echoed back
  const access::Principal* principal = nullptr;  // set by the Guard; null on public routes
  const Admission* admission = nullptr;          // set by the Guard; null on public routes

  // The header's value, or "" when absent.
  std::string Header(std::string_view name) const;
  // The query parameter, or nullptr when absent.
  const std::string* Query(std::string_view name) const;
  // The body parsed as JSON; kInvalidArgument with field "body" when it is not JSON.
  Result<nlohmann::json> JsonBody() const;
};

// What a handler answers: `body` as JSON, or `raw_body` as is when it is non-empty.
struct ApiResponse {
  int status = 200;
  nlohmann::json body = nlohmann::json::object();
  HeaderMap headers;         // extra headers (Set-Cookie, Location, ...)
  std::string raw_body;      // when non-empty: sent as is, with content_type
  std::string content_type;  // empty: application/json; "text/csv; charset=utf-8", ...
};

// A JSON response: `body` with `status`.
ApiResponse JsonResponse(nlohmann::json body, int status = 200);
// A response whose JSON is already text (a streamed rendering on a hot path).
ApiResponse JsonTextResponse(std::string json_text, int status = 200);

// Documentation of one parameter, for OpenAPI and for the 400 problems naming it.
struct ParamDoc {
  enum class In { kPath, kQuery, kHeader };
  std::string name;
  In in = In::kQuery;
  std::string type = "string";  // JSON Schema type: "string", "integer", "boolean"
  bool required = false;
  std::string description_nl;
};
ParamDoc PathParam(std::string name, std::string description_nl);
ParamDoc QueryParam(std::string name, std::string description_nl, std::string type = "string");

using Handler = std::function<Result<ApiResponse>(const ApiRequest&)>;

// What a guarded route's requests concern, declared once on the route; the guard resolves
// it (the client's municipality, ...) and access/'s policy decides from it. Every
// non-public route declares one, and it must fit the path: kClient names the {param} that
// follows "/clients/", kProvider the one that follows "/providers/", kOffer the one that
// follows "/offers/" (the request concerns the offer's provider, and the region where the
// offer is), and kNone is for paths without any (lists, aggregates, the caller's own
// session, administration).
// Router::Add refuses a route that breaks this, at start-up.
struct RouteSubject {
  enum class Kind { kUndeclared, kNone, kClient, kProvider, kOffer, kRegion };
  Kind kind = Kind::kUndeclared;
  // the path parameter holding the id (kClient, kProvider, kOffer); kRegion: the query
  // parameter naming the care-office region
  std::string param;
  // kOffer: the path parameter naming the care-office region the request is for (a care
  // office's contract); the region scope then is that region, not the offer's.
  std::string region_param = {};
};
RouteSubject AboutClient(std::string param = "id");
RouteSubject AboutProvider(std::string param = "id");
RouteSubject AboutOffer(std::string param = "id");
// An offer, for the care-office region named by path parameter `region_param`.
RouteSubject AboutOfferForRegion(std::string param, std::string region_param);
// An aggregate of the care-office region named by query parameter `query_param` (the
// mismatch map): the policy holds it to the caller's region and logs every read.
RouteSubject AboutRegion(std::string query_param = "region");
RouteSubject AboutNoRecord();

struct Route {
  std::string method;      // "GET", "POST", "PUT", "PATCH", "DELETE"
  std::string pattern;     // "/api/v1/offers/{id}": literal segments and {name} segments
  std::string summary_nl;  // one line for people, Dutch
  std::string tag;         // OpenAPI group: "aanbod", "clienten", "referentie", "systeem"
  std::string permission;  // action key of the permission matrix, or kPublic
  RouteSubject subject;    // required unless permission is kPublic
  std::vector<ParamDoc> params;
  nlohmann::json request_schema;   // JSON Schema of the body; null: no body
  nlohmann::json response_schema;  // JSON Schema of a success body; null: none documented
  int success_status = 200;        // documented success status (201 for creation, ...)
  // The media type of the body and of a success answer, for OpenAPI: empty is
  // application/json; FHIR resources are "application/fhir+json" (the handler sets the
  // answer's content_type itself).
  std::string media_type = {};
  // A smaller body limit than the server's (ServerOptions::max_body_bytes) for a route that
  // anyone may call with work that grows with the body; larger bodies get 413 before the
  // handler parses them. 0: the server's limit.
  size_t max_body_bytes = 0;
  Handler handler;
};

// A route with its essentials; set summary_nl, tag, params and schemas on the result.
Route MakeRoute(std::string method, std::string pattern, std::string permission, Handler handler);

// The outcome of matching a method and path against the routes.
struct RouteMatch {
  const Route* route = nullptr;                    // null: no route for method + path
  std::map<std::string, std::string> path_params;  // filled when route is set
  std::vector<std::string> allowed_methods;        // when route is null: methods the path has (405)
};

// The routes of the API. Add is for start-up (not thread-safe); Match and routes are
// read-only and safe to call concurrently once the server runs.
class Router {
 public:
  // Adds a route. A malformed pattern, a duplicate method + pattern, or a guarded route
  // without a subject that fits its path is a programming error and throws
  // std::logic_error at start-up.
  void Add(Route route);
  const std::vector<Route>& routes() const { return routes_; }
  RouteMatch Match(std::string_view method, std::string_view path) const;

 private:
  std::vector<Route> routes_;
};

// Admits a request to a non-public route: authenticates it (session cookie or API token)
// and authorises route.permission on route.subject (api/access_guard.h).
//
// Admit returns the admission on success; the server keeps the shared_ptr alive for the
// request and hands handlers plain pointers (ApiRequest::admission, ::principal). Errors:
// kUnauthenticated (401: no valid session or token), kPermissionDenied (403: known, but
// not allowed), kUnavailable/kInternal when the user store fails. Other codes are allowed
// and are rendered by the same table.
//
// Completed is called once after every admitted request with the final status; the
// default does nothing (the access log is written in Admit, before the handler runs, so no
// personal data leaves without its entry). It must not throw.
//
// Implementations must be safe for concurrent calls from the server's worker threads.
class Guard {
 public:
  virtual ~Guard() = default;
  virtual Result<std::shared_ptr<const Admission>> Admit(const Route& route,
                                                         const ApiRequest& request) = 0;
  virtual void Completed(const Route& route, const ApiRequest& request, int status) {
    (void)route;
    (void)request;
    (void)status;
  }
};

}  // namespace passend::api
