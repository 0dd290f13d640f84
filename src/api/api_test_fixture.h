#pragma once
// The API test fixture: an in-memory TestDatabase with a seeded catalogue, the real routes plus a
// few test-only routes (errors, exceptions, a slow one, a JSON echo), and a Server on a
// free loopback port running on its own thread. Requests go over real HTTP.
#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "access/principal.h"
#include "api/routes.h"
#include "api/server.h"
#include "api/test_database_for_test.h"
#include "catalog/catalog_service.h"
#include "intake/intake_service.h"
#include "refdata/refdata.h"

namespace passend::api::testing {

// Test-only guard: admits everyone as an admin unless the request carries
// "X-Test-Deny: unauthenticated" or "X-Test-Deny: permission_denied". Records what it saw.
class ScriptedTestGuard : public Guard {
 public:
  Result<std::shared_ptr<const Admission>> Admit(const Route& route,
                                                 const ApiRequest& request) override;
  void Completed(const Route& route, const ApiRequest& request, int status) override;

  std::vector<std::string> admitted();   // "client.read /api/v1/clients/cli-1"
  std::vector<std::string> completed();  // "client.read 200"

 private:
  std::mutex mu_;
  std::vector<std::string> admitted_;
  std::vector<std::string> completed_;
};

class ApiTest : public ::testing::Test {
 public:
  static constexpr size_t kMaxBody = 64 * 1024;

  void SetUp() override;
  void TearDown() override;

  // A client of the running server.
  httplib::Client Client() const;
  // GET path; fails the test when the request does not complete.
  httplib::Result Get(const std::string& path, const httplib::Headers& headers = {}) const;
  // Every log line the server wrote so far.
  std::vector<nlohmann::json> Logs();

  // Seeded data: regions[0] and regions[1] are two care-office regions, each with some of
  // its municipalities; offers are spread over them.
  std::vector<std::string> regions;
  std::vector<std::string> region0_municipalities;
  int offer_count = 0;
  int offers_in_region0 = 0;
  int wonen_offers = 0;
  int offers_of_provider0 = 0;
  int offers_contracted_region1 = 0;

  TestDatabase db;
  catalog::CatalogService catalog{db, refdata::BuiltIn()};
  intake::IntakeService intake{db, refdata::BuiltIn(), access::SystemNow};
  ScriptedTestGuard guard;
  std::unique_ptr<Server> server;
  std::thread runner;

 private:
  void Seed();
  std::mutex log_mu_;
  std::vector<nlohmann::json> logs_;
};

}  // namespace passend::api::testing
