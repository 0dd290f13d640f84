#pragma once
// The one table from error codes to process exit codes for `passend` (0 is success;
// 2 is also the code for a wrong command line: cli/dutch_text.h).
#include "domain/error.h"

namespace passend::cli {

int ExitCode(ErrorCode code);

}  // namespace passend::cli
