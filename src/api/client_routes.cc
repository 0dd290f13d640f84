// Endpoints over clients and their dossier. Personal data: the guard authorises the route's
// permission and writes the access log before the handler runs (AccessGuard::Admit); the
// creation of a client, which has no client to admit yet, is logged by intake's use case.
// This file only translates and calls intake/.
//
// Versions travel as HTTP validators: GET answers ETag: "N" (the dossier's version), and a
// PATCH must send If-Match: "N" of the version it was made on: 428 without it, 412 when the
// dossier moved on meanwhile (the change is not written; read it again and redo it).
#include <charconv>

#include "api/access_guard.h"
#include "api/dossier_report.h"
#include "api/openapi.h"
#include "api/paging.h"
#include "api/problem.h"
#include "api/record_schemas.h"
#include "api/routes.h"
#include "interop/fhir_dossier.h"
#include "interop/native_json.h"
#include "refdata/refdata.h"

namespace passend::api {
namespace {

using nlohmann::json;

std::string ETagOf(int version) { return "\"" + std::to_string(version) + "\""; }

ApiResponse WithETag(ApiResponse r, int version) {
  r.headers["ETag"] = ETagOf(version);
  return r;
}

// A version number: a path parameter or the value of If-Match ("3", W/"3").
std::optional<int> ParseVersion(std::string_view s) {
  if (s.rfind("W/", 0) == 0) s.remove_prefix(2);
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
  int v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || v < 1) return std::nullopt;
  return v;
}

Result<int> VersionParam(const ApiRequest& req, const std::string& name) {
  auto v = ParseVersion(req.path_params.at(name));
  if (!v) return InvalidArgument(name + " moet een versienummer zijn (1, 2, ...).", name);
  return *v;
}

// The native client record without an id (Passend gives one): what POST takes.
json NewClientSchema() {
  json s = ClientSchema();
  s["properties"].erase("id");
  s["required"] = {"municipality_code", "home",   "sector", "indication",
                   "preferred_forms",   "seeking"};
  return s;
}

Result<ApiResponse> ListClients(intake::IntakeService& intake, const ApiRequest& req) {
  PASSEND_ASSIGN_OR_RETURN(auto page, PageFromQuery(req));
  intake::ClientFilter filter;
  PASSEND_ASSIGN_OR_RETURN(auto municipalities, MunicipalitiesFromQuery(req));
  if (municipalities) {
    if (municipalities->empty()) {
      return JsonResponse({{"items", nlohmann::json::array()}, {"next_cursor", nullptr}});
    }
    filter.municipality_codes = std::move(*municipalities);
  }
  if (const std::string* name = req.Query("name")) {
    if (name->empty() || name->size() > 100)
      return InvalidArgument("name: 1 tot 100 tekens van de naam.", "name");
    filter.name_contains = *name;
  }
  PASSEND_ASSIGN_OR_RETURN(int64_t year, IntegerQuery(req, "birth_year", 0, 1900, 2030));
  filter.birth_year = static_cast<int>(year);
  PASSEND_ASSIGN_OR_RETURN(auto found, intake.ListClients(filter, page));
  // Only clients within the caller's scope are shown, each with its access-log entry; a
  // page may therefore hold fewer items than the limit while next_cursor goes on.
  std::vector<domain::Client> shown;
  for (auto& c : found.items) {
    if (!MayList(req, c.id, c.municipality_code)) continue;
    PASSEND_RETURN_IF_ERROR(LogListed(req, c.id));
    shown.push_back(std::move(c));
  }
  found.items = std::move(shown);
  return JsonResponse(PageBody(found, [](const domain::Client& c) { return interop::ToJson(c); }));
}

// The record with the version it is: two reads that a PATCH committing between them
// (through this server or another) would pair as the old record with the new ETag, and a
// change made on that pair would undo the other one without a 412. Versions only grow and
// each commits with its record, so the same version before and after the record's read
// means the record is that version.
Result<ApiResponse> ReadClient(intake::IntakeService& intake, const ApiRequest& req) {
  const std::string& id = req.path_params.at("id");
  PASSEND_ASSIGN_OR_RETURN(int version, intake.CurrentVersion(id));
  for (int attempt = 1;; ++attempt) {
    PASSEND_ASSIGN_OR_RETURN(domain::Client c, intake.GetClient(id));
    PASSEND_ASSIGN_OR_RETURN(int after, intake.CurrentVersion(id));
    if (after == version) return WithETag(JsonResponse(interop::ToJson(c)), version);
    if (attempt == 5) return Unavailable("Het dossier verandert steeds; probeer het zo opnieuw.");
    version = after;
  }
}

Result<ApiResponse> CreateClient(intake::IntakeService& intake, const ApiRequest& req) {
  PASSEND_ASSIGN_OR_RETURN(json body, req.JsonBody());
  if (!body.is_object()) return InvalidArgument("Stuur een cliënt als JSON-object.", "body");
  if (body.contains("id"))
    return InvalidArgument("Een nieuwe cliënt krijgt zijn id van Passend; laat id weg.", "id");
  body["id"] = "cli-nieuw";  // the reader wants one; the service gives the real one
  PASSEND_ASSIGN_OR_RETURN(domain::Client c, interop::ClientFromJson(body));
  c.id.clear();
  PASSEND_ASSIGN_OR_RETURN(intake::ClientVersion made,
                           intake.CreateClient(req.admission->principal, std::move(c), ""));
  ApiResponse r = JsonResponse(interop::ToJson(made.record), 201);
  r.headers["Location"] = "/api/v1/clients/" + made.record.id;
  return WithETag(std::move(r), made.info.version);
}

Result<ApiResponse> PatchClient(intake::IntakeService& intake, const ApiRequest& req) {
  const std::string& id = req.path_params.at("id");
  const std::string if_match = req.Header("If-Match");
  if (if_match.empty())
    return ConditionalProblem(
        428, "Versie ontbreekt",
        InvalidArgument("Stuur If-Match met de versie (ETag) waarop uw wijziging is gemaakt.",
                        "If-Match"),
        req);
  const std::optional<int> expected = ParseVersion(if_match);
  if (!expected)
    return InvalidArgument("If-Match moet een versie zijn zoals de ETag die gaf (\"3\").",
                           "If-Match");
  PASSEND_ASSIGN_OR_RETURN(json body, req.JsonBody());
  if (!body.is_object()) return InvalidArgument("Stuur een JSON-object.", "body");
  for (const auto& [key, value] : body.items()) {
    if (key != "reason" && key != "patch")
      return InvalidArgument("Onbekend veld '" + key + "': stuur reason en patch.", key);
  }
  if (!body.contains("reason") || !body["reason"].is_string())
    return InvalidArgument("Zeg in reason waarom het dossier verandert.", "reason");
  if (!body.contains("patch") || !body["patch"].is_object())
    return InvalidArgument("Stuur in patch de wijzigingen als JSON-object (RFC 7396).", "patch");
  const json& patch = body["patch"];
  if (patch.contains("id") && patch["id"] != id)
    return InvalidArgument("Het id van een cliënt verandert niet.", "patch.id");
  PASSEND_ASSIGN_OR_RETURN(domain::Client current, intake.GetClient(id));
  json merged = interop::ToJson(current);
  merged.merge_patch(patch);
  merged["id"] = id;
  auto updated = interop::ClientFromJson(merged);
  if (!updated.ok()) return updated.error().WithFieldPrefix("patch");
  auto saved = intake.UpdateClient(req.admission->principal, *updated, *expected,
                                   body["reason"].get<std::string>());
  if (!saved.ok()) {
    if (saved.error().code() == ErrorCode::kConflict && saved.error().field() == "version")
      return ConditionalProblem(412, "Versie is veranderd", saved.error(), req);
    const std::string& field = saved.error().field();
    if (field.empty() || field == "reason" || field == "version") return saved.error();
    return saved.error().WithFieldPrefix("patch");
  }
  return WithETag(JsonResponse(interop::ToJson(saved->record)), saved->info.version);
}

Result<ApiResponse> Diff(intake::IntakeService& intake, const ApiRequest& req) {
  PASSEND_ASSIGN_OR_RETURN(int from, VersionParam(req, "from"));
  PASSEND_ASSIGN_OR_RETURN(int to, VersionParam(req, "to"));
  PASSEND_ASSIGN_OR_RETURN(intake::DossierDiff d, intake.Diff(req.path_params.at("id"), from, to));
  json changes = json::array();
  for (const auto& c : d.changes) {
    changes.push_back({{"field", c.field},
                       {"kind", intake::ToString(c.kind)},
                       {"label_nl", c.label_nl},
                       {"before", c.before},
                       {"after", c.after}});
  }
  return JsonResponse({{"client_id", req.path_params.at("id")},
                       {"from", VersionJson(d.from)},
                       {"to", VersionJson(d.to)},
                       {"changes", std::move(changes)}});
}

json DiffSchema() {
  using namespace schema;
  json kind = String();
  kind["enum"] = {"added", "removed", "changed"};
  json change = Object({{"field", String("Pad van het veld: name, wishes.tuin, needs.<kenmerk>, "
                                         "places.<soort>:<naam>")},
                        {"kind", kind},
                        {"label_nl", String("Het veld in woorden: Naam, Wens, Behoefte, ...")},
                        {"before", String("Leeg als het veld nieuw is")},
                        {"after", String("Leeg als het veld verdwenen is")}});
  return Object({{"client_id", String()},
                 {"from", VersionSchema()},
                 {"to", VersionSchema()},
                 {"changes", ArrayOf(change)}});
}

Route ClientRoute(std::string method, std::string pattern, std::string permission,
                  std::string summary_nl, Handler handler) {
  Route r =
      MakeRoute(std::move(method), std::move(pattern), std::move(permission), std::move(handler));
  r.subject = AboutClient("id");
  r.summary_nl = std::move(summary_nl);
  r.tag = "clienten";
  r.params = {PathParam("id", "Id van de cliënt")};
  return r;
}

// ?format=json (the default) or html: the report and the form are pages to print too.
Result<bool> WantsHtml(const ApiRequest& req) {
  const std::string* format = req.Query("format");
  if (format == nullptr || *format == "json") return false;
  if (*format == "html") return true;
  return InvalidArgument("format: json of html.", "format");
}

ApiResponse HtmlResponse(std::string html) {
  ApiResponse r;
  r.raw_body = std::move(html);
  r.content_type = "text/html; charset=utf-8";
  return r;
}

ApiResponse FhirResponse(nlohmann::json body, int version) {
  ApiResponse r = JsonResponse(std::move(body));
  r.content_type = "application/fhir+json";
  return WithETag(std::move(r), version);
}

// GET .../fhir: the current version as a FHIR Bundle, read as ReadClient reads (the record
// and its version from one moment).
Result<ApiResponse> ReadFhir(intake::IntakeService& intake, const domain::ReferenceData& ref,
                             const ApiRequest& req) {
  const std::string& id = req.path_params.at("id");
  PASSEND_ASSIGN_OR_RETURN(int version, intake.CurrentVersion(id));
  PASSEND_ASSIGN_OR_RETURN(intake::ClientVersion v, intake.GetVersion(id, version));
  if (domain::IsErased(v.record)) return FailedPrecondition("Deze cliënt is gewist.");
  return FhirResponse(interop::fhir::DossierBundle(v, refdata::BuiltInLeidraad(), ref), version);
}

// PUT .../fhir: the dossier replaced by what a FHIR Bundle holds, as a new version; read and
// checked whole before anything is written. If-Match and reason as for PATCH.
Result<ApiResponse> WriteFhir(intake::IntakeService& intake, const domain::ReferenceData& ref,
                              const ApiRequest& req) {
  const std::string& id = req.path_params.at("id");
  const std::string if_match = req.Header("If-Match");
  if (if_match.empty())
    return ConditionalProblem(
        428, "Versie ontbreekt",
        InvalidArgument("Stuur If-Match met de versie (ETag) waarop uw wijziging is gemaakt.",
                        "If-Match"),
        req);
  const std::optional<int> expected = ParseVersion(if_match);
  if (!expected)
    return InvalidArgument("If-Match moet een versie zijn zoals de ETag die gaf (\"3\").",
                           "If-Match");
  const std::string* reason = req.Query("reason");
  if (reason == nullptr || reason->empty())
    return InvalidArgument("Zeg in ?reason= waarom het dossier verandert.", "reason");
  PASSEND_ASSIGN_OR_RETURN(json body, req.JsonBody());
  PASSEND_ASSIGN_OR_RETURN(domain::Client c,
                           interop::fhir::DossierFromBundle(body, refdata::BuiltInLeidraad(), ref));
  if (!c.id.empty() && c.id != id)
    return InvalidArgument("De Patient in de Bundle is een andere cliënt (" + c.id + ").",
                           "Patient.identifier");
  c.id = id;
  PASSEND_ASSIGN_OR_RETURN(domain::Client current, intake.GetClient(id));
  interop::fhir::KeepOrder(current, c);
  auto saved = intake.UpdateClient(req.admission->principal, c, *expected, *reason);
  if (!saved.ok()) {
    if (saved.error().code() == ErrorCode::kConflict && saved.error().field() == "version")
      return ConditionalProblem(412, "Versie is veranderd", saved.error(), req);
    return saved.error();
  }
  return FhirResponse(interop::fhir::DossierBundle(*saved, refdata::BuiltInLeidraad(), ref),
                      saved->info.version);
}

}  // namespace

void AddClientRoutes(Router& router, intake::IntakeService& intake,
                     const domain::ReferenceData& ref) {
  auto params = std::vector<ParamDoc>{
      QueryParam("municipality", "CBS-gemeentecodes, met komma's (GM0935,GM0917)"),
      QueryParam("region", "Zorgkantoorregio (5531): alle gemeenten van die regio"),
      QueryParam("name", "Een deel van de naam (hoofdletters tellen niet)"),
      QueryParam("birth_year", "Geboortejaar (het dossier houdt het jaar bij, geen datum)",
                 "integer")};
  for (auto& p : PagingParams()) params.push_back(std::move(p));
  Route list = MakeRoute("GET", "/api/v1/clients", "client.list",
                         [&intake](const ApiRequest& r) { return ListClients(intake, r); });
  list.subject = AboutNoRecord();
  list.summary_nl = "Cliënten zoeken (naam, geboortejaar, gemeente)";
  list.tag = "clienten";
  list.params = std::move(params);
  list.response_schema = PageSchema(ClientSchema());
  router.Add(std::move(list));

  Route create = MakeRoute("POST", "/api/v1/clients", "client.create",
                           [&intake](const ApiRequest& r) { return CreateClient(intake, r); });
  create.subject = AboutNoRecord();
  create.summary_nl = "Cliënt inschrijven: het dossier, versie 1 (Location en ETag)";
  create.tag = "clienten";
  create.request_schema = NewClientSchema();
  create.response_schema = ClientSchema();
  create.success_status = 201;
  router.Add(std::move(create));

  Route one = ClientRoute("GET", "/api/v1/clients/{id}", "client.read",
                          "Eén cliënt, met wensen, behoeften en plaatsen (ETag: de versie)",
                          [&intake](const ApiRequest& r) { return ReadClient(intake, r); });
  one.response_schema = ClientSchema();
  router.Add(std::move(one));

  Route patch = ClientRoute(
      "PATCH", "/api/v1/clients/{id}", "dossier.update",
      "Dossier wijzigen: een nieuwe versie (If-Match verplicht; 412 als de versie veranderde)",
      [&intake](const ApiRequest& r) { return PatchClient(intake, r); });
  patch.params.push_back(ParamDoc{.name = "If-Match",
                                  .in = ParamDoc::In::kHeader,
                                  .type = "string",
                                  .required = true,
                                  .description_nl = "De ETag van de versie die u wijzigt"});
  patch.request_schema = schema::Object(
      {{"reason", schema::String("Waarom het dossier verandert (1 tot 500 tekens)")},
       {"patch", json{{"type", "object"},
                      {"description",
                       "JSON Merge Patch (RFC 7396) op de cliënt zoals GET hem geeft; een lijst "
                       "(wishes, needs, places) vervangt de hele lijst"}}}});
  patch.response_schema = ClientSchema();
  router.Add(std::move(patch));

  Route versions =
      ClientRoute("GET", "/api/v1/clients/{id}/versions", "dossier.read",
                  "Versies van het dossier: wie, wanneer, waarom (oudste eerst)",
                  [&intake](const ApiRequest& r) -> Result<ApiResponse> {
                    PASSEND_ASSIGN_OR_RETURN(auto all, intake.History(r.path_params.at("id")));
                    json items = json::array();
                    for (const auto& v : all) items.push_back(VersionJson(v));
                    return JsonResponse({{"items", std::move(items)}});
                  });
  versions.response_schema = schema::ItemList(VersionSchema());
  router.Add(std::move(versions));

  Route version =
      ClientRoute("GET", "/api/v1/clients/{id}/versions/{version}", "dossier.read",
                  "Het dossier zoals het was in één versie",
                  [&intake](const ApiRequest& r) -> Result<ApiResponse> {
                    PASSEND_ASSIGN_OR_RETURN(int n, VersionParam(r, "version"));
                    PASSEND_ASSIGN_OR_RETURN(auto v, intake.GetVersion(r.path_params.at("id"), n));
                    return JsonResponse(
                        {{"version", VersionJson(v.info)}, {"client", interop::ToJson(v.record)}});
                  });
  version.params.push_back(PathParam("version", "Versienummer (1, 2, ...)"));
  version.response_schema =
      schema::Object({{"version", VersionSchema()}, {"client", ClientSchema()}});
  router.Add(std::move(version));

  Route diff = ClientRoute("GET", "/api/v1/clients/{id}/versions/{from}/diff/{to}", "dossier.read",
                           "Wat er veranderde tussen twee versies, in woorden",
                           [&intake](const ApiRequest& r) { return Diff(intake, r); });
  diff.params.push_back(PathParam("from", "Versie van vóór"));
  diff.params.push_back(PathParam("to", "Versie van na"));
  diff.response_schema = DiffSchema();
  router.Add(std::move(diff));

  const ParamDoc format =
      QueryParam("format", "json (standaard) of html: een pagina om te printen");
  Route report = ClientRoute(
      "GET", "/api/v1/clients/{id}/verslag", "dossier.read",
      "Het verslag van het dossier: voor elke organisatie hetzelfde (JSON of HTML om te printen)",
      [&intake, &ref](const ApiRequest& r) -> Result<ApiResponse> {
        PASSEND_ASSIGN_OR_RETURN(bool html, WantsHtml(r));
        PASSEND_ASSIGN_OR_RETURN(auto made, intake.Report(r.path_params.at("id")));
        if (html) return HtmlResponse(ReportHtml(made, ref));
        return JsonResponse(ReportJson(made, ref));
      });
  report.params.push_back(format);
  report.response_schema = ReportSchema();
  router.Add(std::move(report));

  Route form = ClientRoute(
      "GET", "/api/v1/clients/{id}/aanmeldformulier", "dossier.read",
      "Het aanmeldformulier voor één gekozen aanbod, alleen met toestemming voor die aanbieder",
      [&intake, &ref](const ApiRequest& r) -> Result<ApiResponse> {
        PASSEND_ASSIGN_OR_RETURN(bool html, WantsHtml(r));
        const std::string* offer = r.Query("offer");
        if (offer == nullptr || offer->empty())
          return InvalidArgument("Kies het aanbod: ?offer=ID.", "offer");
        PASSEND_ASSIGN_OR_RETURN(auto made,
                                 intake.MakeRegistrationForm(r.path_params.at("id"), *offer));
        if (html) return HtmlResponse(FormHtml(made, ref));
        return JsonResponse(FormJson(made, ref));
      });
  ParamDoc offer = QueryParam("offer", "Id van het gekozen aanbod");
  offer.required = true;
  form.params.push_back(std::move(offer));
  form.params.push_back(format);
  form.response_schema = FormSchema();
  router.Add(std::move(form));

  Route fhir_read = ClientRoute(
      "GET", "/api/v1/clients/{id}/fhir", "dossier.read",
      "Het dossier als FHIR R4 Bundle: QuestionnaireResponse, Patient, RelatedPerson (ETag)",
      [&intake, &ref](const ApiRequest& r) { return ReadFhir(intake, ref, r); });
  fhir_read.media_type = "application/fhir+json";
  fhir_read.response_schema = FhirResourceSchema("Bundle");
  router.Add(std::move(fhir_read));

  Route fhir_write = ClientRoute(
      "PUT", "/api/v1/clients/{id}/fhir", "dossier.update",
      "Dossier uit een FHIR R4 Bundle: een nieuwe versie (If-Match en reason verplicht; 412 als "
      "de versie veranderde)",
      [&intake, &ref](const ApiRequest& r) { return WriteFhir(intake, ref, r); });
  fhir_write.media_type = "application/fhir+json";
  fhir_write.params.push_back(ParamDoc{.name = "If-Match",
                                       .in = ParamDoc::In::kHeader,
                                       .type = "string",
                                       .required = true,
                                       .description_nl = "De ETag van de versie die u vervangt"});
  ParamDoc reason = QueryParam("reason", "Waarom het dossier verandert (1 tot 500 tekens)");
  reason.required = true;
  fhir_write.params.push_back(std::move(reason));
  fhir_write.request_schema = FhirResourceSchema("Bundle");
  fhir_write.response_schema = FhirResourceSchema("Bundle");
  router.Add(std::move(fhir_write));
}

}  // namespace passend::api
