#pragma once
// Error and Result: the one error model of Passend.
//
// An Error carries a stable code (what callers branch on), a message for people (Dutch,
// B1 level) and, where one field of the input was at fault, the path of that field
// ("offers[3].capacity"). Result<T> holds either a T or an Error; Status is Result<void>.
// Exceptions are for bugs and for third-party code that throws, caught at the edges
// (api/, cli/); expected failures are returned as values.
#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace passend {

enum class ErrorCode {
  kInvalidArgument,     // the input is wrong; `field` says where
  kNotFound,            // the record does not exist, or is outside the caller's scope
  kAlreadyExists,       // a record with that id exists
  kConflict,            // the request clashes with the current state
  kFailedPrecondition,  // the system is not in a state to do this
  kPermissionDenied,    // authenticated, but not allowed
  kUnauthenticated,     // no valid session or token
  kResourceExhausted,   // too large, too many
  kUnavailable,         // try again later
  kInternal,            // a bug or an unexpected failure underneath
};

// Every code, in declaration order; tests walk it to check each mapping table.
inline constexpr ErrorCode kAllErrorCodes[] = {
    ErrorCode::kInvalidArgument, ErrorCode::kNotFound,           ErrorCode::kAlreadyExists,
    ErrorCode::kConflict,        ErrorCode::kFailedPrecondition, ErrorCode::kPermissionDenied,
    ErrorCode::kUnauthenticated, ErrorCode::kResourceExhausted,  ErrorCode::kUnavailable,
    ErrorCode::kInternal,
};

// Stable machine name of a code: "invalid_argument", "not_found", ...
std::string_view ErrorCodeName(ErrorCode code);

class Error {
 public:
  Error(ErrorCode code, std::string message, std::string field = {})
      : code_(code), message_(std::move(message)), field_(std::move(field)) {}

  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::string& field() const { return field_; }

  // The same error with `prefix` put in front of the field path: errors found deep in a
  // structure are re-anchored on the way up ("capacity" -> "offers[3].capacity").
  Error WithFieldPrefix(std::string_view prefix) const;

  // "invalid_argument: ... (field: offers[3].capacity)", for logs and tests.
  std::string ToString() const;

 private:
  ErrorCode code_;
  std::string message_;
  std::string field_;
};

Error InvalidArgument(std::string message, std::string field = {});
Error NotFound(std::string message, std::string field = {});
Error AlreadyExists(std::string message, std::string field = {});
Error Conflict(std::string message);
Error FailedPrecondition(std::string message);
Error PermissionDenied(std::string message);
Error Unauthenticated(std::string message);
Error ResourceExhausted(std::string message);
Error Unavailable(std::string message);
Error Internal(std::string message);

// Result<T>: a T, or the Error that prevented it. Same spirit as std::expected (which
// GCC 12 only has under C++23).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const {
    assert(!ok());
    return std::get<1>(v_);
  }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const {
    assert(!ok());
    return *error_;
  }

 private:
  std::optional<Error> error_;
};

using Status = Result<void>;
inline Status Ok() { return {}; }

}  // namespace passend

#define PASSEND_CONCAT_INNER_(a, b) a##b
#define PASSEND_CONCAT_(a, b) PASSEND_CONCAT_INNER_(a, b)

// Returns the error of a Status or Result expression from the enclosing function.
#define PASSEND_RETURN_IF_ERROR(expr)                          \
  do {                                                         \
    auto passend_status_ = (expr);                             \
    if (!passend_status_.ok()) return passend_status_.error(); \
  } while (0)

// Declares `lhs` from a Result expression, or returns its error.
#define PASSEND_ASSIGN_OR_RETURN(lhs, expr) \
  PASSEND_ASSIGN_OR_RETURN_IMPL_(PASSEND_CONCAT_(passend_result_, __LINE__), lhs, expr)
#define PASSEND_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                   \
  if (!tmp.ok()) return tmp.error();                   \
  lhs = std::move(tmp).value()
