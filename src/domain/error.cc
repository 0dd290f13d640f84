#include "domain/error.h"

namespace passend {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument: return "invalid_argument";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kAlreadyExists: return "already_exists";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kFailedPrecondition: return "failed_precondition";
    case ErrorCode::kPermissionDenied: return "permission_denied";
    case ErrorCode::kUnauthenticated: return "unauthenticated";
    case ErrorCode::kResourceExhausted: return "resource_exhausted";
    case ErrorCode::kUnavailable: return "unavailable";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

Error Error::WithFieldPrefix(std::string_view prefix) const {
  std::string field(prefix);
  if (!field_.empty()) {
    if (field_.front() != '[') field += '.';
    field += field_;
  }
  return Error(code_, message_, std::move(field));
}

std::string Error::ToString() const {
  std::string s(ErrorCodeName(code_));
  s += ": ";
  s += message_;
  if (!field_.empty()) s += " (veld: " + field_ + ")";
  return s;
}

Error InvalidArgument(std::string m, std::string f) {
  return {ErrorCode::kInvalidArgument, std::move(m), std::move(f)};
}
Error NotFound(std::string m, std::string f) {
  return {ErrorCode::kNotFound, std::move(m), std::move(f)};
}
Error AlreadyExists(std::string m, std::string f) {
  return {ErrorCode::kAlreadyExists, std::move(m), std::move(f)};
}
Error Conflict(std::string m) { return {ErrorCode::kConflict, std::move(m)}; }
Error FailedPrecondition(std::string m) { return {ErrorCode::kFailedPrecondition, std::move(m)}; }
Error PermissionDenied(std::string m) { return {ErrorCode::kPermissionDenied, std::move(m)}; }
Error Unauthenticated(std::string m) { return {ErrorCode::kUnauthenticated, std::move(m)}; }
Error ResourceExhausted(std::string m) { return {ErrorCode::kResourceExhausted, std::move(m)}; }
Error Unavailable(std::string m) { return {ErrorCode::kUnavailable, std::move(m)}; }
Error Internal(std::string m) { return {ErrorCode::kInternal, std::move(m)}; }

}  // namespace passend
