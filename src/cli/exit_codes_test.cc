#include "cli/exit_codes.h"

#include <gtest/gtest.h>

#include <set>

namespace passend::cli {
namespace {

TEST(ExitCodesTest, EveryErrorCodeHasItsOwnNonZeroExitCode) {
  std::set<int> seen;
  for (ErrorCode c : kAllErrorCodes) {
    const int code = ExitCode(c);
    EXPECT_NE(code, 0) << ErrorCodeName(c);
    EXPECT_LT(code, 64) << ErrorCodeName(c);  // below the shell's signal range
    seen.insert(code);
  }
  EXPECT_EQ(seen.size(), std::size(kAllErrorCodes));
}

}  // namespace
}  // namespace passend::cli
