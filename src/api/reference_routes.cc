// Public reference data: the kenmerken vocabulary, the Wlz care profiles, municipalities,
// care-office regions and the guideline (leidraad) for clarifying a client's question.
// The shapes are this API's own (no other format carries them).
#include "api/record_schemas.h"
#include "api/routes.h"
#include "interop/fhir_questionnaire.h"
#include "refdata/refdata.h"

namespace passend::api {
namespace {

using schema::Boolean;
using schema::Enum;
using schema::Integer;
using schema::Object;
using schema::String;

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

nlohmann::json FeatureSchema() {
  nlohmann::json level_max = Integer("Alleen bij kind level: niveaus lopen van 1 tot level_max");
  level_max["minimum"] = 1;
  return Object({{"id", String("Vast, snake_case (dementie_expertise)")},
                 {"domain", Enum(domain::kAllLifeDomains)},
                 {"kind", Enum(domain::kAllFeatureKinds)},
                 {"label_nl", String()},
                 {"label_en", String()},
                 {"level_max", level_max},
                 {"higher_is_better",
                  Boolean("Alleen bij kind number: of meer ervan beter bij een wens past")},
                 {"unit", String("Alleen bij kind number: personen, uur, ...")}},
                {"level_max", "higher_is_better", "unit"});
}

nlohmann::json ProfileJson(const domain::CareProfile& p) {
  return {{"code", p.code},
          {"sector", domain::ToString(p.sector)},
          {"name_nl", p.name_nl},
          {"pgb_possible", p.pgb_possible},
          {"meerzorg_possible", p.meerzorg_possible},
          {"vektis_code", p.vektis_code}};
}

nlohmann::json ProfileSchema() {
  return Object({{"code", String("5VV, 6VG, GGZWonen3, ...")},
                 {"sector", Enum(domain::kAllSectors)},
                 {"name_nl", String()},
                 {"pgb_possible", Boolean()},
                 {"meerzorg_possible", Boolean()},
                 {"vektis_code", Integer("Vektis COD163")}});
}

nlohmann::json MunicipalityJson(const domain::Municipality& m) {
  return {{"code", m.code},
          {"name", m.name},
          {"zorgkantoor_code", m.zorgkantoor_code},
          {"zorgkantoor_name", m.zorgkantoor_name},
          {"inhabitants", m.inhabitants},
          {"inhabitants_source", m.inhabitants_source},
          {"centroid", {{"lat", m.centroid.lat}, {"lon", m.centroid.lon}}}};
}

nlohmann::json MunicipalitySchema() {
  nlohmann::json inhabitants = Integer();
  inhabitants["format"] = "int64";
  nlohmann::json inhabitants_source = String(
      "Herkomst van het inwonertal: cbs_2025 (CBS, 1 januari 2025), summed_2014 (cijfer van "
      "rond 2014 opgeteld binnen de grenzen van 2025) of estimate (geen cijfer gevonden: "
      "mediaan van de regio)");
  inhabitants_source["enum"] = {"cbs_2025", "summed_2014", "estimate"};
  return Object({{"code", String("CBS-gemeentecode (GM0935)")},
                 {"name", String()},
                 {"zorgkantoor_code", String("Zorgkantoorregio (5531)")},
                 {"zorgkantoor_name", String()},
                 {"inhabitants", inhabitants},
                 {"inhabitants_source", inhabitants_source},
                 {"centroid", GeoPointSchema()}});
}

nlohmann::json RegionJson(const domain::CareOfficeRegion& r) {
  return {{"code", r.code}, {"name", r.name}};
}

nlohmann::json RegionSchema() {
  return Object({{"code", String("Zorgkantoorregio (5531)")}, {"name", String()}});
}

template <typename T, typename Fn>
Route ListRoute(std::string pattern, std::string summary, const std::vector<T>& all, Fn to_json,
                nlohmann::json item_schema) {
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
  r.response_schema = schema::ItemList(std::move(item_schema));
  return r;
}

// {"domains": [...]}: every life domain with its questions, each question with the
// features an answer can produce (labels from `ref`); "weet ik nog niet" and the client's
// own words are allowed everywhere, which the answer says once.
nlohmann::json LeidraadJson(const domain::Guideline& g, const domain::ReferenceData& ref) {
  nlohmann::json domains = nlohmann::json::array();
  for (const auto& d : g.domains) {
    nlohmann::json questions = nlohmann::json::array();
    for (const auto& q : d.questions) {
      nlohmann::json features = nlohmann::json::array();
      for (const auto& id : q.feature_ids) {
        const domain::Feature* f = ref.FindFeature(id);
        features.push_back(
            {{"id", id}, {"label_nl", f ? f->label_nl : id}, {"label_en", f ? f->label_en : id}});
      }
      questions.push_back({{"id", q.id},
                           {"text_nl", q.text_nl},
                           {"text_en", q.text_en},
                           {"features", std::move(features)}});
    }
    domains.push_back({{"id", domain::ToString(d.domain)},
                       {"title_nl", d.title_nl},
                       {"title_en", d.title_en},
                       {"intro_nl", d.intro_nl},
                       {"intro_en", d.intro_en},
                       {"questions", std::move(questions)}});
  }
  return {{"domains", std::move(domains)},
          {"unknown_answer", {{"nl", domain::kUnknownAnswerNl}, {"en", domain::kUnknownAnswerEn}}},
          {"own_words_welcome", true}};
}

nlohmann::json LeidraadSchema() {
  using schema::ArrayOf;
  nlohmann::json feature = Object({{"id", String("Een kenmerk uit /api/v1/kenmerken")},
                                   {"label_nl", String()},
                                   {"label_en", String()}});
  nlohmann::json question = Object({{"id", String("Vast, snake_case")},
                                    {"text_nl", String("De vraag in eenvoudig Nederlands (B1)")},
                                    {"text_en", String()},
                                    {"features", ArrayOf(feature)}});
  nlohmann::json life_domain = Object({{"id", Enum(domain::kAllLifeDomains)},
                                       {"title_nl", String()},
                                       {"title_en", String()},
                                       {"intro_nl", String()},
                                       {"intro_en", String()},
                                       {"questions", ArrayOf(question)}});
  return Object(
      {{"domains", ArrayOf(life_domain)},
       {"unknown_answer", Object({{"nl", String("Weet ik nog niet: bij elke vraag een antwoord")},
                                  {"en", String()}})},
       {"own_words_welcome", Boolean("Bij elke vraag mag de cliënt in eigen woorden antwoorden")}});
}

}  // namespace

void AddReferenceRoutes(Router& router, const domain::ReferenceData& ref) {
  router.Add(ListRoute("/api/v1/kenmerken", "De kenmerken (woordenlijst van wensen en aanbod)",
                       ref.features(), FeatureJson, FeatureSchema()));
  router.Add(ListRoute("/api/v1/zorgprofielen", "De Wlz-zorgprofielen", ref.profiles(), ProfileJson,
                       ProfileSchema()));
  router.Add(ListRoute("/api/v1/gemeenten", "Gemeenten met hun zorgkantoorregio",
                       ref.municipalities(), MunicipalityJson, MunicipalitySchema()));
  router.Add(ListRoute("/api/v1/zorgkantoren", "De zorgkantoorregio's", ref.regions(), RegionJson,
                       RegionSchema()));
  Route leidraad =
      MakeRoute("GET", "/api/v1/leidraad", std::string(kPublic),
                [body = LeidraadJson(refdata::BuiltInLeidraad(), ref)](
                    const ApiRequest&) -> Result<ApiResponse> { return JsonResponse(body); });
  leidraad.summary_nl = "De leidraad voor vraagverheldering: vragen per levensdomein";
  leidraad.tag = "referentie";
  leidraad.response_schema = LeidraadSchema();
  router.Add(std::move(leidraad));

  // The same guideline as a FHIR R4 Questionnaire (interop/fhir_questionnaire.h).
  Route questionnaire =
      MakeRoute("GET", "/api/v1/leidraad/fhir", std::string(kPublic),
                [body = interop::fhir::LeidraadQuestionnaire(refdata::BuiltInLeidraad(), ref)](
                    const ApiRequest&) -> Result<ApiResponse> {
                  ApiResponse r = JsonResponse(body);
                  r.content_type = "application/fhir+json";
                  return r;
                });
  questionnaire.summary_nl = "De leidraad als FHIR R4 Questionnaire (docs/fhir.md)";
  questionnaire.tag = "referentie";
  questionnaire.media_type = "application/fhir+json";
  questionnaire.response_schema = FhirResourceSchema("Questionnaire");
  router.Add(std::move(questionnaire));
}

}  // namespace passend::api
