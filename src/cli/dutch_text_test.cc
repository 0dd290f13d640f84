#include "cli/dutch_text.h"

#include <gtest/gtest.h>

#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace passend::cli {
namespace {

// A small command line like passend's: a subcommand with a required text option, a number
// option and a positional.
struct TestApp {
  CLI::App app{"Test", "passend"};
  std::string db, file;
  int seed = 1;
  TestApp() {
    UseDutch(app);
    app.require_subcommand(1);
    auto* sub = app.add_subcommand("import", "Importeer");
    sub->add_option("--db", db, "Bestand")->required();
    sub->add_option("--seed", seed, "Seed")->capture_default_str();
    sub->add_option("file", file, "Invoer");
  }
  // The error a command line gives; empty when it parses.
  std::string Fail(std::vector<std::string> args, int* exit_code) {
    std::vector<const char*> argv{"passend"};
    for (const auto& a : args) argv.push_back(a.c_str());
    try {
      app.parse(static_cast<int>(argv.size()), argv.data());
    } catch (const CLI::ParseError& e) {
      *exit_code = CommandLineExitCode(e);
      return DutchParseMessage(e, &app);
    }
    *exit_code = 0;
    return "";
  }
};

TEST(DutchTextTest, ParseErrorsAreDutchAndExitWithTwo) {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{}, "Kies een subcommando."},
      {{"import"}, "De optie --db is verplicht."},
      {{"import", "--db", "a.db", "--seed", "veel"}, "De waarde 'veel' past niet bij --seed."},
      {{"import", "--db", "a.db", "x", "y"}, "Onbekend op deze plek: y."},
      {{"importeer"}, "Onbekend subcommando: importeer."},
      {{"import", "--frob", "--db", "a.db", "x", "y"}, "Onbekend op deze plek: --frob y."},
      {{"import", "--db"}, "--db mist een waarde."},
  };
  for (const auto& c : cases) {
    TestApp t;
    int code = -1;
    EXPECT_EQ(t.Fail(c.args, &code), c.message) << c.args.size();
    EXPECT_EQ(code, 2);
  }
}

TEST(DutchTextTest, HelpExitsWithZero) {
  TestApp t;
  int code = -1;
  t.Fail({"import", "--help"}, &code);
  EXPECT_EQ(code, 0);
}

TEST(DutchTextTest, HelpHoldsNoEnglishLabels) {
  TestApp t;
  const std::string help = t.app.help() + t.app.get_subcommand("import")->help();
  for (const char* english : {"Usage", "Options", "OPTIONS", "Subcommands", "SUBCOMMAND",
                              "REQUIRED", "TEXT", "INT", "Print this help", "Positionals"}) {
    const std::regex word(std::string("\\b") + english + "\\b");
    EXPECT_FALSE(std::regex_search(help, word)) << english << " in\n" << help;
  }
  for (const char* dutch : {"Gebruik:", "Opties:", "Subcommando's:", "Toon deze hulp en stop",
                            "(verplicht)", "GETAL=1", "Argumenten:"}) {
    EXPECT_NE(help.find(dutch), std::string::npos) << dutch << " not in\n" << help;
  }
}

TEST(DutchTextTest, FailureMessagePointsAtTheSubcommandsHelp) {
  TestApp t;
  std::vector<const char*> argv{"passend", "import"};
  try {
    t.app.parse(2, argv.data());
    FAIL() << "parsed";
  } catch (const CLI::ParseError& e) {
    std::ostringstream out, err;
    t.app.exit(e, out, err);
    EXPECT_EQ(err.str(), "fout: De optie --db is verplicht.\nMeer uitleg: passend import --help\n");
  }
}

TEST(DutchTextTest, UnknownPhraseStillSaysInDutchWhatIsWrong) {
  const CLI::ValidationError e("--x", "Value 5 not in range [1 - 3]");
  EXPECT_EQ(DutchParseMessage(e),
            "Deze opdrachtregel klopt niet (--x: Value 5 not in range [1 - 3]).");
}

}  // namespace
}  // namespace passend::cli
