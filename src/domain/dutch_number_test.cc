#include "domain/dutch_number.h"

#include <gtest/gtest.h>

#include <cmath>

namespace passend::domain {
namespace {

TEST(DutchNumberTest, DecimalCommaAndThousandsPoint) {
  EXPECT_EQ(NumberNl(0.3, 1), "0,3");
  EXPECT_EQ(NumberNl(12345.64, 1), "12.345,6");
  EXPECT_EQ(NumberNl(1234567.0, 0), "1.234.567");
  EXPECT_EQ(NumberNl(999.95, 1), "1.000,0");  // rounding carries into the thousands
  EXPECT_EQ(NumberNl(-1234.5, 1), "-1.234,5");
  EXPECT_EQ(NumberNl(-0.04, 1), "0,0");  // no "-0,0"
  EXPECT_EQ(NumberNl(0.0619, 4, Thousands::kNone), "0,0619");
  EXPECT_EQ(NumberNl(12345.5, 1, Thousands::kNone), "12345,5");
  EXPECT_EQ(NumberNl(std::nan(""), 1), "-");
}

TEST(DutchNumberTest, Integers) {
  EXPECT_EQ(IntegerNl(0), "0");
  EXPECT_EQ(IntegerNl(999), "999");
  EXPECT_EQ(IntegerNl(8000), "8.000");
  EXPECT_EQ(IntegerNl(330000), "330.000");
  EXPECT_EQ(IntegerNl(-1234567), "-1.234.567");
  EXPECT_EQ(IntegerNl(8000, Thousands::kNone), "8000");
}

TEST(DutchNumberTest, ShortNumbers) {
  EXPECT_EQ(ShortNumberNl(3), "3");
  EXPECT_EQ(ShortNumberNl(2.5), "2,5");
  EXPECT_EQ(ShortNumberNl(12.84), "12,8");
  EXPECT_EQ(ShortNumberNl(2.96), "3");
}

TEST(DutchNumberTest, UnitsAndGrammar) {
  EXPECT_EQ(PercentNl(36.84), "36,8%");
  EXPECT_EQ(PercentNl(36.84, 0), "37%");
  EXPECT_EQ(KmNl(12.84), "12,8 km");
  EXPECT_EQ(SecondsNl(0.31), "0,3 s");
  EXPECT_EQ(CountNl(1, "week", "weken"), "1 week");
  EXPECT_EQ(CountNl(2, "week", "weken"), "2 weken");
  EXPECT_EQ(CountNl(0, "cliënt", "cliënten"), "0 cliënten");
  EXPECT_EQ(CountNl(1, "cliënt", "cliënten"), "1 cliënt");
  EXPECT_EQ(CountNl(8000, "cliënt", "cliënten"), "8.000 cliënten");
}

}  // namespace
}  // namespace passend::domain
