#pragma once
// The one place that wires concrete classes: the storage backend (through store's
// factory, store::OpenDatabase), the reference data compiled into the binary, the system
// clock, and every module's service over them. cli/ sees only cli::Modules.
#include <memory>
#include <string>

#include "cli/command.h"

namespace passend::app {

// Opens (creating and migrating when needed) the database named by `db` and wires the
// modules over it. Errors as store::OpenDatabase.
Result<std::unique_ptr<cli::Modules>> OpenModules(const std::string& db,
                                                  const cli::ModuleOptions& options);
// The same for a database that must exist already (store::OpenExistingDatabase).
Result<std::unique_ptr<cli::Modules>> OpenExistingModules(const std::string& db,
                                                          const cli::ModuleOptions& options);

}  // namespace passend::app
