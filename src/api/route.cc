#include "api/route.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "interop/native_json.h"

namespace passend::api {
namespace {

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  size_t start = 1;  // paths start with '/'
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool IsParamSegment(std::string_view s) {
  return s.size() > 2 && s.front() == '{' && s.back() == '}';
}

// Matches `path` against `pattern`; fills `params` on success.
bool MatchPattern(std::string_view pattern, std::string_view path,
                  std::map<std::string, std::string>* params) {
  if (path.empty() || path.front() != '/') return false;
  auto want = Segments(pattern);
  auto have = Segments(path);
  if (want.size() != have.size()) return false;
  std::map<std::string, std::string> found;
  for (size_t i = 0; i < want.size(); ++i) {
    if (IsParamSegment(want[i])) {
      if (have[i].empty()) return false;
      found.emplace(std::string(want[i].substr(1, want[i].size() - 2)), std::string(have[i]));
    } else if (want[i] != have[i]) {
      return false;
    }
  }
  if (params) *params = std::move(found);
  return true;
}

// Whether the route's subject declaration fits its path (see RouteSubject).
void CheckSubject(const Route& route) {
  using Kind = RouteSubject::Kind;
  const std::string& p = route.pattern;
  const bool names_client = p.find("/clients/{") != std::string::npos;
  const bool names_provider = p.find("/providers/{") != std::string::npos;
  switch (route.subject.kind) {
    case Kind::kUndeclared:
      if (route.permission != kPublic)
        throw std::logic_error("guarded route without a subject (AboutClient, ...): " + p);
      return;
    case Kind::kRegion:
      if (route.subject.param.empty())
        throw std::logic_error("region subject without a query parameter: " + p);
      [[fallthrough]];
    case Kind::kNone:
      if (names_client || names_provider)
        throw std::logic_error("route about one client or provider declares no subject: " + p);
      return;
    case Kind::kClient:
      if (p.find("/clients/{" + route.subject.param + "}") == std::string::npos)
        throw std::logic_error("client subject '" + route.subject.param +
                               "' does not follow /clients/ in: " + p);
      return;
    case Kind::kProvider:
      if (p.find("/providers/{" + route.subject.param + "}") == std::string::npos)
        throw std::logic_error("provider subject '" + route.subject.param +
                               "' does not follow /providers/ in: " + p);
      return;
    case Kind::kOffer:
      if (p.find("/offers/{" + route.subject.param + "}") == std::string::npos)
        throw std::logic_error("offer subject '" + route.subject.param +
                               "' does not follow /offers/ in: " + p);
      if (!route.subject.region_param.empty() &&
          p.find("{" + route.subject.region_param + "}") == std::string::npos)
        throw std::logic_error("region parameter '" + route.subject.region_param +
                               "' is not in: " + p);
      return;
  }
}

}  // namespace

bool HeaderNameLess::operator()(std::string_view a, std::string_view b) const {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) <
           std::tolower(static_cast<unsigned char>(y));
  });
}

std::string ApiRequest::Header(std::string_view name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

const std::string* ApiRequest::Query(std::string_view name) const {
  auto it = query.find(std::string(name));
  return it == query.end() ? nullptr : &it->second;
}

Result<nlohmann::json> ApiRequest::JsonBody() const {
  auto parsed = interop::ParseJsonText(body);
  if (!parsed.ok()) return parsed.error().WithFieldPrefix("body");
  return parsed;
}

ParamDoc PathParam(std::string name, std::string description_nl) {
  return ParamDoc{.name = std::move(name),
                  .in = ParamDoc::In::kPath,
                  .type = "string",
                  .required = true,
                  .description_nl = std::move(description_nl)};
}

ParamDoc QueryParam(std::string name, std::string description_nl, std::string type) {
  return ParamDoc{.name = std::move(name),
                  .in = ParamDoc::In::kQuery,
                  .type = std::move(type),
                  .required = false,
                  .description_nl = std::move(description_nl)};
}

ApiResponse JsonResponse(nlohmann::json body, int status) {
  ApiResponse r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

ApiResponse JsonTextResponse(std::string json_text, int status) {
  ApiResponse r;
  r.status = status;
  r.raw_body = std::move(json_text);
  r.content_type = "application/json";
  return r;
}

RouteSubject AboutClient(std::string param) {
  return {RouteSubject::Kind::kClient, std::move(param)};
}
RouteSubject AboutProvider(std::string param) {
  return {RouteSubject::Kind::kProvider, std::move(param)};
}
RouteSubject AboutOffer(std::string param) {
  return {RouteSubject::Kind::kOffer, std::move(param)};
}
RouteSubject AboutOfferForRegion(std::string param, std::string region_param) {
  return {RouteSubject::Kind::kOffer, std::move(param), std::move(region_param)};
}
RouteSubject AboutRegion(std::string query_param) {
  return {RouteSubject::Kind::kRegion, std::move(query_param)};
}
RouteSubject AboutNoRecord() { return {RouteSubject::Kind::kNone, ""}; }

Route MakeRoute(std::string method, std::string pattern, std::string permission, Handler handler) {
  Route r;
  r.method = std::move(method);
  r.pattern = std::move(pattern);
  r.permission = std::move(permission);
  r.handler = std::move(handler);
  return r;
}

void Router::Add(Route route) {
  const auto& p = route.pattern;
  if (p.empty() || p.front() != '/') {
    throw std::logic_error("route pattern must start with '/': " + p);
  }
  if (route.method.empty() || !std::all_of(route.method.begin(), route.method.end(),
                                           [](char c) { return c >= 'A' && c <= 'Z'; })) {
    throw std::logic_error("route method must be upper case: " + route.method);
  }
  if (route.permission.empty()) {
    throw std::logic_error("route needs a permission (or api::kPublic): " + p);
  }
  if (!route.handler) throw std::logic_error("route without handler: " + p);
  for (const auto& seg : Segments(p)) {
    if (seg.find_first_of("{}") != std::string_view::npos && !IsParamSegment(seg)) {
      throw std::logic_error("malformed path parameter in pattern: " + p);
    }
  }
  CheckSubject(route);
  for (const auto& existing : routes_) {
    if (existing.method == route.method && existing.pattern == route.pattern) {
      throw std::logic_error("duplicate route: " + route.method + " " + p);
    }
  }
  routes_.push_back(std::move(route));
}

RouteMatch Router::Match(std::string_view method, std::string_view path) const {
  RouteMatch out;
  // A literal segment beats a parameter: "/offers/search" before "/offers/{id}". Routes
  // are few, so a linear scan that prefers the fewest parameters is fast enough.
  int best_params = -1;
  for (const auto& route : routes_) {
    std::map<std::string, std::string> params;
    if (!MatchPattern(route.pattern, path, &params)) continue;
    if (route.method != method) {
      if (std::find(out.allowed_methods.begin(), out.allowed_methods.end(), route.method) ==
          out.allowed_methods.end()) {
        out.allowed_methods.push_back(route.method);
      }
      continue;
    }
    int n = static_cast<int>(params.size());
    if (out.route == nullptr || n < best_params) {
      out.route = &route;
      out.path_params = std::move(params);
      best_params = n;
    }
  }
  if (out.route != nullptr) out.allowed_methods.clear();
  std::sort(out.allowed_methods.begin(), out.allowed_methods.end());
  return out;
}

}  // namespace passend::api
