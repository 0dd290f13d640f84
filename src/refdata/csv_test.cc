#include "refdata/csv.h"

#include <gtest/gtest.h>

namespace passend::refdata {
namespace {

TEST(CsvTest, QuotedFieldsAndEscapes) {
  auto t = ParseCsv("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,,z\n", "t");
  ASSERT_TRUE(t.ok()) << t.error().ToString();
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0][1], "x, y");
  EXPECT_EQ(t->rows[0][2], "say \"hi\"");
  EXPECT_EQ(t->rows[1][1], "");
  EXPECT_EQ(t->Column("c"), 2);
  EXPECT_EQ(t->Column("d"), -1);
}

TEST(CsvTest, RaggedRowIsAnError) {
  auto t = ParseCsv("a,b\n1,2,3\n", "t.csv");
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.error().message().find("t.csv regel 2"), std::string::npos);
  EXPECT_FALSE(ParseCsv("a\n\"open", "t").ok());
}

}  // namespace
}  // namespace passend::refdata
