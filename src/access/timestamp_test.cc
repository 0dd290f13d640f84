#include "access/timestamp.h"

#include <gtest/gtest.h>

namespace passend::access {
namespace {

TEST(Timestamp, RoundTripsIso8601Utc) {
  auto t = ParseUtc("2026-12-31T23:59:58Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(FormatUtc(*t), "2026-12-31T23:59:58Z");
  EXPECT_EQ(FormatUtc(*ParseUtc("2026-02-28")), "2026-02-28T00:00:00Z");
}

TEST(Timestamp, RejectsWhatIsNotADate) {
  for (const char* s : {"", "2026-02-30", "2026-13-01", "2026-01-01T24:00:00Z",
                        "2026-01-01 10:00:00", "2026-01-01T10:00:00+01:00", "gisteren"})
    EXPECT_FALSE(ParseUtc(s)) << s;
}

}  // namespace
}  // namespace passend::access
