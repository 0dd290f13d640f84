#include "access/password.h"

#include <gtest/gtest.h>

namespace passend::access {
namespace {

TEST(Password, HashIsArgon2idAndVerifies) {
  auto h = HashPassword("een lange zin die ik onthoud", HashCost::kTestOnly);
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(VerifyPassword("een lange zin die ik onthoud", *h));
  EXPECT_FALSE(VerifyPassword("een lange zin die ik vergat", *h));
  EXPECT_FALSE(VerifyPassword("", *h));
  EXPECT_FALSE(VerifyPassword("x", ""));
}

TEST(Password, SamePasswordHashesDifferently) {
  auto a = HashPassword("een lange zin die ik onthoud", HashCost::kTestOnly);
  auto b = HashPassword("een lange zin die ik onthoud", HashCost::kTestOnly);
  EXPECT_NE(*a, *b);  // a salt of its own
}

TEST(Password, CheapHashesAskForARehash) {
  auto h = HashPassword("een lange zin die ik onthoud", HashCost::kTestOnly);
  EXPECT_TRUE(NeedsRehash(*h, HashCost::kInteractive));
  EXPECT_FALSE(NeedsRehash(*h, HashCost::kTestOnly));
}

TEST(Password, TooShortIsRefusedWithTheField) {
  auto s = CheckPasswordStrength("kort");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field(), "password");
  EXPECT_TRUE(CheckPasswordStrength("twaalf tekens").ok());
}

}  // namespace
}  // namespace passend::access
