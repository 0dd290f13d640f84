#include "generate/ids.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace passend::generate {
namespace {

bool IsBase32Lower(char c) {
  return (c >= '0' && c <= '9') ||
         (c >= 'a' && c <= 'z' && c != 'i' && c != 'l' && c != 'o' && c != 'u');
}

TEST(MakeId, HasPrefixAndEightBase32Characters) {
  const std::string id = MakeId("prv", 42, 0);
  ASSERT_EQ(id.size(), 12u);
  EXPECT_EQ(id.substr(0, 4), "prv-");
  for (char c : id.substr(4)) EXPECT_TRUE(IsBase32Lower(c)) << id;
}

TEST(MakeId, IsStableAndDependsOnSeedKindAndIndex) {
  EXPECT_EQ(MakeId("cli", 42, 7), MakeId("cli", 42, 7));
  EXPECT_NE(MakeId("cli", 42, 7), MakeId("cli", 43, 7));
  EXPECT_NE(MakeId("cli", 42, 7).substr(4), MakeId("off", 42, 7).substr(4));
  EXPECT_NE(MakeId("cli", 42, 7), MakeId("cli", 42, 8));
}

TEST(MakeId, NeverCollidesWithinAKind) {
  std::set<std::string> seen;
  for (uint64_t i = 0; i < 400000; ++i) ASSERT_TRUE(seen.insert(MakeId("cli", 9, i)).second) << i;
}

TEST(MakeId, DoesNotRevealOrder) {
  // Consecutive indices give ids in no particular order: about half go up.
  int up = 0;
  for (uint64_t i = 0; i < 1000; ++i) up += MakeId("off", 1, i + 1) > MakeId("off", 1, i);
  EXPECT_GT(up, 400);
  EXPECT_LT(up, 600);
}

}  // namespace
}  // namespace passend::generate
