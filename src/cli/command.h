#pragma once
// How a command group joins the `passend` command line: each file in cli/ defines one
// Register*Commands function that adds its subcommands to the CLI11 app. A subcommand's
// callback returns a Status; main maps the error code to an exit code (exit_codes.h) and
// prints the message in Dutch on stderr.
#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <string>

#include "access/access_service.h"
#include "catalog/catalog_service.h"
#include "domain/error.h"
#include "domain/reference.h"
#include "intake/intake_service.h"
#include "store/database.h"
#include "store/open_database.h"

namespace passend::cli {

// The modules over one open database, wired by app/ (app/wiring.h): the backend from
// store's factory, the reference data, the clock and the services. A command parses its
// options, takes what it needs from here, calls it and prints; it never builds a service.
class Modules {
 public:
  virtual ~Modules() = default;
  virtual store::Database& db() = 0;  // schema version, health; the services use it
  virtual const domain::ReferenceData& ref() = 0;
  virtual access::Clock clock() = 0;
  virtual catalog::CatalogService& catalog() = 0;
  virtual intake::IntakeService& intake() = 0;
  virtual access::AccessService& access() = 0;
};

// The help text of every --db: a SQLite file or a PostgreSQL connection URI
// (store/open_database.h decides which).
inline constexpr const char* kDbHelp = "SQLite-bestand of postgresql://-URI";

// What a command may set on the modules it opens.
struct ModuleOptions {
  std::string audit_key;        // the access log's HMAC key (--audit-key); empty: unkeyed
  bool secure_cookies = false;  // session cookies with the Secure flag (serve behind HTTPS)
  // After how many days without an update an offer is "mogelijk verouderd"
  // (catalog::FreshnessRule): its free places and waits, and the rest.
  int outdated_places_days = 30;
  int outdated_details_days = 365;
};

// Opens the database named on the command line (a path or URI, store/open_database.h)
// with every module wired.
using OpenModulesFn = std::function<Result<std::unique_ptr<Modules>>(const std::string& db,
                                                                     const ModuleOptions& options)>;
class OpenModules {
 public:
  OpenModules() = default;
  OpenModules(OpenModulesFn fn) : fn_(std::move(fn)) {}  // NOLINT: set from app/ by name
  Result<std::unique_ptr<Modules>> operator()(const std::string& db,
                                              const ModuleOptions& options = {}) const {
    return fn_(db, options);
  }

 private:
  OpenModulesFn fn_;
};

// Set by a subcommand's option parsing, run by main after parsing succeeds. `open` and
// `open_existing` are set by app/ before parsing.
struct Invocation {
  std::function<Status()> run;
  OpenModules open;           // creates and migrates a missing SQLite file
  OpenModules open_existing;  // kNotFound when the database does not exist
};

// The key of the access log from `--audit-key FILE` (cli/audit_key.cc): kInvalidArgument
// (field "audit-key") when unreadable, readable by others or shorter than 32 bytes.
Result<std::string> ReadAuditKey(const std::string& path);
// A new random key in a new file (mode 0600); kAlreadyExists when the file exists.
Status WriteNewAuditKey(const std::string& path);

// Progress for long work, on stderr: "generate: clients 120000/330000 (36%)". Quiet
// when stderr is not a terminal unless `always` (CI logs stay short).
void Progress(const std::string& task, int64_t done, int64_t total);

// Every command group; each adds its subcommands and sets `inv.run` when chosen.
void RegisterDataCommands(CLI::App& app, Invocation& inv);    // generate, import, export
void RegisterServeCommand(CLI::App& app, Invocation& inv);    // serve
void RegisterMatchCommands(CLI::App& app, Invocation& inv);   // match, mismatch
void RegisterAccessCommands(CLI::App& app, Invocation& inv);  // user, audit, client
// client list, show, history: added to the `client` group RegisterAccessCommands makes.
void RegisterClientCommands(CLI::App& client, Invocation& inv);
// passend client export --format fhir: the current dossier as a FHIR R4 Bundle, to `out`
// or stdout (client_commands.cc; the `client export` of the AVG export calls it).
// Needs a reason (`op`, cli/operator.h): the export is written to the access log.
struct OperatorOptions;
Status ExportDossierFhir(const OpenModules& open, const std::string& db_path,
                         const std::string& audit_key_file, const OperatorOptions& op,
                         const std::string& client_id, const std::string& out);
void RegisterMigrateCommand(CLI::App& app, Invocation& inv);    // migrate-db
void RegisterLeidraadCommands(CLI::App& app, Invocation& inv);  // leidraad export

}  // namespace passend::cli
