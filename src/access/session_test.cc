#include "access/session.h"

#include <gtest/gtest.h>

#include "access/api_token.h"
#include "access/secret.h"
#include "access/test_clock.h"
#include "access/test_stores_for_test.h"

namespace passend::access {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

class SessionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    User u;  // sessions belong to a user that exists
    u.id = "usr-1";
    u.email = "ann@example.nl";
    ASSERT_TRUE(store.accounts().PutUser(u).ok());
  }
  TestStores store;
  TestClock clock;
  Sessions sessions{store.accounts(), clock.fn()};
};

TEST_F(SessionTest, StartedSessionResumesFromItsSecret) {
  auto s = sessions.Start("usr-1");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->secret.size(), 43u);
  auto r = sessions.Resume(s->secret);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->user_id, "usr-1");
  EXPECT_EQ(sessions.Resume("verzonnen").error().code(), ErrorCode::kUnauthenticated);
}

TEST_F(SessionTest, TheStoreKeepsNoUsableSecret) {
  auto s = sessions.Start("usr-1");
  auto stored = store.accounts().FindSession(s->session.secret_hash);
  ASSERT_TRUE(stored.ok());
  EXPECT_NE(stored->secret_hash, s->secret);
  // A copy of the stored hash is no cookie.
  EXPECT_EQ(sessions.Resume(stored->secret_hash).error().code(), ErrorCode::kUnauthenticated);
}

TEST_F(SessionTest, IdleSessionExpires) {
  auto s = sessions.Start("usr-1");
  clock.Advance(hours(7));
  EXPECT_TRUE(sessions.Resume(s->secret).ok());  // activity moves last_seen on
  clock.Advance(hours(8));
  EXPECT_EQ(sessions.Resume(s->secret).error().code(), ErrorCode::kUnauthenticated);
}

TEST_F(SessionTest, ActiveSessionStillEndsAtItsAbsoluteLimit) {
  auto s = sessions.Start("usr-1");
  for (int i = 0; i < 12; ++i) {
    clock.Advance(minutes(59));
    ASSERT_TRUE(sessions.Resume(s->secret).ok()) << i;
  }
  clock.Advance(minutes(30));
  EXPECT_FALSE(sessions.Resume(s->secret).ok());
}

TEST_F(SessionTest, LogoutEndsTheSession) {
  auto s = sessions.Start("usr-1");
  EXPECT_TRUE(sessions.End(s->secret).ok());
  EXPECT_FALSE(sessions.Resume(s->secret).ok());
  EXPECT_TRUE(sessions.End(s->secret).ok());
}

TEST_F(SessionTest, CookieIsHttpOnlyAndStrict) {
  auto s = sessions.Start("usr-1");
  const std::string c = sessions.CookieFor(*s, true);
  EXPECT_EQ(c.rfind("passend_session=" + s->secret, 0), 0u);
  EXPECT_NE(c.find("HttpOnly"), std::string::npos);
  EXPECT_NE(c.find("SameSite=Strict"), std::string::npos);
  EXPECT_NE(c.find("Secure"), std::string::npos);
  EXPECT_NE(Sessions::ClearingCookie(false).find("Max-Age=0"), std::string::npos);
}

TEST_F(SessionTest, CsrfTokenBelongsToItsSession) {
  auto a = sessions.Start("usr-1");
  auto b = sessions.Start("usr-1");
  EXPECT_TRUE(CsrfMatches(a->session, a->session.csrf_token));
  EXPECT_FALSE(CsrfMatches(a->session, b->session.csrf_token));
  EXPECT_FALSE(CsrfMatches(a->session, ""));
}

TEST(ApiTokenTest, IssuedTokenResolvesUntilRevokedOrExpired) {
  TestStores store;
  TestClock clock;
  User u;
  u.id = "usr-sys";
  u.email = "koppeling@zorgkantoor.example";
  ASSERT_TRUE(store.accounts().PutUser(u).ok());
  ApiTokens tokens(store.accounts(), clock.fn());
  auto t = tokens.Issue("usr-sys", "koppeling zorgkantoor", clock.now() + hours(48));
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(tokens.Resolve(t->secret)->user_id, "usr-sys");
  clock.Advance(hours(49));
  EXPECT_EQ(tokens.Resolve(t->secret).error().code(), ErrorCode::kUnauthenticated);

  auto t2 = tokens.Issue("usr-sys", "tweede", clock.now() + hours(1));
  ASSERT_TRUE(tokens.Resolve(t2->secret).ok());
  ASSERT_TRUE(tokens.Revoke(t2->token.id).ok());
  EXPECT_EQ(tokens.Resolve(t2->secret).error().code(), ErrorCode::kUnauthenticated);
  EXPECT_EQ(tokens.Revoke("tok-bestaat-niet").error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(tokens.Issue("usr-sys", "", clock.now() + hours(1)).error().field(), "name");
}

// Regression (issue 23, item 15): a token without an expiry, or with one in the past, was
// issued; the docs say tokens expire.
TEST(ApiTokenTest, EveryTokenExpiresWithinTheMaximum) {
  TestStores stores;
  AccountStore& store = stores.accounts();
  TestClock clock;
  User u;
  u.id = "usr-sys";
  ASSERT_TRUE(store.PutUser(u).ok());
  ApiTokens tokens(store, clock.fn());
  EXPECT_EQ(tokens.Issue("usr-sys", "k", std::nullopt).error().field(), "expires_at");
  EXPECT_EQ(tokens.Issue("usr-sys", "k", clock.now() - hours(1)).error().field(), "expires_at");
  EXPECT_EQ(tokens.Issue("usr-sys", "k", clock.now()).error().field(), "expires_at");
  EXPECT_EQ(
      tokens.Issue("usr-sys", "k", clock.now() + kMaxApiTokenLifetime + hours(1)).error().field(),
      "expires_at");
  EXPECT_TRUE(tokens.Issue("usr-sys", "k", clock.now() + kMaxApiTokenLifetime).ok());
  // A token stored before expiry was required lives at most the maximum.
  ApiToken old;
  old.id = "tok-oud";
  old.name = "oud";
  old.user_id = "usr-sys";
  old.secret_hash = Sha256Hex("pst_oud");
  old.created_at = clock.now();
  ASSERT_TRUE(store.PutApiToken(old).ok());
  EXPECT_TRUE(tokens.Resolve("pst_oud").ok());
  clock.Advance(kMaxApiTokenLifetime + hours(1));
  EXPECT_EQ(tokens.Resolve("pst_oud").error().code(), ErrorCode::kUnauthenticated);
}

}  // namespace
}  // namespace passend::access
