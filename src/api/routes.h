#pragma once
// The endpoints of Passend, one Add*Routes function per module (one file each). Each adds
// its routes to a Router; the handlers keep references to the arguments, which must
// outlive the server. See docs/api.md for the endpoints and their filters.
#include "api/route.h"
#include "catalog/catalog_service.h"
#include "domain/reference.h"
#include "intake/intake_service.h"
#include "store/database.h"

namespace passend::match {
class MatchService;  // match/match_service.h
}  // namespace passend::match
namespace passend::monitor {
class MonitorService;  // monitor/monitor_service.h
}  // namespace passend::monitor

namespace passend::api {

// GET /healthz: the database answers; {"status": "ok", "schema_version": N}.
void AddSystemRoutes(Router& router, store::Database& db);
// Providers, locations, offers (public: the care offer is public information). The offer
// list answers from a read model in memory that follows `db`'s change log.
void AddCatalogRoutes(Router& router, catalog::CatalogService& catalog, store::Database& db);
// The register of providers (the care office): submit, approve or suspend, the register
// with every status, a provider's register history.
void AddRegisterRoutes(Router& router, catalog::CatalogService& catalog);
// The catalogue in the field's formats (docs/formats.md): export and import as CSV or
// HSDS 3.0 for the care office, the CSV template for anyone; `ref` for the mappings.
void AddFormatRoutes(Router& router, catalog::CatalogService& catalog,
                     const domain::ReferenceData& ref);
// Clients and their dossier: search, create, read, change, versions and diff, the report
// (verslag) and the registration form (personal data, logged by the access guard); `ref`
// names features and municipalities in the report.
void AddClientRoutes(Router& router, intake::IntakeService& intake,
                     const domain::ReferenceData& ref);
// Kenmerken, zorgprofielen, gemeenten, zorgkantoren (public).
void AddReferenceRoutes(Router& router, const domain::ReferenceData& ref);

// Matching (docs/matching.md): GET /api/v1/clients/{id}/matches (match.read: one
// client, logged by the guard), POST /api/v1/zoeken (public, anonymous: nothing about the
// person is stored or logged) and GET /api/v1/mismatch?region= (report.read: aggregate,
// cached per region; the caller's own region only, every read logged: AboutRegion). The handlers
// only translate: `service` keeps the index up to date with the data and computes the answers; it
// must outlive the server.
void AddMatchRoutes(Router& router, match::MatchService& service);

// GET /api/v1/mismatch/trend?region= (report.read, like the map): the moments of the map
// kept by `passend mismatch --bewaar`, side by side. `monitor` must outlive the server.
void AddMonitorRoutes(Router& router, monitor::MonitorService& monitor);

// The services the routes above call; app/ builds them. They must outlive the server.
struct Services {
  store::Database& db;  // /healthz: whether the database answers; the offer list's change log
  catalog::CatalogService& catalog;
  intake::IntakeService& intake;
  const domain::ReferenceData& ref;
};

// Every route above but the matching ones (they need an index: passend serve adds them),
// in one Router (the server adds /api/v1/openapi.json itself).
Router AllRoutes(const Services& services);

}  // namespace passend::api
