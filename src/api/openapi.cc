#include "api/openapi.h"

#include <string>

#include "api/problem.h"

namespace passend::api {
namespace {

std::string_view InName(ParamDoc::In in) {
  switch (in) {
    case ParamDoc::In::kPath: return "path";
    case ParamDoc::In::kQuery: return "query";
    case ParamDoc::In::kHeader: return "header";
  }
  return "query";
}

nlohmann::json ProblemSchema() {
  return {
      {"type", "object"},
      {"required", {"type", "title", "status", "code"}},
      {"properties",
       {
           {"type", {{"type", "string"}, {"format", "uri-reference"}}},
           {"title", {{"type", "string"}}},
           {"status", {{"type", "integer"}}},
           {"detail", {{"type", "string"}}},
           {"code", {{"type", "string"}, {"description", "Stabiele foutcode"}}},
           {"field", {{"type", "string"}, {"description", "Het veld dat niet klopt"}}},
           {"instance", {{"type", "string"}}},
           {"request_id", {{"type", "string"}}},
       }},
  };
}

nlohmann::json ProblemResponseRef(std::string_view description) {
  return {{"description", description},
          {"content",
           {{std::string(kProblemContentType),
             {{"schema", {{"$ref", "#/components/schemas/Problem"}}}}}}}};
}

std::string_view SuccessDescription(int status) {
  switch (status) {
    case 201: return "Aangemaakt";
    case 204: return "Gelukt, geen inhoud";
    default: return "Gelukt";
  }
}

nlohmann::json Operation(const Route& route) {
  // operationId: method + pattern, stable and unique ("get_api_v1_offers_id").
  std::string op_id = route.method;
  for (char c : route.pattern) {
    if (c == '{' || c == '}') continue;
    op_id += (c == '/' || c == '.' || c == '-') ? '_' : static_cast<char>(std::tolower(c));
  }
  for (auto& c : op_id) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));

  nlohmann::json op = {{"operationId", op_id},
                       {"summary", route.summary_nl},
                       {"tags", {route.tag}},
                       {"x-permission", route.permission}};
  if (route.permission == kPublic) op["security"] = nlohmann::json::array();

  nlohmann::json params = nlohmann::json::array();
  for (const auto& p : route.params) {
    params.push_back({{"name", p.name},
                      {"in", InName(p.in)},
                      {"required", p.in == ParamDoc::In::kPath ? true : p.required},
                      {"description", p.description_nl},
                      {"schema", {{"type", p.type}}}});
  }
  // Every {name} of the pattern is a required path parameter, documented or not.
  for (size_t open = route.pattern.find('{'); open != std::string::npos;
       open = route.pattern.find('{', open + 1)) {
    std::string name = route.pattern.substr(open + 1, route.pattern.find('}', open) - open - 1);
    bool documented = false;
    for (const auto& p : route.params) {
      documented |= p.in == ParamDoc::In::kPath && p.name == name;
    }
    if (!documented) {
      params.push_back(
          {{"name", name}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}});
    }
  }
  if (!params.empty()) op["parameters"] = std::move(params);

  const std::string media_type = route.media_type.empty() ? "application/json" : route.media_type;
  if (!route.request_schema.is_null()) {
    op["requestBody"] = {{"required", true},
                         {"content", {{media_type, {{"schema", route.request_schema}}}}}};
  }

  nlohmann::json success = {{"description", SuccessDescription(route.success_status)}};
  if (!route.response_schema.is_null()) {
    success["content"] = {{media_type, {{"schema", route.response_schema}}}};
  }
  nlohmann::json responses = {{std::to_string(route.success_status), std::move(success)}};
  responses["400"] = ProblemResponseRef("Ongeldige invoer");
  if (route.permission != kPublic) {
    responses["401"] = ProblemResponseRef("Niet ingelogd");
    responses["403"] = ProblemResponseRef("Geen toestemming");
  }
  if (route.pattern.find('{') != std::string::npos) {
    responses["404"] = ProblemResponseRef("Niet gevonden");
  }
  responses["default"] = ProblemResponseRef("Fout (problem+json, RFC 9457)");
  op["responses"] = std::move(responses);
  return op;
}

std::string ToLower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

nlohmann::json PageSchema(const nlohmann::json& item_schema) {
  return {
      {"type", "object"},
      {"required", {"items", "next_cursor"}},
      {"properties",
       {{"items", {{"type", "array"}, {"items", item_schema}}},
        {"next_cursor",
         {{"type", "string"},
          {"nullable", true},
          {"description", "Geef mee als cursor voor de volgende pagina; null op de laatste"}}}}}};
}

nlohmann::json BuildOpenApi(const std::vector<Route>& routes) {
  nlohmann::json paths = nlohmann::json::object();
  for (const auto& route : routes) {
    paths[route.pattern][ToLower(route.method)] = Operation(route);
  }
  return {
      {"openapi", "3.0.3"},
      {"info",
       {{"title", "Passend API"},
        {"version", "1"},
        {"description",
         "Passend: passend Wlz-aanbod vinden. Fouten volgen RFC 9457 (problem+json)."}}},
      {"servers", {{{"url", "/"}}}},
      {"paths", std::move(paths)},
      {"components",
       {{"schemas", {{"Problem", ProblemSchema()}}},
        {"securitySchemes",
         {{"cookieSession", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "passend_session"}}},
          {"bearerToken", {{"type", "http"}, {"scheme", "bearer"}}}}}}},
      {"security",
       {{{"cookieSession", nlohmann::json::array()}}, {{"bearerToken", nlohmann::json::array()}}}},
  };
}

}  // namespace passend::api
