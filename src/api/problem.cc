#include "api/problem.h"

#include <string>

namespace passend::api {
namespace {

constexpr std::string_view kTypePrefix = "urn:passend:problem:";

struct Row {
  ErrorCode code;
  int status;
  std::string_view title;
};

// THE table. invalid_argument is 400 (also for well-formed JSON that fails validation: one
// status for "your input is wrong", `field` says where). failed_precondition is 409: 412 is
// reserved in HTTP for conditional headers (If-Match). resource_exhausted is 429 ("too
// many"); a too-large body is answered 413 by the server (PayloadTooLarge) with the same
// code.
constexpr Row kTable[] = {
    {ErrorCode::kInvalidArgument, 400, "Ongeldige invoer"},
    {ErrorCode::kNotFound, 404, "Niet gevonden"},
    {ErrorCode::kAlreadyExists, 409, "Bestaat al"},
    {ErrorCode::kConflict, 409, "Conflict met de huidige stand"},
    {ErrorCode::kFailedPrecondition, 409, "Dit kan nu niet"},
    {ErrorCode::kPermissionDenied, 403, "Geen toestemming"},
    {ErrorCode::kUnauthenticated, 401, "Niet ingelogd"},
    {ErrorCode::kResourceExhausted, 429, "Te veel"},
    {ErrorCode::kUnavailable, 503, "Tijdelijk niet beschikbaar"},
    {ErrorCode::kInternal, 500, "Er ging iets mis"},
};

const Row& Lookup(ErrorCode code) {
  for (const auto& row : kTable) {
    if (row.code == code) return row;
  }
  return kTable[std::size(kTable) - 1];  // unreachable while the table is complete
}

nlohmann::json Body(int status, std::string_view code, std::string_view title,
                    std::string_view detail, std::string_view instance,
                    std::string_view request_id) {
  return {
      {"type", std::string(kTypePrefix) + std::string(code)},
      {"title", title},
      {"status", status},
      {"detail", detail},
      {"code", code},
      {"instance", instance},
      {"request_id", request_id},
  };
}

ApiResponse Make(int status, nlohmann::json body) {
  ApiResponse r;
  r.status = status;
  r.body = std::move(body);
  r.content_type = std::string(kProblemContentType);
  return r;
}

}  // namespace

int HttpStatus(ErrorCode code) { return Lookup(code).status; }

std::string_view ProblemTitle(ErrorCode code) { return Lookup(code).title; }

nlohmann::json ProblemBody(const Error& error, std::string_view instance,
                           std::string_view request_id) {
  const Row& row = Lookup(error.code());
  auto body = Body(row.status, ErrorCodeName(error.code()), row.title, error.message(), instance,
                   request_id);
  if (!error.field().empty()) body["field"] = error.field();
  return body;
}

ApiResponse ProblemResponse(const Error& error, std::string_view instance,
                            std::string_view request_id) {
  ApiResponse r = Make(HttpStatus(error.code()), ProblemBody(error, instance, request_id));
  if (error.code() == ErrorCode::kUnauthenticated) {
    r.headers["WWW-Authenticate"] = "Bearer realm=\"passend\"";
  }
  return r;
}

ApiResponse ConditionalProblem(int status, std::string_view title, const Error& error,
                               const ApiRequest& request) {
  ApiResponse r = ProblemResponse(error, request.path, request.request_id);
  r.status = status;
  r.body["status"] = status;
  r.body["title"] = title;
  return r;
}

ApiResponse MethodNotAllowed(std::string_view method, const std::vector<std::string>& allow,
                             std::string_view instance, std::string_view request_id) {
  std::string allowed;
  for (const auto& m : allow) allowed += (allowed.empty() ? "" : ", ") + m;
  ApiResponse r = Make(
      405, Body(405, "method_not_allowed", "Methode niet toegestaan",
                "Dit adres kent de methode " + std::string(method) + " niet. Wel: " + allowed + ".",
                instance, request_id));
  r.headers["Allow"] = allowed;
  return r;
}

ApiResponse PayloadTooLarge(size_t max_bytes, std::string_view instance,
                            std::string_view request_id) {
  return Make(413, Body(413, ErrorCodeName(ErrorCode::kResourceExhausted), "Verzoek te groot",
                        "Het verzoek is groter dan " + std::to_string(max_bytes) +
                            " bytes. Stuur minder tegelijk.",
                        instance, request_id));
}

ApiResponse HeadersTooLarge(size_t max_count, size_t max_bytes, std::string_view instance,
                            std::string_view request_id) {
  return Make(
      431, Body(431, ErrorCodeName(ErrorCode::kResourceExhausted), "Kopregels te groot",
                "Het verzoek heeft meer dan " + std::to_string(max_count) +
                    " kopregels of meer dan " + std::to_string(max_bytes) + " bytes aan kopregels.",
                instance, request_id));
}

ApiResponse TransportProblem(int status, std::string_view instance, std::string_view request_id) {
  if (status == 404) {
    return ProblemResponse(NotFound("Dit adres bestaat niet."), instance, request_id);
  }
  if (status >= 500) {
    return ProblemResponse(Internal("De server kon het verzoek niet afhandelen."), instance,
                           request_id);
  }
  if (status == 400) {
    return ProblemResponse(InvalidArgument("Het verzoek kon niet worden gelezen."), instance,
                           request_id);
  }
  return Make(status, Body(status, "bad_request", "Ongeldig verzoek",
                           "Het verzoek kon niet worden gelezen.", instance, request_id));
}

}  // namespace passend::api
