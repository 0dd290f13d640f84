#include "access/local_time.h"

#include <gtest/gtest.h>

namespace passend::access {
namespace {

std::string At(const char* utc) { return FormatAmsterdam(*ParseUtc(utc)); }

TEST(LocalTimeTest, SummerTimeIsTwoHoursAhead) {
  EXPECT_EQ(At("2026-07-01T10:00:00Z"), "1 juli 2026 om 12:00");
}

TEST(LocalTimeTest, WinterTimeIsOneHourAhead) {
  EXPECT_EQ(At("2026-01-15T10:05:00Z"), "15 januari 2026 om 11:05");
  EXPECT_EQ(At("2026-12-31T23:30:00Z"), "1 januari 2027 om 00:30");  // the date turns too
}

// The switch follows the rules: on 29 March 2026 the clock jumps from 02:00 to 03:00 (at
// 01:00 UTC); on 25 October 2026 back from 03:00 to 02:00 (at 01:00 UTC).
TEST(LocalTimeTest, TheSwitchesFollowTheRules) {
  EXPECT_EQ(At("2026-03-29T00:59:00Z"), "29 maart 2026 om 01:59");
  EXPECT_EQ(At("2026-03-29T01:00:00Z"), "29 maart 2026 om 03:00");
  EXPECT_EQ(At("2026-10-25T00:30:00Z"), "25 oktober 2026 om 02:30");
  EXPECT_EQ(At("2026-10-25T01:30:00Z"), "25 oktober 2026 om 02:30");
}

}  // namespace
}  // namespace passend::access
