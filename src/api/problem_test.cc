#include "api/problem.h"

#include <gtest/gtest.h>

#include <set>

#include "api/openapi.h"
#include "api/paging.h"

namespace passend::api {
namespace {

TEST(ProblemTest, EveryCodeHasAStatusATitleAndAProblemBody) {
  std::set<std::string_view> titles;
  for (ErrorCode code : kAllErrorCodes) {
    int status = HttpStatus(code);
    EXPECT_GE(status, 400) << ErrorCodeName(code);
    EXPECT_LT(status, 600) << ErrorCodeName(code);
    EXPECT_FALSE(ProblemTitle(code).empty());
    titles.insert(ProblemTitle(code));

    auto body = ProblemBody(Error(code, "uitleg", "veld"), "/pad", "rid-1");
    EXPECT_EQ(body["status"], status);
    EXPECT_EQ(body["code"], ErrorCodeName(code));
    EXPECT_EQ(body["type"], "urn:passend:problem:" + std::string(ErrorCodeName(code)));
    EXPECT_EQ(body["title"], ProblemTitle(code));
    EXPECT_EQ(body["detail"], "uitleg");
    EXPECT_EQ(body["field"], "veld");
    EXPECT_EQ(body["instance"], "/pad");
    EXPECT_EQ(body["request_id"], "rid-1");
  }
  EXPECT_EQ(titles.size(), std::size(kAllErrorCodes)) << "titles should tell codes apart";
}

TEST(ProblemTest, TheTable) {
  EXPECT_EQ(HttpStatus(ErrorCode::kInvalidArgument), 400);
  EXPECT_EQ(HttpStatus(ErrorCode::kNotFound), 404);
  EXPECT_EQ(HttpStatus(ErrorCode::kAlreadyExists), 409);
  EXPECT_EQ(HttpStatus(ErrorCode::kConflict), 409);
  EXPECT_EQ(HttpStatus(ErrorCode::kFailedPrecondition), 409);
  EXPECT_EQ(HttpStatus(ErrorCode::kPermissionDenied), 403);
  EXPECT_EQ(HttpStatus(ErrorCode::kUnauthenticated), 401);
  EXPECT_EQ(HttpStatus(ErrorCode::kResourceExhausted), 429);
  EXPECT_EQ(HttpStatus(ErrorCode::kUnavailable), 503);
  EXPECT_EQ(HttpStatus(ErrorCode::kInternal), 500);
}

TEST(ProblemTest, FieldIsLeftOutWhenTheErrorHasNone) {
  auto body = ProblemBody(NotFound("weg"), "/x", "r");
  EXPECT_FALSE(body.contains("field"));
}

TEST(ProblemTest, UnauthenticatedAsksForCredentials) {
  auto r = ProblemResponse(Unauthenticated("log in"), "/x", "r");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.content_type, kProblemContentType);
  EXPECT_FALSE(r.headers["WWW-Authenticate"].empty());
}

TEST(ProblemTest, MethodNotAllowedListsAllow) {
  auto r = MethodNotAllowed("DELETE", {"GET", "PUT"}, "/x", "r");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.headers["Allow"], "GET, PUT");
  EXPECT_EQ(r.body["status"], 405);
}

TEST(CursorTest, RoundTripsAndRejectsGarbage) {
  for (const std::string& id :
       std::vector<std::string>{"off-1", "a", "cli-ü/+=?", std::string(200, 'x')}) {
    auto cursor = EncodeCursor(id);
    EXPECT_EQ(cursor.find_first_of("+/="), std::string::npos) << cursor;
    auto back = DecodeCursor(cursor);
    ASSERT_TRUE(back.ok()) << id;
    EXPECT_EQ(*back, id);
    // One character changed anywhere is caught by the check.
    for (size_t i = 0; i < cursor.size(); ++i) {
      std::string altered = cursor;
      altered[i] = altered[i] == 'A' ? 'B' : 'A';
      EXPECT_FALSE(DecodeCursor(altered).ok()) << cursor << " at " << i;
    }
  }
  for (const std::string& bad :
       std::vector<std::string>{"", "!!!", "a b", "off-1=", std::string(600, 'A'), "abc",
                                "b2ZmLTE" /* base64url of off-1 without the check */}) {
    auto r = DecodeCursor(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().field(), "cursor");
  }
}

TEST(PagingTest, LimitBounds) {
  auto page_for = [](std::string limit) {
    ApiRequest req;
    req.query["limit"] = std::move(limit);
    return PageFromQuery(req);
  };
  EXPECT_EQ(page_for("1")->limit, 1);
  EXPECT_EQ(page_for("500")->limit, 500);
  for (const char* bad : {"0", "501", "-1", "abc", "10x", "", "1.5"}) {
    auto r = page_for(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().field(), "limit");
  }
  EXPECT_EQ(PageFromQuery(ApiRequest{})->limit, kDefaultLimit);
}

}  // namespace
}  // namespace passend::api
