// The catalogue in the field's formats over HTTP (issue 21.4, docs/formats.md): the care
// office exports it as CSV or HSDS 3.0 and imports such a file, which is checked whole and
// written in one transaction (or only its valid records with valid_only=true); anyone may
// download the CSV template providers fill in.
#include <sstream>

#include "api/openapi.h"
#include "api/problem.h"
#include "api/record_schemas.h"
#include "api/routes.h"
#include "interop/catalog_csv.h"
#include "interop/fhir_directory.h"
#include "interop/hsds.h"

namespace passend::api {
namespace {

using nlohmann::json;

constexpr std::string_view kTag = "register";
constexpr std::string_view kCsvType = "text/csv; charset=utf-8";

enum class Format { kCsv, kHsds, kFhir };

Result<Format> FormatOf(const ApiRequest& req) {
  const std::string* f = req.Query("format");
  if (f != nullptr && *f == "csv") return Format::kCsv;
  if (f != nullptr && *f == "hsds") return Format::kHsds;
  if (f != nullptr && *f == "fhir") return Format::kFhir;
  return InvalidArgument("Kies format=csv, format=hsds of format=fhir.", "format");
}

json ProblemsJson(const std::vector<interop::ImportProblem>& problems) {
  json out = json::array();
  for (const auto& p : problems)
    out.push_back({{"record", p.record}, {"field", p.field}, {"message", p.message}});
  return out;
}

Result<ApiResponse> Export(catalog::CatalogService& catalog, const domain::ReferenceData& ref,
                           const ApiRequest& req) {
  PASSEND_ASSIGN_OR_RETURN(Format format, FormatOf(req));
  ApiResponse r;
  if (format == Format::kCsv) {
    std::ostringstream out;
    interop::CatalogCsvWriter w(out, ref);
    auto done = catalog.Export(
        {[&](const domain::Provider& p) { w.Add(p); }, [&](const domain::Location& l) { w.Add(l); },
         [&](const domain::Offer& o) { w.Add(o); }, [](const domain::Client&) {}});
    if (!done.ok()) return done.error();
    w.Finish();
    r.raw_body = out.str();
    r.content_type = std::string(kCsvType);
    r.headers.emplace("Content-Disposition", "attachment; filename=\"aanbod.csv\"");
  } else if (format == Format::kFhir) {
    interop::FhirDirectoryWriter w(ref);
    auto done = catalog.Export(
        {[&](const domain::Provider& p) { w.Add(p); }, [&](const domain::Location& l) { w.Add(l); },
         [&](const domain::Offer& o) { w.Add(o); }, [](const domain::Client&) {}});
    if (!done.ok()) return done.error();
    r.raw_body = w.Finish();
    r.content_type = "application/fhir+json";
  } else {
    interop::HsdsWriter w(ref);
    auto done = catalog.Export(
        {[&](const domain::Provider& p) { w.Add(p); }, [&](const domain::Location& l) { w.Add(l); },
         [&](const domain::Offer& o) { w.Add(o); }, [](const domain::Client&) {}});
    if (!done.ok()) return done.error();
    r.raw_body = w.Finish();
    r.content_type = "application/json";
  }
  return r;
}

Result<ApiResponse> Import(catalog::CatalogService& catalog, const domain::ReferenceData& ref,
                           const ApiRequest& req) {
  PASSEND_ASSIGN_OR_RETURN(Format format, FormatOf(req));
  const std::string* v = req.Query("valid_only");
  const bool valid_only = v != nullptr && (*v == "true" || *v == "1");
  interop::FormatImport read = format == Format::kCsv ? interop::ParseCatalogCsv(req.body, ref)
                               : format == Format::kHsds
                                   ? interop::ParseHsds(req.body, ref)
                                   : interop::ParseFhirDirectory(req.body, ref);
  if (!read.problems.empty() && !valid_only) {
    const Error e = InvalidArgument(std::to_string(read.problems.size()) +
                                        " problemen gevonden; er is niets geïmporteerd "
                                        "(valid_only=true importeert de goede records)",
                                    read.problems.front().record);
    ApiResponse r = ProblemResponse(e, req.path, req.request_id);
    r.body["problems"] = ProblemsJson(read.problems);
    return r;
  }
  PASSEND_ASSIGN_OR_RETURN(catalog::ImportSummary s, catalog.Import(std::move(read.dataset)));
  return JsonResponse({{"providers", s.providers},
                       {"locations", s.locations},
                       {"offers", s.offers},
                       {"providers_recognised", s.providers_recognised},
                       {"codes_updated", s.codes_updated},
                       {"records_read", read.records_read},
                       {"records_left_out", read.records_left_out},
                       {"problems", ProblemsJson(read.problems)}});
}

}  // namespace

void AddFormatRoutes(Router& router, catalog::CatalogService& catalog,
                     const domain::ReferenceData& ref) {
  using namespace schema;
  const ParamDoc format = [] {
    ParamDoc p = QueryParam("format", "csv, hsds of fhir (docs/formats.md)");
    p.required = true;
    return p;
  }();
  Route exp = MakeRoute("GET", "/api/v1/catalog/export", "catalog.export",
                        [&catalog, &ref](const ApiRequest& r) { return Export(catalog, ref, r); });
  exp.summary_nl =
      "Het hele aanbod als CSV (voor Excel), HSDS 3.0 (Open Referral) of FHIR R4 (Generieke "
      "Functies)";
  exp.tag = std::string(kTag);
  exp.subject = AboutNoRecord();
  exp.params = {format};
  router.Add(std::move(exp));

  Route imp = MakeRoute("POST", "/api/v1/catalog/import", "catalog.import",
                        [&catalog, &ref](const ApiRequest& r) { return Import(catalog, ref, r); });
  imp.summary_nl =
      "Aanbod inlezen uit CSV, HSDS 3.0 of FHIR: eerst helemaal gecontroleerd, dan alles of niets "
      "(of met valid_only=true de goede records); elk probleem met record en veld";
  imp.tag = std::string(kTag);
  imp.subject = AboutNoRecord();
  imp.params = {format, QueryParam("valid_only", "true: schrijf de goede records, meld de rest")};
  const json problem = Object({{"record", String("\"rij 5\", \"contents[0].services[1]\"")},
                               {"field", String("De kolom of het veld")},
                               {"message", String()}});
  imp.response_schema = Object({{"providers", Integer()},
                                {"locations", Integer()},
                                {"offers", Integer()},
                                {"providers_recognised", Integer("Herkend aan AGB, KvK of URA")},
                                {"codes_updated", Integer()},
                                {"records_read", Integer()},
                                {"records_left_out", Integer()},
                                {"problems", ArrayOf(problem)}});
  router.Add(std::move(imp));

  Route tpl = MakeRoute("GET", "/api/v1/catalog/csv-template", std::string(kPublic),
                        [&ref](const ApiRequest&) -> Result<ApiResponse> {
                          ApiResponse r;
                          r.raw_body = interop::CatalogCsvTemplate(ref);
                          r.content_type = std::string(kCsvType);
                          r.headers.emplace("Content-Disposition",
                                            "attachment; filename=\"aanbod_sjabloon.csv\"");
                          return r;
                        });
  tpl.summary_nl = "Het CSV-sjabloon om het eigen aanbod in te vullen (kolommen en een voorbeeld)";
  tpl.tag = std::string(kTag);
  router.Add(std::move(tpl));
}

}  // namespace passend::api
