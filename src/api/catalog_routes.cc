// The catalogue: providers, locations and offers to read (public: only of providers the
// register approved), an offer kept up to date by its provider or the care office (PATCH,
// its history), the care office's contract for an offer, and the offers in its region
// that are out of date.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>

#include "access/permissions.h"
#include "api/offer_read_model.h"
#include "api/openapi.h"
#include "api/paging.h"
#include "api/problem.h"
#include "api/record_schemas.h"
#include "api/routes.h"
#include "interop/json_reader.h"
#include "interop/native_json.h"
#include "refdata/refdata.h"

namespace passend::api {
namespace {

// The care offer is public information, as on the regional websites it replaces: anyone
// may browse it without an account (no personal data).
constexpr std::string_view kPermission = kPublic;
constexpr std::string_view kTag = "aanbod";

using nlohmann::json;

template <typename T>
json Json(const T& record) {
  return interop::ToJson(record);
}

// An offer as the API shows it: the record, and whether it may be out of date now.
json OfferJson(const catalog::CatalogService& catalog, const domain::Offer& o) {
  json j = interop::ToJson(o);
  j["maybe_outdated"] = catalog.MaybeOutdated(o);
  return j;
}

// An offer's entity tag: a hash (64-bit FNV-1a) of its record as the native format writes
// it, so any change to the offer, by any server, gives another tag.
std::string OfferETag(const domain::Offer& o) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : interop::ToJson(o).dump()) h = (h ^ c) * 1099511628211ull;
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return "\"" + std::string(buf) + "\"";
}

ApiResponse WithETag(ApiResponse r, const domain::Offer& o) {
  r.headers["ETag"] = OfferETag(o);
  return r;
}

// Whether If-Match (a list of tags, W/ allowed, or *) names the offer's tag now.
bool IfMatchHolds(std::string_view if_match, const domain::Offer& o) {
  const std::string now = OfferETag(o);
  while (!if_match.empty()) {
    const size_t comma = if_match.find(',');
    std::string_view tag = if_match.substr(0, comma);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag.rfind("W/", 0) == 0) tag.remove_prefix(2);
    if (tag == "*" || tag == now) return true;
    if (comma == std::string_view::npos) break;
    if_match.remove_prefix(comma + 1);
  }
  return false;
}

template <typename T>
ApiResponse PageResponse(const store::Page<T>& page) {
  return JsonResponse(PageBody(page, [](const T& r) { return Json(r); }));
}

// POST /api/v1/offers: a new offer, the body an offer as GET answers it without id (a new
// one is made; one given must be new), quality (from its source, never self-declared) or
// update times (stamped now). Provider staff add offers of their own provider (provider_id
// may be left out); the care office offers at a location in its region; the administrator
// any. Outside that scope: 403 naming provider_id or location_id.
Result<ApiResponse> AddOffer(catalog::CatalogService& catalog, const ApiRequest& r) {
  PASSEND_ASSIGN_OR_RETURN(json body, r.JsonBody());
  if (!body.is_object()) return InvalidArgument("Verwacht een JSON-object", "body");
  const access::Principal& who = *r.principal;
  if (body.contains("quality"))
    return InvalidArgument(
        "Kwaliteitsgegevens komen van hun bron (ZorgkaartNederland, de inspectie) en leest het "
        "zorgkantoor in; een aanbieder zet ze niet zelf",
        "quality");
  for (const char* stamped : {"places_updated", "details_updated", "last_updated"})
    if (body.contains(stamped))
      return InvalidArgument("Dit tijdstip zet Passend zelf: laat het weg", stamped);
  if (!body.contains("id")) body["id"] = "";
  if (!body.contains("provider_id") && who.role == access::Role::kProvider)
    body["provider_id"] = who.provider_id;
  PASSEND_ASSIGN_OR_RETURN(domain::Offer o, interop::OfferFromJson(body));
  // Whose offer and where: the location must exist before the scope can be known.
  auto location = catalog.GetLocation(o.location_id);
  if (!location.ok() && location.error().code() == ErrorCode::kNotFound)
    return InvalidArgument("Onbekende locatie '" + o.location_id + "'", "location_id");
  if (!location.ok()) return location.error();
  access::Scope scope;
  scope.provider_id = o.provider_id;
  if (const domain::Municipality* m =
          catalog.reference().FindMunicipality(location->municipality_code))
    scope.region = m->zorgkantoor_code;
  if (auto allowed = access::Decide(who, "catalog.update", scope); !allowed.ok()) {
    if (allowed.error().code() != ErrorCode::kNotFound) return allowed.error();
    return who.role == access::Role::kZorgkantoor
               ? Error(ErrorCode::kPermissionDenied,
                       "Deze locatie ligt buiten de regio van uw zorgkantoor", "location_id")
               : Error(ErrorCode::kPermissionDenied,
                       "U voegt alleen aanbod toe van uw eigen zorgaanbieder", "provider_id");
  }
  PASSEND_ASSIGN_OR_RETURN(domain::Offer made,
                           catalog.AddOffer(std::move(o), {who.user_id, who.organisation_id}));
  return WithETag(JsonResponse(OfferJson(catalog, made), 201), made);
}

// The body of POST /api/v1/offers: the offer's schema without what Passend sets itself.
json NewOfferSchema() {
  json s = OfferSchema();
  for (const char* server_side :
       {"id", "quality", "places_updated", "details_updated", "last_updated", "maybe_outdated"}) {
    s["properties"].erase(server_side);
    json& required = s["required"];
    required.erase(std::remove(required.begin(), required.end(), json(server_side)),
                   required.end());
  }
  s["properties"]["id"] = schema::String("Mag weg: dan maakt Passend een nieuw id (off-...)");
  s["required"].erase(std::remove(s["required"].begin(), s["required"].end(), json("provider_id")),
                      s["required"].end());
  return s;
}

// The body of PATCH /api/v1/offers/{id}: only the fields present change; unknown fields
// and wrong types are 400 naming the field.
Result<catalog::OfferPatch> OfferPatchFromJson(const json& body) {
  PASSEND_ASSIGN_OR_RETURN(interop::ObjectReader r, interop::ObjectReader::Open(body));
  catalog::OfferPatch p;
  auto number = [&r](const char* key, std::optional<int>& out) -> Status {
    if (r.Raw(key) == nullptr) return Ok();
    int v = 0;
    PASSEND_RETURN_IF_ERROR(r.Int(key, v));
    out = v;
    return Ok();
  };
  auto text = [&r](const char* key, std::optional<std::string>& out) -> Status {
    if (r.Raw(key) == nullptr) return Ok();
    std::string v;
    PASSEND_RETURN_IF_ERROR(r.String(key, v));
    out = std::move(v);
    return Ok();
  };
  // Reviews and inspections come from their source, never from the provider itself: the care
  // office reads them in with an import (docs/api.md).
  if (r.Raw("quality") != nullptr)
    return InvalidArgument(
        "Kwaliteitsgegevens komen van hun bron (ZorgkaartNederland, de inspectie) en leest het "
        "zorgkantoor in; een aanbieder zet ze niet zelf",
        "quality");
  PASSEND_RETURN_IF_ERROR(number("capacity", p.capacity));
  PASSEND_RETURN_IF_ERROR(number("free_places", p.free_places));
  PASSEND_RETURN_IF_ERROR(number("waiting_people", p.waiting_people));
  PASSEND_RETURN_IF_ERROR(number("waiting_weeks", p.waiting_weeks));
  PASSEND_RETURN_IF_ERROR(text("description", p.description));
  PASSEND_RETURN_IF_ERROR(text("intake_contact", p.intake_contact));
  PASSEND_RETURN_IF_ERROR(text("intake_requirements", p.intake_requirements));
  if (r.Raw("temporary") != nullptr) {
    bool v = false;
    PASSEND_RETURN_IF_ERROR(r.Bool("temporary", v));
    p.temporary = v;
  }
  if (r.Raw("profiles") != nullptr) {
    std::vector<std::string> v;
    PASSEND_RETURN_IF_ERROR(r.StringList("profiles", v));
    p.profiles = std::move(v);
  }
  if (r.Raw("delivery_forms") != nullptr) {
    std::vector<domain::DeliveryForm> v;
    PASSEND_RETURN_IF_ERROR(r.List("delivery_forms", v, [](const json& j) {
      return interop::EnumFromJson<domain::DeliveryForm>(j, domain::ParseDeliveryForm);
    }));
    p.delivery_forms = std::move(v);
  }
  if (const json* features = r.Raw("features"); features != nullptr) {
    if (!features->is_object())
      return InvalidArgument("Verwacht een object: kenmerk -> ja, nee of onbekend", "features");
    for (const auto& [id, v] : features->items()) {
      const std::string field = "features." + id;
      if (v.is_null() || v == "unknown") {
        p.features.emplace_back(id, std::nullopt);
      } else if (v.is_boolean()) {
        p.features.emplace_back(id, v.get<bool>() ? 1.0 : 0.0);
      } else if (v == "yes" || v == "no") {
        p.features.emplace_back(id, v == "yes" ? 1.0 : 0.0);
      } else if (v.is_number()) {
        p.features.emplace_back(id, v.get<double>());
      } else {
        return InvalidArgument("Verwacht true (ja), false (nee), null (onbekend) of een getal",
                               field);
      }
    }
  }
  PASSEND_RETURN_IF_ERROR(r.Finish());
  return p;
}

json OfferPatchSchema() {
  using namespace schema;
  json features = Object({});
  features["description"] =
      "Kenmerk-id -> true (ja), false (nee), null (niet bekend), of een niveau of getal; "
      "alleen de genoemde kenmerken veranderen";
  features["additionalProperties"] = true;
  json body = Object({{"capacity", Integer()},
                      {"free_places", Integer("Vrije plaatsen nu")},
                      {"waiting_people", Integer("Mensen op de wachtlijst")},
                      {"waiting_weeks", Integer("Verwachte wachttijd in weken")},
                      {"description", String()},
                      {"intake_contact", String()},
                      {"intake_requirements", String()},
                      {"temporary", Boolean()},
                      {"profiles", ArrayOf(String())},
                      {"delivery_forms", ArrayOf(Enum(domain::kAllDeliveryForms))},
                      {"features", features}},
                     {"capacity", "free_places", "waiting_people", "waiting_weeks", "description",
                      "intake_contact", "intake_requirements", "temporary", "profiles",
                      "delivery_forms", "features"});
  body["minProperties"] = 1;
  return body;
}

json OfferChangeJson(const catalog::OfferChange& c) {
  return {{"changed_at", c.changed_at},
          {"user_id", c.user_id},
          {"organisation_id", c.organisation_id},
          {"field", c.field},
          {"old_value", c.old_value},
          {"new_value", c.new_value}};
}

ApiResponse EmptyPage() {
  return JsonResponse({{"items", nlohmann::json::array()}, {"next_cursor", nullptr}});
}

// A provider the register has not approved (or has suspended) is not in the public
// catalogue: it reads as absent.
Status Listed(catalog::CatalogService& catalog, const std::string& provider_id,
              const std::string& what) {
  PASSEND_ASSIGN_OR_RETURN(auto p, catalog.GetProvider(provider_id));
  if (!p.Listed()) return NotFound(what + " staat niet in het openbare aanbod", "id");
  return Ok();
}

Result<ApiResponse> ListProviders(catalog::CatalogService& catalog, const ApiRequest& req) {
  PASSEND_ASSIGN_OR_RETURN(auto page, PageFromQuery(req));
  catalog::ProviderFilter filter;
  filter.listed_only = true;
  PASSEND_ASSIGN_OR_RETURN(auto found, catalog.ListProviders(filter, page));
  return PageResponse(found);
}

Result<ApiResponse> ListLocations(catalog::CatalogService& catalog, const ApiRequest& req) {
  PASSEND_ASSIGN_OR_RETURN(auto page, PageFromQuery(req));
  catalog::LocationFilter filter;
  filter.listed_only = true;
  if (const auto* provider = req.Query("provider")) filter.provider_id = *provider;
  PASSEND_ASSIGN_OR_RETURN(auto municipalities, MunicipalitiesFromQuery(req));
  if (municipalities) {
    if (municipalities->empty()) return EmptyPage();
    filter.municipality_codes = std::move(*municipalities);
  }
  PASSEND_ASSIGN_OR_RETURN(auto found, catalog.ListLocations(filter, page));
  return PageResponse(found);
}

// ?near=lat,lon (decimal points) and ?within_km= (default 10, at most 300): offers whose
// location lies that close.
Result<std::optional<catalog::NearPoint>> NearFromQuery(const ApiRequest& req) {
  const std::string* near = req.Query("near");
  const std::string* within = req.Query("within_km");
  if (near == nullptr) {
    if (within != nullptr) return InvalidArgument("within_km hoort bij near=lat,lon.", "near");
    return std::optional<catalog::NearPoint>();
  }
  catalog::NearPoint p;
  p.km = 10;
  auto number = [](const std::string& text, double& out) {
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end && std::isfinite(out);
  };
  const size_t comma = near->find(',');
  if (comma == std::string::npos || !number(near->substr(0, comma), p.lat) ||
      !number(near->substr(comma + 1), p.lon) || p.lat < -90 || p.lat > 90 || p.lon < -180 ||
      p.lon > 180)
    return InvalidArgument("Geef een punt als breedte,lengte in graden (50.85,5.69).", "near");
  if (within != nullptr && (!number(*within, p.km) || p.km <= 0 || p.km > 300))
    return InvalidArgument("Geef een afstand in kilometers, meer dan 0 en ten hoogste 300.",
                           "within_km");
  return std::optional<catalog::NearPoint>(p);
}

// From the read model (api/offer_read_model.h) when it answers the filter, else from the
// store; the two answer alike.
Result<ApiResponse> ListOffers(catalog::CatalogService& catalog, OfferReadModel& model,
                               const ApiRequest& req) {
  const auto& ref = refdata::BuiltIn();
  PASSEND_ASSIGN_OR_RETURN(auto page, PageFromQuery(req));
  catalog::OfferFilter filter;
  filter.listed_only = true;
  if (const auto* provider = req.Query("provider")) filter.provider_id = *provider;
  if (const auto* kind = req.Query("kind")) {
    filter.kind = domain::ParseOfferKind(*kind);
    if (!filter.kind) {
      return InvalidArgument("Onbekende soort aanbod '" + *kind +
                                 "'. Kies wonen, dagbesteding, logeren of zorg_thuis.",
                             "kind");
    }
  }
  if (const auto* profile = req.Query("profile")) {
    if (ref.FindProfile(*profile) == nullptr) {
      return InvalidArgument("Onbekend zorgprofiel '" + *profile + "'.", "profile");
    }
    filter.profile = *profile;
  }
  if (const auto* contracted = req.Query("contracted")) {
    if (ref.FindRegion(*contracted) == nullptr) {
      return InvalidArgument("Onbekende zorgkantoorregio '" + *contracted + "'.", "contracted");
    }
    filter.contracted_region = *contracted;
  }
  PASSEND_ASSIGN_OR_RETURN(auto municipalities, MunicipalitiesFromQuery(req));
  if (municipalities) {
    if (municipalities->empty()) return EmptyPage();
    filter.municipality_codes = std::move(*municipalities);
  }
  if (const auto* q = req.Query("q")) filter.words = catalog::SearchWords(*q);
  PASSEND_ASSIGN_OR_RETURN(filter.near, NearFromQuery(req));
  PASSEND_ASSIGN_OR_RETURN(auto text, model.ListJson(filter, page, catalog.Cutoffs()));
  if (text) return JsonTextResponse(std::move(*text));
  PASSEND_ASSIGN_OR_RETURN(auto found, catalog.ListOffers(filter, page));
  return JsonResponse(
      PageBody(found, [&catalog](const domain::Offer& o) { return OfferJson(catalog, o); }));
}

// The offers "mogelijk verouderd" in the caller's scope: a care office's region (or the
// part of it ?municipality= / ?region= select), everything for the administrator.
Result<ApiResponse> ListOutdated(catalog::CatalogService& catalog, const ApiRequest& req) {
  PASSEND_ASSIGN_OR_RETURN(auto page, PageFromQuery(req));
  const access::ListScope& scope = req.admission->decision.list;
  PASSEND_ASSIGN_OR_RETURN(auto asked, MunicipalitiesFromQuery(req));
  catalog::OfferFilter filter;
  if (!scope.all) {
    for (const std::string& code : scope.municipalities)
      if (!asked || std::find(asked->begin(), asked->end(), code) != asked->end())
        filter.municipality_codes.push_back(code);
    if (filter.municipality_codes.empty()) return EmptyPage();
  } else if (asked) {
    if (asked->empty()) return EmptyPage();
    filter.municipality_codes = std::move(*asked);
  }
  if (const auto* provider = req.Query("provider")) filter.provider_id = *provider;
  PASSEND_ASSIGN_OR_RETURN(auto found, catalog.ListOutdatedOffers(filter, page));
  return JsonResponse(
      PageBody(found, [&catalog](const domain::Offer& o) { return OfferJson(catalog, o); }));
}

// PUT /api/v1/offers/{id}/contracts/{region}: {"contract": "in_kind" | "pgb_only"}.
Result<ApiResponse> PutContract(catalog::CatalogService& catalog, const ApiRequest& req) {
  PASSEND_ASSIGN_OR_RETURN(json body, req.JsonBody());
  PASSEND_ASSIGN_OR_RETURN(interop::ObjectReader r, interop::ObjectReader::Open(body));
  std::string name;
  PASSEND_RETURN_IF_ERROR(r.String("contract", name));
  PASSEND_RETURN_IF_ERROR(r.Finish());
  const auto contract = catalog::ParseContract(name);
  if (!contract)
    return InvalidArgument("Kies in_kind (in natura) of pgb_only (alleen pgb).", "contract");
  const access::Principal& who = *req.principal;
  PASSEND_ASSIGN_OR_RETURN(
      auto o, catalog.SetContract(req.path_params.at("id"), req.path_params.at("region"), *contract,
                                  {who.user_id, who.organisation_id}));
  return JsonResponse(OfferJson(catalog, o));
}

// `schema`: the record's schema (api/record_schemas.h).
Route Get(std::string pattern, std::string summary, nlohmann::json schema, Handler handler) {
  Route r = MakeRoute("GET", std::move(pattern), std::string(kPermission), std::move(handler));
  r.summary_nl = std::move(summary);
  r.tag = std::string(kTag);
  r.params = {PathParam("id", "Het id")};
  r.response_schema = std::move(schema);
  return r;
}

// `item_schema`: the schema of one record of the page (api/record_schemas.h).
Route List(std::string pattern, std::string summary, nlohmann::json item_schema,
           std::vector<ParamDoc> filters, Handler handler) {
  auto params = std::move(filters);
  for (auto& p : PagingParams()) params.push_back(std::move(p));
  Route r = MakeRoute("GET", std::move(pattern), std::string(kPermission), std::move(handler));
  r.summary_nl = std::move(summary);
  r.tag = std::string(kTag);
  r.params = std::move(params);
  r.response_schema = PageSchema(item_schema);
  return r;
}

ParamDoc Municipality() {
  return QueryParam("municipality", "CBS-gemeentecodes, met komma's (GM0935,GM0917)");
}
ParamDoc Region() {
  return QueryParam("region", "Zorgkantoorregio (5531): alle gemeenten van die regio");
}

}  // namespace

void AddCatalogRoutes(Router& router, catalog::CatalogService& catalog, store::Database& db) {
  auto model = std::make_shared<OfferReadModel>(db, catalog);
  router.Add(List("/api/v1/providers", "Zorgaanbieders", ProviderSchema(), {},
                  [&catalog](const ApiRequest& r) { return ListProviders(catalog, r); }));
  router.Add(Get("/api/v1/providers/{id}", "Eén zorgaanbieder", ProviderSchema(),
                 [&catalog](const ApiRequest& r) -> Result<ApiResponse> {
                   PASSEND_ASSIGN_OR_RETURN(auto p, catalog.GetProvider(r.path_params.at("id")));
                   if (!p.Listed())
                     return NotFound("Aanbieder staat niet in het openbare aanbod", "id");
                   return JsonResponse(Json(p));
                 }));
  router.Add(
      List("/api/v1/locations", "Locaties", LocationSchema(),
           {QueryParam("provider", "Alleen locaties van deze aanbieder"), Municipality(), Region()},
           [&catalog](const ApiRequest& r) { return ListLocations(catalog, r); }));
  router.Add(Get("/api/v1/locations/{id}", "Eén locatie", LocationSchema(),
                 [&catalog](const ApiRequest& r) -> Result<ApiResponse> {
                   PASSEND_ASSIGN_OR_RETURN(auto l, catalog.GetLocation(r.path_params.at("id")));
                   PASSEND_RETURN_IF_ERROR(Listed(catalog, l.provider_id, "Locatie"));
                   return JsonResponse(Json(l));
                 }));
  router.Add(
      List("/api/v1/offers", "Zorgaanbod", OfferSchema(),
           {QueryParam("provider", "Alleen aanbod van deze aanbieder"),
            QueryParam("kind", "Soort: wonen, dagbesteding, logeren, zorg_thuis"),
            QueryParam("profile", "Neemt dit zorgprofiel aan (5VV)"),
            QueryParam("contracted", "Gecontracteerd door dit zorgkantoor (5531)"), Municipality(),
            Region(),
            QueryParam("q",
                       "Zoekwoorden: elk woord is het begin van een woord in de naam of "
                       "beschrijving; hoofdletters en accenten tellen niet (clienten "
                       "vindt cliënten, dem vindt dementie)"),
            QueryParam("near", "Alleen aanbod bij dit punt: breedte,lengte (50.85,5.69)"),
            QueryParam("within_km", "Met near: hoe ver in kilometers (standaard 10)")},
           [&catalog, model](const ApiRequest& r) { return ListOffers(catalog, *model, r); }));
  router.Add(Get("/api/v1/offers/{id}", "Eén aanbod", OfferSchema(),
                 [&catalog](const ApiRequest& r) -> Result<ApiResponse> {
                   PASSEND_ASSIGN_OR_RETURN(auto o, catalog.GetOffer(r.path_params.at("id")));
                   PASSEND_RETURN_IF_ERROR(Listed(catalog, o.provider_id, "Aanbod"));
                   return WithETag(JsonResponse(OfferJson(catalog, o)), o);
                 }));

  // Upkeep by the provider itself (its own offers) or the care office (offers in its
  // region): catalog.update, about the offer's provider and where the offer is.
  Route patch = MakeRoute(
      "PATCH", "/api/v1/offers/{id}", "catalog.update",
      [&catalog](const ApiRequest& r) -> Result<ApiResponse> {
        PASSEND_ASSIGN_OR_RETURN(json body, r.JsonBody());
        PASSEND_ASSIGN_OR_RETURN(catalog::OfferPatch p, OfferPatchFromJson(body));
        const access::Principal& who = *r.principal;
        // If-Match is optional: a page that read the offer sends its ETag and gets 412
        // when someone changed the offer since; the check runs inside the update.
        const std::string if_match = r.Header("If-Match");
        std::function<Status(const domain::Offer&)> check;
        if (!if_match.empty())
          check = [&if_match](const domain::Offer& stored) -> Status {
            if (IfMatchHolds(if_match, stored)) return Ok();
            return Error(ErrorCode::kConflict,
                         "Het aanbod is intussen gewijzigd. Lees het opnieuw (nieuwe ETag).",
                         "If-Match");
          };
        auto o = catalog.UpdateOffer(r.path_params.at("id"), p, {who.user_id, who.organisation_id},
                                     check);
        if (!o.ok() && o.error().code() == ErrorCode::kConflict && o.error().field() == "If-Match")
          return ConditionalProblem(412, "Aanbod is veranderd", o.error(), r);
        if (!o.ok()) return o.error();
        return WithETag(JsonResponse(OfferJson(catalog, *o)), *o);
      });
  patch.summary_nl =
      "Aanbod bijwerken (vrije plaatsen, wachttijd, kenmerken, ...); If-Match mag (412 als "
      "het aanbod intussen veranderde)";
  patch.tag = std::string(kTag);
  patch.subject = AboutOffer();
  patch.params = {PathParam("id", "Het id van het aanbod")};
  patch.params.push_back(ParamDoc{.name = "If-Match",
                                  .in = ParamDoc::In::kHeader,
                                  .type = "string",
                                  .required = false,
                                  .description_nl = "De ETag van GET: 412 als het aanbod "
                                                    "intussen veranderde (niet verplicht)"});
  patch.request_schema = OfferPatchSchema();
  patch.response_schema = OfferSchema();
  router.Add(std::move(patch));

  // A new offer: catalog.update as the PATCH, its scope decided on the body (AddOffer).
  Route add = MakeRoute("POST", "/api/v1/offers", "catalog.update",
                        [&catalog](const ApiRequest& r) { return AddOffer(catalog, r); });
  add.summary_nl =
      "Nieuw aanbod toevoegen (eigen zorgaanbieder; zorgkantoor: in de eigen regio); het "
      "antwoord heeft een ETag voor een volgende PATCH";
  add.tag = std::string(kTag);
  add.subject = AboutNoRecord();
  add.request_schema = NewOfferSchema();
  add.response_schema = OfferSchema();
  add.success_status = 201;
  router.Add(std::move(add));

  Route history = MakeRoute("GET", "/api/v1/offers/{id}/changes", "catalog.update",
                            [&catalog](const ApiRequest& r) -> Result<ApiResponse> {
                              PASSEND_ASSIGN_OR_RETURN(
                                  auto changes, catalog.OfferChanges(r.path_params.at("id")));
                              json items = json::array();
                              for (const auto& c : changes) items.push_back(OfferChangeJson(c));
                              return JsonResponse({{"items", items}});
                            });
  history.summary_nl = "Wie wijzigde dit aanbod, en wanneer (oudste eerst)";
  history.tag = std::string(kTag);
  history.subject = AboutOffer();
  history.params = {PathParam("id", "Het id van het aanbod")};
  {
    using namespace schema;
    history.response_schema = ItemList(Object({{"changed_at", DateTime()},
                                               {"user_id", String()},
                                               {"organisation_id", String()},
                                               {"field", String("free_places, features.tuin, ...")},
                                               {"old_value", String("Leeg: niet bekend")},
                                               {"new_value", String("Leeg: niet bekend")}}));
  }
  router.Add(std::move(history));

  Route outdated = MakeRoute("GET", "/api/v1/offers/outdated", "catalog.monitor",
                             [&catalog](const ApiRequest& r) { return ListOutdated(catalog, r); });
  outdated.summary_nl =
      "Aanbod in de eigen regio dat mogelijk verouderd is (vrije plaatsen of wachttijd te "
      "lang niet bijgewerkt, of de rest)";
  outdated.tag = std::string(kTag);
  outdated.subject = AboutNoRecord();
  outdated.params = {QueryParam("provider", "Alleen aanbod van deze aanbieder"), Municipality(),
                     Region()};
  for (auto& p : PagingParams()) outdated.params.push_back(std::move(p));
  outdated.response_schema = PageSchema(OfferSchema());
  router.Add(std::move(outdated));

  // The care office's contract: the region is the care office's own (matrix: region).
  Route contract = MakeRoute("PUT", "/api/v1/offers/{id}/contracts/{region}", "catalog.contract",
                             [&catalog](const ApiRequest& r) { return PutContract(catalog, r); });
  contract.summary_nl =
      "Contract van het zorgkantoor voor dit aanbod: in natura (in_kind) of alleen pgb "
      "(pgb_only)";
  contract.tag = std::string(kTag);
  contract.subject = AboutOfferForRegion("id", "region");
  contract.params = {PathParam("id", "Het id van het aanbod"),
                     PathParam("region", "De zorgkantoorregio (5531)")};
  {
    using namespace schema;
    json body = Object({{"contract", Enum(catalog::kAllContracts)}});
    contract.request_schema = body;
  }
  contract.response_schema = OfferSchema();
  router.Add(std::move(contract));
}

}  // namespace passend::api
