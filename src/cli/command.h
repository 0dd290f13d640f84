#pragma once
// How a command group joins the `passend` command line: each file in cli/ defines one
// Register*Commands function that adds its subcommands to the CLI11 app. A subcommand's
// callback returns a Status; main maps the error code to an exit code (exit_codes.h) and
// prints the message in Dutch on stderr.
#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <string>

#include "domain/error.h"
#include "store/open_database.h"

namespace passend::cli {

// Set by a subcommand's option parsing, run by main after parsing succeeds.
struct Invocation {
  std::function<Status()> run;
};

// Progress for long work, on stderr: "generate: clients 120000/330000 (36%)". Quiet
// when stderr is not a terminal unless `always` (CI logs stay short).
void Progress(const std::string& task, int64_t done, int64_t total);

// Every command group; each adds its subcommands and sets `inv.run` when chosen.
void RegisterDataCommands(CLI::App& app, Invocation& inv);    // generate, import, export
void RegisterServeCommand(CLI::App& app, Invocation& inv);    // serve
void RegisterMatchCommands(CLI::App& app, Invocation& inv);   // match, mismatch
void RegisterAccessCommands(CLI::App& app, Invocation& inv);  // user, audit

}  // namespace passend::cli
