#pragma once
// Problem details: the one table from ErrorCode to HTTP status, and the one JSON error
// shape of the API (RFC 9457, media type application/problem+json):
//
//   {"type": "urn:passend:problem:not_found", "title": "Niet gevonden", "status": 404,
//    "detail": "Aanbod off-9 bestaat niet.", "code": "not_found", "field": "id",
//    "instance": "/api/v1/offers/off-9", "request_id": "9f2c..."}
//
// `field` is present only when the Error names one. docs/api.md carries the same table.
// Pure functions; safe from any thread.
#include <string>
#include <string_view>

#include "api/route.h"
#include "domain/error.h"

namespace passend::api {

inline constexpr std::string_view kProblemContentType = "application/problem+json";

// The HTTP status of an error code: the one table (see problem.cc and docs/api.md).
int HttpStatus(ErrorCode code);

// Short Dutch title for people, fixed per code ("Niet gevonden").
std::string_view ProblemTitle(ErrorCode code);

// The problem body for `error` answered to the request at `instance`.
nlohmann::json ProblemBody(const Error& error, std::string_view instance,
                           std::string_view request_id);

// The response for `error`: status from the table, problem body, WWW-Authenticate on 401.
ApiResponse ProblemResponse(const Error& error, std::string_view instance,
                            std::string_view request_id);

// A problem with a status of HTTP's conditional requests (RFC 9110 412, RFC 6585 428),
// which the one error table leaves to the routes that use them: `error`'s body under
// `status` and `title`.
ApiResponse ConditionalProblem(int status, std::string_view title, const Error& error,
                               const ApiRequest& request);

// Problems the transport itself raises, which have no ErrorCode of their own.
// 405: the path exists, the method does not; `allow` lists the methods that do.
ApiResponse MethodNotAllowed(std::string_view method, const std::vector<std::string>& allow,
                             std::string_view instance, std::string_view request_id);
// 413: the body is larger than the server accepts (code resource_exhausted).
ApiResponse PayloadTooLarge(size_t max_bytes, std::string_view instance,
                            std::string_view request_id);
// 431: too many header lines or header bytes (code resource_exhausted).
ApiResponse HeadersTooLarge(size_t max_count, size_t max_bytes, std::string_view instance,
                            std::string_view request_id);
// Any other status httplib produced before a route ran (400 for a malformed request line).
ApiResponse TransportProblem(int status, std::string_view instance, std::string_view request_id);

}  // namespace passend::api
