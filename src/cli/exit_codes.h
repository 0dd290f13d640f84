#pragma once
// The one table from error codes to process exit codes for `passend` (0 is success;
// 2 is also what CLI11 uses for a wrong command line).
#include "domain/error.h"

namespace passend::cli {

int ExitCode(ErrorCode code);

}  // namespace passend::cli
