#pragma once
// The endpoints of Passend, one Add*Routes function per module (one file each). Each adds
// its routes to a Router; the handlers keep references to the arguments, which must
// outlive the server. See docs/api.md for the endpoints and their filters.
#include "api/route.h"
#include "domain/reference.h"
#include "store/database.h"

namespace passend::api {

// GET /healthz: the database answers; {"status": "ok", "schema_version": N}.
void AddSystemRoutes(Router& router, store::Database& db);
// Providers, locations, offers (permission catalog.read).
void AddCatalogRoutes(Router& router, store::Database& db);
// Clients (client.list, client.read: personal data, logged by the access layer).
void AddClientRoutes(Router& router, store::Database& db);
// Kenmerken, zorgprofielen, gemeenten, zorgkantoren (public).
void AddReferenceRoutes(Router& router, const domain::ReferenceData& ref);

// Every route above, in one Router (the server adds /api/v1/openapi.json itself).
Router AllRoutes(store::Database& db, const domain::ReferenceData& ref);

}  // namespace passend::api
