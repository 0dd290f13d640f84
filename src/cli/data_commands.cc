// passend generate | import | export: whole data sets in and out of a database.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/command.h"
#include "domain/dutch_number.h"
#include "generate/generator.h"
#include "generate/quality_report.h"
#include "interop/native_import.h"
#include "refdata/refdata.h"
#include "store/write_dataset.h"

namespace passend::cli {
namespace {

double SecondsSince(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

Status RefuseNonEmpty(store::Database& db) {
  PASSEND_ASSIGN_OR_RETURN(auto page, db.catalog().ListProviders({}, {"", 1}));
  PASSEND_ASSIGN_OR_RETURN(int64_t clients, db.clients().CountClients({}));
  if (!page.items.empty() || clients > 0)
    return FailedPrecondition("De database bevat al gegevens; genereer in een nieuw bestand");
  return Ok();
}

struct GenerateArgs {
  std::string region = "zuid-limburg";
  uint64_t seed = 42;
  std::string db;
};

Status RunGenerate(const GenerateArgs& a) {
  auto preset = generate::ParseRegionPreset(a.region);
  if (!preset)
    return InvalidArgument("Onbekende regio '" + a.region + "': kies zuid-limburg, rotterdam of nl",
                           "region");
  const auto t0 = std::chrono::steady_clock::now();
  PASSEND_ASSIGN_OR_RETURN(auto db, store::OpenDatabase(a.db));
  PASSEND_RETURN_IF_ERROR(RefuseNonEmpty(*db));
  generate::GenerateOptions options;
  options.region = *preset;
  options.seed = a.seed;
  options.progress = [](std::string_view stage, int64_t done, int64_t total) {
    Progress("generate: " + std::string(stage), done, total);
  };
  PASSEND_ASSIGN_OR_RETURN(domain::Dataset d, generate::Generate(options, refdata::BuiltIn()));
  const double generated = SecondsSince(t0);
  PASSEND_RETURN_IF_ERROR(
      store::WriteDataset(*db, d, [](std::string_view stage, int64_t done, int64_t total) {
        Progress("generate: " + std::string(stage), done, total);
      }));
  using domain::CountNl;
  const auto n = [](size_t v) { return static_cast<int64_t>(v); };
  std::fprintf(
      stderr,
      "generate: regio %s, seed %llu: %s, %s, %s aanbod, %s in %s (%s, waarvan %s genereren)\n",
      a.region.c_str(), static_cast<unsigned long long>(a.seed),
      CountNl(n(d.providers.size()), "aanbieder", "aanbieders").c_str(),
      CountNl(n(d.locations.size()), "locatie", "locaties").c_str(),
      domain::IntegerNl(n(d.offers.size())).c_str(),
      CountNl(n(d.clients.size()), "cliënt", "cliënten").c_str(),
      store::DatabaseDisplayName(a.db).c_str(), domain::SecondsNl(SecondsSince(t0)).c_str(),
      domain::SecondsNl(generated).c_str());
  // The data-quality report: generated against public figures (docs/generator.md).
  std::fputs(
      generate::FormatQualityReport(generate::CheckQuality(d, *preset, refdata::BuiltIn())).c_str(),
      stdout);
  return Ok();
}

Status RunImport(const std::string& db_path, const std::string& file) {
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
  PASSEND_ASSIGN_OR_RETURN(auto db, store::OpenDatabase(db_path));
  PASSEND_ASSIGN_OR_RETURN(
      interop::ImportSummary s,
      interop::ImportNative(text, *db, refdata::BuiltIn(),
                            [](std::string_view stage, int64_t done, int64_t total) {
                              Progress("import: " + std::string(stage), done, total);
                            }));
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

Status RunExport(const std::string& db_path, const std::string& out_path) {
  PASSEND_ASSIGN_OR_RETURN(auto db, store::OpenExistingDatabase(db_path));
  if (out_path.empty() || out_path == "-") return interop::ExportNative(*db, std::cout);
  // Write beside the target and rename, so a failed export leaves no half file.
  const std::string tmp = out_path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Unavailable("Kan '" + tmp + "' niet schrijven");
    Status s = interop::ExportNative(*db, out);
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
  gen->add_option("--db", g->db, "SQLite-bestand (nieuw of leeg)")->required();
  gen->callback([&inv, g] { inv.run = [g] { return RunGenerate(*g); }; });

  auto* imp = app.add_subcommand("import", "Importeer een Passend-bestand (alles of niets)");
  auto db = std::make_shared<std::string>();
  auto file = std::make_shared<std::string>();
  imp->add_option("--db", *db, "SQLite-bestand")->required();
  imp->add_option("file", *file, "Passend JSON-bestand, of - voor standaardinvoer")->required();
  imp->callback([&inv, db, file] { inv.run = [db, file] { return RunImport(*db, *file); }; });

  auto* exp = app.add_subcommand("export", "Exporteer de hele database als Passend-bestand");
  auto edb = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  exp->add_option("--db", *edb, "SQLite-bestand")->required();
  exp->add_option("--out", *out, "Uitvoerbestand (standaard: standaarduitvoer)");
  exp->callback([&inv, edb, out] { inv.run = [edb, out] { return RunExport(*edb, *out); }; });
}

}  // namespace passend::cli
