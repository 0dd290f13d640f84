#include "match/weights.h"

#include <gtest/gtest.h>

namespace passend::match {
namespace {

TEST(WeightsTest, BuiltInTableIsRead) {
  const Weights& w = Weights::BuiltIn();
  EXPECT_GT(w.wish_must, w.wish_important);
  EXPECT_GT(w.wish_important, w.wish_nice);
  EXPECT_DOUBLE_EQ(w.partly_factor, 0.5);
  EXPECT_DOUBLE_EQ(w.travel_dagbesteding_max_km, 15);
}

TEST(WeightsTest, BadTablesAreRejected) {
  EXPECT_FALSE(Weights::Parse("sleutel,waarde\nwens_moet,6\n").ok());  // keys missing
  auto unknown = Weights::Parse("sleutel,waarde\nonbekend,1\n");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message().find("onbekend"), std::string::npos);
  EXPECT_FALSE(Weights::Parse("sleutel,waarde\nwens_moet,-1\n").ok());
  EXPECT_FALSE(Weights::Parse("sleutel,waarde\nwens_moet,6\nwens_moet,6\n").ok());
}

}  // namespace
}  // namespace passend::match
