#pragma once
// The fuzz targets' Passend: a private in-memory SQLite database with the built-in
// reference data, one client (cli-1 in Maastricht), and every route of the API (the
// matching ones on a MatchService over the same database), as `passend serve` wires them.
// Built once per process; not thread-safe (libFuzzer runs one input at a time).
#include <memory>

#include "access/access_service.h"
#include "access/timestamp.h"
#include "api/access_routes.h"
#include "api/routes.h"
#include "catalog/catalog_service.h"
#include "intake/intake_service.h"
#include "match/match_service.h"
#include "refdata/refdata.h"
#include "store/open_database.h"

namespace passend::fuzz {

struct World {
  std::unique_ptr<store::Database> db;
  std::unique_ptr<catalog::CatalogService> catalog;
  std::unique_ptr<intake::IntakeService> intake;
  std::unique_ptr<access::AccessService> access;
  std::unique_ptr<match::MatchService> match;
  api::Router router;

  // Puts cli-1 back when an input erased it, so every input meets the same client.
  void EnsureClient() {
    if (intake->MunicipalityOf("cli-1").ok()) return;
    domain::Client c;
    c.id = "cli-1";
    c.name = "Cliënt Een";
    c.municipality_code = "GM0935";
    (void)db->clients().PutClient(c);
  }

  static World& Get() {
    static World* w = [] {
      auto* w = new World();
      const auto& ref = refdata::BuiltIn();
      w->db = std::move(store::OpenDatabase(":memory:")).value();
      auto clock = [] { return access::SystemNow(); };
      w->catalog = std::make_unique<catalog::CatalogService>(*w->db, ref);
      w->intake = std::make_unique<intake::IntakeService>(*w->db, ref, clock);
      access::AccessOptions opts;
      opts.identity.hash_cost = access::HashCost::kTestOnly;
      w->access = std::make_unique<access::AccessService>(
          access::AccessStores{w->db->accounts(), w->db->consents(), w->db->audit()}, ref, clock,
          opts);
      w->match = std::move(match::MatchService::Open(*w->db, ref)).value();
      w->router = api::AllRoutes({*w->db, *w->catalog, *w->intake, ref});
      api::AddAccessRoutes(w->router, *w->access, *w->intake);
      api::AddMatchRoutes(w->router, *w->match);
      w->EnsureClient();
      return w;
    }();
    return *w;
  }
};

}  // namespace passend::fuzz
