#include "api/route.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "api/paging.h"

namespace passend::api {
namespace {

Route R(std::string method, std::string pattern, std::string permission = "catalog.read") {
  Route r = MakeRoute(std::move(method), std::move(pattern), std::move(permission),
                      [](const ApiRequest&) -> Result<ApiResponse> { return JsonResponse({}); });
  r.summary_nl = "test";
  r.tag = "test";
  if (r.permission != kPublic)
    r.subject =
        r.pattern.find("/clients/{id}") != std::string::npos ? AboutClient("id") : AboutNoRecord();
  return r;
}

TEST(RouterTest, MatchesLiteralAndParameterSegments) {
  Router router;
  router.Add(R("GET", "/api/v1/offers"));
  router.Add(R("GET", "/api/v1/offers/{id}"));
  auto m = router.Match("GET", "/api/v1/offers/off-1");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v1/offers/{id}");
  EXPECT_EQ(m.path_params.at("id"), "off-1");
  m = router.Match("GET", "/api/v1/offers");
  ASSERT_NE(m.route, nullptr);
  EXPECT_TRUE(m.path_params.empty());
}

TEST(RouterTest, LiteralBeatsParameter) {
  Router router;
  router.Add(R("GET", "/api/v1/offers/{id}"));
  router.Add(R("GET", "/api/v1/offers/search"));
  auto m = router.Match("GET", "/api/v1/offers/search");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v1/offers/search");
}

TEST(RouterTest, UnknownPathHasNoRouteAndNoMethods) {
  Router router;
  router.Add(R("GET", "/api/v1/offers/{id}"));
  for (const char* path : {"/api/v1/offers", "/api/v1/offers/", "/api/v1/offers/a/b", "", "x"}) {
    auto m = router.Match("GET", path);
    EXPECT_EQ(m.route, nullptr) << path;
    EXPECT_TRUE(m.allowed_methods.empty()) << path;
  }
}

TEST(RouterTest, WrongMethodListsAllowedMethods) {
  Router router;
  router.Add(R("GET", "/api/v1/clients/{id}"));
  router.Add(R("PUT", "/api/v1/clients/{id}"));
  auto m = router.Match("DELETE", "/api/v1/clients/cli-1");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_EQ(m.allowed_methods, (std::vector<std::string>{"GET", "PUT"}));
}

TEST(RouterTest, RejectsProgrammingErrorsAtStartUp) {
  Router router;
  router.Add(R("GET", "/a/{id}"));
  EXPECT_THROW(router.Add(R("GET", "/a/{id}")), std::logic_error);
  EXPECT_THROW(router.Add(R("get", "/b")), std::logic_error);
  EXPECT_THROW(router.Add(R("GET", "c")), std::logic_error);
  EXPECT_THROW(router.Add(R("GET", "/d/{id")), std::logic_error);
  EXPECT_THROW(router.Add(R("GET", "/e", "")), std::logic_error);
  Route no_handler = R("GET", "/f");
  no_handler.handler = nullptr;
  EXPECT_THROW(router.Add(no_handler), std::logic_error);
}

TEST(RouterTest, GuardedRoutesDeclareASubjectThatFitsTheirPath) {
  auto with = [](std::string pattern, std::string permission, RouteSubject subject) {
    Route r = R("GET", std::move(pattern), std::move(permission));
    r.subject = std::move(subject);
    return r;
  };
  Router router;
  // Fitting declarations are accepted.
  router.Add(with("/api/v1/clients/{id}", "client.read", AboutClient("id")));
  router.Add(
      with("/api/v1/clients/{id}/consents/{consent_id}", "consent.withdraw", AboutClient("id")));
  router.Add(with("/api/v1/providers/{pid}/offers", "catalog.update", AboutProvider("pid")));
  router.Add(with("/api/v1/clients", "client.list", AboutNoRecord()));
  router.Add(with("/api/v1/zoeken", std::string(kPublic), RouteSubject{}));  // public: none needed
  EXPECT_EQ(router.routes().size(), 5u);
  // A guarded route without one, or with one that does not fit its path, fails at start-up.
  Router bad;
  EXPECT_THROW(bad.Add(with("/api/v1/users", "user.list", RouteSubject{})), std::logic_error);
  EXPECT_THROW(bad.Add(with("/api/v1/clients/{id}/export", "client.export", AboutNoRecord())),
               std::logic_error);
  EXPECT_THROW(bad.Add(with("/api/v1/users/{id}", "user.update", AboutClient("id"))),
               std::logic_error);
  EXPECT_THROW(bad.Add(with("/api/v1/clients/{id}", "client.read", AboutClient("client"))),
               std::logic_error);
  EXPECT_THROW(bad.Add(with("/api/v1/clients/{id}", "client.read", AboutProvider("id"))),
               std::logic_error);
  EXPECT_TRUE(bad.routes().empty());
}

TEST(ApiRequestTest, IntegerQueryAcceptsOnlyWholeNumbersInRange) {
  ApiRequest req;
  EXPECT_EQ(*IntegerQuery(req, "limit", 50, 1, 500), 50);  // absent: the fallback
  for (const char* good : {"1", "500", "007"}) {
    req.query["limit"] = good;
    auto n = IntegerQuery(req, "limit", 50, 1, 500);
    ASSERT_TRUE(n.ok()) << good;
    EXPECT_EQ(*n, std::stoll(good));
  }
  for (const char* bad : {"0", "501", "-1", "+5", "5x", " 5", "2.5", "", "99999999999999999999"}) {
    req.query["limit"] = bad;
    auto n = IntegerQuery(req, "limit", 50, 1, 500);
    ASSERT_FALSE(n.ok()) << bad;
    EXPECT_EQ(n.error().code(), ErrorCode::kInvalidArgument) << bad;
    EXPECT_EQ(n.error().field(), "limit") << bad;
    EXPECT_EQ(n.error().message(), "limit moet een heel getal van 1 tot en met 500 zijn.");
  }
}

TEST(ApiRequestTest, HeadersAreCaseInsensitive) {
  ApiRequest req;
  req.headers.emplace("X-Request-Id", "abc");
  EXPECT_EQ(req.Header("x-request-id"), "abc");
  EXPECT_EQ(req.Header("Missing"), "");
}

TEST(ApiRequestTest, JsonBodyNamesTheBodyWhenMalformed) {
  ApiRequest req;
  req.body = "{\"a\": ";
  auto parsed = req.JsonBody();
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(parsed.error().field(), "body");
  req.body = "{\"a\": 1}";
  ASSERT_TRUE(req.JsonBody().ok());
  EXPECT_EQ((*req.JsonBody())["a"], 1);
}

}  // namespace
}  // namespace passend::api
