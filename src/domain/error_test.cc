#include "domain/error.h"

#include <gtest/gtest.h>

#include <set>

namespace passend {
namespace {

Result<int> Half(int v) {
  if (v % 2) return InvalidArgument("oneven", "v");
  return v / 2;
}

Result<int> Quarter(int v) {
  PASSEND_ASSIGN_OR_RETURN(int h, Half(v));
  PASSEND_ASSIGN_OR_RETURN(int q, Half(h));
  return q;
}

TEST(ResultTest, CarriesValueOrError) {
  EXPECT_EQ(*Quarter(8), 2);
  Result<int> r = Quarter(6);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().field(), "v");
}

TEST(ErrorTest, FieldPrefixBuildsPaths) {
  Error e = InvalidArgument("x", "capacity");
  EXPECT_EQ(e.WithFieldPrefix("offers[3]").field(), "offers[3].capacity");
  EXPECT_EQ(InvalidArgument("x", "[2]").WithFieldPrefix("ids").field(), "ids[2]");
  EXPECT_EQ(InvalidArgument("x").WithFieldPrefix("offers[3]").field(), "offers[3]");
}

TEST(ErrorTest, EveryCodeHasItsOwnName) {
  std::set<std::string_view> names;
  for (ErrorCode c : kAllErrorCodes) names.insert(ErrorCodeName(c));
  EXPECT_EQ(names.size(), std::size(kAllErrorCodes));
  EXPECT_EQ(ErrorCodeName(ErrorCode::kNotFound), "not_found");
}

}  // namespace
}  // namespace passend
