#pragma once
// CLI11 in Dutch: the help text ("Gebruik", "Opties", "Subcommando's"), the messages for a
// wrong command line, and one exit code for all of them (2, as for invalid input: see
// exit_codes.h). Call UseDutch on the root app before adding subcommands: CLI11 copies the
// formatter, the help flag and the failure message into every subcommand made afterwards.
#include <CLI/CLI.hpp>
#include <string>

namespace passend::cli {

void UseDutch(CLI::App& app);

// The Dutch text for one CLI11 parse error, without the hint to --help. With the app that
// failed to parse, an unknown subcommand is named and left-over words keep their order.
std::string DutchParseMessage(const CLI::Error& e, const CLI::App* app = nullptr);

// The exit code for a CLI11 parse error: 0 for --help and --version, else 2.
int CommandLineExitCode(const CLI::ParseError& e);

}  // namespace passend::cli
