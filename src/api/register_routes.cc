// The register of providers, kept by the care office (issue 21.2): a provider is submitted
// (by its own account or by the care office), approved or suspended; the register with
// every status, and a provider's register history. The public catalogue shows approved
// providers only (catalog_routes.cc).
#include "api/openapi.h"
#include "api/paging.h"
#include "api/record_schemas.h"
#include "api/routes.h"
#include "interop/json_reader.h"
#include "interop/native_json.h"

namespace passend::api {
namespace {

using nlohmann::json;

constexpr std::string_view kTag = "register";

catalog::ChangeAuthor AuthorOf(const ApiRequest& r) {
  return {r.principal->user_id, r.principal->organisation_id};
}

// POST /api/v1/providers: the new provider's name, website, whether it is established and
// its register numbers. Provider staff submit the provider their account is for (its id);
// the care office and the administrator submit one under a new id.
Result<ApiResponse> Submit(catalog::CatalogService& catalog, const ApiRequest& req) {
  PASSEND_ASSIGN_OR_RETURN(json body, req.JsonBody());
  PASSEND_ASSIGN_OR_RETURN(interop::ObjectReader r, interop::ObjectReader::Open(body));
  domain::Provider p;
  PASSEND_RETURN_IF_ERROR(r.String("name", p.name));
  PASSEND_RETURN_IF_ERROR(r.String("website", p.website, false));
  PASSEND_RETURN_IF_ERROR(r.Bool("established", p.established, false));
  PASSEND_RETURN_IF_ERROR(r.String("agb_code", p.agb_code, false));
  PASSEND_RETURN_IF_ERROR(r.String("kvk_number", p.kvk_number, false));
  PASSEND_RETURN_IF_ERROR(r.String("ura_number", p.ura_number, false));
  PASSEND_RETURN_IF_ERROR(r.Finish());
  if (req.principal->role == access::Role::kProvider) {
    if (req.principal->provider_id.empty())
      return PermissionDenied("Uw account hoort bij geen zorgaanbieder.");
    p.id = req.principal->provider_id;
  }
  PASSEND_ASSIGN_OR_RETURN(auto made, catalog.SubmitProvider(std::move(p), AuthorOf(req)));
  return JsonResponse(interop::ToJson(made), 201);
}

// PUT /api/v1/providers/{id}/register-status: {"status": "approved" | "suspended",
// "reason": "..."} (a reason is required to suspend).
Result<ApiResponse> Decide(catalog::CatalogService& catalog, const ApiRequest& req) {
  PASSEND_ASSIGN_OR_RETURN(json body, req.JsonBody());
  PASSEND_ASSIGN_OR_RETURN(interop::ObjectReader r, interop::ObjectReader::Open(body));
  std::string status, reason;
  PASSEND_RETURN_IF_ERROR(r.String("status", status));
  PASSEND_RETURN_IF_ERROR(r.String("reason", reason, false));
  PASSEND_RETURN_IF_ERROR(r.Finish());
  const auto parsed = domain::ParseRegisterStatus(status);
  if (!parsed)
    return InvalidArgument("Kies approved (toelaten) of suspended (schorsen).", "status");
  PASSEND_ASSIGN_OR_RETURN(
      auto p, catalog.SetRegisterStatus(req.path_params.at("id"), *parsed, reason, AuthorOf(req)));
  return JsonResponse(interop::ToJson(p));
}

Result<ApiResponse> ListRegister(catalog::CatalogService& catalog, const ApiRequest& req) {
  PASSEND_ASSIGN_OR_RETURN(auto page, PageFromQuery(req));
  catalog::ProviderFilter filter;
  if (const auto* status = req.Query("status")) {
    filter.status = domain::ParseRegisterStatus(*status);
    if (!filter.status) return InvalidArgument("Kies submitted, approved of suspended.", "status");
  }
  PASSEND_ASSIGN_OR_RETURN(auto found, catalog.ListProviders(filter, page));
  return JsonResponse(
      PageBody(found, [](const domain::Provider& p) { return interop::ToJson(p); }));
}

json ChangeJson(const catalog::ProviderChange& c) {
  return {{"changed_at", c.changed_at},
          {"user_id", c.user_id},
          {"organisation_id", c.organisation_id},
          {"field", c.field},
          {"old_value", c.old_value},
          {"new_value", c.new_value}};
}

Route Make(std::string method, std::string pattern, std::string permission, std::string summary,
           Handler handler) {
  Route r =
      MakeRoute(std::move(method), std::move(pattern), std::move(permission), std::move(handler));
  r.summary_nl = std::move(summary);
  r.tag = std::string(kTag);
  return r;
}

}  // namespace

void AddRegisterRoutes(Router& router, catalog::CatalogService& catalog) {
  using namespace schema;
  Route submit = Make("POST", "/api/v1/providers", "register.submit",
                      "Nieuwe zorgaanbieder aanmelden bij het register (status submitted)",
                      [&catalog](const ApiRequest& r) { return Submit(catalog, r); });
  submit.subject = AboutNoRecord();
  submit.request_schema =
      Object({{"name", String()},
              {"website", String()},
              {"established", Boolean("false voor een nieuwe, kleine aanbieder")},
              {"agb_code", String("8 cijfers")},
              {"kvk_number", String("8 cijfers")},
              {"ura_number", String("8 cijfers")}},
             {"website", "established", "agb_code", "kvk_number", "ura_number"});
  submit.response_schema = ProviderSchema();
  submit.success_status = 201;
  router.Add(std::move(submit));

  Route decide = Make("PUT", "/api/v1/providers/{id}/register-status", "register.decide",
                      "Zorgaanbieder toelaten (approved) of schorsen (suspended, met reden)",
                      [&catalog](const ApiRequest& r) { return Decide(catalog, r); });
  decide.subject = AboutProvider();
  decide.params = {PathParam("id", "Het id van de aanbieder")};
  decide.request_schema = Object({{"status", Enum(domain::kAllRegisterStatuses)},
                                  {"reason", String("Waarom; verplicht bij schorsen")}},
                                 {"reason"});
  decide.response_schema = ProviderSchema();
  router.Add(std::move(decide));

  Route history = Make("GET", "/api/v1/providers/{id}/register-changes", "register.read",
                       "Wie de aanbieder aanmeldde, toeliet of schorste, en wanneer",
                       [&catalog](const ApiRequest& r) -> Result<ApiResponse> {
                         PASSEND_ASSIGN_OR_RETURN(auto changes,
                                                  catalog.ProviderChanges(r.path_params.at("id")));
                         json items = json::array();
                         for (const auto& c : changes) items.push_back(ChangeJson(c));
                         return JsonResponse({{"items", items}});
                       });
  history.subject = AboutProvider();
  history.params = {PathParam("id", "Het id van de aanbieder")};
  history.response_schema =
      ItemList(Object({{"changed_at", DateTime()},
                       {"user_id", String()},
                       {"organisation_id", String()},
                       {"field", String("register_status of register_reason")},
                       {"old_value", String()},
                       {"new_value", String()}}));
  router.Add(std::move(history));

  Route list = Make("GET", "/api/v1/register", "register.read",
                    "Het register: alle aanbieders met hun status",
                    [&catalog](const ApiRequest& r) { return ListRegister(catalog, r); });
  list.subject = AboutNoRecord();
  list.params = {QueryParam("status",
                            "Alleen aanbieders met deze status: submitted, approved, "
                            "suspended")};
  for (auto& p : PagingParams()) list.params.push_back(std::move(p));
  list.response_schema = PageSchema(ProviderSchema());
  router.Add(std::move(list));
}

}  // namespace passend::api
