// Read endpoints over the catalogue: providers, locations, offers.
#include "api/openapi.h"
#include "api/paging.h"
#include "api/record_schemas.h"
#include "api/routes.h"
#include "interop/native_json.h"
#include "refdata/refdata.h"

namespace passend::api {
namespace {

// The care offer is public information, as on the regional websites it replaces: anyone
// may browse it without an account (no personal data).
constexpr std::string_view kPermission = kPublic;
constexpr std::string_view kTag = "aanbod";

template <typename T>
nlohmann::json Json(const T& record) {
  return interop::ToJson(record);
}

template <typename T>
ApiResponse PageResponse(const store::Page<T>& page) {
  return JsonResponse(PageBody(page, [](const T& r) { return Json(r); }));
}

ApiResponse EmptyPage() {
  return JsonResponse({{"items", nlohmann::json::array()}, {"next_cursor", nullptr}});
}

Result<ApiResponse> ListProviders(catalog::CatalogService& catalog, const ApiRequest& req) {
  PASSEND_ASSIGN_OR_RETURN(auto page, PageFromQuery(req));
  PASSEND_ASSIGN_OR_RETURN(auto found, catalog.ListProviders({}, page));
  return PageResponse(found);
}

Result<ApiResponse> ListLocations(catalog::CatalogService& catalog, const ApiRequest& req) {
  PASSEND_ASSIGN_OR_RETURN(auto page, PageFromQuery(req));
  catalog::LocationFilter filter;
  if (const auto* provider = req.Query("provider")) filter.provider_id = *provider;
  PASSEND_ASSIGN_OR_RETURN(auto municipalities, MunicipalitiesFromQuery(req));
  if (municipalities) {
    if (municipalities->empty()) return EmptyPage();
    filter.municipality_codes = std::move(*municipalities);
  }
  PASSEND_ASSIGN_OR_RETURN(auto found, catalog.ListLocations(filter, page));
  return PageResponse(found);
}

Result<ApiResponse> ListOffers(catalog::CatalogService& catalog, const ApiRequest& req) {
  const auto& ref = refdata::BuiltIn();
  PASSEND_ASSIGN_OR_RETURN(auto page, PageFromQuery(req));
  catalog::OfferFilter filter;
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
  PASSEND_ASSIGN_OR_RETURN(auto found, catalog.ListOffers(filter, page));
  return PageResponse(found);
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

void AddCatalogRoutes(Router& router, catalog::CatalogService& catalog) {
  router.Add(List("/api/v1/providers", "Zorgaanbieders", ProviderSchema(), {},
                  [&catalog](const ApiRequest& r) { return ListProviders(catalog, r); }));
  router.Add(Get("/api/v1/providers/{id}", "Eén zorgaanbieder", ProviderSchema(),
                 [&catalog](const ApiRequest& r) -> Result<ApiResponse> {
                   PASSEND_ASSIGN_OR_RETURN(auto p, catalog.GetProvider(r.path_params.at("id")));
                   return JsonResponse(Json(p));
                 }));
  router.Add(
      List("/api/v1/locations", "Locaties", LocationSchema(),
           {QueryParam("provider", "Alleen locaties van deze aanbieder"), Municipality(), Region()},
           [&catalog](const ApiRequest& r) { return ListLocations(catalog, r); }));
  router.Add(Get("/api/v1/locations/{id}", "Eén locatie", LocationSchema(),
                 [&catalog](const ApiRequest& r) -> Result<ApiResponse> {
                   PASSEND_ASSIGN_OR_RETURN(auto l, catalog.GetLocation(r.path_params.at("id")));
                   return JsonResponse(Json(l));
                 }));
  router.Add(List("/api/v1/offers", "Zorgaanbod", OfferSchema(),
                  {QueryParam("provider", "Alleen aanbod van deze aanbieder"),
                   QueryParam("kind", "Soort: wonen, dagbesteding, logeren, zorg_thuis"),
                   QueryParam("profile", "Neemt dit zorgprofiel aan (5VV)"),
                   QueryParam("contracted", "Gecontracteerd door dit zorgkantoor (5531)"),
                   Municipality(), Region()},
                  [&catalog](const ApiRequest& r) { return ListOffers(catalog, r); }));
  router.Add(Get("/api/v1/offers/{id}", "Eén aanbod", OfferSchema(),
                 [&catalog](const ApiRequest& r) -> Result<ApiResponse> {
                   PASSEND_ASSIGN_OR_RETURN(auto o, catalog.GetOffer(r.path_params.at("id")));
                   return JsonResponse(Json(o));
                 }));
}

}  // namespace passend::api
