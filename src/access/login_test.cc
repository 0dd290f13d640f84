#include <gtest/gtest.h>

#include "access/authenticator.h"
#include "access/test_clock.h"
#include "access/test_stores_for_test.h"
#include "access/user_directory.h"

namespace passend::access {
namespace {

constexpr char kPassword[] = "correct paard batterij niet";

class LoginTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(users.AddOrganisation({"org-a", "Zorggroep A", Role::kProvider, "prv-a", ""}).ok());
    auto u =
        users.Add({"Ann@Zorggroep-A.example ", "Ann", Role::kProvider, "org-a", {}, kPassword});
    ASSERT_TRUE(u.ok()) << u.error().ToString();
    ann = *u;
  }
  Result<User> Login(std::string email, std::string password, std::string addr = "10.0.0.1") {
    return auth.Authenticate({std::move(email), std::move(password), {}, std::move(addr)});
  }
  TestStores store;
  TestClock clock;
  UserDirectory users{store.accounts(), clock.fn(), HashCost::kTestOnly};
  LoginThrottle throttle{store.accounts(), clock.fn()};
  PasswordAuthenticator auth{store.accounts(), throttle};
  User ann;
};

TEST_F(LoginTest, RightPasswordLogsIn) {
  auto u = Login("ann@zorggroep-a.example", kPassword);
  ASSERT_TRUE(u.ok()) << u.error().ToString();
  EXPECT_EQ(u->id, ann.id);
  auto p = users.PrincipalFor(*u);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->provider_id, "prv-a");
  EXPECT_EQ(p->role, Role::kProvider);
}

TEST_F(LoginTest, WrongPasswordAndUnknownAccountAnswerTheSame) {
  auto wrong = Login("ann@zorggroep-a.example", "verkeerd wachtwoord hier");
  auto unknown = Login("niemand@example.nl", kPassword);
  ASSERT_FALSE(wrong.ok());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(wrong.error().code(), ErrorCode::kUnauthenticated);
  EXPECT_EQ(wrong.error().ToString(), unknown.error().ToString());
}

TEST_F(LoginTest, FiveFailuresBlockTheAccountForAQuarter) {
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(Login("ann@zorggroep-a.example", "fout fout fout").ok());
  auto blocked = Login("ann@zorggroep-a.example", kPassword, "10.0.0.2");
  ASSERT_FALSE(blocked.ok());
  EXPECT_EQ(blocked.error().code(), ErrorCode::kResourceExhausted);
  clock.Advance(std::chrono::minutes(16));
  EXPECT_TRUE(Login("ann@zorggroep-a.example", kPassword).ok());
}

TEST_F(LoginTest, ASuccessResetsTheCount) {
  for (int i = 0; i < 4; ++i) EXPECT_FALSE(Login("ann@zorggroep-a.example", "fout fout fout").ok());
  EXPECT_TRUE(Login("ann@zorggroep-a.example", kPassword).ok());
  for (int i = 0; i < 4; ++i) EXPECT_FALSE(Login("ann@zorggroep-a.example", "fout fout fout").ok());
  EXPECT_TRUE(Login("ann@zorggroep-a.example", kPassword).ok());
}

TEST_F(LoginTest, BlockedUserCannotLogIn) {
  ASSERT_TRUE(users.SetActive(ann.id, false).ok());
  EXPECT_EQ(Login("ann@zorggroep-a.example", kPassword).error().code(),
            ErrorCode::kUnauthenticated);
}

TEST_F(LoginTest, UserRulesNameTheField) {
  EXPECT_EQ(users.Add({"geen-adres", "X", Role::kAdmin, "", {}, kPassword}).error().field(),
            "email");
  EXPECT_EQ(users.Add({"ann@zorggroep-a.example", "Ann 2", Role::kProvider, "org-a", {}, kPassword})
                .error()
                .code(),
            ErrorCode::kAlreadyExists);
  EXPECT_EQ(users.Add({"b@x.nl", "B", Role::kOco, "org-a", {}, kPassword}).error().field(), "role");
  EXPECT_EQ(users.Add({"c@x.nl", "C", Role::kClient, "", {}, kPassword}).error().field(),
            "client_ids");
  EXPECT_EQ(users.Add({"d@x.nl", "D", Role::kOco, "org-x", {}, kPassword}).error().field(),
            "organisation");
  EXPECT_EQ(users.Add({"e@x.nl", "E", Role::kClient, "", {"cli-1"}, "kort"}).error().field(),
            "password");
  EXPECT_EQ(users.AddOrganisation({"", "Zk", Role::kZorgkantoor, "", ""}).error().field(),
            "region");
}

}  // namespace
}  // namespace passend::access
