#include "cli/exit_codes.h"

namespace passend::cli {

int ExitCode(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument: return 2;
    case ErrorCode::kNotFound: return 3;
    case ErrorCode::kAlreadyExists: return 4;
    case ErrorCode::kConflict: return 5;
    case ErrorCode::kFailedPrecondition: return 6;
    case ErrorCode::kPermissionDenied: return 7;
    case ErrorCode::kUnauthenticated: return 8;
    case ErrorCode::kResourceExhausted: return 9;
    case ErrorCode::kUnavailable: return 10;
    case ErrorCode::kInternal: return 1;
  }
  return 1;
}

}  // namespace passend::cli
