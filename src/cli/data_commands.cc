// passend generate | import | export: whole data sets in and out of a database.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "access/timestamp.h"
#include "catalog/catalog_service.h"
#include "cli/command.h"
#include "domain/dutch_number.h"
#include "generate/generator.h"
#include "generate/quality_report.h"
#include "interop/native_json.h"
#include "refdata/refdata.h"

namespace passend::cli {
namespace {

double SecondsSince(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

Status RefuseNonEmpty(catalog::CatalogService& catalog) {
  PASSEND_ASSIGN_OR_RETURN(bool empty, catalog.Empty());
  if (!empty)
    return FailedPrecondition("De database bevat al gegevens; genereer in een nieuw bestand");
  return Ok();
}

catalog::ProgressFn ProgressOf(std::string task) {
  return [task](std::string_view stage, int64_t done, int64_t total) {
    Progress(task + ": " + std::string(stage), done, total);
  };
}

struct GenerateArgs {
  std::string region = "zuid-limburg";
  uint64_t seed = 42;
  std::string db;
  std::string as_of;  // UTC ISO 8601 or a date; empty: the start of today
};

Status RunGenerate(const OpenModules& open, const GenerateArgs& a) {
  auto preset = generate::ParseRegionPreset(a.region);
  if (!preset)
    return InvalidArgument("Onbekende regio '" + a.region + "': kies zuid-limburg, rotterdam of nl",
                           "region");
  const auto t0 = std::chrono::steady_clock::now();
  PASSEND_ASSIGN_OR_RETURN(auto modules, open(a.db));
  catalog::CatalogService& catalog = modules->catalog();
  PASSEND_RETURN_IF_ERROR(RefuseNonEmpty(catalog));
  generate::GenerateOptions options;
  options.region = *preset;
  options.seed = a.seed;
  options.progress = ProgressOf("generate");
  // The generated offers count as brought up to date at the start of the day (--as-of), so
  // the same seed on the same day gives the same data.
  if (a.as_of.empty()) {
    options.as_of = access::FormatUtc(std::chrono::floor<std::chrono::days>(access::SystemNow()));
  } else {
    auto t = access::ParseUtc(a.as_of);
    if (!t) return InvalidArgument("--as-of: gebruik JJJJ-MM-DD of JJJJ-MM-DDTuu:mm:ssZ", "as-of");
    options.as_of = access::FormatUtc(*t);
  }
  PASSEND_ASSIGN_OR_RETURN(domain::Dataset d, generate::Generate(options, modules->ref()));
  const double generated = SecondsSince(t0);
  // Counts and the data-quality report are taken before the import, so the data set moves
  // into it instead of being copied (330.000 clients for nl).
  const auto n = [](size_t v) { return static_cast<int64_t>(v); };
  const int64_t providers = n(d.providers.size()), locations = n(d.locations.size()),
                offers = n(d.offers.size()), clients = n(d.clients.size());
  // The data-quality report: generated against public figures (docs/generator.md).
  const std::string quality =
      generate::FormatQualityReport(generate::CheckQuality(d, *preset, refdata::BuiltIn()));
  auto written = catalog.Import(std::move(d), ProgressOf("generate"));
  if (!written.ok()) return written.error();
  using domain::CountNl;
  std::fprintf(
      stderr,
      "generate: regio %s, seed %llu: %s, %s, %s aanbod, %s in %s (%s, waarvan %s genereren)\n",
      a.region.c_str(), static_cast<unsigned long long>(a.seed),
      CountNl(providers, "aanbieder", "aanbieders").c_str(),
      CountNl(locations, "locatie", "locaties").c_str(), domain::IntegerNl(offers).c_str(),
      CountNl(clients, "cliënt", "cliënten").c_str(), store::DatabaseDisplayName(a.db).c_str(),
      domain::SecondsNl(SecondsSince(t0)).c_str(), domain::SecondsNl(generated).c_str());
  std::fputs(quality.c_str(), stdout);
  return Ok();
}

Status RunImport(const OpenModules& open, const std::string& db_path, const std::string& file) {
  std::string text;
  if (file == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    text = ss.str();
  } else {
    std::ifstream in(file, std::ios::binary);
    if (!in) return NotFound("Bestand '" + file + "' kan niet worden gelezen", "file");
    std::ostringstream ss;
    ss << in.rdbuf();
    text = ss.str();
  }
  // The whole file is parsed and validated before the database is opened for writing.
  PASSEND_ASSIGN_OR_RETURN(domain::Dataset d, interop::ParseNativeDocument(text));
  PASSEND_ASSIGN_OR_RETURN(auto modules, open(db_path));
  PASSEND_ASSIGN_OR_RETURN(catalog::ImportSummary s,
                           modules->catalog().Import(std::move(d), ProgressOf("import")));
  using domain::CountNl;
  std::fprintf(stderr, "import: %s, %s, %s aanbod, %s geïmporteerd\n",
               CountNl(s.providers, "aanbieder", "aanbieders").c_str(),
               CountNl(s.locations, "locatie", "locaties").c_str(),
               domain::IntegerNl(s.offers).c_str(),
               CountNl(s.clients, "cliënt", "cliënten").c_str());
  if (s.codes_updated > 0)
    std::fprintf(stderr, "import: %s gelezen als die van 2025\n",
                 CountNl(s.codes_updated, "oude gemeente- of zorgkantoorcode",
                         "oude gemeente- of zorgkantoorcodes")
                     .c_str());
  return Ok();
}

// Every record of the database as a native document on `out`; the counts on stderr, so
// the document on stdout stays clean.
Status WriteNative(catalog::CatalogService& catalog, std::ostream& out) {
  interop::NativeWriter w(out);
  PASSEND_ASSIGN_OR_RETURN(catalog::ExportSummary s,
                           catalog.Export({[&](const domain::Provider& p) { w.Add(p); },
                                           [&](const domain::Location& l) { w.Add(l); },
                                           [&](const domain::Offer& o) { w.Add(o); },
                                           [&](const domain::Client& c) { w.Add(c); }}));
  w.Finish();
  if (!out) return Unavailable("Schrijven van de export is mislukt");
  using domain::CountNl;
  std::fprintf(stderr, "export: %s, %s, %s aanbod, %s geëxporteerd\n",
               CountNl(s.providers, "aanbieder", "aanbieders").c_str(),
               CountNl(s.locations, "locatie", "locaties").c_str(),
               domain::IntegerNl(s.offers).c_str(),
               CountNl(s.clients, "cliënt", "cliënten").c_str());
  if (s.erased_left_out > 0)
    std::fprintf(stderr, "export: %s weggelaten (van hen is alleen het id over)\n",
                 CountNl(s.erased_left_out, "gewiste cliënt", "gewiste cliënten").c_str());
  return Ok();
}

Status RunExport(const OpenModules& open_existing, const std::string& db_path,
                 const std::string& out_path) {
  PASSEND_ASSIGN_OR_RETURN(auto modules, open_existing(db_path));
  catalog::CatalogService& catalog = modules->catalog();
  if (out_path.empty() || out_path == "-") return WriteNative(catalog, std::cout);
  // Write beside the target and rename, so a failed export leaves no half file.
  const std::string tmp = out_path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Unavailable("Kan '" + tmp + "' niet schrijven");
    Status s = WriteNative(catalog, out);
    if (!s.ok()) {
      out.close();
      std::filesystem::remove(tmp);
      return s;
    }
  }
  std::filesystem::rename(tmp, out_path);
  return Ok();
}

}  // namespace

void RegisterDataCommands(CLI::App& app, Invocation& inv) {
  auto* gen =
      app.add_subcommand("generate", "Genereer een realistische demoregio (verzonnen gegevens)");
  auto g = std::make_shared<GenerateArgs>();
  gen->add_option("--region", g->region, "zuid-limburg, rotterdam of nl")->capture_default_str();
  gen->add_option("--seed", g->seed, "Zelfde seed geeft dezelfde gegevens")->capture_default_str();
  gen->add_option("--as-of", g->as_of,
                  "Wanneer het aanbod het laatst is bijgewerkt (JJJJ-MM-DD of "
                  "JJJJ-MM-DDTuu:mm:ssZ); standaard het begin van vandaag");
  gen->add_option("--db", g->db, "SQLite-bestand of postgresql://-URI (nieuw of leeg)")->required();
  gen->callback([&inv, g] { inv.run = [&inv, g] { return RunGenerate(inv.open, *g); }; });

  auto* imp = app.add_subcommand("import", "Importeer een Passend-bestand (alles of niets)");
  auto db = std::make_shared<std::string>();
  auto file = std::make_shared<std::string>();
  imp->add_option("--db", *db, kDbHelp)->required();
  imp->add_option("file", *file, "Passend JSON-bestand, of - voor standaardinvoer")->required();
  imp->callback(
      [&inv, db, file] { inv.run = [&inv, db, file] { return RunImport(inv.open, *db, *file); }; });

  auto* exp = app.add_subcommand("export", "Exporteer de hele database als Passend-bestand");
  auto edb = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  exp->add_option("--db", *edb, kDbHelp)->required();
  exp->add_option("--out", *out, "Uitvoerbestand (standaard: standaarduitvoer)");
  exp->callback([&inv, edb, out] {
    inv.run = [&inv, edb, out] { return RunExport(inv.open_existing, *edb, *out); };
  });
}

}  // namespace passend::cli
