// Public reference data: the kenmerken vocabulary, the Wlz care profiles, municipalities
// and care-office regions. The shapes are this API's own (no other format carries them).
#include "api/routes.h"

namespace passend::api {
namespace {

nlohmann::json FeatureJson(const domain::Feature& f) {
  nlohmann::json j = {{"id", f.id},
                      {"domain", domain::ToString(f.domain)},
                      {"kind", domain::ToString(f.kind)},
                      {"label_nl", f.label_nl},
                      {"label_en", f.label_en}};
  if (f.kind == domain::FeatureKind::kLevel) j["level_max"] = f.level_max;
  if (f.kind == domain::FeatureKind::kNumber) {
    j["higher_is_better"] = f.higher_is_better;
    j["unit"] = f.unit;
  }
  return j;
}

nlohmann::json ProfileJson(const domain::CareProfile& p) {
  return {{"code", p.code},
          {"sector", domain::ToString(p.sector)},
          {"name_nl", p.name_nl},
          {"pgb_possible", p.pgb_possible},
          {"meerzorg_possible", p.meerzorg_possible},
          {"vektis_code", p.vektis_code}};
}

nlohmann::json MunicipalityJson(const domain::Municipality& m) {
  return {{"code", m.code},
          {"name", m.name},
          {"zorgkantoor_code", m.zorgkantoor_code},
          {"zorgkantoor_name", m.zorgkantoor_name},
          {"inhabitants", m.inhabitants},
          {"centroid", {{"lat", m.centroid.lat}, {"lon", m.centroid.lon}}}};
}

nlohmann::json RegionJson(const domain::CareOfficeRegion& r) {
  return {{"code", r.code}, {"name", r.name}};
}

template <typename T, typename Fn>
Route ListRoute(std::string pattern, std::string summary, const std::vector<T>& all, Fn to_json) {
  // Reference data is immutable: render once at start-up.
  nlohmann::json items = nlohmann::json::array();
  for (const auto& x : all) items.push_back(to_json(x));
  nlohmann::json body = {{"items", std::move(items)}};
  Route r = MakeRoute("GET", std::move(pattern), std::string(kPublic),
                      [body = std::move(body)](const ApiRequest&) -> Result<ApiResponse> {
                        return JsonResponse(body);
                      });
  r.summary_nl = std::move(summary);
  r.tag = "referentie";
  r.response_schema = {
      {"type", "object"},
      {"properties", {{"items", {{"type", "array"}, {"items", {{"type", "object"}}}}}}}};
  return r;
}

}  // namespace

void AddReferenceRoutes(Router& router, const domain::ReferenceData& ref) {
  router.Add(ListRoute("/api/v1/kenmerken", "De kenmerken (woordenlijst van wensen en aanbod)",
                       ref.features(), FeatureJson));
  router.Add(
      ListRoute("/api/v1/zorgprofielen", "De Wlz-zorgprofielen", ref.profiles(), ProfileJson));
  router.Add(ListRoute("/api/v1/gemeenten", "Gemeenten met hun zorgkantoorregio",
                       ref.municipalities(), MunicipalityJson));
  router.Add(ListRoute("/api/v1/zorgkantoren", "De zorgkantoorregio's", ref.regions(), RegionJson));
}

}  // namespace passend::api
