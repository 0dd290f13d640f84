// Read endpoints over clients. Personal data: the guard authorises client.list and
// client.read and writes the access log before the handler runs (AccessGuard::Admit);
// this file only translates and calls intake/.
#include "api/access_guard.h"
#include "api/openapi.h"
#include "api/paging.h"
#include "api/record_schemas.h"
#include "api/routes.h"
#include "interop/native_json.h"

namespace passend::api {
namespace {

Result<ApiResponse> ListClients(intake::IntakeService& intake, const ApiRequest& req) {
  PASSEND_ASSIGN_OR_RETURN(auto page, PageFromQuery(req));
  intake::ClientFilter filter;
  PASSEND_ASSIGN_OR_RETURN(auto municipalities, MunicipalitiesFromQuery(req));
  if (municipalities) {
    if (municipalities->empty()) {
      return JsonResponse({{"items", nlohmann::json::array()}, {"next_cursor", nullptr}});
    }
    filter.municipality_codes = std::move(*municipalities);
  }
  PASSEND_ASSIGN_OR_RETURN(auto found, intake.ListClients(filter, page));
  // Only clients within the caller's scope are shown, each with its access-log entry; a
  // page may therefore hold fewer items than the limit while next_cursor goes on.
  std::vector<domain::Client> shown;
  for (auto& c : found.items) {
    if (!MayList(req, c.id, c.municipality_code)) continue;
    PASSEND_RETURN_IF_ERROR(LogListed(req, c.id));
    shown.push_back(std::move(c));
  }
  found.items = std::move(shown);
  return JsonResponse(PageBody(found, [](const domain::Client& c) { return interop::ToJson(c); }));
}

}  // namespace

void AddClientRoutes(Router& router, intake::IntakeService& intake) {
  auto params = std::vector<ParamDoc>{
      QueryParam("municipality", "CBS-gemeentecodes, met komma's (GM0935,GM0917)"),
      QueryParam("region", "Zorgkantoorregio (5531): alle gemeenten van die regio")};
  for (auto& p : PagingParams()) params.push_back(std::move(p));
  Route list = MakeRoute("GET", "/api/v1/clients", "client.list",
                         [&intake](const ApiRequest& r) { return ListClients(intake, r); });
  list.subject = AboutNoRecord();
  list.summary_nl = "Cliënten";
  list.tag = "clienten";
  list.params = std::move(params);
  list.response_schema = PageSchema(ClientSchema());
  router.Add(std::move(list));

  Route one =
      MakeRoute("GET", "/api/v1/clients/{id}", "client.read",
                [&intake](const ApiRequest& r) -> Result<ApiResponse> {
                  PASSEND_ASSIGN_OR_RETURN(auto c, intake.GetClient(r.path_params.at("id")));
                  return JsonResponse(interop::ToJson(c));
                });
  one.subject = AboutClient("id");
  one.summary_nl = "Eén cliënt, met wensen, behoeften en plaatsen";
  one.tag = "clienten";
  one.params = {PathParam("id", "Id van de cliënt")};
  one.response_schema = ClientSchema();
  router.Add(std::move(one));
}

}  // namespace passend::api
