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
#include "cli/operator.h"
#include "domain/dutch_number.h"
#include "generate/generator.h"
#include "generate/quality_report.h"
#include "interop/catalog_csv.h"
#include "interop/fhir_directory.h"
#include "interop/hsds.h"
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

// The formats of import and export: Passend's own, and the field's (docs/formats.md).
enum class FileFormat { kNative, kCsv, kHsds, kFhir };

Result<FileFormat> ParseFileFormat(const std::string& name) {
  if (name == "passend" || name == "json") return FileFormat::kNative;
  if (name == "csv") return FileFormat::kCsv;
  if (name == "hsds") return FileFormat::kHsds;
  if (name == "fhir") return FileFormat::kFhir;
  return InvalidArgument("Onbekend formaat '" + name + "': kies passend, csv, hsds of fhir",
                         "format");
}

// Import and export read or write every dossier in them: each is written to the access
// log with who ran the command and why (--as, --reason: cli/operator.h). Generate makes up
// its clients and logs none.
struct ImportArgs {
  std::string db, file, format = "passend", audit_key_file;
  bool valid_only = false;
  OperatorOptions op;
};

void AddLogOptions(CLI::App* cmd, std::string& audit_key_file, OperatorOptions& op) {
  cmd->add_option("--audit-key", audit_key_file,
                  "Sleutelbestand van het toegangslog (buiten de database; docs/access.md)");
  AddOperatorOptions(cmd, op);
}

Result<std::string> ReadInput(const std::string& file) {
  std::ostringstream ss;
  if (file == "-") {
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return NotFound("Bestand '" + file + "' kan niet worden gelezen", "file");
  ss << in.rdbuf();
  return ss.str();
}

// A file of the field's formats: every problem on stderr; without --valid-only any
// problem means nothing is written.
Result<domain::Dataset> CheckFieldFormat(interop::FormatImport read, bool valid_only) {
  for (const auto& p : read.problems)
    std::fprintf(stderr, "import: %s\n", interop::FormatProblem(p).c_str());
  if (!read.problems.empty() && !valid_only)
    return InvalidArgument(
        domain::CountNl(static_cast<int64_t>(read.problems.size()), "probleem", "problemen") +
            " gevonden; er is niets geïmporteerd (--valid-only importeert de goede records)",
        read.problems.front().record);
  if (read.records_left_out > 0)
    std::fprintf(stderr, "import: %s van %s overgeslagen (--valid-only)\n",
                 domain::IntegerNl(read.records_left_out).c_str(),
                 domain::IntegerNl(read.records_read).c_str());
  return std::move(read.dataset);
}

Status RunImport(const OpenModules& open, const ImportArgs& a) {
  PASSEND_ASSIGN_OR_RETURN(FileFormat format, ParseFileFormat(a.format));
  if (a.valid_only && format == FileFormat::kNative)
    return InvalidArgument(
        "--valid-only geldt voor csv, hsds en fhir; een Passend-bestand gaat heel of niet",
        "valid-only");
  PASSEND_ASSIGN_OR_RETURN(std::string text, ReadInput(a.file));
  // The whole file is parsed and validated before the database is opened for writing.
  domain::Dataset d;
  if (format == FileFormat::kNative) {
    PASSEND_ASSIGN_OR_RETURN(d, interop::ParseNativeDocument(text));
  } else {
    const domain::ReferenceData& ref = refdata::BuiltIn();
    interop::FormatImport read = format == FileFormat::kCsv ? interop::ParseCatalogCsv(text, ref)
                                 : format == FileFormat::kHsds
                                     ? interop::ParseHsds(text, ref)
                                     : interop::ParseFhirDirectory(text, ref);
    PASSEND_ASSIGN_OR_RETURN(d, CheckFieldFormat(std::move(read), a.valid_only));
  }
  std::vector<std::string> dossiers;
  for (const auto& c : d.clients) dossiers.push_back(c.id);
  if (!dossiers.empty()) {
    PASSEND_RETURN_IF_ERROR(RequireReason(a.op, "dossiers inleest"));
  }
  PASSEND_ASSIGN_OR_RETURN(auto modules, OpenKeyed(open, a.db, a.audit_key_file));
  if (!dossiers.empty()) {
    // Logged before the write, as the API's policy does: a failed import stays in the log
    // as an attempt, and no import is missing from it.
    PASSEND_ASSIGN_OR_RETURN(access::Principal who, Operator(*modules, a.op));
    PASSEND_RETURN_IF_ERROR(LogClients(*modules, who, dossiers, "dossier", "import", a.op.reason));
  }
  PASSEND_ASSIGN_OR_RETURN(catalog::ImportSummary s,
                           modules->catalog().Import(std::move(d), ProgressOf("import")));
  using domain::CountNl;
  std::fprintf(stderr, "import: %s, %s, %s aanbod, %s geïmporteerd\n",
               CountNl(s.providers, "aanbieder", "aanbieders").c_str(),
               CountNl(s.locations, "locatie", "locaties").c_str(),
               domain::IntegerNl(s.offers).c_str(),
               CountNl(s.clients, "cliënt", "cliënten").c_str());
  if (s.providers_recognised > 0)
    std::fprintf(stderr, "import: %s herkend aan AGB-code, KvK-nummer of URA\n",
                 CountNl(s.providers_recognised, "aanbieder", "aanbieders").c_str());
  if (s.codes_updated > 0)
    std::fprintf(stderr, "import: %s gelezen als die van 2025\n",
                 CountNl(s.codes_updated, "oude gemeente- of zorgkantoorcode",
                         "oude gemeente- of zorgkantoorcodes")
                     .c_str());
  return Ok();
}

// Every record of the database as a native document on `out`; the counts on stderr, so
// the document on stdout stays clean. The ids of the dossiers written go to `dossiers`.
Status WriteNative(catalog::CatalogService& catalog, std::ostream& out,
                   std::vector<std::string>& dossiers) {
  interop::NativeWriter w(out);
  PASSEND_ASSIGN_OR_RETURN(catalog::ExportSummary s,
                           catalog.Export({[&](const domain::Provider& p) { w.Add(p); },
                                           [&](const domain::Location& l) { w.Add(l); },
                                           [&](const domain::Offer& o) { w.Add(o); },
                                           [&](const domain::Client& c) {
                                             w.Add(c);
                                             dossiers.push_back(c.id);
                                           }}));
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

// The catalogue (providers, locations, offers) as CSV; clients are no part of it.
Status WriteCsv(catalog::CatalogService& catalog, const domain::ReferenceData& ref,
                std::ostream& out) {
  interop::CatalogCsvWriter w(out, ref);
  PASSEND_ASSIGN_OR_RETURN(
      catalog::ExportSummary s,
      catalog.Export({[&](const domain::Provider& p) { w.Add(p); },
                      [&](const domain::Location& l) { w.Add(l); },
                      [&](const domain::Offer& o) { w.Add(o); }, [](const domain::Client&) {}}));
  w.Finish();
  if (!out) return Unavailable("Schrijven van de export is mislukt");
  using domain::CountNl;
  std::fprintf(stderr, "export: %s, %s, %s aanbod geëxporteerd als CSV\n",
               CountNl(s.providers, "aanbieder", "aanbieders").c_str(),
               CountNl(s.locations, "locatie", "locaties").c_str(),
               domain::IntegerNl(s.offers).c_str());
  return Ok();
}

// The catalogue as one HSDS 3.0 page of organizations (interop/hsds.h), or as one FHIR
// Bundle of the care-services directory (interop/fhir_directory.h).
template <typename Writer>
Status WriteDocument(catalog::CatalogService& catalog, const domain::ReferenceData& ref,
                     std::ostream& out, const char* name) {
  Writer w(ref);
  PASSEND_ASSIGN_OR_RETURN(
      catalog::ExportSummary s,
      catalog.Export({[&](const domain::Provider& p) { w.Add(p); },
                      [&](const domain::Location& l) { w.Add(l); },
                      [&](const domain::Offer& o) { w.Add(o); }, [](const domain::Client&) {}}));
  out << w.Finish();
  if (!out) return Unavailable("Schrijven van de export is mislukt");
  using domain::CountNl;
  std::fprintf(stderr, "export: %s, %s, %s aanbod geëxporteerd als %s\n",
               CountNl(s.providers, "aanbieder", "aanbieders").c_str(),
               CountNl(s.locations, "locatie", "locaties").c_str(),
               domain::IntegerNl(s.offers).c_str(), name);
  return Ok();
}

struct ExportArgs {
  std::string db, out, format = "passend", audit_key_file;
  OperatorOptions op;
};

Status RunExport(const OpenModules& open_existing, const ExportArgs& a) {
  const std::string& out_path = a.out;
  PASSEND_ASSIGN_OR_RETURN(FileFormat format, ParseFileFormat(a.format));
  PASSEND_ASSIGN_OR_RETURN(auto modules, OpenKeyed(open_existing, a.db, a.audit_key_file));
  if (format == FileFormat::kNative) {  // csv, hsds and fhir hold the catalogue only
    PASSEND_ASSIGN_OR_RETURN(int64_t clients, modules->intake().CountClients({}));
    if (clients > 0) {
      PASSEND_RETURN_IF_ERROR(RequireReason(a.op, "alle dossiers uitvoert"));
    }
  }
  PASSEND_ASSIGN_OR_RETURN(access::Principal who, Operator(*modules, a.op));
  catalog::CatalogService& catalog = modules->catalog();
  // Every dossier written is logged: to a file before it gets its name, so there is no
  // export the log does not hold.
  std::vector<std::string> dossiers;
  auto log = [&]() -> Status {
    if (dossiers.empty()) return Ok();
    return LogClients(*modules, who, dossiers, "dossier", "export", a.op.reason);
  };
  const domain::ReferenceData& ref = modules->ref();
  auto write = [&](std::ostream& out) {
    switch (format) {
      case FileFormat::kCsv: return WriteCsv(catalog, ref, out);
      case FileFormat::kHsds:
        return WriteDocument<interop::HsdsWriter>(catalog, ref, out, "HSDS 3.0");
      case FileFormat::kFhir:
        return WriteDocument<interop::FhirDirectoryWriter>(catalog, ref, out, "FHIR-Bundle");
      case FileFormat::kNative: break;
    }
    return WriteNative(catalog, out, dossiers);
  };
  if (out_path.empty() || out_path == "-") {
    PASSEND_RETURN_IF_ERROR(write(std::cout));
    return log();
  }
  // Write beside the target and rename, so a failed export leaves no half file.
  const std::string tmp = out_path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Unavailable("Kan '" + tmp + "' niet schrijven");
    Status s = write(out);
    if (s.ok()) s = log();
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

  auto* imp = app.add_subcommand(
      "import",
      "Importeer een Passend-bestand, of het aanbod als CSV, HSDS of FHIR (alles of niets)");
  auto ia = std::make_shared<ImportArgs>();
  imp->add_option("--db", ia->db, kDbHelp)->required();
  imp->add_option("--format", ia->format,
                  "passend (standaard), csv, hsds of fhir (docs/formats.md)");
  imp->add_flag("--valid-only", ia->valid_only,
                "Importeer de goede records en meld de rest (csv, hsds, fhir)");
  imp->add_option("file", ia->file, "Het bestand, of - voor standaardinvoer")->required();
  AddLogOptions(imp, ia->audit_key_file, ia->op);
  imp->callback([&inv, ia] { inv.run = [&inv, ia] { return RunImport(inv.open, *ia); }; });

  auto* exp = app.add_subcommand("export", "Exporteer de hele database als Passend-bestand");
  auto ea = std::make_shared<ExportArgs>();
  exp->add_option("--db", ea->db, kDbHelp)->required();
  exp->add_option("--out", ea->out, "Uitvoerbestand (standaard: standaarduitvoer)");
  exp->add_option("--format", ea->format,
                  "passend (standaard, alles), csv, hsds of fhir (het aanbod, docs/formats.md)");
  AddLogOptions(exp, ea->audit_key_file, ea->op);
  exp->callback([&inv, ea] { inv.run = [&inv, ea] { return RunExport(inv.open_existing, *ea); }; });
}

}  // namespace passend::cli
