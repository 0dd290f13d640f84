// passend leidraad export --format fhir [--out FILE]: the guideline for clarifying a
// client's question (data/leidraad*.csv) as a FHIR R4 Questionnaire (docs/fhir.md). Needs
// no database: the guideline is reference data, compiled in.
#include <cstdio>
#include <fstream>
#include <memory>

#include "cli/command.h"
#include "interop/fhir_questionnaire.h"
#include "refdata/refdata.h"

namespace passend::cli {
namespace {

struct LeidraadOptions {
  std::string format = "fhir";
  std::string out;
};

Status Export(const LeidraadOptions& o) {
  if (o.format != "fhir") return InvalidArgument("--format: fhir.", "format");
  const std::string text =
      interop::fhir::LeidraadQuestionnaire(refdata::BuiltInLeidraad(), refdata::BuiltIn()).dump(2) +
      "\n";
  if (o.out.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return Ok();
  }
  std::ofstream file(o.out, std::ios::binary);
  file << text;
  file.close();
  if (!file) return Unavailable("Kan " + o.out + " niet schrijven.");
  return Ok();
}

}  // namespace

void RegisterLeidraadCommands(CLI::App& app, Invocation& inv) {
  CLI::App* leidraad =
      app.add_subcommand("leidraad", "De leidraad voor vraagverheldering (docs/fhir.md)");
  leidraad->require_subcommand(1);
  auto o = std::make_shared<LeidraadOptions>();
  CLI::App* exp = leidraad->add_subcommand("export", "De leidraad als FHIR R4 Questionnaire");
  exp->add_option("--format", o->format, "Het formaat: fhir (FHIR R4, JSON)")
      ->capture_default_str();
  exp->add_option("--out", o->out, "Schrijf naar dit bestand in plaats van naar stdout");
  exp->callback([o, &inv] { inv.run = [o] { return Export(*o); }; });
}

}  // namespace passend::cli
