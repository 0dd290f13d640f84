#include "api/api_test_fixture.h"

#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>

#include "api/access_guard.h"
#include "refdata/refdata.h"

namespace passend::api::testing {

Result<std::shared_ptr<const Admission>> ScriptedTestGuard::Admit(const Route& route,
                                                                  const ApiRequest& request) {
  {
    std::lock_guard lock(mu_);
    admitted_.push_back(route.permission + " " + request.path);
  }
  std::string deny = request.Header("X-Test-Deny");
  if (deny == "unauthenticated") return Unauthenticated("Log eerst in.");
  if (deny == "permission_denied") return PermissionDenied("Dat mag u niet.");
  // What the real AccessGuard hands out: an Admission, here one that may list everyone.
  auto who = std::make_shared<Admission>();
  who->principal.user_id = "usr-test";
  who->principal.role = access::Role::kAdmin;
  who->decision.list.all = true;
  who->decision.list.log_shown = [](const std::string&) { return Ok(); };
  return std::shared_ptr<const Admission>(std::move(who));
}

void ScriptedTestGuard::Completed(const Route& route, const ApiRequest&, int status) {
  std::lock_guard lock(mu_);
  completed_.push_back(route.permission + " " + std::to_string(status));
}

std::vector<std::string> ScriptedTestGuard::admitted() {
  std::lock_guard lock(mu_);
  return admitted_;
}

std::vector<std::string> ScriptedTestGuard::completed() {
  std::lock_guard lock(mu_);
  return completed_;
}

namespace {

Route TestRoute(std::string method, std::string pattern, Handler handler,
                std::string permission = "test.run") {
  Route r =
      MakeRoute(std::move(method), std::move(pattern), std::move(permission), std::move(handler));
  r.summary_nl = "Alleen voor tests";
  r.tag = "test";
  if (r.permission != kPublic) r.subject = AboutNoRecord();
  return r;
}

void AddTestRoutes(Router& router) {
  // Answers the error whose code name is the last segment.
  router.Add(TestRoute("GET", "/test/error/{code}", [](const ApiRequest& r) -> Result<ApiResponse> {
    for (ErrorCode code : kAllErrorCodes) {
      if (ErrorCodeName(code) == r.path_params.at("code")) {
        return Error(code, "Testfout", "veld.pad");
      }
    }
    return JsonResponse({});
  }));
  router.Add(TestRoute("GET", "/test/throw", [](const ApiRequest&) -> Result<ApiResponse> {
    throw std::runtime_error("geheim: /var/lib/passend/db.sqlite");
  }));
  router.Add(TestRoute("GET", "/test/slow", [](const ApiRequest&) -> Result<ApiResponse> {
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    return JsonResponse({{"slow", true}});
  }));
  router.Add(TestRoute("POST", "/test/echo", [](const ApiRequest& r) -> Result<ApiResponse> {
    PASSEND_ASSIGN_OR_RETURN(auto body, r.JsonBody());
    return JsonResponse({{"echo", body}}, 201);
  }));
}

}  // namespace

void ApiTest::Seed() {
  const auto& ref = refdata::BuiltIn();
  for (const auto& region : ref.regions()) {
    regions.push_back(region.code);
    if (regions.size() == 2) break;
  }
  ASSERT_EQ(regions.size(), 2u);
  std::vector<std::string> municipalities[2];
  for (const auto& m : ref.municipalities()) {
    for (int r = 0; r < 2; ++r) {
      if (m.zorgkantoor_code == regions[r] && municipalities[r].size() < 3) {
        municipalities[r].push_back(m.code);
      }
    }
  }
  ASSERT_FALSE(municipalities[0].empty());
  ASSERT_FALSE(municipalities[1].empty());
  region0_municipalities = municipalities[0];

  // One transaction: on PostgreSQL 284 separate commits would take most of a test's time.
  Status seeded = db.InTransaction([&]() -> Status {
    for (int p = 0; p < 5; ++p) {
      domain::Provider provider;
      provider.id = "prv-" + std::to_string(p);
      provider.name = "Aanbieder " + std::to_string(p);
      PASSEND_RETURN_IF_ERROR(db.catalog().PutProvider(provider));
    }
    for (int l = 0; l < 12; ++l) {
      const auto& ms = municipalities[l % 2];
      domain::Location loc;
      loc.id = "loc-" + std::to_string(100 + l);
      loc.provider_id = "prv-" + std::to_string(l % 5);
      loc.name = "Locatie " + std::to_string(l);
      loc.municipality_code = ms[static_cast<size_t>(l) % ms.size()];
      PASSEND_RETURN_IF_ERROR(db.catalog().PutLocation(loc));
    }
    offer_count = 237;  // not a multiple of any page size used in the tests
    for (int o = 0; o < offer_count; ++o) {
      domain::Offer offer;
      offer.id = "off-" + std::to_string(1000 + o);
      int l = o % 12;
      offer.location_id = "loc-" + std::to_string(100 + l);
      offer.provider_id = "prv-" + std::to_string(l % 5);
      offer.kind = domain::kAllOfferKinds[o % 4];
      offer.name = "Aanbod " + std::to_string(o);
      offer.profiles = {o % 3 == 0 ? "5VV" : "6VV"};
      if (o % 5 == 0) offer.contracted_regions = {regions[1]};
      PASSEND_RETURN_IF_ERROR(db.catalog().PutOffer(offer));
      offers_in_region0 += l % 2 == 0;
      wonen_offers += offer.kind == domain::OfferKind::kWonen;
      offers_of_provider0 += offer.provider_id == "prv-0";
      offers_contracted_region1 += o % 5 == 0;
    }
    for (int c = 0; c < 30; ++c) {
      domain::Client client;
      client.id = "cli-" + std::to_string(c);
      client.name = "Cliënt " + std::to_string(c);
      client.municipality_code = municipalities[c % 2][0];
      PASSEND_RETURN_IF_ERROR(db.clients().PutClient(client));
    }
    return Ok();
  });
  ASSERT_TRUE(seeded.ok()) << seeded.error().ToString();
}

void ApiTest::SetUp() {
  ASSERT_TRUE(db.opened.ok()) << db.opened.error().ToString();
  Seed();
  Router router = AllRoutes({db, catalog, intake, refdata::BuiltIn()});
  AddTestRoutes(router);
  ServerOptions options;
  options.bind_address = "127.0.0.1";
  options.port = 0;
  options.threads = 8;
  options.max_body_bytes = kMaxBody;
  options.log = [this](const nlohmann::json& line) {
    std::lock_guard lock(log_mu_);
    logs_.push_back(line);
  };
  server = std::make_unique<Server>(options, std::move(router), &guard);
  ASSERT_TRUE(server->Bind().ok());
  runner = std::thread([this] { ASSERT_TRUE(server->Run().ok()); });
}

void ApiTest::TearDown() {
  if (server) server->Stop();
  if (runner.joinable()) runner.join();
}

httplib::Client ApiTest::Client() const {
  httplib::Client client("127.0.0.1", server->port());
  client.set_connection_timeout(std::chrono::seconds(5));
  client.set_read_timeout(std::chrono::seconds(10));
  return client;
}

httplib::Result ApiTest::Get(const std::string& path, const httplib::Headers& headers) const {
  auto client = Client();
  auto res = client.Get(path.c_str(), headers);
  EXPECT_TRUE(res) << "GET " << path << ": " << httplib::to_string(res.error());
  return res;
}

std::vector<nlohmann::json> ApiTest::Logs() {
  std::lock_guard lock(log_mu_);
  return logs_;
}

}  // namespace passend::api::testing
