#include "api/record_schemas.h"
#include "api/routes.h"

namespace passend::api {

void AddSystemRoutes(Router& router, store::Database& db) {
  Route r = MakeRoute("GET", "/healthz", std::string(kPublic),
                      [&db](const ApiRequest&) -> Result<ApiResponse> {
                        auto version = db.SchemaVersion();
                        if (!version.ok()) return Unavailable("De database is niet bereikbaar.");
                        return JsonResponse({{"status", "ok"}, {"schema_version", *version}});
                      });
  r.summary_nl = "Werkt de server, en bereikt hij de database?";
  r.tag = "systeem";
  r.response_schema =
      schema::Object({{"status", {{"type", "string"}, {"enum", nlohmann::json::array({"ok"})}}},
                      {"schema_version", schema::Integer("Versie van het databaseschema")}});
  router.Add(std::move(r));
}

Router AllRoutes(const Services& s) {
  Router router;
  AddSystemRoutes(router, s.db);
  AddReferenceRoutes(router, s.ref);
  AddCatalogRoutes(router, s.catalog, s.db);
  AddRegisterRoutes(router, s.catalog);
  AddFormatRoutes(router, s.catalog, s.ref);
  AddClientRoutes(router, s.intake, s.ref);
  return router;
}

}  // namespace passend::api
