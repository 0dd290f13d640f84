#pragma once
// The fuzz targets' Passend: a private in-memory SQLite database with the built-in
// reference data, one client (cli-1 in Maastricht), one provider (prv-1) with an offer
// (off-1, Maastricht), and every route of the API as `passend serve` wires them: the
// self-registration, the provider register, the matching routes on a MatchService and the
// map's trend over the same database.
// Built once per process; not thread-safe (libFuzzer runs one input at a time).
#include <memory>

#include "access/access_service.h"
#include "access/timestamp.h"
#include "api/access_routes.h"
#include "api/routes.h"
#include "catalog/catalog_service.h"
#include "intake/intake_service.h"
#include "match/match_service.h"
#include "monitor/monitor_service.h"
#include "refdata/refdata.h"
#include "store/open_database.h"

namespace passend::fuzz {

struct World {
  std::unique_ptr<store::Database> db;
  std::unique_ptr<catalog::CatalogService> catalog;
  std::unique_ptr<intake::IntakeService> intake;
  std::unique_ptr<access::AccessService> access;
  std::unique_ptr<match::MatchService> match;
  std::unique_ptr<monitor::MonitorService> monitor;
  api::Router router;

  // Puts cli-1, prv-1 and off-1 back when an input erased or changed them, so every input
  // meets the same records (the register routes and the offer's PATCH and contracts reach
  // their handlers' work, not only the 404 of an unknown id).
  void EnsureClient() {
    if (!intake->MunicipalityOf("cli-1").ok()) {
      domain::Client c;
      c.id = "cli-1";
      c.name = "Cliënt Een";
      c.municipality_code = "GM0935";
      (void)db->clients().PutClient(c);
    }
    if (db->catalog().GetOffer("off-1").ok()) return;
    (void)db->catalog().PutProvider({"prv-1", "Zorggroep Een", true, ""});
    (void)db->catalog().PutLocation({"loc-1", "prv-1", "Huis", "", "GM0935", {50.85, 5.69}});
    domain::Offer o;
    o.id = "off-1";
    o.provider_id = "prv-1";
    o.location_id = "loc-1";
    o.name = "Wonen met zorg";
    o.sectors = {domain::Sector::kVV};
    o.delivery_forms = {domain::DeliveryForm::kVerblijf};
    o.capacity = 10;
    o.free_places = 1;
    o.places_updated = o.details_updated = access::FormatUtc(access::SystemNow());
    (void)db->catalog().PutOffer(o);
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
      api::AddRegistrationRoutes(w->router, *w->access, *w->intake, ref);
      api::AddMatchRoutes(w->router, *w->match);
      w->monitor = std::make_unique<monitor::MonitorService>(w->db->map_history(), clock);
      api::AddMonitorRoutes(w->router, *w->monitor);
      w->EnsureClient();
      return w;
    }();
    return *w;
  }
};

}  // namespace passend::fuzz
