// The trend of the regional mismatch map over HTTP: GET /api/v1/mismatch/trend?region=
// answers the moments kept by `passend mismatch --bewaar` side by side, as
// `passend mismatch --trend --json` prints them (monitor::MonitorService::Trend renders
// both). The same permission and region scope as the map (report.read, the caller's own
// region; the policy logs every read and every refusal).
#include <string>

#include "api/record_schemas.h"
#include "api/routes.h"
#include "monitor/monitor_service.h"

namespace passend::api {
namespace {

using nlohmann::json;

json TrendSchema() {
  using schema::ArrayOf;
  using schema::DateTime;
  using schema::Integer;
  using schema::Nullable;
  using schema::Object;
  using schema::String;
  json count = Nullable(Integer("Null: minder dan 5 cliënten (niet getoond), of niet bekend"));
  json per_moment = ArrayOf(Nullable(Integer()));
  per_moment["description"] =
      "Eén getal per moment, in de volgorde van moments; null: niet op de kaart van dat moment "
      "of minder dan 5 cliënten";
  return Object(
      {{"region", String("Zorgkantoorregio")},
       {"moments", ArrayOf(Object({{"taken_at", DateTime("Wanneer de kaart bewaard is (UTC)")},
                                   {"clients", count},
                                   {"clients_with_mismatch", count},
                                   {"clients_with_must_gap", count}}))},
       {"per_wish", ArrayOf(Object({{"key", String("Kenmerk of profiel:VG")},
                                    {"label", String()},
                                    {"clients", per_moment},
                                    {"clients_must", per_moment}}))}});
}

}  // namespace

void AddMonitorRoutes(Router& router, monitor::MonitorService& monitor) {
  monitor::MonitorService* m = &monitor;
  Route trend =
      MakeRoute("GET", "/api/v1/mismatch/trend", "report.read",
                [m](const ApiRequest& r) -> Result<ApiResponse> {
                  // The guard has checked the region (AboutRegion) before this runs.
                  const std::string* region = r.Query("region");
                  if (region == nullptr || region->empty())
                    return InvalidArgument("Geef een zorgkantoorregio: ?region=5531", "region");
                  PASSEND_ASSIGN_OR_RETURN(json t, m->Trend(*region));
                  return JsonResponse(std::move(t));
                });
  trend.subject = AboutRegion("region");
  trend.summary_nl =
      "Trend van de mismatchkaart: de bewaarde momenten van een zorgkantoorregio naast elkaar "
      "(oudste eerst, de nieuwste 8)";
  trend.tag = "matching";
  ParamDoc region = QueryParam("region", "Zorgkantoorregio (5531): alleen uw eigen regio");
  region.required = true;
  trend.params = {region};
  trend.response_schema = TrendSchema();
  router.Add(std::move(trend));
}

}  // namespace passend::api
