#include "cli/dutch_text.h"

#include <regex>
#include <utility>
#include <vector>

#include "cli/exit_codes.h"

namespace passend::cli {
namespace {

// CLI11's help formatter with Dutch labels, and without the English lines its
// make_description adds for required subcommands and option counts.
class DutchFormatter : public CLI::Formatter {
 public:
  DutchFormatter() {
    label("Usage", "Gebruik");
    label("OPTIONS", "OPTIES");
    label("SUBCOMMAND", "SUBCOMMANDO");
    label("SUBCOMMANDS", "SUBCOMMANDO'S");
    label("Positionals", "Argumenten");
    label("REQUIRED", "(verplicht)");
    label("TEXT", "TEKST");
    label("INT", "GETAL");
    label("UINT", "GETAL");
    label("FLOAT", "GETAL");
    label("Env", "Omgevingsvariabele");
    label("Needs", "Vereist");
    label("Excludes", "Niet samen met");
    column_width(34);
  }
  // "Options" stays the group's name inside CLI11 (each subcommand's help flag is made in
  // it before any default could change), so the heading is translated here.
  std::string make_group(std::string group, bool is_positional,
                         std::vector<const CLI::Option*> opts) const override {
    if (group == "Options") group = "Opties";
    return CLI::Formatter::make_group(std::move(group), is_positional, std::move(opts));
  }
  std::string make_description(const CLI::App* app) const override {
    const std::string desc = app->get_description();
    return desc.empty() ? std::string{} : desc + "\n";
  }
};

// CLI11 builds its messages in English from fixed phrases; each pattern below matches one
// phrase (CLI11 2.1, include/CLI/Error.hpp) and gives the Dutch sentence.
const std::vector<std::pair<std::regex, std::string>>& Phrases() {
  static const auto* phrases = new std::vector<std::pair<std::regex, std::string>>{
      {std::regex("^Requires at least (\\d+) subcommands?$"), "Kies een subcommando."},
      {std::regex("^A subcommand is required$"), "Kies een subcommando."},
      {std::regex("^(\\S+) is required$"), "De optie $1 is verplicht."},
      {std::regex("^Could not convert: (\\S+) = (.*)$"), "De waarde '$2' past niet bij $1."},
      {std::regex("^The value (.*) is not an allowed value for (\\S+)$"),
       "De waarde '$1' is niet toegestaan bij $2."},
      {std::regex("^(\\S+): too many inputs for a flag$"), "$1 neemt geen waarde."},
      {std::regex("^(\\S+): Should be true/false or a number$"),
       "$1 verwacht true, false of een getal."},
      {std::regex("^The following arguments? (?:was|were) not expected: (.*)$"),
       "Onbekend op deze plek: $1."},
      {std::regex("^Expected exactly (\\d+) arguments? to (\\S+), got (\\d+)$"),
       "$2 verwacht $1 waarde(n), maar kreeg er $3."},
      {std::regex("^Expected at least (\\d+) arguments? to (\\S+), got (\\d+)$"),
       "$2 verwacht minstens $1 waarde(n), maar kreeg er $3."},
      {std::regex("^(\\S+): At least (\\d+) required but received (\\d+)$"),
       "$1 verwacht minstens $2 waarde(n), maar kreeg er $3."},
      {std::regex("^(\\S+): At Most (\\d+) required but received (\\d+)$"),
       "$1 verwacht hoogstens $2 waarde(n), maar kreeg er $3."},
      {std::regex("^(\\S+): (\\d+) required (\\S+) missing$"), "$1 mist een waarde."},
      {std::regex("^(\\S+) requires (\\S+)$"), "$1 kan alleen samen met $2."},
      {std::regex("^(\\S+) excludes (\\S+)$"), "$1 en $2 gaan niet samen."},
      {std::regex("^(\\S+) was not readable \\(missing\\?\\)$"), "Kan $1 niet lezen."},
      {std::regex("^(\\S+) not found$"), "Onbekende optie: $1."},
  };
  return *phrases;
}

// The deepest chosen subcommand: the one whose command line went wrong.
const CLI::App* Deepest(const CLI::App* app) {
  const CLI::App* at = app;
  for (auto chosen = at->get_subcommands(); !chosen.empty(); chosen = at->get_subcommands()) {
    at = chosen.front();
  }
  return at;
}

std::string HelpHint(const CLI::App* app) {
  // The deepest chosen subcommand, so the hint points at the help that explains the mistake.
  std::string path = app->get_name().empty() ? "passend" : app->get_name();
  for (const CLI::App* at = app; at != Deepest(at);) {
    at = at->get_subcommands().front();
    path += " " + at->get_name();
  }
  return "Meer uitleg: " + path + " --help\n";
}

std::string Joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace

std::string DutchParseMessage(const CLI::Error& e, const CLI::App* app) {
  // Two messages are better told from the parsed command line than from CLI11's phrase: a
  // word where a subcommand belongs is named (CLI11 only says one is required), and words
  // left over are listed in the order typed (CLI11's message lists them backwards).
  if (app != nullptr) {
    const CLI::App* at = Deepest(app);
    const std::vector<std::string> left = at->remaining();
    if (!left.empty() && at->get_require_subcommand_min() > 0 && at->get_subcommands().empty()) {
      return "Onbekend subcommando: " + left.front() + ".";
    }
    if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr && !left.empty()) {
      return "Onbekend op deze plek: " + Joined(left) + ".";
    }
  }
  const std::string english = e.what();
  for (const auto& [pattern, dutch] : Phrases()) {
    if (std::regex_match(english, pattern)) return std::regex_replace(english, pattern, dutch);
  }
  // A phrase not in the table (a validator's own text): say in Dutch what went wrong and
  // keep the detail, which names the option.
  return "Deze opdrachtregel klopt niet (" + english + ").";
}

void UseDutch(CLI::App& app) {
  app.formatter(std::make_shared<DutchFormatter>());
  app.set_help_flag("-h,--help", "Toon deze hulp en stop");
  app.group("Subcommando's");
  app.failure_message([](const CLI::App* a, const CLI::Error& e) {
    return "fout: " + DutchParseMessage(e, a) + "\n" + HelpHint(a);
  });
}

int CommandLineExitCode(const CLI::ParseError& e) {
  if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) return 0;
  return ExitCode(ErrorCode::kInvalidArgument);
}

}  // namespace passend::cli
