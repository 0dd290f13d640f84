#pragma once
// The OpenAPI 3.0.3 document of the API, generated from the routes, so the description
// cannot drift from the code. Each route becomes an operation with its parameters, its
// request and success schemas, and the problem+json responses every route can give.
// Pure function; safe from any thread.
#include <nlohmann/json.hpp>
#include <vector>

#include "api/route.h"

namespace passend::api {

nlohmann::json BuildOpenApi(const std::vector<Route>& routes);

// JSON Schema of a page of `item_schema`: {"items": [...], "next_cursor": "..." | null}.
nlohmann::json PageSchema(const nlohmann::json& item_schema);

}  // namespace passend::api
