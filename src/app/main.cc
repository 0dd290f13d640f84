// passend: the command line. Wires the command groups of cli/ into one CLI11 app with the
// modules of app/wiring.h, runs the chosen command and maps its error to an exit code
// (cli/exit_codes.h); CLI11 speaks Dutch and a wrong command line exits with 2
// (cli/dutch_text.h).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>

#include "app/wiring.h"
#include "cli/command.h"
#include "cli/dutch_text.h"
#include "cli/exit_codes.h"

int main(int argc, char** argv) {
  using namespace passend;
  CLI::App app{"Passend: zorg die past bij wat iemand belangrijk vindt (Wlz)", "passend"};
  cli::UseDutch(app);
  app.require_subcommand(1);
  app.set_version_flag("--version", "passend 0.1.0", "Toon het versienummer en stop");
  cli::Invocation inv;
  inv.open = cli::OpenModules(passend::app::OpenModules);
  inv.open_existing = cli::OpenModules(passend::app::OpenExistingModules);
  cli::RegisterDataCommands(app, inv);
  cli::RegisterMigrateCommand(app, inv);
  cli::RegisterServeCommand(app, inv);
  cli::RegisterMatchCommands(app, inv);
  cli::RegisterAccessCommands(app, inv);
  cli::RegisterLeidraadCommands(app, inv);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return cli::CommandLineExitCode(e);
  }
  if (!inv.run) return 0;
  try {
    Status s = inv.run();
    if (!s.ok()) {
      std::fprintf(stderr, "fout: %s%s%s\n", s.error().message().c_str(),
                   s.error().field().empty() ? "" : " (veld: ",
                   s.error().field().empty() ? "" : (s.error().field() + ")").c_str());
      return cli::ExitCode(s.error().code());
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "interne fout: %s\n", e.what());
    return cli::ExitCode(ErrorCode::kInternal);
  }
  return 0;
}
