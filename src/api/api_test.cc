// API behaviour over real HTTP on loopback: problems, paging, filters, guard, limits,
// concurrency and graceful shutdown.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <set>

#include "api/api_test_fixture.h"
#include "api/problem.h"

namespace passend::api::testing {
namespace {

nlohmann::json Json(const httplib::Result& res) { return nlohmann::json::parse(res->body); }

// Sends `request` as is on a new loopback connection and returns all the server answered
// until it closed the connection (or 10 s passed without a byte).
std::string RawExchange(int port, const std::string& request) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  timeval tv{10, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  std::string out;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
    for (size_t sent = 0; sent < request.size();) {
      ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) break;
      sent += static_cast<size_t>(n);
    }
    char buf[4096];
    for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;)
      out.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return out;
}

// Asserts an RFC 9457 problem with this status (and code, when given).
void ExpectProblem(const httplib::Result& res, int status, std::string_view code = {}) {
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, status) << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), kProblemContentType);
  auto body = Json(res);
  EXPECT_EQ(body["status"], status);
  EXPECT_TRUE(body["title"].is_string());
  EXPECT_TRUE(body["type"].is_string());
  EXPECT_TRUE(body["detail"].is_string());
  EXPECT_FALSE(body["request_id"].get<std::string>().empty());
  EXPECT_EQ(body["request_id"], res->get_header_value("X-Request-Id"));
  if (!code.empty()) {
    EXPECT_EQ(body["code"], code);
  }
}

TEST_F(ApiTest, HealthzReportsTheSchemaVersion) {
  auto res = Get("/healthz");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  const int version = *db.SchemaVersion();
  EXPECT_GE(version, 4);
  EXPECT_EQ(Json(res), (nlohmann::json{{"status", "ok"}, {"schema_version", version}}));
  EXPECT_TRUE(guard.admitted().empty()) << "public routes skip the guard";
}

TEST_F(ApiTest, HealthzIs503WhenTheDatabaseFails) {
  db.broken = true;
  ExpectProblem(Get("/healthz"), 503, "unavailable");
}

TEST_F(ApiTest, EveryErrorCodeBecomesItsProblem) {
  for (ErrorCode code : kAllErrorCodes) {
    std::string name(ErrorCodeName(code));
    auto res = Get("/test/error/" + name);
    SCOPED_TRACE(name);
    ExpectProblem(res, HttpStatus(code), name);
    EXPECT_EQ(Json(res)["field"], "veld.pad");
    EXPECT_EQ(Json(res)["instance"], "/test/error/" + name);
    if (code == ErrorCode::kUnauthenticated) {
      EXPECT_TRUE(res->has_header("WWW-Authenticate"));
    }
  }
}

TEST_F(ApiTest, UnknownRouteIs404Problem) {
  ExpectProblem(Get("/api/v1/nergens"), 404, "not_found");
  ExpectProblem(Get("/"), 404, "not_found");
}

TEST_F(ApiTest, WrongMethodIs405WithAllow) {
  auto client = Client();
  auto res = client.Delete("/api/v1/offers/off-1000");
  ExpectProblem(res, 405, "method_not_allowed");
  EXPECT_EQ(res->get_header_value("Allow"), "GET, PATCH");
}

// Regression (issue 23, item 17): TRACE and PROPFIND answered 400.
TEST_F(ApiTest, OtherMethodsAre405WithAllow) {
  const std::string trace = RawExchange(server->port(),
                                        "TRACE /api/v1/offers/off-1000 HTTP/1.1\r\nHost: x\r\n"
                                        "Connection: close\r\n\r\n");
  EXPECT_EQ(trace.rfind("HTTP/1.1 405", 0), 0u) << trace;
  EXPECT_NE(trace.find("Allow: GET, PATCH\r\n"), std::string::npos) << trace;
  EXPECT_NE(trace.find("application/problem+json"), std::string::npos) << trace;
  const std::string propfind =
      RawExchange(server->port(), "PROPFIND / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(propfind.rfind("HTTP/1.1 405", 0), 0u) << propfind;
  EXPECT_NE(propfind.find("Allow: "), std::string::npos) << propfind;
}

// Regression (issue 23, item 7): a request with 20,000 headers got a 200.
TEST_F(ApiTest, TooManyOrTooLargeHeadersAre431) {
  std::string many = "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n";
  for (int i = 0; i < 2000; ++i) many += "X-Veel-" + std::to_string(i) + ": ja\r\n";
  const std::string refused = RawExchange(server->port(), many + "\r\n");
  EXPECT_EQ(refused.rfind("HTTP/1.1 431", 0), 0u) << refused.substr(0, 200);
  EXPECT_NE(refused.find("resource_exhausted"), std::string::npos);
  std::string large = "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n";
  for (int i = 0; i < 8; ++i)
    large += "X-Groot-" + std::to_string(i) + ": " + std::string(8000, 'a') + "\r\n";
  EXPECT_EQ(RawExchange(server->port(), large + "\r\n").rfind("HTTP/1.1 431", 0), 0u);
  // An ordinary request with a few headers is served.
  const std::string fine = RawExchange(
      server->port(), "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Een: 1\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(fine.rfind("HTTP/1.1 200", 0), 0u) << fine.substr(0, 200);
}

// Regression (issue 23, item 7): 70 connections sending half a header held every worker,
// and /healthz waited 34.5 s. The server runs with 8 kept workers here.
TEST_F(ApiTest, SlowClientsDoNotHoldUpOthers) {
  std::vector<int> slow;
  for (int i = 0; i < 30; ++i) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(server->port()));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    const std::string half = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Langzaam: ";
    ASSERT_GT(::send(fd, half.data(), half.size(), MSG_NOSIGNAL), 0);
    slow.push_back(fd);
  }
  // The read timeout is 30 s; a client that gives up after 10 s fails unless served
  // beside the slow ones.
  auto client = Client();
  client.set_read_timeout(std::chrono::seconds(10));
  auto res = client.Get("/healthz");
  EXPECT_TRUE(res) << "niet bediend naast 30 trage verbindingen";
  if (res) {
    EXPECT_EQ(res->status, 200);
  }
  for (int fd : slow) ::close(fd);
}

// Regression (issue 23, item 17): "\u0000" in a text and %00 in a parameter were accepted.
TEST_F(ApiTest, NulBytesAreRefused) {
  auto client = Client();
  auto res = client.Post("/test/echo", R"({"name": "Jan\u0000de Vries"})", "application/json");
  ExpectProblem(res, 400, "invalid_argument");
  EXPECT_EQ(Json(res)["field"], "body.name");
  auto query = Get("/api/v1/offers?kind=wonen%00");
  ExpectProblem(query, 400, "invalid_argument");
  EXPECT_EQ(Json(query)["field"], "kind");
}

// Regression (issue 23, item 5): the client address for the login throttle comes from
// X-Forwarded-For only when a configured proxy sent it.
TEST(ClientAddressTest, ForwardedForOnlyFromATrustedProxy) {
  const std::vector<std::string> proxies = {"10.0.0.1", "10.0.0.2"};
  EXPECT_EQ(ClientAddress("203.0.113.9", "1.2.3.4", proxies), "203.0.113.9");
  EXPECT_EQ(ClientAddress("203.0.113.9", "1.2.3.4", {}), "203.0.113.9");
  EXPECT_EQ(ClientAddress("10.0.0.1", "198.51.100.7", proxies), "198.51.100.7");
  // A client may write its own X-Forwarded-For; only what our proxies appended counts.
  EXPECT_EQ(ClientAddress("10.0.0.1", "1.1.1.1, 198.51.100.7, 10.0.0.2", proxies), "198.51.100.7");
  EXPECT_EQ(ClientAddress("10.0.0.1", "", proxies), "10.0.0.1");
  EXPECT_EQ(ClientAddress("10.0.0.1", "niet-een-adres", proxies), "10.0.0.1");
  EXPECT_EQ(ClientAddress("10.0.0.1", "2001:db8::1", proxies), "2001:db8::1");
}

TEST_F(ApiTest, MalformedJsonIs400NamingTheBody) {
  auto client = Client();
  auto res = client.Post("/test/echo", "{\"a\": [1, 2", "application/json");
  ExpectProblem(res, 400, "invalid_argument");
  EXPECT_EQ(Json(res)["field"], "body");
  res = client.Post("/test/echo", "{\"a\": [1, 2]}", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 201);
  EXPECT_EQ(Json(res)["echo"]["a"][1], 2);
}

TEST_F(ApiTest, TooLargeBodyIs413Problem) {
  auto client = Client();
  std::string big(kMaxBody + 1, 'x');
  auto res = client.Post("/test/echo", big, "application/json");
  ExpectProblem(res, 413, "resource_exhausted");
}

TEST_F(ApiTest, HandlerExceptionIs500WithoutInternals) {
  auto res = Get("/test/throw");
  ExpectProblem(res, 500, "internal");
  EXPECT_EQ(res->body.find("geheim"), std::string::npos);
  EXPECT_EQ(res->body.find("/var/lib"), std::string::npos);
  bool logged = false;
  for (const auto& line : Logs()) {
    if (line.value("event", "") == "handler_exception") logged = true;
  }
  EXPECT_TRUE(logged) << "the exception is logged for operators";
}

TEST_F(ApiTest, GuardRefusalsAreProblemsAndHandlersDoNotRun) {
  ExpectProblem(Get("/api/v1/clients/cli-1", {{"X-Test-Deny", "unauthenticated"}}), 401,
                "unauthenticated");
  ExpectProblem(Get("/api/v1/clients/cli-1", {{"X-Test-Deny", "permission_denied"}}), 403,
                "permission_denied");
  auto res = Get("/api/v1/clients/cli-1");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(Json(res)["id"], "cli-1");
  EXPECT_EQ(guard.admitted(), (std::vector<std::string>(3, "client.read /api/v1/clients/cli-1")));
  EXPECT_EQ(guard.completed(), (std::vector<std::string>{"client.read 200"}))
      << "Completed only for admitted requests";
}

TEST_F(ApiTest, UnknownIdIs404Problem) {
  for (const char* path : {"/api/v1/offers/off-nope", "/api/v1/providers/prv-nope",
                           "/api/v1/locations/loc-nope", "/api/v1/clients/cli-nope"}) {
    SCOPED_TRACE(path);
    ExpectProblem(Get(path), 404, "not_found");
  }
}

TEST_F(ApiTest, GetOneRecordUsesTheNativeShape) {
  auto res = Get("/api/v1/offers/off-1000");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
  auto offer = Json(res);
  EXPECT_EQ(offer["id"], "off-1000");
  EXPECT_EQ(offer["provider_id"], "prv-0");
}

// Walks every page of `path` (which has a '?') and returns the ids in order.
std::vector<std::string> WalkPages(const ApiTest& t, const std::string& path, int limit,
                                   int* pages) {
  std::vector<std::string> ids;
  std::string cursor;
  *pages = 0;
  for (;;) {
    std::string url = path + "&limit=" + std::to_string(limit);
    if (!cursor.empty()) url += "&cursor=" + cursor;
    auto client = httplib::Client("127.0.0.1", t.server->port());
    auto res = client.Get(url.c_str());
    EXPECT_TRUE(res && res->status == 200) << url;
    if (!res || res->status != 200) break;
    auto body = nlohmann::json::parse(res->body);
    EXPECT_LE(body["items"].size(), static_cast<size_t>(limit));
    for (const auto& item : body["items"]) ids.push_back(item["id"]);
    ++*pages;
    if (body["next_cursor"].is_null()) break;
    cursor = body["next_cursor"];
    EXPECT_LT(*pages, 1000) << "paging does not end";
    if (*pages >= 1000) break;
  }
  return ids;
}

TEST_F(ApiTest, PagingWalksAllOffersOnceInOrder) {
  for (int limit : {1, 50, 236, 237, 500}) {
    SCOPED_TRACE(limit);
    int pages = 0;
    auto ids = WalkPages(*this, "/api/v1/offers?", limit, &pages);
    EXPECT_EQ(ids.size(), static_cast<size_t>(offer_count));
    EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), ids.size()) << "duplicates";
    EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
    EXPECT_EQ(pages, (offer_count + limit - 1) / limit);
  }
}

TEST_F(ApiTest, DefaultPageIs50) {
  auto body = Json(Get("/api/v1/offers"));
  EXPECT_EQ(body["items"].size(), 50u);
  EXPECT_TRUE(body["next_cursor"].is_string());
}

TEST_F(ApiTest, BadQueryParametersAre400NamingTheParameter) {
  struct Case {
    std::string path, field;
  };
  for (const auto& c : std::vector<Case>{
           {"/api/v1/offers?limit=0", "limit"},
           {"/api/v1/offers?limit=501", "limit"},
           {"/api/v1/offers?limit=tien", "limit"},
           {"/api/v1/offers?cursor=%21%21", "cursor"},
           {"/api/v1/offers?cursor=abc", "cursor"},  // valid base64url, not the server's
           {"/api/v1/clients?cursor=Y2xpLTE", "cursor"},
           {"/api/v1/offers?kind=kasteel", "kind"},
           {"/api/v1/offers?profile=99XX", "profile"},
           {"/api/v1/offers?region=0000", "region"},
           {"/api/v1/offers?contracted=0000", "contracted"},
           {"/api/v1/locations?municipality=GM9999", "municipality"},
           {"/api/v1/clients?region=nope", "region"},
           {"/api/v1/offers?limit=5&limit=6", "limit"},
           {"/api/v1/offers?near=50.85", "near"},
           {"/api/v1/offers?near=50.85,oost", "near"},
           {"/api/v1/offers?near=91,5.69", "near"},
           {"/api/v1/offers?within_km=5", "near"},
           {"/api/v1/offers?near=50.85,5.69&within_km=0", "within_km"},
           {"/api/v1/offers?near=50.85,5.69&within_km=1e9", "within_km"},
       }) {
    SCOPED_TRACE(c.path);
    auto res = Get(c.path);
    ExpectProblem(res, 400, "invalid_argument");
    EXPECT_EQ(Json(res)["field"], c.field);
  }
}

TEST_F(ApiTest, OfferFilters) {
  int pages = 0;
  EXPECT_EQ(WalkPages(*this, "/api/v1/offers?kind=wonen", 40, &pages).size(),
            static_cast<size_t>(wonen_offers));
  EXPECT_EQ(WalkPages(*this, "/api/v1/offers?provider=prv-0", 40, &pages).size(),
            static_cast<size_t>(offers_of_provider0));
  EXPECT_EQ(WalkPages(*this, "/api/v1/offers?region=" + regions[0], 40, &pages).size(),
            static_cast<size_t>(offers_in_region0));
  EXPECT_EQ(WalkPages(*this, "/api/v1/offers?contracted=" + regions[1], 40, &pages).size(),
            static_cast<size_t>(offers_contracted_region1));
  // A municipality of region 0 combined with region 1 selects nothing.
  auto body = Json(
      Get("/api/v1/offers?region=" + regions[1] + "&municipality=" + region0_municipalities[0]));
  EXPECT_TRUE(body["items"].empty());
  EXPECT_TRUE(body["next_cursor"].is_null());
  auto logeren = Json(Get("/api/v1/offers?kind=logeren&limit=500"));
  ASSERT_FALSE(logeren["items"].empty());
  for (const auto& offer : logeren["items"]) {
    EXPECT_EQ(offer["kind"], "logeren");
  }
}

// ?q= searches the names and descriptions (the stores' conformance test has the Dutch
// cases); ?near= with ?within_km= the distance. The seeded locations lie at 0,0.
TEST_F(ApiTest, OfferSearchAndDistance) {
  int pages = 0;
  // "Aanbod 12" and "Aanbod 120" to "Aanbod 129": every word begins a word of the name.
  auto twelve = WalkPages(*this, "/api/v1/offers?q=AANBOD%2012", 5, &pages);
  EXPECT_EQ(twelve.size(), 11u);
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(WalkPages(*this, "/api/v1/offers?q=aanb&kind=wonen", 40, &pages).size(),
            static_cast<size_t>(wonen_offers));
  EXPECT_TRUE(Json(Get("/api/v1/offers?q=aanbieder"))["items"].empty());
  EXPECT_EQ(WalkPages(*this, "/api/v1/offers?q=%20%2C", 40, &pages).size(),  // no words: all
            static_cast<size_t>(offer_count));
  EXPECT_EQ(WalkPages(*this, "/api/v1/offers?near=0.05,0&q=aanbod%201", 40, &pages).size(),
            111u);  // 1, 10-19, 100-199
  EXPECT_TRUE(Json(Get("/api/v1/offers?near=0.05,0&within_km=5"))["items"].empty());
  EXPECT_TRUE(Json(Get("/api/v1/offers?near=50.85,5.69"))["items"].empty());
}

TEST_F(ApiTest, LocationAndClientFilters) {
  auto locations = Json(Get("/api/v1/locations?provider=prv-1&limit=500"))["items"];
  ASSERT_FALSE(locations.empty());
  for (const auto& l : locations) EXPECT_EQ(l["provider_id"], "prv-1");
  auto clients = Json(Get("/api/v1/clients?region=" + regions[0] + "&limit=500"))["items"];
  EXPECT_EQ(clients.size(), 15u);
}

TEST_F(ApiTest, ReferenceDataIsPublic) {
  for (const char* path : {"/api/v1/kenmerken", "/api/v1/zorgprofielen", "/api/v1/gemeenten",
                           "/api/v1/zorgkantoren"}) {
    SCOPED_TRACE(path);
    auto res = Get(path, {{"X-Test-Deny", "unauthenticated"}});
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_FALSE(Json(res)["items"].empty());
  }
}

// The guideline (issue 20.1): public, every life domain with its questions, each question
// with the features of the vocabulary it can produce.
TEST_F(ApiTest, TheLeidraadIsPublicAndCoversEveryLifeDomain) {
  auto res = Get("/api/v1/leidraad", {{"X-Test-Deny", "unauthenticated"}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  const auto body = Json(res);
  ASSERT_EQ(body["domains"].size(), std::size(domain::kAllLifeDomains));
  EXPECT_EQ(body["unknown_answer"]["nl"], "Weet ik nog niet");
  const auto features = Json(Get("/api/v1/kenmerken"))["items"];
  std::set<std::string> known;
  for (const auto& f : features) known.insert(f["id"].get<std::string>());
  for (size_t i = 0; i < body["domains"].size(); ++i) {
    const auto& d = body["domains"][i];
    EXPECT_EQ(d["id"], domain::ToString(domain::kAllLifeDomains[i]));
    EXPECT_FALSE(d["questions"].empty());
    for (const auto& q : d["questions"]) {
      EXPECT_FALSE(q["features"].empty()) << q["id"];
      for (const auto& f : q["features"]) EXPECT_TRUE(known.count(f["id"].get<std::string>()));
    }
  }
}

TEST_F(ApiTest, OpenApiListsEveryRoute) {
  auto res = Get("/api/v1/openapi.json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  auto doc = Json(res);
  EXPECT_EQ(doc["openapi"], "3.0.3");
  EXPECT_TRUE(doc["components"]["schemas"].contains("Problem"));
  std::set<std::string> op_ids;
  for (const auto& route : server->router().routes()) {
    std::string method = route.method;
    for (auto& ch : method) ch = static_cast<char>(std::tolower(ch));
    SCOPED_TRACE(route.method + " " + route.pattern);
    ASSERT_TRUE(doc["paths"].contains(route.pattern));
    ASSERT_TRUE(doc["paths"][route.pattern].contains(method));
    const auto& op = doc["paths"][route.pattern][method];
    EXPECT_EQ(op["x-permission"], route.permission);
    EXPECT_TRUE(op["responses"].contains(std::to_string(route.success_status)));
    EXPECT_TRUE(op_ids.insert(op["operationId"].get<std::string>()).second) << "unique ids";
    // Every {param} of the pattern is documented as a path parameter.
    for (size_t open = route.pattern.find('{'); open != std::string::npos;
         open = route.pattern.find('{', open + 1)) {
      std::string name = route.pattern.substr(open + 1, route.pattern.find('}', open) - open - 1);
      bool documented = false;
      for (const auto& p : op.value("parameters", nlohmann::json::array())) {
        documented |= p["name"] == name && p["in"] == "path";
      }
      EXPECT_TRUE(documented) << name;
    }
  }
  EXPECT_TRUE(doc["paths"].contains("/api/v1/offers"));
  EXPECT_TRUE(doc["paths"].contains("/healthz"));
}

TEST_F(ApiTest, RequestIdIsEchoedAndLoggedAsOneJsonLine) {
  auto res = Get("/api/v1/offers/off-1001", {{"X-Request-Id", "trace-42"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->get_header_value("X-Request-Id"), "trace-42");
  bool found = false;
  for (const auto& line : Logs()) {
    if (line.value("request_id", "") != "trace-42") continue;
    found = true;
    EXPECT_EQ(line["method"], "GET");
    EXPECT_EQ(line["path"], "/api/v1/offers/off-1001");
    EXPECT_EQ(line["status"], 200);
    EXPECT_EQ(line["level"], "info");
    EXPECT_TRUE(line["ms"].is_number());
    EXPECT_EQ(line["ts"].get<std::string>().back(), 'Z');
  }
  EXPECT_TRUE(found);
  auto weird = Get("/healthz", {{"X-Request-Id", "bad id\twith spaces"}});
  ASSERT_TRUE(weird);
  EXPECT_NE(weird->get_header_value("X-Request-Id"), "bad id\twith spaces");
}

TEST_F(ApiTest, ManyConcurrentRequestsAllSucceed) {
  constexpr int kThreads = 8, kPerThread = 50;
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto client = Client();
      client.set_keep_alive(t % 2 == 0);  // half reuse one connection, half do not
      for (int i = 0; i < kPerThread; ++i) {
        std::string path = i % 3 == 0   ? "/api/v1/offers?limit=20"
                           : i % 3 == 1 ? "/api/v1/offers/off-" + std::to_string(1000 + i)
                                        : "/api/v1/clients/cli-" + std::to_string(i % 30);
        auto res = client.Get(path.c_str());
        if (res && res->status == 200) ok.fetch_add(1);
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), kThreads * kPerThread);
}

TEST_F(ApiTest, StopLetsInFlightRequestsFinish) {
  std::atomic<int> status{0};
  std::thread slow([&] {
    auto client = Client();
    auto res = client.Get("/test/slow");
    status = res ? res->status : -1;
  });
  // Wait until the slow request is being handled, then stop.
  for (int i = 0; i < 200 && guard.admitted().empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_FALSE(guard.admitted().empty());
  server->Stop();
  runner.join();  // Run returns only after the in-flight request is done
  slow.join();
  EXPECT_EQ(status.load(), 200);
  auto after = Client().Get("/healthz");
  EXPECT_FALSE(after) << "no new connections after Stop";
}

}  // namespace
}  // namespace passend::api::testing
