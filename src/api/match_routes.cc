// Matching endpoints: the ranked, explained offers for one client, the anonymous search
// (zoeken) and the regional mismatch map. Rendering is match/json (the same JSON as
// `passend match --json` and `passend mismatch --json`); this file only translates.
//
// The anonymous search takes a person's situation without an account. Nothing about the
// person is stored or logged: the match service makes a transient client of it, matches
// it against the in-memory index and answers; it does not touch the database, and the
// server's request log line carries method, path and status only (never the body).
#include <optional>
#include <string>
#include <vector>

#include "access/principal.h"
#include "api/paging.h"
#include "api/record_schemas.h"
#include "api/routes.h"
#include "api/situation_json.h"
#include "interop/json_reader.h"
#include "interop/native_json.h"
#include "match/json/match_json.h"
#include "match/match_service.h"

namespace passend::api {
namespace {

using nlohmann::json;

constexpr std::string_view kTag = "matching";
constexpr size_t kDefaultLimit = 10;
constexpr size_t kMaxLimit = 50;

// ---- query parameters ----------------------------------------------------------------

struct MatchParams {
  size_t limit = kDefaultLimit;
  bool arrangements = false;
};

Result<MatchParams> MatchParamsFromQuery(const ApiRequest& req) {
  MatchParams p;
  PASSEND_ASSIGN_OR_RETURN(int64_t limit,
                           IntegerQuery(req, "limit", static_cast<int64_t>(kDefaultLimit), 1,
                                        static_cast<int64_t>(kMaxLimit)));
  p.limit = static_cast<size_t>(limit);
  if (const std::string* a = req.Query("arrangements")) {
    if (*a == "true") {
      p.arrangements = true;
    } else if (*a != "false") {
      return InvalidArgument("arrangements is true of false", "arrangements");
    }
  }
  return p;
}

match::MatchOptions OptionsFor(const MatchParams& p) {
  match::MatchOptions opt;
  opt.limit = p.limit;
  opt.arrangements = p.arrangements ? p.limit : 0;
  return opt;
}

// ---- the situation of an anonymous search ------------------------------------------

Result<domain::Need> NeedFromJson(const json& j) {
  PASSEND_ASSIGN_OR_RETURN(interop::ObjectReader r, interop::ObjectReader::Open(j));
  domain::Need n;
  PASSEND_RETURN_IF_ERROR(r.String("feature_id", n.feature_id));
  PASSEND_RETURN_IF_ERROR(r.String("note", n.note, false));
  PASSEND_RETURN_IF_ERROR(r.Finish());
  return n;
}

Result<domain::GeoPoint> PointFromJson(const json& j) {
  PASSEND_ASSIGN_OR_RETURN(interop::ObjectReader r, interop::ObjectReader::Open(j));
  domain::GeoPoint p;
  PASSEND_RETURN_IF_ERROR(r.Double("lat", p.lat));
  PASSEND_RETURN_IF_ERROR(r.Double("lon", p.lon));
  PASSEND_RETURN_IF_ERROR(r.Finish());
  return p;
}

template <typename E, typename ParseFn>
Status ReadOptionalEnum(interop::ObjectReader& r, const char* key, std::optional<E>& out,
                        ParseFn parse) {
  const json* v = r.Raw(key);
  if (v == nullptr || v->is_null()) return Ok();
  auto e = interop::EnumFromJson<E>(*v, parse);
  if (!e.ok()) return e.error().WithFieldPrefix(key);
  out = *e;
  return Ok();
}

}  // namespace

// Unknown fields are errors, so a misspelt field is not silently ignored.
Result<match::Situation> SituationFromJson(const json& j) {
  auto opened = interop::ObjectReader::Open(j);
  if (!opened.ok()) return InvalidArgument("Verwacht een JSON-object", "body");
  interop::ObjectReader& r = *opened;
  match::Situation s;
  PASSEND_RETURN_IF_ERROR(ReadOptionalEnum(r, "sector", s.sector, domain::ParseSector));
  PASSEND_RETURN_IF_ERROR(r.String("profile", s.profile, false));
  PASSEND_RETURN_IF_ERROR(
      ReadOptionalEnum(r, "indication", s.indication, domain::ParseIndicationStatus));
  PASSEND_RETURN_IF_ERROR(r.String("municipality_code", s.municipality_code));
  if (const json* h = r.Raw("home"); h != nullptr && !h->is_null()) {
    auto p = PointFromJson(*h);
    if (!p.ok()) return p.error().WithFieldPrefix("home");
    s.home = *p;
  }
  PASSEND_RETURN_IF_ERROR(r.List(
      "seeking", s.seeking,
      [](const json& e) {
        return interop::EnumFromJson<domain::OfferKind>(e, domain::ParseOfferKind);
      },
      false));
  PASSEND_RETURN_IF_ERROR(r.List(
      "preferred_forms", s.preferred_forms,
      [](const json& e) {
        return interop::EnumFromJson<domain::DeliveryForm>(e, domain::ParseDeliveryForm);
      },
      false));
  PASSEND_RETURN_IF_ERROR(r.List("wishes", s.wishes, interop::WishFromJson, false));
  PASSEND_RETURN_IF_ERROR(r.List("needs", s.needs, NeedFromJson, false));
  PASSEND_RETURN_IF_ERROR(r.List("places", s.places, interop::PlaceFromJson, false));
  PASSEND_RETURN_IF_ERROR(r.Finish());
  return s;
}

namespace {

// ---- handlers ------------------------------------------------------------------------

ApiResponse MatchResponse(const match::ClientMatch& m, const MatchParams& params) {
  return JsonTextResponse(
      match::MatchResultJsonText(m.snapshot->index, m.client, m.result, params.arrangements));
}

Result<ApiResponse> ClientMatches(match::MatchService& service, const ApiRequest& req) {
  PASSEND_ASSIGN_OR_RETURN(MatchParams params, MatchParamsFromQuery(req));
  PASSEND_ASSIGN_OR_RETURN(match::ClientMatch m,
                           service.MatchStoredClient(req.path_params.at("id"), OptionsFor(params)));
  return MatchResponse(m, params);
}

Result<ApiResponse> Search(match::MatchService& service, const ApiRequest& req) {
  PASSEND_ASSIGN_OR_RETURN(MatchParams params, MatchParamsFromQuery(req));
  PASSEND_ASSIGN_OR_RETURN(json body, req.JsonBody());
  PASSEND_ASSIGN_OR_RETURN(match::Situation situation, SituationFromJson(body));
  PASSEND_ASSIGN_OR_RETURN(match::ClientMatch m, service.Search(situation, OptionsFor(params)));
  return MatchResponse(m, params);
}

// Per free-text wish, the features its words may mean, to confirm (issue 20.7).
Result<ApiResponse> Suggestions(match::MatchService& service, const ApiRequest& req) {
  const std::string& id = req.path_params.at("id");
  PASSEND_ASSIGN_OR_RETURN(auto found, service.SuggestFeatures(id));
  json items = json::array();
  for (const auto& s : found) {
    json features = json::array();
    for (const auto& f : s.feature_ids) {
      const domain::Feature* feature = service.ref().FindFeature(f);
      features.push_back({{"id", f},
                          {"label_nl", feature ? feature->label_nl : f},
                          {"label_en", feature ? feature->label_en : f}});
    }
    items.push_back({{"wish", s.wish},
                     {"text", s.text},
                     {"importance", domain::ToString(s.importance)},
                     {"suggested_features", std::move(features)}});
  }
  return JsonResponse({{"client_id", id}, {"items", std::move(items)}});
}

Result<ApiResponse> MismatchMap(match::MatchService& service, const ApiRequest& req) {
  const std::string* region = req.Query("region");
  if (region == nullptr || region->empty())
    return InvalidArgument("Geef een zorgkantoorregio: ?region=5531", "region");
  // Every role sees its own region only (matrix: report.read, scope region): the route's
  // subject is the region (AboutRegion), so the policy checks it and logs the read.
  PASSEND_ASSIGN_OR_RETURN(auto map, service.RegionMap(*region));
  // Small cells left out before anything is shown (match::Publishable).
  json j = match::MismatchMapToJson(match::Publishable(map->map), map->scope);
  j["region"] = map->region_code;
  return JsonResponse(std::move(j));
}

// ---- schemas -------------------------------------------------------------------------

// The building blocks are api/record_schemas.h's; Obj is this file's own because its
// objects require only the properties named (the match answer leaves some out).
using schema::ArrayOf;
using schema::Boolean;
using schema::Enum;
using schema::Integer;
using schema::Number;
using schema::String;

template <typename E>
json EnumSchemaUpTo(E last) {
  json names = json::array();
  for (int i = 0; i <= static_cast<int>(last); ++i)
    names.push_back(domain::ToString(static_cast<E>(i)));
  return {{"type", "string"}, {"enum", names}};
}

json Obj(json properties, json required = json::array()) {
  json j = {{"type", "object"}, {"properties", std::move(properties)}};
  if (!required.empty()) j["required"] = std::move(required);
  return j;
}

json PointSchema() { return Obj({{"lat", Number()}, {"lon", Number()}}, {"lat", "lon"}); }

// A quality note as the offer has it, and whether the ranking used it (docs/matching.md).
json QualityInRanking() {
  json note = QualityNoteSchema();
  note["properties"]["used_in_ranking"] =
      Boolean("Of de rangorde dit cijfer gebruikt: het nieuwste met minstens 10 beoordelingen");
  note["required"].push_back("used_in_ranking");
  note["required"].push_back("text");
  return note;
}

json ExplanationSchema() {
  json part = Obj({{"offer_id", String()},
                   {"offer_name", String()},
                   {"kind", Enum(domain::kAllOfferKinds)},
                   {"provider_id", String()},
                   {"provider_name", String()},
                   {"location_name", String()},
                   {"municipality_code", String()},
                   {"profile_accepted", Boolean()},
                   {"profile_reason", String()},
                   {"contracting",
                    {{"type", "string"}, {"enum", {"in_natura", "pgb_nodig", "niet_bereikbaar"}}}},
                   {"pgb_needed", Boolean()},
                   {"contracting_reason", String()},
                   {"wait_weeks", Integer()},
                   {"free_places", Integer()},
                   {"within_service_area", Boolean()},
                   {"temporary", Boolean()},
                   {"last_updated", String("Wanneer de aanbieder het aanbod het laatst bijwerkte "
                                           "(UTC); leeg: onbekend")},
                   {"maybe_outdated", Boolean("Mogelijk verouderd: vrije plaatsen en wachttijd, of "
                                              "de rest, te lang niet bijgewerkt")},
                   {"possible_forms", ArrayOf(Enum(domain::kAllDeliveryForms))},
                   {"quality", ArrayOf(QualityInRanking())},
                   {"travel_km", Number()},
                   {"service_radius_km", Number()}});
  json wish = Obj({{"wish", Integer()},
                   {"feature_id", String()},
                   {"label", String()},
                   {"importance", Enum(domain::kAllImportances)},
                   {"status", String()},
                   {"reason", String()},
                   {"applies", Boolean()},
                   {"met_by", String()},
                   {"suggested_features", ArrayOf(String())}});
  json need = Obj({{"feature_id", String()},
                   {"label", String()},
                   {"met", Boolean()},
                   {"status", String()},
                   {"applies", Boolean()},
                   {"reason", String()}});
  json place = Obj({{"label", String()},
                    {"kind", EnumSchemaUpTo(domain::PlaceKind::kAnders)},
                    {"distance_km", Number()},
                    {"max_km", Number()},
                    {"within", Boolean()}});
  return Obj({{"headline", String()},
              {"parts", ArrayOf(part)},
              {"wishes", ArrayOf(wish)},
              {"needs", ArrayOf(need)},
              {"places", ArrayOf(place)},
              {"summary", ArrayOf(String())}});
}

json MatchResultSchema() {
  json explanation = ExplanationSchema();
  json offer =
      Obj({{"offer_id", String()},
           {"score", {{"type", "number"}, {"minimum", 0}, {"maximum", 100}}},
           {"unmet", Integer()},
           {"unknown", Integer()},
           {"apart", Boolean()},
           {"pgb_only", Boolean()},
           {"far", Boolean()},
           {"explanation", explanation}},
          {"offer_id", "score", "unmet", "unknown", "apart", "pgb_only", "far", "explanation"});
  json nearest = Obj({{"offer_id", String()},
                      {"offer_name", String()},
                      {"distance_km", Number()},
                      {"wait_weeks", Integer()}});
  nearest["nullable"] = true;
  json item =
      Obj({{"kind", {{"type", "string"}, {"enum", {"wens", "behoefte", "plek", "profiel"}}}},
           {"key", String()},
           {"label", String()},
           {"importance", Enum(domain::kAllImportances)},
           {"status", String()},
           {"reachable_yes", Boolean()},
           {"reachable_not_stating", Integer()},
           {"nearest", nearest}});
  json mismatch = Obj({{"best_offer_id", String()},
                       {"items", ArrayOf(item)},
                       {"free_text_wishes", ArrayOf(String())}},
                      {"items", "free_text_wishes"});
  json arrangement = Obj({{"offer_ids", ArrayOf(String())},
                          {"score", Number()},
                          {"unmet", Integer()},
                          {"unknown", Integer()},
                          {"apart", Boolean()},
                          {"pgb_only", Boolean()},
                          {"far", Boolean()},
                          {"explanation", explanation}});
  json other =
      Obj({{"kind", Enum(domain::kAllOfferKinds)}, {"offers", ArrayOf(offer)}}, {"kind", "offers"});
  json schema = Obj({{"client_id", String()},
                     {"offers", ArrayOf(offer)},
                     {"other_kinds", ArrayOf(other)},
                     {"mismatch", mismatch},
                     {"arrangements", ArrayOf(arrangement)}},
                    {"client_id", "offers", "other_kinds", "mismatch"});
  schema["description"] =
      "Het best passende aanbod, best eerst, met uitleg; de mismatch (wat zelfs het beste "
      "aanbod niet biedt); combinaties alleen met arrangements=true";
  return schema;
}

json MaxItems(json array_schema, size_t max) {
  array_schema["maxItems"] = max;
  return array_schema;
}

}  // namespace

json SituationSchema() {
  json wish = Obj({{"feature_id", String()},
                   {"importance", Enum(domain::kAllImportances)},
                   {"value", Number()},
                   {"text", String()}},
                  {"importance"});
  wish["additionalProperties"] = false;
  wish["description"] = "Een kenmerk uit /api/v1/kenmerken, of alleen een eigen omschrijving";
  json need = Obj({{"feature_id", String()}, {"note", String()}}, {"feature_id"});
  need["additionalProperties"] = false;
  json place = Obj({{"kind", EnumSchemaUpTo(domain::PlaceKind::kAnders)},
                    {"label", String()},
                    {"position", PointSchema()},
                    {"max_km", {{"type", "number"}, {"minimum", 0}}},
                    {"importance", Enum(domain::kAllImportances)}},
                   {"kind", "position", "max_km"});
  place["additionalProperties"] = false;
  json home = PointSchema();
  home["description"] = "Standaard: het midden van de gemeente";
  json schema =
      Obj({{"sector", Enum(domain::kAllSectors)},
           {"profile", {{"type", "string"}, {"description", "Zorgprofiel (5VV)"}}},
           {"indication", EnumSchemaUpTo(domain::IndicationStatus::kRefused)},
           {"municipality_code", {{"type", "string"}, {"description", "CBS (GM0935)"}}},
           {"home", home},
           {"seeking", MaxItems(ArrayOf(Enum(domain::kAllOfferKinds)), match::kMaxSeekingKinds)},
           {"preferred_forms",
            MaxItems(ArrayOf(Enum(domain::kAllDeliveryForms)), match::kMaxSeekingKinds)},
           {"wishes", MaxItems(ArrayOf(wish), match::kMaxWishes)},
           {"needs", MaxItems(ArrayOf(need), match::kMaxNeeds)},
           {"places", MaxItems(ArrayOf(place), match::kMaxPlaces)}},
          {"municipality_code"});
  schema["additionalProperties"] = false;
  schema["description"] =
      "De situatie van iemand zonder account. Niets hiervan wordt opgeslagen of gelogd. "
      "Hoogstens " +
      std::to_string(match::kMaxFreeTextWishes) +
      " wensen in eigen woorden (zonder feature_id); het verzoek hoogstens " +
      std::to_string(kMaxSearchBodyBytes / 1024) + " KiB.";
  return schema;
}

namespace {

json MismatchMapSchema() {
  json count = {{"type", "integer"},
                {"nullable", true},
                {"description", "Null: minder cliënten dan min_clients, niet getoond"}};
  json supply =
      Obj({{"offers", Integer()}, {"free_places", Integer()}, {"median_wait_weeks", Number()}});
  supply["description"] =
      "Het aanbod in het gebied ernaast: aantal, vrije plekken, mediane wachttijd in weken";
  json per_wish_area = {
      {"type", "object"},
      {"additionalProperties",
       Obj({{"clients", Integer()}, {"share", Number()}, {"clients_must", count}})}};
  json area = Obj({{"code", String()},
                   {"name", String()},
                   {"clients", count},
                   {"clients_with_mismatch", count},
                   {"clients_with_must_gap", count},
                   {"per_wish", per_wish_area},
                   {"supply", supply}});
  json per_wish = {
      {"type", "object"},
      {"description",
       "Per kenmerk (of profiel:VG): cliënten bij wie het beste aanbod dit niet biedt en geen "
       "aanbod binnen bereik ja zegt; hoeveel van hen het als moet-wens of behoefte hebben; bij "
       "hoeveel een aanbod binnen bereik het niet zegt (niet bekend) en hoeveel aanbod dat is; "
       "het aanbod in het gebied dat ja zegt"},
      {"additionalProperties", Obj({{"label", String()},
                                    {"clients", Integer()},
                                    {"share", Number()},
                                    {"clients_must", count},
                                    {"clients_offer_not_stating", count},
                                    {"offers_not_stating", Integer()},
                                    {"supply", supply}})}};
  json unchangeable = {
      {"type", "object"},
      {"description",
       "Wat geen inkoop verandert (plek:familie: verder dan gewenst; indicatie:geweigerd); "
       "niet meegeteld als mismatch"},
      {"additionalProperties",
       Obj({{"label", String()}, {"clients", Integer()}, {"share", Number()}})}};
  return Obj({{"region", String()},
              {"scope", String()},
              {"clients", count},
              {"clients_with_mismatch", count},
              {"clients_with_must_gap", count},
              {"clients_without_offer", count},
              {"clients_invalid", count},
              {"min_clients", Integer()},
              {"suppressed_cells", Integer()},
              {"per_wish", per_wish},
              {"unchangeable", unchangeable},
              {"regions", ArrayOf(area)},
              {"municipalities", ArrayOf(area)},
              {"profiles", ArrayOf(area)},
              {"kinds", ArrayOf(area)},
              {"free_texts", ArrayOf(Obj({{"text", String()}, {"clients", Integer()}}))},
              {"free_text_features", ArrayOf(Obj({{"feature_id", String()},
                                                  {"label", String()},
                                                  {"clients", Integer()},
                                                  {"share", Number()}},
                                                 {"feature_id", "label", "clients", "share"}))}},
             {"region", "scope", "clients", "per_wish", "unchangeable", "regions", "municipalities",
              "profiles", "kinds", "free_texts", "free_text_features"});
}

std::vector<ParamDoc> MatchQueryParams() {
  return {
      QueryParam("limit",
                 "Aantal resultaten, 1 tot " + std::to_string(kMaxLimit) + " (standaard " +
                     std::to_string(kDefaultLimit) + ")",
                 "integer"),
      QueryParam("arrangements", "Ook combinaties van aanbieders (standaard false)", "boolean")};
}

}  // namespace

void AddMatchRoutes(Router& router, match::MatchService& service) {
  match::MatchService* svc = &service;

  Route matches = MakeRoute("GET", "/api/v1/clients/{id}/matches", "match.read",
                            [svc](const ApiRequest& r) { return ClientMatches(*svc, r); });
  matches.subject = AboutClient("id");
  matches.summary_nl = "Het best passende aanbod voor één cliënt, met uitleg en mismatch";
  matches.tag = std::string(kTag);
  matches.params = {PathParam("id", "Id van de cliënt")};
  for (auto& p : MatchQueryParams()) matches.params.push_back(std::move(p));
  matches.response_schema = MatchResultSchema();
  router.Add(std::move(matches));

  Route search = MakeRoute("POST", "/api/v1/zoeken", std::string(kPublic),
                           [svc](const ApiRequest& r) { return Search(*svc, r); });
  search.summary_nl = "Anoniem zoeken: passend aanbod voor een situatie, zonder account";
  search.tag = std::string(kTag);
  search.params = MatchQueryParams();
  search.request_schema = SituationSchema();
  search.max_body_bytes = kMaxSearchBodyBytes;
  search.response_schema = MatchResultSchema();
  router.Add(std::move(search));

  Route suggestions = MakeRoute("GET", "/api/v1/clients/{id}/suggestions", "dossier.read",
                                [svc](const ApiRequest& r) { return Suggestions(*svc, r); });
  suggestions.subject = AboutClient("id");
  suggestions.summary_nl =
      "Wensen in eigen woorden: welke kenmerken ze kunnen betekenen, om te bevestigen (PATCH "
      "feature_id)";
  suggestions.tag = "clienten";
  suggestions.params = {PathParam("id", "Id van de cliënt")};
  {
    using schema::ArrayOf;
    using schema::Integer;
    using schema::Object;
    using schema::String;
    json feature = Object({{"id", String()}, {"label_nl", String()}, {"label_en", String()}});
    suggestions.response_schema = Object(
        {{"client_id", String()},
         {"items", ArrayOf(Object({{"wish", Integer("Plaats van de wens in wishes (vanaf 0)")},
                                   {"text", String("De eigen woorden, zoals bewaard")},
                                   {"importance", Enum(domain::kAllImportances)},
                                   {"suggested_features", ArrayOf(feature)}}))}});
  }
  router.Add(std::move(suggestions));

  Route map = MakeRoute("GET", "/api/v1/mismatch", "report.read",
                        [svc](const ApiRequest& r) { return MismatchMap(*svc, r); });
  map.subject = AboutRegion("region");
  map.summary_nl = "Mismatchkaart van een zorgkantoorregio: welke wensen het aanbod niet vervult";
  map.tag = std::string(kTag);
  ParamDoc region = QueryParam("region", "Zorgkantoorregio (5531): alleen uw eigen regio");
  region.required = true;
  map.params = {region};
  map.response_schema = MismatchMapSchema();
  router.Add(std::move(map));
}

}  // namespace passend::api
