// THE matrix test: one user per role (the demo accounts), logged in over real HTTP on
// loopback, asks every guarded route of the API for records inside and outside its scope,
// and checks every allowed and every denied cell of the permission matrix. Expectations
// come from the matrix cells and the fixture's own facts (who consented to whom, which
// region a client lives in), not from the code under test. Plus the guard's other duties:
// 401 without login, CSRF, API tokens, the access log, emergency access, throttling.
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <map>
#include <thread>
#include <tuple>

#include "access/demo_accounts.h"
#include "access/permissions.h"
#include "api/access_guard.h"
#include "api/access_routes.h"
#include "api/routes.h"
#include "api/server.h"
#include "match/match_service.h"
#include "monitor/monitor_service.h"
#include "refdata/refdata.h"
#include "store/test_backend_for_test.h"

namespace passend::api {
namespace {

namespace a = passend::access;
using nlohmann::json;

// The fixture's facts: cli-1 (Maastricht, care office 5531) is the demo client and gave
// consent for client support to the OCO and the neighbourhood team and for care delivery
// to the provider; cli-2 (Maastricht) is represented and gave consent to the provider
// (registration), the CIZ (indication) and the research bureau (research); cli-3 lives in
// Rotterdam (5521) and consented to nobody.
const std::map<std::string, std::map<a::Role, a::Purpose>> kConsents = {
    {"cli-1",
     {{a::Role::kOco, a::Purpose::kClientSupport},
      {a::Role::kWijkteam, a::Purpose::kClientSupport},
      {a::Role::kProvider, a::Purpose::kCareDelivery}}},
    {"cli-2",
     {{a::Role::kProvider, a::Purpose::kRegistration},
      {a::Role::kCiz, a::Purpose::kIndication},
      {a::Role::kResearcher, a::Purpose::kResearch}}},
};
const std::map<std::string, std::string> kRegion = {
    {"cli-1", "5531"}, {"cli-2", "5531"}, {"cli-3", "5521"}};
// Offers: off-a of prv-a (the demo provider) in Maastricht (5531), off-b of prv-b in
// Rotterdam (5521).
const std::map<std::string, std::pair<std::string, std::string>> kOffers = {
    {"off-a", {"prv-a", "5531"}}, {"off-b", {"prv-b", "5521"}}};

// Whether an offer lies inside a cell: its provider, and the region where it is (or the
// region the request names: a care office's contract).
bool OfferInScopeByFacts(const a::MatrixCell& cell, const std::string& offer,
                         const std::string& region_named = "") {
  auto [provider, region] = kOffers.at(offer);
  if (!region_named.empty()) region = region_named;
  switch (cell.scope) {
    case a::ScopeRule::kAll: return true;
    case a::ScopeRule::kOwnProvider: return provider == "prv-a";
    case a::ScopeRule::kRegion: return region == "5531";
    default: return false;
  }
}

bool InScopeByFacts(a::Role role, const a::MatrixCell& cell, const std::string& client,
                    const std::string& provider) {
  switch (cell.scope) {
    case a::ScopeRule::kAll: return true;
    case a::ScopeRule::kOwnClient:
      return (role == a::Role::kClient && client == "cli-1") ||
             (role == a::Role::kRepresentative && client == "cli-2");
    case a::ScopeRule::kConsent: {
      auto c = kConsents.find(client);
      if (c == kConsents.end()) return false;
      auto r = c->second.find(role);
      if (r == c->second.end()) return false;
      return cell.purposes.empty() || std::find(cell.purposes.begin(), cell.purposes.end(),
                                                r->second) != cell.purposes.end();
    }
    case a::ScopeRule::kRegion: return kRegion.count(client) && kRegion.at(client) == "5531";
    case a::ScopeRule::kOwnProvider: return provider == "prv-a";
  }
  return false;
}

struct Login {
  std::string cookie;  // "passend_session=..."
  std::string csrf;
};

class AccessMatrixTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("passend-matrix-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    std::filesystem::remove(path_);
    auto db = store::testing::OpenTestDatabase(path_.string());
    ASSERT_TRUE(db.ok()) << db.error().ToString();
    db_ = std::move(db).value();
    ASSERT_TRUE(db_->catalog().PutProvider({"prv-a", "Zorggroep A", true, ""}).ok());
    ASSERT_TRUE(db_->catalog().PutProvider({"prv-b", "Zorggroep B", true, ""}).ok());
    for (auto [offer, provider, gm, lat, lon] :
         {std::tuple{"off-a", "prv-a", "GM0935", 50.85, 5.69},
          std::tuple{"off-b", "prv-b", "GM0599", 51.92, 4.48}}) {
      const std::string loc = std::string("loc-") + provider;
      ASSERT_TRUE(db_->catalog().PutLocation({loc, provider, "Huis", "", gm, {lat, lon}}).ok());
      domain::Offer o;
      o.id = offer;
      o.provider_id = provider;
      o.location_id = loc;
      o.name = std::string("Wonen ") + offer;
      o.sectors = {domain::Sector::kVV};
      o.delivery_forms = {domain::DeliveryForm::kVerblijf};
      o.capacity = 10;
      o.free_places = 1;
      o.places_updated = o.details_updated = a::FormatUtc(a::SystemNow());
      o.quality = {{domain::QualityKind::kReviews, "ZorgkaartNederland", "2026-03-14", 7.8, 132}};
      ASSERT_TRUE(db_->catalog().PutOffer(o).ok());
    }
    for (auto [id, gm] : {std::pair{"cli-1", "GM0935"}, {"cli-2", "GM0935"}, {"cli-3", "GM0599"}}) {
      domain::Client c;
      c.id = id;
      c.name = std::string("Cliënt ") + id;
      c.municipality_code = gm;
      ASSERT_TRUE(db_->clients().PutClient(c).ok());
    }
    a::AccessStores stores{db_->accounts(), db_->consents(), db_->audit()};
    auto clock = [] { return a::SystemNow(); };
    auto demo = a::CreateDemoAccounts(db_->catalog(), db_->clients(), refdata::BuiltIn(), stores,
                                      clock, a::HashCost::kTestOnly);
    ASSERT_TRUE(demo.ok()) << demo.error().ToString();
    demo_ = *demo;
    a::AccessOptions opts;
    opts.identity.hash_cost = a::HashCost::kTestOnly;
    catalog_ = std::make_unique<catalog::CatalogService>(*db_, refdata::BuiltIn());
    intake_ = std::make_unique<intake::IntakeService>(*db_, refdata::BuiltIn(), clock);
    services_ = std::make_unique<a::AccessService>(stores, refdata::BuiltIn(), clock, opts);
    guard_ = std::make_unique<AccessGuard>(*services_, *intake_, *catalog_);
    Router router = AllRoutes({*db_, *catalog_, *intake_, refdata::BuiltIn()});
    AddAccessRoutes(router, *services_, *intake_);
    AddRegistrationRoutes(router, *services_, *intake_, refdata::BuiltIn());
    auto matching = match::MatchService::Open(*db_, refdata::BuiltIn());
    ASSERT_TRUE(matching.ok()) << matching.error().ToString();
    matching_ = std::move(*matching);
    monitor_ = std::make_unique<monitor::MonitorService>(db_->map_history(), clock);
    AddMatchRoutes(router, *matching_);
    AddMonitorRoutes(router, *monitor_);
    routes_ = router.routes();
    ServerOptions options;
    options.port = 0;
    options.threads = 4;
    options.log = [](const json&) {};
    server_ = std::make_unique<Server>(options, std::move(router), guard_.get());
    ASSERT_TRUE(server_->Bind().ok());
    runner_ = std::thread([this] { (void)server_->Run(); });
  }
  void TearDown() override {
    if (server_) server_->Stop();
    if (runner_.joinable()) runner_.join();
    server_.reset();
    monitor_.reset();
    matching_.reset();
    guard_.reset();
    services_.reset();
    intake_.reset();
    catalog_.reset();
    db_.reset();
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + ext);
  }

  httplib::Client Http() const {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_read_timeout(std::chrono::seconds(20));
    return c;
  }
  const a::DemoLogin& DemoOf(a::Role role) const {
    for (const auto& d : demo_)
      if (d.role == role) return d;
    throw std::logic_error("no demo login");
  }
  Login LogIn(a::Role role) {
    const auto& d = DemoOf(role);
    auto res =
        Http().Post("/api/v1/auth/login", json{{"email", d.email}, {"password", d.password}}.dump(),
                    "application/json");
    EXPECT_TRUE(res && res->status == 200)
        << d.email << ": " << (res ? res->body : "geen antwoord");
    if (!res || res->status != 200) return {};
    const std::string set = res->get_header_value("Set-Cookie");
    EXPECT_NE(set.find("HttpOnly"), std::string::npos);
    EXPECT_NE(set.find("SameSite=Strict"), std::string::npos);
    return {set.substr(0, set.find(';')), json::parse(res->body)["csrf_token"].get<std::string>()};
  }
  httplib::Result Send(const std::string& method, const std::string& path, const Login& who,
                       std::string body = "{}", httplib::Headers extra = {}) {
    httplib::Headers h = std::move(extra);
    if (!who.cookie.empty()) h.emplace("Cookie", who.cookie);
    if (!who.csrf.empty()) h.emplace("X-CSRF-Token", who.csrf);
    auto c = Http();
    if (method == "GET") return c.Get(path, h);
    if (method == "DELETE") return c.Delete(path, h, body, "application/json");
    if (method == "PATCH") return c.Patch(path, h, body, "application/json");
    if (method == "PUT") return c.Put(path, h, body, "application/json");
    return c.Post(path, h, body, "application/json");
  }

  std::filesystem::path path_;
  std::unique_ptr<store::Database> db_;
  std::vector<a::DemoLogin> demo_;
  std::unique_ptr<catalog::CatalogService> catalog_;
  std::unique_ptr<intake::IntakeService> intake_;
  std::unique_ptr<a::AccessService> services_;
  std::unique_ptr<match::MatchService> matching_;
  std::unique_ptr<monitor::MonitorService> monitor_;
  std::vector<Route> routes_;  // what the server runs
  std::unique_ptr<AccessGuard> guard_;
  std::unique_ptr<Server> server_;
  std::thread runner_;
};

// Fills a route pattern for one target; returns "" for a parameter it cannot fill.
std::string PathFor(const std::string& pattern, const std::string& client, const std::string& id) {
  std::string out = pattern;
  auto put = [&out](const std::string& name, const std::string& value) {
    const auto at = out.find("{" + name + "}");
    if (at != std::string::npos) out.replace(at, name.size() + 2, value);
  };
  if (pattern.rfind("/api/v1/clients/{id}", 0) == 0) put("id", client);
  put("id", id);
  put("consent_id", "cns-bestaat-niet");
  put("version", "1");  // every client has version 1 (the imported record)
  put("from", "1");
  put("to", "1");
  put("code", "x");
  put("region", "5531");  // a care office's contract: the demo care office's own region
  return out.find('{') == std::string::npos ? out : "";
}

TEST_F(AccessMatrixTest, EveryCellOfTheMatrixHoldsOverHttp) {
  std::map<a::Role, Login> logins;
  for (a::Role role : a::kAllRoles) logins[role] = LogIn(role);
  int cells_checked = 0;
  for (const Route& route : server_->router().routes()) {
    if (route.permission == kPublic || route.pattern == "/api/v1/auth/logout") continue;
    const a::Permission* perm = a::FindPermission(route.permission);
    ASSERT_NE(perm, nullptr) << route.method << " " << route.pattern << " noemt bevoegdheid '"
                             << route.permission << "', die niet in de matrix staat";
    const bool about_client = route.pattern.rfind("/api/v1/clients/{id}", 0) == 0;
    const bool about_provider = route.pattern.rfind("/api/v1/providers/{id}", 0) == 0;
    const bool about_offer = route.subject.kind == RouteSubject::Kind::kOffer;
    // An aggregate of a region (the mismatch map): the demo's region 5531 and another.
    const bool about_region = route.subject.kind == RouteSubject::Kind::kRegion;
    const std::vector<std::string> targets =
        about_client   ? std::vector<std::string>{"cli-1", "cli-2", "cli-3"}
        : about_offer  ? std::vector<std::string>{"off-a", "off-b"}
        : about_region ? std::vector<std::string>{"5531", "5521"}
                       : std::vector<std::string>{"-"};
    for (a::Role role : a::kAllRoles) {
      for (const std::string& client : targets) {
        const std::string id = about_provider ? "prv-a" : about_offer ? client : "bestaat-niet";
        const std::string path =
            PathFor(route.pattern, client, id) +
            (about_region ? "?" + route.subject.param + "=" + client : std::string());
        ASSERT_FALSE(path.empty()) << route.pattern;
        const a::MatrixCell* cell = a::FindCell(role, route.permission);
        const bool allowed =
            cell != nullptr &&
            (about_region ? cell->scope == a::ScopeRule::kAll ||
                                (cell->scope == a::ScopeRule::kRegion && client == "5531")
             : about_offer ? OfferInScopeByFacts(*cell, client,
                                                 route.subject.region_param.empty() ? "" : "5531")
             : !about_client && !about_provider
                 ? true
                 : InScopeByFacts(role, *cell, client, about_provider ? "prv-a" : ""));
        auto res = Send(route.method, path, logins[role]);
        ASSERT_TRUE(res) << route.method << " " << path;
        const std::string what = std::string(a::ToString(role)) + " " + route.method + " " + path +
                                 " -> " + std::to_string(res->status) + " " + res->body;
        ++cells_checked;
        if (allowed) {
          EXPECT_TRUE(res->status != 401 && res->status != 403 && res->status < 500)
              << "toegestaan: " << what;
          if (res->status == 404) {
            EXPECT_NE(json::parse(res->body).value("detail", ""), a::NotFoundOrHidden().message())
                << "toegestaan, maar geweigerd: " << what;
          }
        } else if (about_client || about_provider || about_offer) {
          // Outside scope reads exactly like a client (or offer) that does not exist.
          auto none = Send(route.method,
                           PathFor(route.pattern, "cli-bestaat-niet",
                                   about_offer ? std::string("off-bestaat-niet") : id),
                           logins[role]);
          EXPECT_EQ(res->status, 404) << "geweigerd: " << what;
          EXPECT_EQ(json::parse(res->body)["detail"], json::parse(none->body)["detail"]) << what;
        } else {
          EXPECT_EQ(res->status, 403) << "geweigerd: " << what;
        }
      }
    }
  }
  // The catalogue is public, so it adds no cells.
  EXPECT_GT(cells_checked, 250);
}

TEST_F(AccessMatrixTest, EveryGuardedRouteDeclaresItsSubjectAndItFitsThePath) {
  using Kind = RouteSubject::Kind;
  int guarded = 0, about_client = 0;
  for (const Route& route : routes_) {
    if (route.permission == kPublic) continue;
    ++guarded;
    const std::string what = route.method + " " + route.pattern;
    ASSERT_NE(route.subject.kind, Kind::kUndeclared) << what;
    const a::Permission* permission = a::FindPermission(route.permission);
    ASSERT_NE(permission, nullptr) << what;
    const bool names_client = route.pattern.find("/clients/{") != std::string::npos;
    switch (route.subject.kind) {
      case Kind::kClient:
        ++about_client;
        EXPECT_NE(route.pattern.find("/clients/{" + route.subject.param + "}"), std::string::npos)
            << what;
        break;
      case Kind::kProvider:
        EXPECT_NE(route.pattern.find("/providers/{" + route.subject.param + "}"), std::string::npos)
            << what;
        break;
      case Kind::kOffer:
        EXPECT_NE(route.pattern.find("/offers/{" + route.subject.param + "}"), std::string::npos)
            << what;
        break;
      case Kind::kNone:
      case Kind::kRegion: EXPECT_FALSE(names_client) << what; break;
      case Kind::kUndeclared: break;
    }
    // Personal data of one client is only reachable through a route that names the client,
    // so the policy knows whose data it is and logs it.
    if (permission->about_client) {
      EXPECT_EQ(route.subject.kind, Kind::kClient) << what;
    }
  }
  EXPECT_GT(guarded, 15);
  // client (GET, PATCH), versions, one version, diff, report, registration form, consents
  // (3), access log, export, erasure, the dossier in FHIR (GET, PUT), matches, suggestions
  EXPECT_EQ(about_client, 17);
}

TEST_F(AccessMatrixTest, WithoutLoginEveryGuardedRouteAnswers401) {
  for (const Route& route : server_->router().routes()) {
    if (route.permission == kPublic) continue;
    auto res = Send(route.method, PathFor(route.pattern, "cli-1", "x"), {});
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 401) << route.method << " " << route.pattern;
  }
  auto forged = Send("GET", "/api/v1/auth/me", {"passend_session=verzonnen", ""});
  EXPECT_EQ(forged->status, 401);
}

TEST_F(AccessMatrixTest, StateChangesWithASessionNeedTheCsrfToken) {
  Login client = LogIn(a::Role::kClient);
  const std::string body =
      json{{"organisation_ids", {"org-demo-ciz"}}, {"purpose", "indication"}}.dump();
  auto without = Send("POST", "/api/v1/clients/cli-1/consents", {client.cookie, ""}, body);
  EXPECT_EQ(without->status, 403);
  auto wrong = Send("POST", "/api/v1/clients/cli-1/consents", {client.cookie, "verkeerd"}, body);
  EXPECT_EQ(wrong->status, 403);
  auto with = Send("POST", "/api/v1/clients/cli-1/consents", client, body);
  EXPECT_EQ(with->status, 201) << with->body;
}

TEST_F(AccessMatrixTest, ConsentOpensAndWithdrawalClosesTheDossier) {
  Login ciz = LogIn(a::Role::kCiz);
  Login client = LogIn(a::Role::kClient);
  EXPECT_EQ(Send("GET", "/api/v1/clients/cli-1", ciz)->status, 404);
  auto given = Send("POST", "/api/v1/clients/cli-1/consents", client,
                    json{{"organisation_ids", {"org-demo-ciz"}}, {"purpose", "indication"}}.dump());
  ASSERT_EQ(given->status, 201) << given->body;
  EXPECT_EQ(Send("GET", "/api/v1/clients/cli-1", ciz)->status, 200);
  const std::string id = json::parse(given->body)["id"];
  EXPECT_EQ(Send("DELETE", "/api/v1/clients/cli-1/consents/" + id, client)->status, 200);
  EXPECT_EQ(Send("GET", "/api/v1/clients/cli-1", ciz)->status, 404);
}

// Issue 23.12: one rule for the dossier and its export: whoever gets a client's export
// over HTTP also gets the client's record, and whoever is refused the record (404) is
// refused the export the same way.
TEST_F(AccessMatrixTest, ExportFollowsTheReadRule) {
  for (a::Role role : a::kAllRoles) {
    Login who = LogIn(role);
    for (const char* client : {"cli-1", "cli-2", "cli-3"}) {
      const std::string path = std::string("/api/v1/clients/") + client;
      auto read = Send("GET", path, who);
      auto exp = Send("GET", path + "/export", who);
      ASSERT_TRUE(read && exp);
      if (exp->status == 200) {
        EXPECT_EQ(read->status, 200)
            << a::ToString(role) << " exporteert " << client << " maar mag het niet lezen";
      }
      if (read->status == 404) {
        EXPECT_EQ(exp->status, 404) << a::ToString(role) << " " << client;
      }
    }
  }
}

// Issue 23.16: a refused attempt about a client (the 404 that reads like a missing
// client) is in the access log too, and every entry says where it came from: the address
// and the session or API token.
TEST_F(AccessMatrixTest, DeniedAttemptsAreLoggedWithSourceAndSession) {
  Login provider = LogIn(a::Role::kProvider);
  EXPECT_EQ(Send("GET", "/api/v1/clients/cli-3", provider)->status, 404);
  EXPECT_EQ(Send("GET", "/api/v1/clients/cli-bestaat-niet", provider)->status, 404);
  EXPECT_EQ(Send("GET", "/api/v1/clients/cli-1", provider)->status, 200);
  const std::string user = DemoOf(a::Role::kProvider).user_id;
  for (const char* client : {"cli-3", "cli-bestaat-niet", "cli-1"}) {
    auto entries = db_->audit().AuditForClient(client, 0, 10);
    ASSERT_TRUE(entries.ok());
    ASSERT_EQ(entries->size(), 1u) << client;
    const a::AuditEntry& e = entries->front();
    EXPECT_EQ(e.user_id, user);
    EXPECT_EQ(e.resource, "client");
    EXPECT_EQ(e.action, "read");
    EXPECT_EQ(e.outcome, std::string(client) == "cli-1" ? "" : "denied") << client;
    EXPECT_EQ(e.source, "127.0.0.1") << client;
    EXPECT_EQ(e.credential.rfind("ses-", 0), 0u) << client << ": " << e.credential;
  }
  EXPECT_TRUE(services_->audit.Verify()->ok());
  // An API token is named as the token.
  auto token = services_->identity.tokens().Issue(DemoOf(a::Role::kProvider).user_id, "koppeling",
                                                  a::SystemNow() + std::chrono::hours(24));
  ASSERT_TRUE(token.ok()) << token.error().ToString();
  auto res = Http().Get("/api/v1/clients/cli-2", {{"Authorization", "Bearer " + token->secret}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  auto entries = db_->audit().AuditForClient("cli-2", 0, 1);
  ASSERT_EQ(entries->size(), 1u);
  EXPECT_EQ(entries->front().credential, token->token.id);
  EXPECT_EQ(entries->front().outcome, "");
}

// Issue 23.9: a short or long X-Emergency-Reason never tells whether a client exists.
// Issue 23.2: the mismatch map and its trend are aggregates of one region. Every role that
// may read them (care office, provider, researcher) reads its own organisation's region
// only; other regions and roles without the cell get 403; and every read, allowed or
// refused, is in the access log with who, the region and the outcome.
TEST_F(AccessMatrixTest, TheMismatchMapIsReadInOwnRegionOnlyAndEveryReadIsLogged) {
  struct Read {
    a::Role role;
    std::string path, region;
    int status;
  };
  std::vector<Read> reads;
  for (a::Role role : {a::Role::kZorgkantoor, a::Role::kProvider, a::Role::kResearcher,
                       a::Role::kClient, a::Role::kAdmin}) {
    const bool reader =
        role == a::Role::kZorgkantoor || role == a::Role::kProvider || role == a::Role::kResearcher;
    for (const char* path : {"/api/v1/mismatch", "/api/v1/mismatch/trend"}) {
      reads.push_back({role, path, "5531", reader ? 200 : 403});
      reads.push_back({role, path, "5521", 403});
    }
  }
  std::map<a::Role, Login> logins;
  for (const Read& r : reads) {
    if (!logins.count(r.role)) logins[r.role] = LogIn(r.role);
    auto res = Send("GET", r.path + "?region=" + r.region, logins[r.role]);
    ASSERT_TRUE(res) << r.path;
    EXPECT_EQ(res->status, r.status)
        << a::ToString(r.role) << " " << r.path << "?region=" << r.region << ": " << res->body;
  }
  // Without a region nothing is read (400) and nothing is logged.
  auto none = Send("GET", "/api/v1/mismatch", logins[a::Role::kProvider]);
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 400);

  std::vector<a::AuditEntry> logged;
  ASSERT_TRUE(db_->audit()
                  .ForEachAudit([&](const a::AuditEntry& e) -> Status {
                    if (e.resource == "report") logged.push_back(e);
                    return Ok();
                  })
                  .ok());
  ASSERT_EQ(logged.size(), reads.size());
  for (size_t i = 0; i < reads.size(); ++i) {
    const Read& r = reads[i];
    const a::AuditEntry& e = logged[i];
    const std::string what = std::string(a::ToString(r.role)) + " " + r.path + " " + r.region;
    EXPECT_EQ(e.user_id, DemoOf(r.role).user_id) << what;
    EXPECT_EQ(e.role, a::ToString(r.role)) << what;
    EXPECT_EQ(e.action, "read") << what;
    EXPECT_EQ(e.client_id, "") << what;
    EXPECT_NE(e.reason.find("regio " + r.region), std::string::npos) << what << ": " << e.reason;
    EXPECT_EQ(e.outcome, r.status == 200 ? "" : "denied") << what;
    EXPECT_EQ(e.source, "127.0.0.1") << what;
    EXPECT_EQ(e.credential.rfind("ses-", 0), 0u) << what << ": " << e.credential;
  }
}

// The trend over HTTP answers the moments kept (passend mismatch --bewaar), oldest first, in
// the same JSON as `passend mismatch --trend --json`.
TEST_F(AccessMatrixTest, TheTrendAnswersTheKeptMoments) {
  const Login office = LogIn(a::Role::kZorgkantoor);
  auto empty = Send("GET", "/api/v1/mismatch/trend?region=5531", office);
  ASSERT_TRUE(empty);
  ASSERT_EQ(empty->status, 200) << empty->body;
  EXPECT_EQ(json::parse(empty->body)["moments"], json::array());

  std::vector<std::string> kept;
  for (int hours_ago : {48, 24}) {
    const a::Time at = a::SystemNow() - std::chrono::hours(hours_ago);
    monitor::MonitorService then(db_->map_history(), [at] { return at; });
    auto map = matching_->ComputeMap("5531", [](int64_t, int64_t) {});
    ASSERT_TRUE(map.ok()) << map.error().ToString();
    auto moment = then.KeepMoment(*map, 5);
    ASSERT_TRUE(moment.ok()) << moment.error().ToString();
    kept.push_back(moment->taken_at);
  }
  auto res = Send("GET", "/api/v1/mismatch/trend?region=5531", office);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const json body = json::parse(res->body);
  EXPECT_EQ(body["region"], "5531");
  ASSERT_EQ(body["moments"].size(), 2u) << body.dump();
  EXPECT_EQ(body["moments"][0]["taken_at"], kept[0]);
  EXPECT_EQ(body["moments"][1]["taken_at"], kept[1]);
  auto rendered = monitor_->Trend("5531");
  ASSERT_TRUE(rendered.ok());
  EXPECT_EQ(body, *rendered);
  // Another region's moments are not the care office's to read.
  auto other = Send("GET", "/api/v1/mismatch/trend?region=5521", office);
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 403);
}

TEST_F(AccessMatrixTest, EmergencyReasonIsNoExistenceOracle) {
  for (a::Role role : {a::Role::kProvider, a::Role::kCiz, a::Role::kResearcher}) {
    Login who = LogIn(role);
    for (const char* reason : {"kort", "cliënt onwel op de dagbesteding"}) {
      auto existing =
          Send("GET", "/api/v1/clients/cli-3", who, "", {{"X-Emergency-Reason", reason}});
      auto missing = Send("GET", "/api/v1/clients/cli-bestaat-niet", who, "",
                          {{"X-Emergency-Reason", reason}});
      ASSERT_TRUE(existing && missing);
      const bool opened = existing->status == 200;
      if (opened) {
        // Emergency access opened the record: the role may do that, and it was logged.
        EXPECT_TRUE(a::FindCell(role, "client.read")->emergency) << a::ToString(role);
        EXPECT_EQ(missing->status, 404);
        continue;
      }
      EXPECT_EQ(existing->status, missing->status) << a::ToString(role) << " " << reason;
      // The same problem, apart from the path it names (instance) and the request id.
      auto e = json::parse(existing->body), m = json::parse(missing->body);
      for (auto* b : {&e, &m}) b->erase("instance"), b->erase("request_id");
      EXPECT_EQ(e, m) << a::ToString(role) << " " << reason;
    }
  }
}

TEST_F(AccessMatrixTest, TheClientSeesWhoLookedAndWhy) {
  Login provider = LogIn(a::Role::kProvider);
  ASSERT_EQ(Send("GET", "/api/v1/clients/cli-1", provider)->status, 200);
  auto emergency = Send("GET", "/api/v1/clients/cli-3", provider, "",
                        {{"X-Emergency-Reason", "cliënt onwel op de dagbesteding"}});
  EXPECT_EQ(emergency->status, 200);
  Login client = LogIn(a::Role::kClient);
  auto log = Send("GET", "/api/v1/clients/cli-1/access-log", client);
  ASSERT_EQ(log->status, 200) << log->body;
  auto items = json::parse(log->body)["items"];
  ASSERT_GE(items.size(), 1u);
  bool seen = false;
  for (const auto& e : items)
    if (e["user_id"] == DemoOf(a::Role::kProvider).user_id && e["resource"] == "client") {
      seen = true;
      EXPECT_EQ(e["organisation_id"], "org-demo-aanbieder");
      // Who it was in words, for the client: the organisation's name and the role.
      EXPECT_EQ(e["organisation_name"],
                db_->accounts().GetOrganisation("org-demo-aanbieder")->name);
      EXPECT_EQ(e["role_nl"], std::string(a::LabelNl(a::Role::kProvider)));
      EXPECT_NE(e["reason"].get<std::string>().find("toestemming cns-"), std::string::npos);
      // For the client, the purpose in words instead of the consent's id.
      EXPECT_EQ(e["reason_nl"].get<std::string>().rfind("met toestemming voor ", 0), 0u)
          << e["reason_nl"];
      EXPECT_EQ(e["reason_nl"].get<std::string>().find("cns-"), std::string::npos);
    }
  EXPECT_TRUE(seen) << log->body;
  // Bad paging parameters name themselves.
  for (const auto& [query, field] :
       std::vector<std::pair<std::string, std::string>>{{"before=abc", "before"},
                                                        {"before=-1", "before"},
                                                        {"limit=0", "limit"},
                                                        {"limit=12x", "limit"}}) {
    auto bad = Send("GET", "/api/v1/clients/cli-1/access-log?" + query, client);
    ASSERT_EQ(bad->status, 400) << query;
    EXPECT_EQ(json::parse(bad->body)["field"], field) << query;
  }
  auto other = db_->audit().AuditForClient("cli-3", 0, 10);
  ASSERT_EQ(other->size(), 1u);
  EXPECT_NE(other->front().reason.find("noodtoegang"), std::string::npos);
  EXPECT_TRUE(services_->audit.Verify()->ok());
}

TEST_F(AccessMatrixTest, ApiTokensWorkWithoutCookiesAndCanBeRevoked) {
  Login admin = LogIn(a::Role::kAdmin);
  auto made = Send("POST", "/api/v1/api-tokens", admin,
                   json{{"user_id", DemoOf(a::Role::kZorgkantoor).user_id},
                        {"name", "koppeling"},
                        {"expires_at", a::FormatUtc(a::SystemNow() + std::chrono::days(30))}}
                       .dump());
  ASSERT_EQ(made->status, 201) << made->body;
  const auto token = json::parse(made->body);
  httplib::Headers bearer{{"Authorization", "Bearer " + token["secret"].get<std::string>()}};
  EXPECT_EQ(Send("GET", "/api/v1/clients/cli-1", {}, "", bearer)->status, 200);
  EXPECT_EQ(Send("GET", "/api/v1/clients/cli-3", {}, "", bearer)->status, 404);  // other region
  auto me = Send("GET", "/api/v1/auth/me", {}, "", bearer);
  ASSERT_EQ(me->status, 200) << me->body;
  EXPECT_EQ(json::parse(me->body)["via_api_token"], true) << me->body;
  EXPECT_EQ(json::parse(Send("GET", "/api/v1/auth/me", admin)->body)["via_api_token"], false);
  EXPECT_EQ(Send("DELETE", "/api/v1/api-tokens/" + token["id"].get<std::string>(), admin)->status,
            200);
  EXPECT_EQ(Send("GET", "/api/v1/clients/cli-1", {}, "", bearer)->status, 401);
  // Regression (issue 23, item 15): every token expires, within the documented maximum.
  for (const json& expiry : {json(nullptr), json("2020-01-01"),
                             json(a::FormatUtc(a::SystemNow() + std::chrono::days(400)))}) {
    auto refused = Send("POST", "/api/v1/api-tokens", admin,
                        json{{"user_id", DemoOf(a::Role::kZorgkantoor).user_id},
                             {"name", "zonder einde"},
                             {"expires_at", expiry}}
                            .dump());
    EXPECT_EQ(refused->status, 400) << expiry << refused->body;
    EXPECT_EQ(json::parse(refused->body).value("field", ""), "expires_at");
  }
}

TEST_F(AccessMatrixTest, LogoutEndsTheSessionAndLoginsAreThrottled) {
  Login oco = LogIn(a::Role::kOco);
  EXPECT_EQ(Send("POST", "/api/v1/auth/logout", oco)->status, 200);
  EXPECT_EQ(Send("GET", "/api/v1/auth/me", oco)->status, 401);
  const std::string wrong =
      json{{"email", DemoOf(a::Role::kWijkteam).email}, {"password", "fout fout fout"}}.dump();
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(Http().Post("/api/v1/auth/login", wrong, "application/json")->status, 401);
  auto throttled = Http().Post("/api/v1/auth/login", wrong, "application/json");
  EXPECT_EQ(throttled->status, 429);
  // Regression (issue 23, item 5): the 429 says how long to wait.
  EXPECT_EQ(throttled->get_header_value("Retry-After"), "60") << throttled->body;
  auto bad = Http().Post("/api/v1/auth/login", R"({"email": 3})", "application/json");
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(json::parse(bad->body)["field"], "email");
}

}  // namespace
}  // namespace passend::api

namespace passend::api {
namespace {

// Regression (issue 23, item 8): a misspelt "valid_untill" gave 201 without an end date
// and PATCH {"actve": false} gave 200 with the account still active.
TEST_F(AccessMatrixTest, UnknownFieldsInWriteBodiesAre400NamingThem) {
  Login admin = LogIn(a::Role::kAdmin);
  Login client = LogIn(a::Role::kClient);
  struct Case {
    std::string method, path;
    Login who;
    json body;
    std::string field;
  };
  const std::string user = DemoOf(a::Role::kWijkteam).user_id;
  const std::vector<Case> cases = {
      {"POST",
       "/api/v1/clients/cli-1/consents",
       client,
       {{"organisation_ids",
         {db_->accounts().GetUser(DemoOf(a::Role::kProvider).user_id)->organisation_id}},
        {"purpose", "care_delivery"},
        {"valid_untill", "2030-01-01"}},
       "valid_untill"},
      {"PATCH", "/api/v1/users/" + user, admin, {{"actve", false}}, "actve"},
      {"POST",
       "/api/v1/users",
       admin,
       {{"email", "nieuw@example.org"},
        {"display_name", "Nieuw"},
        {"role", "wijkteam"},
        {"password", "een lang wachtwoord"},
        {"rol", "admin"}},
       "rol"},
      {"POST",
       "/api/v1/organisations",
       admin,
       {{"name", "X"}, {"kind", "wijkteam"}, {"regio", ""}},
       "regio"},
      {"POST",
       "/api/v1/api-tokens",
       admin,
       {{"user_id", user}, {"name", "k"}, {"expires_at", "2030-01-01"}, {"scope", "alles"}},
       "scope"},
      {"POST",
       "/api/v1/clients/cli-1/erase",
       admin,
       {{"reason", "verzoek"}, {"force", true}},
       "force"},
  };
  for (const Case& c : cases) {
    auto res = Send(c.method, c.path, c.who, c.body.dump());
    ASSERT_TRUE(res) << c.path;
    EXPECT_EQ(res->status, 400) << c.method << " " << c.path << ": " << res->body;
    EXPECT_EQ(json::parse(res->body).value("field", ""), c.field) << res->body;
  }
  auto login = Http().Post("/api/v1/auth/login",
                           json{{"email", DemoOf(a::Role::kOco).email},
                                {"password", DemoOf(a::Role::kOco).password},
                                {"remember", true}}
                               .dump(),
                           "application/json");
  EXPECT_EQ(login->status, 400);
  // Nothing was written: the account is still active, no consent with a wrong end date.
  EXPECT_TRUE(db_->accounts().GetUser(user)->active);
  auto forms = db_->consents().ConsentsForClient("cli-1");
  ASSERT_TRUE(forms.ok());
  for (const auto& f : *forms) EXPECT_FALSE(f.valid_until);
}

// Issue 21: a provider keeps its own offer up to date with one request per change; the
// care office may too for offers in its region; each change is in the offer's history.
TEST_F(AccessMatrixTest, AProviderUpdatesItsOwnOfferAndTheHistorySaysWhoAndWhen) {
  Login provider = LogIn(a::Role::kProvider);
  auto res = Send("PATCH", "/api/v1/offers/off-a", provider, R"({"free_places": 4})");
  ASSERT_EQ(res->status, 200) << res->body;
  json offer = json::parse(res->body);
  EXPECT_EQ(offer["free_places"], 4);
  EXPECT_EQ(offer["maybe_outdated"], false);
  EXPECT_FALSE(offer["places_updated"].get<std::string>().empty());
  EXPECT_EQ(offer["last_updated"], offer["places_updated"]);
  // The public read shows the same.
  auto read = Http().Get("/api/v1/offers/off-a");
  EXPECT_EQ(json::parse(read->body)["free_places"], 4);

  Login office = LogIn(a::Role::kZorgkantoor);
  auto by_office = Send("PATCH", "/api/v1/offers/off-a", office,
                        json{{"waiting_weeks", 6},
                             {"description", "Kleinschalig wonen aan de Maas"},
                             {"features", {{"tuin", true}, {"huisdier_toegestaan", false}}},
                             {"intake_contact", "043 123 45 67"}}
                            .dump());
  ASSERT_EQ(by_office->status, 200) << by_office->body;
  offer = json::parse(by_office->body);
  EXPECT_EQ(offer["waiting_weeks"], 6);
  EXPECT_EQ(offer["intake_contact"], "043 123 45 67");
  // (the body's features in name order, as JSON objects are read)
  EXPECT_EQ(offer["features"], json::parse(R"([{"feature_id": "huisdier_toegestaan", "value": 0.0},
                            {"feature_id": "tuin", "value": 1.0}])"));
  // Unknown again: taken off the list.
  auto unknown = Send("PATCH", "/api/v1/offers/off-a", provider, R"({"features": {"tuin": null}})");
  ASSERT_EQ(unknown->status, 200) << unknown->body;
  EXPECT_EQ(json::parse(unknown->body)["features"].size(), 1u);

  auto history = Send("GET", "/api/v1/offers/off-a/changes", provider);
  ASSERT_EQ(history->status, 200) << history->body;
  const json items = json::parse(history->body)["items"];
  ASSERT_EQ(items.size(), 7u) << items.dump();
  EXPECT_EQ(items[0]["field"], "free_places");
  EXPECT_EQ(items[0]["old_value"], "1");
  EXPECT_EQ(items[0]["new_value"], "4");
  EXPECT_EQ(items[0]["user_id"], DemoOf(a::Role::kProvider).user_id);
  EXPECT_EQ(items[0]["organisation_id"], "org-demo-aanbieder");
  EXPECT_EQ(items[1]["user_id"], DemoOf(a::Role::kZorgkantoor).user_id);
  EXPECT_EQ(items[4]["field"], "features.huisdier_toegestaan");
  EXPECT_EQ(items[6]["field"], "features.tuin");
  EXPECT_EQ(items[6]["new_value"], "");
  EXPECT_FALSE(a::ParseUtc(items[0]["changed_at"].get<std::string>()) == std::nullopt);

  // Another provider's offer, or one outside the care office's region: as if absent.
  EXPECT_EQ(Send("PATCH", "/api/v1/offers/off-b", provider, R"({"free_places": 0})")->status, 404);
  EXPECT_EQ(Send("PATCH", "/api/v1/offers/off-b", office, R"({"free_places": 0})")->status, 404);
  EXPECT_EQ(db_->catalog().GetOffer("off-b")->free_places, 1);
  // A client may not change the offer at all.
  EXPECT_EQ(Send("PATCH", "/api/v1/offers/off-a", LogIn(a::Role::kClient), R"({"free_places": 0})")
                ->status,
            404);
}

// Issue 21.2: the care office keeps the register over HTTP. A provider submits itself (its
// account names the provider), the care office submits, approves and suspends; the public
// catalogue shows approved providers only; every decision says who and when.
TEST_F(AccessMatrixTest, TheCareOfficeKeepsTheRegisterOverHttp) {
  Login provider = LogIn(a::Role::kProvider);
  Login office = LogIn(a::Role::kZorgkantoor);
  // The demo provider's account is for prv-a, which the register has.
  auto own = Send("POST", "/api/v1/providers", provider, R"({"name": "Zorggroep A"})");
  EXPECT_EQ(own->status, 409) << own->body;

  auto made = Send("POST", "/api/v1/providers", office,
                   R"({"name": "Nieuw Thuis", "kvk_number": "41234567", "established": false})");
  ASSERT_EQ(made->status, 201) << made->body;
  const json p = json::parse(made->body);
  const std::string id = p["id"];
  EXPECT_EQ(p["register_status"], "submitted");
  EXPECT_EQ(Http().Get("/api/v1/providers/" + id)->status, 404);  // not public yet
  auto bad = Send("POST", "/api/v1/providers", office, R"({"name": "X", "agb_code": "12"})");
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(json::parse(bad->body)["field"], "agb_code");

  auto submitted = Send("GET", "/api/v1/register?status=submitted", office);
  ASSERT_EQ(submitted->status, 200) << submitted->body;
  ASSERT_EQ(json::parse(submitted->body)["items"].size(), 1u);
  EXPECT_EQ(json::parse(submitted->body)["items"][0]["id"], id);
  EXPECT_EQ(Send("GET", "/api/v1/register", provider)->status, 403);

  auto approved = Send("PUT", "/api/v1/providers/" + id + "/register-status", office,
                       R"({"status": "approved"})");
  ASSERT_EQ(approved->status, 200) << approved->body;
  EXPECT_EQ(Http().Get("/api/v1/providers/" + id)->status, 200);
  EXPECT_EQ(Send("PUT", "/api/v1/providers/" + id + "/register-status", office,
                 R"({"status": "approved"})")
                ->status,
            409);

  // Suspending needs a reason; a provider may not decide.
  auto no_reason =
      Send("PUT", "/api/v1/providers/prv-b/register-status", office, R"({"status": "suspended"})");
  EXPECT_EQ(no_reason->status, 400);
  EXPECT_EQ(json::parse(no_reason->body)["field"], "reason");
  EXPECT_EQ(Send("PUT", "/api/v1/providers/prv-b/register-status", provider,
                 R"({"status": "suspended", "reason": "x"})")
                ->status,
            404);
  ASSERT_EQ(Send("PUT", "/api/v1/providers/prv-b/register-status", office,
                 R"({"status": "suspended", "reason": "Inspectie: onvoldoende zorg"})")
                ->status,
            200);
  // Gone from the public catalogue: the provider, its locations and its offers.
  EXPECT_EQ(Http().Get("/api/v1/providers/prv-b")->status, 404);
  EXPECT_EQ(Http().Get("/api/v1/offers/off-b")->status, 404);
  EXPECT_EQ(Http().Get("/api/v1/locations/loc-prv-b")->status, 404);
  for (const char* list : {"/api/v1/providers", "/api/v1/offers", "/api/v1/locations"}) {
    const std::string body = Http().Get(list)->body;
    // Quoted: the provider the office submitted has a random id that may begin "prv-b".
    EXPECT_EQ(body.find("\"prv-b\""), std::string::npos) << list << ": " << body;
    EXPECT_NE(body.find("prv-a"), std::string::npos) << list << ": " << body;
  }
  // A suspended provider's offer can still be kept up to date (here by the administrator).
  EXPECT_EQ(Send("PATCH", "/api/v1/offers/off-b", LogIn(a::Role::kAdmin), R"({"free_places": 0})")
                ->status,
            200);

  auto history = Send("GET", "/api/v1/providers/prv-b/register-changes", office);
  ASSERT_EQ(history->status, 200) << history->body;
  const json items = json::parse(history->body)["items"];
  ASSERT_EQ(items.size(), 2u) << items.dump();
  EXPECT_EQ(items[0]["field"], "register_status");
  EXPECT_EQ(items[0]["old_value"], "approved");
  EXPECT_EQ(items[0]["new_value"], "suspended");
  EXPECT_EQ(items[0]["user_id"], DemoOf(a::Role::kZorgkantoor).user_id);
  EXPECT_EQ(items[1]["new_value"], "Inspectie: onvoldoende zorg");
  EXPECT_EQ(Send("GET", "/api/v1/providers/prv-b/register-changes", provider)->status, 404);
}

// Issue 21.2: the care office sets its own region's contract for any offer (also one
// across the border), and sees the offers in its region that are out of date.
TEST_F(AccessMatrixTest, TheCareOfficeContractsForItsRegionAndSeesOutdatedOffers) {
  Login office = LogIn(a::Role::kZorgkantoor);  // region 5531
  auto in_kind =
      Send("PUT", "/api/v1/offers/off-b/contracts/5531", office, R"({"contract": "in_kind"})");
  ASSERT_EQ(in_kind->status, 200) << in_kind->body;
  EXPECT_EQ(json::parse(in_kind->body)["contracted_regions"], json::array({"5531"}));
  EXPECT_EQ(db_->catalog().GetOffer("off-b")->contracted_regions, std::vector<std::string>{"5531"});
  // Another region's contract is not this care office's to set, nor is it the provider's.
  EXPECT_EQ(
      Send("PUT", "/api/v1/offers/off-b/contracts/5521", office, R"({"contract": "pgb_only"})")
          ->status,
      404);
  EXPECT_EQ(Send("PUT", "/api/v1/offers/off-a/contracts/5531", LogIn(a::Role::kProvider),
                 R"({"contract": "pgb_only"})")
                ->status,
            404);
  auto bad = Send("PUT", "/api/v1/offers/off-b/contracts/5531", office, R"({"contract": "ja"})");
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(json::parse(bad->body)["field"], "contract");
  auto pgb =
      Send("PUT", "/api/v1/offers/off-b/contracts/5531", office, R"({"contract": "pgb_only"})");
  ASSERT_EQ(pgb->status, 200);
  EXPECT_TRUE(json::parse(pgb->body)["contracted_regions"].empty());
  auto changes = db_->catalog().OfferChanges("off-b");
  ASSERT_EQ(changes->size(), 2u);
  EXPECT_EQ((*changes)[1].field, "contract.5531");
  EXPECT_EQ((*changes)[1].new_value, "pgb_only");
  EXPECT_EQ((*changes)[1].user_id, DemoOf(a::Role::kZorgkantoor).user_id);

  // Out of date: off-a (5531) and off-b (5521) were last stated a year ago.
  for (const char* id : {"off-a", "off-b"}) {
    auto o = *db_->catalog().GetOffer(id);
    o.places_updated = o.details_updated = "2025-11-01T00:00:00Z";
    ASSERT_TRUE(db_->catalog().PutOffer(o).ok());
  }
  auto outdated = Send("GET", "/api/v1/offers/outdated", office);
  ASSERT_EQ(outdated->status, 200) << outdated->body;
  json items = json::parse(outdated->body)["items"];
  ASSERT_EQ(items.size(), 1u) << items.dump();
  EXPECT_EQ(items[0]["id"], "off-a");
  EXPECT_EQ(items[0]["maybe_outdated"], true);
  // Asking for another region gives nothing outside its own; the administrator sees all.
  EXPECT_TRUE(json::parse(Send("GET", "/api/v1/offers/outdated?region=5521", office)->body)["items"]
                  .empty());
  Login admin = LogIn(a::Role::kAdmin);
  EXPECT_EQ(json::parse(Send("GET", "/api/v1/offers/outdated", admin)->body)["items"].size(), 2u);
  items = json::parse(Send("GET", "/api/v1/offers/outdated?region=5521", admin)->body)["items"];
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]["id"], "off-b");
  EXPECT_EQ(Send("GET", "/api/v1/offers/outdated", LogIn(a::Role::kProvider))->status, 403);
}

// Issue 21.4: the care office reads and writes the catalogue as CSV or HSDS over HTTP; a
// file with a problem is refused whole with every problem named, or with valid_only=true
// its good records are written; the CSV template is public.
TEST_F(AccessMatrixTest, TheCareOfficeMovesTheCatalogueInTheFieldsFormats) {
  Login office = LogIn(a::Role::kZorgkantoor);
  auto csv = Send("GET", "/api/v1/catalog/export?format=csv", office);
  ASSERT_EQ(csv->status, 200) << csv->body;
  EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv->body.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv->body.find("off-a;"), std::string::npos) << csv->body;
  EXPECT_EQ(Send("GET", "/api/v1/catalog/export?format=csv", LogIn(a::Role::kProvider))->status,
            403);
  EXPECT_EQ(Send("GET", "/api/v1/catalog/export?format=xml", office)->status, 400);

  auto hsds = Send("GET", "/api/v1/catalog/export?format=hsds", office);
  ASSERT_EQ(hsds->status, 200) << hsds->body;
  EXPECT_EQ(json::parse(hsds->body)["total_items"], 2);
  auto again = Send("POST", "/api/v1/catalog/import?format=hsds", office, hsds->body);
  ASSERT_EQ(again->status, 200) << again->body;
  EXPECT_EQ(json::parse(again->body)["offers"], 2);
  auto fhir = Send("GET", "/api/v1/catalog/export?format=fhir", office);
  ASSERT_EQ(fhir->status, 200) << fhir->body;
  EXPECT_EQ(json::parse(fhir->body)["resourceType"], "Bundle");
  auto back = Send("POST", "/api/v1/catalog/import?format=fhir", office, fhir->body);
  ASSERT_EQ(back->status, 200) << back->body;
  EXPECT_EQ(json::parse(back->body)["offers"], 2);

  // The template imports as it is: a new provider with one offer.
  auto tpl = Http().Get("/api/v1/catalog/csv-template");
  ASSERT_EQ(tpl->status, 200);
  auto added = Send("POST", "/api/v1/catalog/import?format=csv", office, tpl->body);
  ASSERT_EQ(added->status, 200) << added->body;
  EXPECT_EQ(json::parse(added->body)["offers"], 1);
  EXPECT_TRUE(db_->catalog().GetOffer("off-voorbeeld").ok());

  // A negative capacity on the second data row: refused whole, the row and column named.
  std::string bad = tpl->body + tpl->body.substr(tpl->body.find("\r\n") + 2);
  const size_t second = bad.rfind("prv-voorbeeld");
  bad.replace(bad.find(";off-voorbeeld;", second), 15, ";off-tweede;");
  bad.replace(bad.find(";16;2;", second), 6, ";-1;0;");
  auto refused = Send("POST", "/api/v1/catalog/import?format=csv", office, bad);
  ASSERT_EQ(refused->status, 400) << refused->body;
  const json problem = json::parse(refused->body);
  ASSERT_EQ(problem["problems"].size(), 1u) << problem.dump();
  EXPECT_EQ(problem["problems"][0]["record"], "rij 3");
  EXPECT_EQ(problem["problems"][0]["field"], "capaciteit");
  EXPECT_FALSE(db_->catalog().GetOffer("off-tweede").ok());
  auto partly = Send("POST", "/api/v1/catalog/import?format=csv&valid_only=true", office, bad);
  ASSERT_EQ(partly->status, 200) << partly->body;
  EXPECT_EQ(json::parse(partly->body)["records_left_out"], 1);
  EXPECT_EQ(json::parse(partly->body)["problems"][0]["field"], "capaciteit");
}

// Issue 21: If-Match on an offer is optional; with it, a change made on an old read is a
// 412 and writes nothing, so two people updating the same offer do not undo each other.
TEST_F(AccessMatrixTest, AnOfferChangeOnAnOldReadIs412) {
  Login provider = LogIn(a::Role::kProvider);
  auto read = Http().Get("/api/v1/offers/off-a");
  ASSERT_EQ(read->status, 200);
  const std::string tag = read->get_header_value("ETag");
  ASSERT_EQ(tag.size(), 18u) << tag;  // a quoted hash
  // The same read gives the same tag; someone else changes the offer meanwhile.
  EXPECT_EQ(Http().Get("/api/v1/offers/off-a")->get_header_value("ETag"), tag);
  auto other = Send("PATCH", "/api/v1/offers/off-a", provider, R"({"waiting_weeks": 3})");
  ASSERT_EQ(other->status, 200);
  const std::string now = other->get_header_value("ETag");
  EXPECT_NE(now, tag);
  EXPECT_EQ(Http().Get("/api/v1/offers/off-a")->get_header_value("ETag"), now);

  auto stale =
      Send("PATCH", "/api/v1/offers/off-a", provider, R"({"free_places": 0})", {{"If-Match", tag}});
  ASSERT_EQ(stale->status, 412) << stale->body;
  EXPECT_EQ(json::parse(stale->body)["field"], "If-Match");
  EXPECT_EQ(db_->catalog().GetOffer("off-a")->free_places, 1);
  EXPECT_EQ(db_->catalog().OfferChanges("off-a")->size(), 1u);  // only the other change

  auto fresh = Send("PATCH", "/api/v1/offers/off-a", provider, R"({"free_places": 0})",
                    {{"If-Match", "W/" + now}});
  ASSERT_EQ(fresh->status, 200) << fresh->body;
  EXPECT_EQ(db_->catalog().GetOffer("off-a")->free_places, 0);
  auto any =
      Send("PATCH", "/api/v1/offers/off-a", provider, R"({"free_places": 1})", {{"If-Match", "*"}});
  EXPECT_EQ(any->status, 200);
}

// A provider adds an offer of its own (POST /api/v1/offers): 201 with an ETag, public and
// in its history; another provider's is 403; a bad body is 400 naming the field with
// nothing written; the care office adds one in its own region only.
TEST_F(AccessMatrixTest, AProviderAddsAnOfferOfItsOwn) {
  Login provider = LogIn(a::Role::kProvider);
  const json body = {{"location_id", "loc-prv-a"},
                     {"kind", "dagbesteding"},
                     {"name", "Dagbesteding De Maas"},
                     {"sectors", {"VV"}},
                     {"delivery_forms", {"verblijf"}},
                     {"capacity", 12},
                     {"free_places", 3},
                     {"features", {{{"feature_id", "tuin"}, {"value", 1}}}}};
  auto made = Send("POST", "/api/v1/offers", provider, body.dump());
  ASSERT_EQ(made->status, 201) << made->body;
  const json offer = json::parse(made->body);
  const std::string id = offer["id"];
  EXPECT_EQ(id.rfind("off-", 0), 0u) << id;
  EXPECT_EQ(offer["provider_id"], "prv-a");
  EXPECT_EQ(offer["free_places"], 3);
  EXPECT_FALSE(offer["places_updated"].get<std::string>().empty());
  EXPECT_EQ(offer["maybe_outdated"], false);
  EXPECT_FALSE(made->get_header_value("ETag").empty());
  EXPECT_EQ(Http().Get("/api/v1/offers/" + id)->status, 200);
  EXPECT_EQ(Http().Get("/api/v1/offers/" + id)->get_header_value("ETag"),
            made->get_header_value("ETag"));
  auto history = Send("GET", "/api/v1/offers/" + id + "/changes", provider);
  ASSERT_EQ(history->status, 200) << history->body;
  const json items = json::parse(history->body)["items"];
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]["field"], "created");
  EXPECT_EQ(items[0]["user_id"], DemoOf(a::Role::kProvider).user_id);
  // The ETag of the answer serves a PATCH's If-Match.
  auto patched = Send("PATCH", "/api/v1/offers/" + id, provider, R"({"free_places": 2})",
                      {{"If-Match", made->get_header_value("ETag")}});
  EXPECT_EQ(patched->status, 200) << patched->body;

  // Another provider's offer, or at another provider's location: refused, nothing written.
  const size_t before = db_->catalog().AllOffers()->size();
  json other = body;
  other["provider_id"] = "prv-b";
  other["location_id"] = "loc-prv-b";
  auto refused = Send("POST", "/api/v1/offers", provider, other.dump());
  EXPECT_EQ(refused->status, 403) << refused->body;
  EXPECT_EQ(json::parse(refused->body).value("field", ""), "provider_id");
  other["provider_id"] = "prv-a";
  auto wrong_location = Send("POST", "/api/v1/offers", provider, other.dump());
  EXPECT_EQ(wrong_location->status, 400) << wrong_location->body;
  EXPECT_EQ(json::parse(wrong_location->body).value("field", ""), "location_id");

  // Invalid bodies: 400 naming the field.
  struct Case {
    std::function<void(json&)> change;
    std::string field;
  };
  const std::vector<Case> cases = {
      {[](json& j) { j["free_places"] = 13; }, "free_places"},  // above the capacity of 12
      {[](json& j) { j.erase("name"); }, "name"},
      {[](json& j) { j["kind"] = "hotel"; }, "kind"},
      {[](json& j) { j["location_id"] = "loc-nergens"; }, "location_id"},
      {[](json& j) { j["profiles"] = {"9ZZ"}; }, "profiles[0]"},
      {[](json& j) {
         j["features"] = {{{"feature_id", "bestaat_niet"}, {"value", 1}}};
       },
       "features[0].feature_id"},
      {[](json& j) { j["quality"] = json::array(); }, "quality"},
      {[](json& j) { j["places_updated"] = "2020-01-01T00:00:00Z"; }, "places_updated"},
      {[](json& j) { j["vrije_plaatsen"] = 2; }, "vrije_plaatsen"},
  };
  for (const Case& c : cases) {
    json j = body;
    c.change(j);
    auto res = Send("POST", "/api/v1/offers", provider, j.dump());
    EXPECT_EQ(res->status, 400) << j.dump() << ": " << res->body;
    EXPECT_EQ(json::parse(res->body).value("field", ""), c.field) << res->body;
  }
  json taken = body;
  taken["id"] = id;
  EXPECT_EQ(Send("POST", "/api/v1/offers", provider, taken.dump())->status, 409);
  EXPECT_EQ(db_->catalog().AllOffers()->size(), before);

  // The care office: in its region (Maastricht is 5531) yes, in Rotterdam's no; a client never.
  Login office = LogIn(a::Role::kZorgkantoor);
  json mine = body;
  mine["provider_id"] = "prv-a";
  EXPECT_EQ(Send("POST", "/api/v1/offers", office, mine.dump())->status, 201);
  json far = body;
  far["provider_id"] = "prv-b";
  far["location_id"] = "loc-prv-b";
  auto outside = Send("POST", "/api/v1/offers", office, far.dump());
  EXPECT_EQ(outside->status, 403) << outside->body;
  EXPECT_EQ(json::parse(outside->body).value("field", ""), "location_id");
  EXPECT_EQ(Send("POST", "/api/v1/offers", LogIn(a::Role::kClient), body.dump())->status, 403);
}

// Issue 21.6: an offer's quality in the API always carries its source and date, in words
// too; neither the provider nor the care office sets it with a PATCH.
TEST_F(AccessMatrixTest, QualityIsShownWithSourceAndDateAndNotPatched) {
  const json offer = json::parse(Http().Get("/api/v1/offers/off-a")->body);
  ASSERT_EQ(offer["quality"].size(), 1u) << offer.dump();
  const json& note = offer["quality"][0];
  EXPECT_EQ(note["kind"], "reviews");
  EXPECT_EQ(note["source"], "ZorgkaartNederland");
  EXPECT_EQ(note["measured"], "2026-03-14");
  EXPECT_EQ(note["reviews"], 132);
  EXPECT_EQ(note["text"], "7,8 uit 132 beoordelingen op ZorgkaartNederland, maart 2026");
  const std::string body = R"({"quality": []})";
  for (a::Role role : {a::Role::kProvider, a::Role::kZorgkantoor}) {
    auto res = Send("PATCH", "/api/v1/offers/off-a", LogIn(role), body);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << res->body;
    EXPECT_EQ(json::parse(res->body).value("field", ""), "quality");
  }
  EXPECT_EQ(db_->catalog().GetOffer("off-a")->quality.size(), 1u);
}

TEST_F(AccessMatrixTest, BadOfferChangesAre400NamingTheFieldAndWriteNothing) {
  Login provider = LogIn(a::Role::kProvider);
  const auto before = db_->catalog().GetOffer("off-a");
  struct Case {
    std::string body, field;
  };
  const std::vector<Case> cases = {
      {R"({"free_places": 11})", "free_places"},  // more than the capacity of 10
      {R"({"free_places": 5, "capacity": -1})", "capacity"},
      {R"({"free_places": "veel"})", "free_places"},
      {R"({"vrije_plaatsen": 2})", "vrije_plaatsen"},
      {R"({"features": {"bestaat_niet": true}})", "features.bestaat_niet"},
      {R"({"features": {"tuin": "misschien"}})", "features.tuin"},
      {R"({"profiles": ["9ZZ"]})", "profiles[0]"},
      {R"({"delivery_forms": []})", "delivery_forms"},
      {R"({"delivery_forms": ["per_post"]})", "delivery_forms[0]"},
      // Quality comes from its source through an import, never from the provider (issue 21.6).
      {R"({"quality": [{"kind": "reviews", "score": 9.9, "reviews": 500}]})", "quality"},
      {R"({})", "body"},
  };
  for (const Case& c : cases) {
    auto res = Send("PATCH", "/api/v1/offers/off-a", provider, c.body);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << c.body << ": " << res->body;
    EXPECT_EQ(json::parse(res->body).value("field", ""), c.field) << c.body << ": " << res->body;
  }
  const auto after = db_->catalog().GetOffer("off-a");
  EXPECT_EQ(after->free_places, before->free_places);
  EXPECT_EQ(after->capacity, before->capacity);
  EXPECT_EQ(after->places_updated, before->places_updated);
  EXPECT_TRUE(db_->catalog().OfferChanges("off-a")->empty());
}

// Regression (issue 23, item 17): the login answer carried Cache-Control twice.
TEST_F(AccessMatrixTest, OneCacheControlHeader) {
  const auto& d = DemoOf(a::Role::kOco);
  auto res =
      Http().Post("/api/v1/auth/login", json{{"email", d.email}, {"password", d.password}}.dump(),
                  "application/json");
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value_count("Cache-Control"), 1u);
  EXPECT_EQ(res->get_header_value("Cache-Control"), "no-store");
}

// Regression (issue 23, item 6): after a password change the old session still answered
// 200, and deactivating and reactivating a user brought the old sessions back.
TEST_F(AccessMatrixTest, AccountChangesEndSessionsAndTokens) {
  Login admin = LogIn(a::Role::kAdmin);
  Login wijkteam = LogIn(a::Role::kWijkteam);
  const std::string wijkteam_id = DemoOf(a::Role::kWijkteam).user_id;
  auto made = Send("POST", "/api/v1/api-tokens", admin,
                   json{{"user_id", wijkteam_id},
                        {"name", "koppeling"},
                        {"expires_at", a::FormatUtc(a::SystemNow() + std::chrono::days(30))}}
                       .dump());
  ASSERT_EQ(made->status, 201) << made->body;
  httplib::Headers bearer{
      {"Authorization", "Bearer " + json::parse(made->body)["secret"].get<std::string>()}};
  ASSERT_EQ(Send("GET", "/api/v1/auth/me", wijkteam)->status, 200);
  ASSERT_EQ(Send("GET", "/api/v1/auth/me", {}, "", bearer)->status, 200);
  auto changed = Send("PATCH", "/api/v1/users/" + wijkteam_id, admin,
                      json{{"password", "een heel nieuw wachtwoord"}}.dump());
  ASSERT_EQ(changed->status, 200) << changed->body;
  EXPECT_EQ(Send("GET", "/api/v1/auth/me", wijkteam)->status, 401);
  EXPECT_EQ(Send("GET", "/api/v1/auth/me", {}, "", bearer)->status, 401);

  Login oco = LogIn(a::Role::kOco);
  const std::string oco_id = DemoOf(a::Role::kOco).user_id;
  ASSERT_EQ(Send("PATCH", "/api/v1/users/" + oco_id, admin, R"({"active": false})")->status, 200);
  ASSERT_EQ(Send("PATCH", "/api/v1/users/" + oco_id, admin, R"({"active": true})")->status, 200);
  EXPECT_EQ(Send("GET", "/api/v1/auth/me", oco)->status, 401);
  LogIn(a::Role::kOco);  // the account itself works again

  // An administrator changing their own password keeps that session, not the others.
  Login admin_elsewhere = LogIn(a::Role::kAdmin);
  const std::string admin_id = DemoOf(a::Role::kAdmin).user_id;
  ASSERT_EQ(Send("PATCH", "/api/v1/users/" + admin_id, admin,
                 json{{"password", "mijn eigen nieuwe wachtwoord"}}.dump())
                ->status,
            200);
  EXPECT_EQ(Send("GET", "/api/v1/auth/me", admin)->status, 200);
  EXPECT_EQ(Send("GET", "/api/v1/auth/me", admin_elsewhere)->status, 401);
}

}  // namespace
}  // namespace passend::api

namespace passend::api {
namespace {

// The dossier over HTTP (issue 20): created by a client supporter, read with its version,
// changed only on the version it was read at, its history and diff; bad input names the
// field and writes nothing.
TEST_F(AccessMatrixTest, TheDossierIsWrittenInVersionsOverHttp) {
  Login oco = LogIn(a::Role::kOco);
  json record = {{"name", "Meneer Verhagen"},
                 {"birth_year", 1939},
                 {"municipality_code", "GM0935"},
                 {"home", {{"lat", 50.85}, {"lon", 5.69}}},
                 {"sector", "VV"},
                 {"indication", "none"},
                 {"preferred_forms", {"verblijf"}},
                 {"seeking", {"wonen"}},
                 {"wishes", {{{"feature_id", "tuin"}, {"importance", "must"}, {"text", "buiten"}}}},
                 {"needs", {{{"feature_id", "dementie_expertise"}, {"note", "indicatie"}}}},
                 {"representative", {{"name", "Anja"}, {"relation", "dochter"}}}};
  const int64_t clients_before = *db_->clients().CountClients({});
  // Bad input: 400 naming the field, and nothing written.
  struct Bad {
    std::string pointer;
    json value;
    std::string field;
  };
  for (const Bad& b : std::vector<Bad>{{"/wishes/0/feature_id", "zwembad", "wishes[0].feature_id"},
                                       {"/wishes/0/importance", "heel_erg", "wishes[0].importance"},
                                       {"/municipality_code", "GM9999", "municipality_code"},
                                       {"/id", "cli-eigen", "id"}}) {
    json bad = record;
    bad[json::json_pointer(b.pointer)] = b.value;
    auto res = Send("POST", "/api/v1/clients", oco, bad.dump());
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << b.pointer << ": " << res->body;
    EXPECT_EQ(json::parse(res->body).value("field", ""), b.field) << res->body;
  }
  EXPECT_EQ(*db_->clients().CountClients({}), clients_before);
  // The demo client already has its dossier (cli-1): one account, one client.
  auto second = Send("POST", "/api/v1/clients", LogIn(a::Role::kClient), record.dump());
  EXPECT_EQ(second->status, 409) << second->body;
  EXPECT_EQ(json::parse(second->body).value("field", ""), "account");
  EXPECT_EQ(*db_->clients().CountClients({}), clients_before);
  EXPECT_EQ(Send("POST", "/api/v1/clients", LogIn(a::Role::kProvider), record.dump())->status, 403);

  auto made = Send("POST", "/api/v1/clients", oco, record.dump());
  ASSERT_EQ(made->status, 201) << made->body;
  const std::string id = json::parse(made->body)["id"];
  EXPECT_EQ(made->get_header_value("Location"), "/api/v1/clients/" + id);
  EXPECT_EQ(made->get_header_value("ETag"), "\"1\"");
  // The supporter who wrote it reads it (the intake's consent); another organisation not.
  auto read = Send("GET", "/api/v1/clients/" + id, oco);
  ASSERT_EQ(read->status, 200) << read->body;
  EXPECT_EQ(read->get_header_value("ETag"), "\"1\"");
  EXPECT_EQ(Send("GET", "/api/v1/clients/" + id, LogIn(a::Role::kProvider))->status, 404);

  const std::string path = "/api/v1/clients/" + id;
  json change = {{"reason", "Gesprek met de dochter"},
                 {"patch",
                  {{"municipality_code", "GM0917"},
                   {"wishes",
                    {{{"feature_id", "tuin"}, {"importance", "important"}, {"text", "buiten"}},
                     {{"feature_id", ""}, {"importance", "nice"}, {"text", "eigen stoel"}}}}}}};
  auto without = Send("PATCH", path, oco, change.dump());
  EXPECT_EQ(without->status, 428) << without->body;
  EXPECT_EQ(json::parse(without->body).value("field", ""), "If-Match");
  auto changed = Send("PATCH", path, oco, change.dump(), {{"If-Match", "\"1\""}});
  ASSERT_EQ(changed->status, 200) << changed->body;
  EXPECT_EQ(changed->get_header_value("ETag"), "\"2\"");
  EXPECT_EQ(json::parse(changed->body)["municipality_code"], "GM0917");
  EXPECT_EQ(json::parse(changed->body)["needs"].size(), 1u);  // untouched by the patch
  // A change made on version 1 now is too late: 412, and nothing written.
  json stale = {{"reason", "oude stand"}, {"patch", {{"name", "Iemand anders"}}}};
  auto late = Send("PATCH", path, oco, stale.dump(), {{"If-Match", "\"1\""}});
  EXPECT_EQ(late->status, 412) << late->body;
  EXPECT_EQ(json::parse(late->body).value("field", ""), "version");
  EXPECT_EQ(db_->clients().GetClient(id)->name, "Meneer Verhagen");
  // Bad values in a patch name the field inside it.
  json unknown = {{"reason", "x"},
                  {"patch", {{"wishes", {{{"feature_id", "zwembad"}, {"importance", "must"}}}}}}};
  auto bad = Send("PATCH", path, oco, unknown.dump(), {{"If-Match", "\"2\""}});
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(json::parse(bad->body).value("field", ""), "patch.wishes[0].feature_id") << bad->body;

  auto versions = Send("GET", path + "/versions", oco);
  ASSERT_EQ(versions->status, 200) << versions->body;
  auto items = json::parse(versions->body)["items"];
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[1]["reason"], "Gesprek met de dochter");
  EXPECT_EQ(items[1]["author"]["id"], DemoOf(a::Role::kOco).user_id);
  auto first = Send("GET", path + "/versions/1", oco);
  ASSERT_EQ(first->status, 200);
  EXPECT_EQ(json::parse(first->body)["client"]["municipality_code"], "GM0935");
  auto diff = Send("GET", path + "/versions/1/diff/2", oco);
  ASSERT_EQ(diff->status, 200) << diff->body;
  std::vector<std::string> fields;
  const json diff_body = json::parse(diff->body);
  for (const auto& c : diff_body["changes"]) fields.push_back(c["field"]);
  EXPECT_EQ(fields, (std::vector<std::string>{"municipality_code", "wishes.tuin",
                                              "wishes.tekst:eigen stoel"}));
  EXPECT_EQ(Send("GET", path + "/versions/1/diff/x", oco)->status, 400);
  EXPECT_EQ(Send("GET", path + "/versions/9", oco)->status, 404);

  // Found by a part of the name and the birth year; the creation and every read are logged.
  auto found = Send("GET", "/api/v1/clients?name=verhag&birth_year=1939", oco);
  ASSERT_EQ(found->status, 200) << found->body;
  ASSERT_EQ(json::parse(found->body)["items"].size(), 1u);
  EXPECT_EQ(json::parse(found->body)["items"][0]["id"], id);
  EXPECT_EQ(
      json::parse(Send("GET", "/api/v1/clients?name=verhag&birth_year=1940", oco)->body)["items"]
          .size(),
      0u);
  EXPECT_EQ(json::parse(Send("GET", "/api/v1/clients?birth_year=19x9", oco)->body)["field"],
            "birth_year");
  auto log = db_->audit().AuditForClient(id, 0, 50);
  ASSERT_TRUE(log.ok());
  ASSERT_FALSE(log->empty());
  EXPECT_EQ(log->back().action, "create");  // newest first: the creation is the oldest
  EXPECT_TRUE(services_->audit.Verify()->ok());
}

// A client or representative writes their own dossier (issue 20.3): the new client is
// linked to their account and to nobody else until they give consent.
TEST_F(AccessMatrixTest, ClientsAndRepresentativesWriteTheirOwnDossier) {
  json record = {{"name", "Mevrouw Claessens"},
                 {"birth_year", 1944},
                 {"municipality_code", "GM0935"},
                 {"home", {{"lat", 50.85}, {"lon", 5.69}}},
                 {"sector", "VV"},
                 {"indication", "none"},
                 {"preferred_forms", {"verblijf"}},
                 {"seeking", {"wonen"}},
                 {"wishes", {{{"feature_id", "tuin"}, {"importance", "must"}, {"text", "rozen"}}}}};
  Login rep = LogIn(a::Role::kRepresentative);
  auto made = Send("POST", "/api/v1/clients", rep, record.dump());
  ASSERT_EQ(made->status, 201) << made->body;
  const std::string id = json::parse(made->body)["id"];
  auto me = json::parse(Send("GET", "/api/v1/auth/me", rep)->body);
  EXPECT_EQ(me["client_ids"], json({"cli-2", id})) << me;
  EXPECT_EQ(Send("GET", "/api/v1/clients/" + id, rep)->status, 200);
  EXPECT_EQ(Send("GET", "/api/v1/clients/" + id + "/versions", rep)->status, 200);
  // No consent comes with it: a supporter or provider sees nothing yet.
  EXPECT_EQ(Send("GET", "/api/v1/clients/" + id, LogIn(a::Role::kOco))->status, 404);
  EXPECT_TRUE(db_->consents().ConsentsForClient(id)->empty());
  // Needs are a professional's: refused, and nothing written.
  const int64_t before = *db_->clients().CountClients({});
  json with_needs = record;
  with_needs["needs"] = {{{"feature_id", "dementie_expertise"}, {"note", ""}}};
  auto refused = Send("POST", "/api/v1/clients", rep, with_needs.dump());
  EXPECT_EQ(refused->status, 403) << refused->body;
  EXPECT_EQ(json::parse(refused->body).value("field", ""), "needs");
  EXPECT_EQ(*db_->clients().CountClients({}), before);

  // A client account made before its dossier: the first dossier is linked, a second refused.
  auto account = services_->identity.users().Add(
      {"nieuw@example.nl", "Mevrouw Claessens", a::Role::kClient, "", {}, "een lang wachtwoord 1"});
  ASSERT_TRUE(account.ok()) << account.error().ToString();
  auto res =
      Http().Post("/api/v1/auth/login",
                  json{{"email", "nieuw@example.nl"}, {"password", "een lang wachtwoord 1"}}.dump(),
                  "application/json");
  ASSERT_EQ(res->status, 200) << res->body;
  const std::string cookie = res->get_header_value("Set-Cookie");
  Login self{cookie.substr(0, cookie.find(';')), json::parse(res->body)["csrf_token"]};
  auto own = Send("POST", "/api/v1/clients", self, record.dump());
  ASSERT_EQ(own->status, 201) << own->body;
  const std::string own_id = json::parse(own->body)["id"];
  EXPECT_EQ(db_->accounts().GetUser(account->id)->client_ids, std::vector<std::string>{own_id});
  EXPECT_EQ(Send("GET", "/api/v1/clients/" + own_id, self)->status, 200);
  auto again = Send("POST", "/api/v1/clients", self, record.dump());
  EXPECT_EQ(again->status, 409) << again->body;
  EXPECT_EQ(json::parse(again->body).value("field", ""), "account");
  EXPECT_EQ(*db_->clients().CountClients({}), before + 1);
  auto log = db_->audit().AuditForClient(own_id, 0, 10);
  ASSERT_FALSE(log->empty());
  EXPECT_EQ(log->back().action, "create");
  EXPECT_EQ(log->back().user_id, account->id);
}

TEST_F(AccessMatrixTest, AClientChangesWishesButNotNeeds) {
  Login client = LogIn(a::Role::kClient);
  auto read = Send("GET", "/api/v1/clients/cli-1", client);
  ASSERT_EQ(read->status, 200);
  const std::string etag = read->get_header_value("ETag");
  json needs = {{"reason", "zelf"},
                {"patch",
                 {{"home", {{"lat", 50.85}, {"lon", 5.69}}},  // the fixture's record has none
                  {"needs", {{{"feature_id", "dementie_expertise"}, {"note", ""}}}}}}};
  auto denied = Send("PATCH", "/api/v1/clients/cli-1", client, needs.dump(), {{"If-Match", etag}});
  EXPECT_EQ(denied->status, 403) << denied->body;
  EXPECT_EQ(json::parse(denied->body).value("field", ""), "patch.needs");
  json wishes = {
      {"reason", "mijn eigen woorden"},
      {"patch",
       {{"home", {{"lat", 50.85}, {"lon", 5.69}}},
        {"wishes", {{{"feature_id", "tuin"}, {"importance", "nice"}, {"text", "zon"}}}}}}};
  auto ok = Send("PATCH", "/api/v1/clients/cli-1", client, wishes.dump(), {{"If-Match", etag}});
  EXPECT_EQ(ok->status, 200) << ok->body;
}

// What can be saved can be matched: 21 wishes in own words are refused when the dossier is
// written (400 naming the list, nothing changed), not later by the matching with a 409.
TEST_F(AccessMatrixTest, ADossierIsHeldToTheMatchingsBoundsWhenWritten) {
  Login client = LogIn(a::Role::kClient);
  auto read = Send("GET", "/api/v1/clients/cli-1", client);
  ASSERT_EQ(read->status, 200);
  const std::string etag = read->get_header_value("ETag");
  json own_words = json::array();
  for (size_t i = 0; i <= domain::kMaxFreeTextWishes; ++i)
    own_words.push_back({{"importance", "nice"}, {"text", "wens " + std::to_string(i)}});
  json patch = {{"reason", "mijn eigen woorden"},
                {"patch", {{"home", {{"lat", 50.85}, {"lon", 5.69}}}, {"wishes", own_words}}}};
  auto refused = Send("PATCH", "/api/v1/clients/cli-1", client, patch.dump(), {{"If-Match", etag}});
  EXPECT_EQ(refused->status, 400) << refused->body;
  EXPECT_EQ(json::parse(refused->body).value("field", ""), "patch.wishes");
  auto after = Send("GET", "/api/v1/clients/cli-1", client);
  EXPECT_EQ(after->get_header_value("ETag"), etag);  // no new version
  own_words.erase(own_words.size() - 1);
  patch["patch"]["wishes"] = own_words;
  auto saved = Send("PATCH", "/api/v1/clients/cli-1", client, patch.dump(), {{"If-Match", etag}});
  EXPECT_EQ(saved->status, 200) << saved->body;
}

}  // namespace
}  // namespace passend::api

namespace passend::api {
namespace {

// One report and one registration form (issue 20.5): the report prints (HTML, the client's
// words quoted and escaped) and is JSON too; the form for an offer exists only when the
// client consented to that offer's provider.
TEST_F(AccessMatrixTest, TheReportPrintsAndTheFormNeedsConsentForThatProvider) {
  Login oco = LogIn(a::Role::kOco);
  json record = {{"name", "Mevrouw <b>Vos</b>"},
                 {"birth_year", 1936},
                 {"municipality_code", "GM0935"},
                 {"home", {{"lat", 50.85}, {"lon", 5.69}}},
                 {"sector", "VV"},
                 {"indication", "none"},
                 {"preferred_forms", {"verblijf"}},
                 {"seeking", {"wonen"}},
                 {"wishes",
                  {{{"feature_id", "tuin"}, {"importance", "must"}, {"text", "<script>x</script>"}},
                   {{"feature_id", ""}, {"importance", "nice"}, {"text", "mijn eigen stoel"}}}}};
  auto made = Send("POST", "/api/v1/clients", oco, record.dump());
  ASSERT_EQ(made->status, 201) << made->body;
  const std::string id = json::parse(made->body)["id"];
  auto report = Send("GET", "/api/v1/clients/" + id + "/verslag", oco);
  ASSERT_EQ(report->status, 200) << report->body;
  const json r = json::parse(report->body);
  EXPECT_EQ(r["version"]["version"], 1);
  ASSERT_EQ(r["participants"].size(), 1u);
  EXPECT_EQ(r["participants"][0]["id"], DemoOf(a::Role::kOco).user_id);
  EXPECT_EQ(r["wishes"][1]["text"], "mijn eigen stoel");
  EXPECT_FALSE(r["client"].contains("home"));  // the story, not the address

  auto html = Send("GET", "/api/v1/clients/" + id + "/verslag?format=html", oco);
  ASSERT_EQ(html->status, 200);
  EXPECT_EQ(html->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(html->body.find("@media print"), std::string::npos);
  EXPECT_NE(html->body.find("<q>mijn eigen stoel</q>"), std::string::npos);
  EXPECT_NE(html->body.find("&lt;script&gt;"), std::string::npos);
  EXPECT_EQ(html->body.find("<script>"), std::string::npos);
  EXPECT_EQ(html->body.find("<b>Vos</b>"), std::string::npos);
  // Who took part, with the role in words rather than its wire name.
  EXPECT_NE(html->body.find(", cliëntondersteuner (OCO)."), std::string::npos);
  EXPECT_EQ(html->body.find("(oco)"), std::string::npos);
  EXPECT_EQ(Send("GET", "/api/v1/clients/" + id + "/verslag?format=pdf", oco)->status, 400);

  // cli-1 consented to care delivery by the demo provider (prv-a), not to prv-b.
  ASSERT_TRUE(
      db_->catalog().PutLocation({"loc-a", "prv-a", "Huis A", "", "GM0935", {50.85, 5.69}}).ok());
  ASSERT_TRUE(
      db_->catalog().PutLocation({"loc-b", "prv-b", "Huis B", "", "GM0935", {50.86, 5.70}}).ok());
  for (auto [offer, provider, location] :
       {std::tuple{"off-a", "prv-a", "loc-a"}, std::tuple{"off-b", "prv-b", "loc-b"}}) {
    domain::Offer o;
    o.id = offer;
    o.provider_id = provider;
    o.location_id = location;
    o.name = std::string("Wonen bij ") + provider;
    o.sectors = {domain::Sector::kVV};
    o.delivery_forms = {domain::DeliveryForm::kVerblijf};
    o.capacity = 10;
    ASSERT_TRUE(db_->catalog().PutOffer(o).ok());
  }
  auto form = Send("GET", "/api/v1/clients/cli-1/aanmeldformulier?offer=off-a", oco);
  ASSERT_EQ(form->status, 200) << form->body;
  const json f = json::parse(form->body);
  EXPECT_EQ(f["offer"]["provider_id"], "prv-a");
  EXPECT_FALSE(f["consent_id"].get<std::string>().empty());
  EXPECT_EQ(f["client"]["id"], "cli-1");
  auto refused = Send("GET", "/api/v1/clients/cli-1/aanmeldformulier?offer=off-b", oco);
  EXPECT_EQ(refused->status, 409) << refused->body;
  EXPECT_EQ(json::parse(refused->body).value("field", ""), "offer");
  auto unknown = Send("GET", "/api/v1/clients/cli-1/aanmeldformulier?offer=off-x", oco);
  EXPECT_EQ(unknown->status, 404);
  EXPECT_EQ(json::parse(unknown->body).value("field", ""), "offer");
  auto printable =
      Send("GET", "/api/v1/clients/cli-1/aanmeldformulier?offer=off-a&format=html", oco);
  ASSERT_EQ(printable->status, 200);
  EXPECT_NE(printable->body.find("Wonen bij prv-a"), std::string::npos);
}

}  // namespace
}  // namespace passend::api

namespace passend::api {
namespace {

// Self-service without an account (issue 20.4): the answers of the anonymous search saved
// with a new account in one request, all or nothing, and that account logged in.
class RegistrationTest : public AccessMatrixTest {
 protected:
  static json Body(const std::string& role, const std::string& email) {
    return {{"account",
             {{"role", role},
              {"email", email},
              {"password", "een lang wachtwoord 7"},
              {"name", "Mevrouw Bosch"}}},
            {"client", {{"birth_year", 1940}}},
            {"situation",
             {{"municipality_code", "GM0935"},
              {"seeking", {"wonen"}},
              {"wishes",
               {{{"feature_id", "tuin"}, {"importance", "must"}, {"text", "rozen"}},
                {{"importance", "nice"}, {"text", "mijn eigen stoel"}}}}}}};
  }
  httplib::Result Register(const json& body) {
    return Http().Post("/api/v1/registraties", body.dump(), "application/json");
  }
  int64_t Users() { return db_->accounts().ListUsers({"", 500})->items.size(); }
  int64_t Clients() { return *db_->clients().CountClients({}); }
};

TEST_F(RegistrationTest, SavesTheSearchAsADossierWithAnAccountAndLogsIn) {
  auto res = Register(Body("client", "Bosch@Example.nl"));
  ASSERT_EQ(res->status, 201) << res->body;
  const json body = json::parse(res->body);
  const std::string id = body["client"]["id"];
  EXPECT_EQ(res->get_header_value("Location"), "/api/v1/clients/" + id);
  EXPECT_EQ(res->get_header_value("ETag"), "\"1\"");
  const std::string set = res->get_header_value("Set-Cookie");
  EXPECT_NE(set.find("HttpOnly"), std::string::npos);
  EXPECT_EQ(body["account"]["role"], "client");
  EXPECT_EQ(body["account"]["client_ids"], json({id}));
  EXPECT_EQ(body["client"]["name"], "Mevrouw Bosch");  // the account's own name
  EXPECT_EQ(body["client"]["birth_year"], 1940);
  EXPECT_EQ(body["client"]["wishes"].size(), 2u);
  EXPECT_EQ(body["client"]["sector"], "VV");  // the search's defaults
  // Logged in: the session reads and changes the new dossier, with the CSRF token.
  Login self{set.substr(0, set.find(';')), body["account"]["csrf_token"]};
  EXPECT_EQ(Send("GET", "/api/v1/clients/" + id, self)->status, 200);
  json change = {{"reason", "zelf"}, {"patch", {{"birth_year", 1941}}}};
  EXPECT_EQ(
      Send("PATCH", "/api/v1/clients/" + id, self, change.dump(), {{"If-Match", "\"1\""}})->status,
      200);
  auto versions = json::parse(Send("GET", "/api/v1/clients/" + id + "/versions", self)->body);
  EXPECT_EQ(versions["items"][0]["author"]["id"], body["account"]["user_id"]);
  EXPECT_EQ(versions["items"][0]["author"]["role"], "client");
  // The same e-mail and password log in later; nobody else sees the dossier.
  auto login =
      Http().Post("/api/v1/auth/login",
                  json{{"email", "bosch@example.nl"}, {"password", "een lang wachtwoord 7"}}.dump(),
                  "application/json");
  EXPECT_EQ(login->status, 200) << login->body;
  EXPECT_EQ(Send("GET", "/api/v1/clients/" + id, LogIn(a::Role::kOco))->status, 404);
  auto log = db_->audit().AuditForClient(id, 0, 10);
  ASSERT_FALSE(log->empty());
  EXPECT_EQ(log->back().action, "create");
  EXPECT_TRUE(services_->audit.Verify()->ok());
}

TEST_F(RegistrationTest, ARepresentativeNamesWhomTheyRepresent) {
  json body = Body("representative", "anja@example.nl");
  auto nameless = Register(body);
  EXPECT_EQ(nameless->status, 400) << nameless->body;
  EXPECT_EQ(json::parse(nameless->body).value("field", ""), "client.name");
  body["client"] = {{"name", "Meneer Bosch"}, {"relation", "dochter"}};
  auto res = Register(body);
  ASSERT_EQ(res->status, 201) << res->body;
  const json made = json::parse(res->body);
  EXPECT_EQ(made["client"]["name"], "Meneer Bosch");
  EXPECT_EQ(made["client"]["representative"],
            json({{"name", "Mevrouw Bosch"}, {"relation", "dochter"}}));
  EXPECT_EQ(made["account"]["role"], "representative");
}

TEST_F(RegistrationTest, BadAnswersNameTheFieldAndWriteNothing) {
  const int64_t users = Users(), clients = Clients();
  struct Bad {
    std::string pointer;
    json value;
    std::string field;
  };
  for (const Bad& b : std::vector<Bad>{
           {"/account/password", "kort", "account.password"},
           {"/account/role", "admin", "account.role"},
           {"/account/email", "geen-adres", "account.email"},
           {"/account/naam", "x", "account.naam"},
           {"/situation/municipality_code", "GM9999", "situation.municipality_code"},
           {"/situation/wishes/0/feature_id", "zwembad", "situation.wishes[0].feature_id"},
           {"/situation/needs", {{{"feature_id", "dementie_expertise"}}}, "situation.needs"},
           {"/client/birth_year", 1800, "client.birth_year"},
           {"/client/relation", "dochter", "client.relation"},
           {"/extra", 1, "extra"}}) {
    json body = Body("client", "fout@example.nl");
    body[json::json_pointer(b.pointer)] = b.value;
    auto res = Register(body);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << b.pointer << ": " << res->body;
    EXPECT_EQ(json::parse(res->body).value("field", ""), b.field) << res->body;
  }
  json missing = Body("client", "fout@example.nl");
  missing.erase("situation");
  EXPECT_EQ(json::parse(Register(missing)->body).value("field", ""), "situation");
  EXPECT_EQ(Users(), users);
  EXPECT_EQ(Clients(), clients);
  // None of these counted against the address: a right answer still goes through.
  EXPECT_EQ(Register(Body("client", "goed@example.nl"))->status, 201);
}

TEST_F(RegistrationTest, ATakenAddressWritesNothingAndTriesAreThrottled) {
  ASSERT_EQ(Register(Body("client", "bosch@example.nl"))->status, 201);
  const int64_t users = Users(), clients = Clients();
  auto taken = Register(Body("client", "BOSCH@example.nl"));
  EXPECT_EQ(taken->status, 409) << taken->body;
  EXPECT_EQ(json::parse(taken->body).value("field", ""), "account.email");
  EXPECT_EQ(Users(), users);
  EXPECT_EQ(Clients(), clients);  // the dossier is not kept without its account
  // Three tries per e-mail address (the one that made it counts), then wait.
  EXPECT_EQ(Register(Body("client", "bosch@example.nl"))->status, 409);
  auto refused = Register(Body("client", "bosch@example.nl"));
  EXPECT_EQ(refused->status, 429) << refused->body;
  EXPECT_GE(std::stoi(refused->get_header_value("Retry-After")), 1);
  EXPECT_EQ(Clients(), clients);
  // Logins are counted apart: the account still logs in.
  auto login =
      Http().Post("/api/v1/auth/login",
                  json{{"email", "bosch@example.nl"}, {"password", "een lang wachtwoord 7"}}.dump(),
                  "application/json");
  EXPECT_EQ(login->status, 200) << login->body;
}

}  // namespace
}  // namespace passend::api
