#include "domain/dutch_number.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

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

// NumberNl as it was written with printf("%.*f") (before std::to_chars): the same text for
// every value, also for halves on the rounding edge and numbers too long for the buffer.
std::string NumberNlByPrintf(double v, int decimals, Thousands t) {
  if (!std::isfinite(v)) return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(v));
  const std::string s(buf);
  const size_t dot = s.find('.');
  std::string whole = s.substr(0, dot), grouped;
  const std::string fraction = dot == std::string::npos ? "" : s.substr(dot + 1);
  for (size_t i = 0; i < whole.size(); ++i) {
    if (t == Thousands::kPoint && i > 0 && (whole.size() - i) % 3 == 0) grouped += '.';
    grouped += whole[i];
  }
  const bool zero = s.find_first_not_of("0.") == std::string::npos;
  return (v < 0 && !zero ? "-" : "") + grouped + (fraction.empty() ? "" : "," + fraction);
}

TEST(DutchNumberTest, WritesWhatPrintfWrites) {
  std::mt19937_64 rng(7);
  std::vector<double> values = {0,    -0.0,   0.5,   1.5,    2.5,     0.05,  0.15, 0.25,
                                0.35, 999.95, 1e15,  1e21,   -1e22,   1e58,  1e59, 1e60,
                                1e70, -1e80,  1e300, 5e-324, 123.456, -0.049};
  for (int i = 0; i < 20000; ++i) {
    const double magnitude = std::pow(10.0, static_cast<int>(rng() % 16) - 4);
    const double v = (static_cast<double>(rng() % 2000000) / 1000 - 1000) * magnitude;
    values.push_back(v);
    values.push_back(std::round(v * 100) / 100 + 0.005);  // near a rounding edge
  }
  for (double v : values)
    for (int decimals = -1; decimals <= 4; ++decimals)
      for (Thousands t : {Thousands::kPoint, Thousands::kNone})
        ASSERT_EQ(NumberNl(v, decimals, t), NumberNlByPrintf(v, decimals, t))
            << v << " " << decimals;
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
