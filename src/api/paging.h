#pragma once
// Paging and query parameters shared by the list endpoints.
//
// A list answers {"items": [...], "next_cursor": "..."} where next_cursor is null on the
// last page. The cursor is opaque to clients: the base64url (no padding) of a short check
// followed by the last id seen, passed back as ?cursor=; the check makes a cursor the
// server did not make (typed, cut short, altered) a 400 rather than a page from nowhere;
// `limit` is 1..500, default 50. Keyset paging (store/page.h) means a walk never repeats or
// skips a record that existed throughout the walk. Pure functions; safe from any thread.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/route.h"
#include "domain/error.h"
#include "store/page.h"

namespace passend::api {

inline constexpr int kDefaultLimit = 50;
inline constexpr int kMaxLimit = 500;

std::string EncodeCursor(const std::string& last_id);
// kInvalidArgument (field "cursor") for anything EncodeCursor did not make.
Result<std::string> DecodeCursor(const std::string& cursor);

// The whole number in query parameter `name`, in [lo, hi]; `fallback` when absent.
// Anything else (a sign where none fits, spaces, a fraction, too large) is kInvalidArgument
// naming the parameter: "<name> moet een heel getal van <lo> tot en met <hi> zijn."
Result<int64_t> IntegerQuery(const ApiRequest& request, std::string_view name, int64_t fallback,
                             int64_t lo, int64_t hi);

// The page asked for by ?limit= and ?cursor=; errors name the parameter.
Result<store::PageRequest> PageFromQuery(const ApiRequest& request);

// The documentation of `limit` and `cursor`, to append to a list route's params.
std::vector<ParamDoc> PagingParams();

// {"items": [ToJson(item)...], "next_cursor": ...}
template <typename T, typename ToJsonFn>
nlohmann::json PageBody(const store::Page<T>& page, ToJsonFn to_json) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : page.items) items.push_back(to_json(item));
  nlohmann::json next = page.next_after.empty() ? nlohmann::json(nullptr)
                                                : nlohmann::json(EncodeCursor(page.next_after));
  return {{"items", std::move(items)}, {"next_cursor", std::move(next)}};
}

// Municipality codes selected by ?municipality= (comma-separated CBS codes) and ?region=
// (a care-office code: all its municipalities). Both given: the codes in both. Unknown
// codes are kInvalidArgument naming the parameter. nullopt: no such filter asked; an
// empty vector: the filters exclude everything.
Result<std::optional<std::vector<std::string>>> MunicipalitiesFromQuery(const ApiRequest& request);

}  // namespace passend::api
