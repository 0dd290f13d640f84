// Opening the database named on the command line. Today every path is an SQLite file;
// a PostgreSQL URL ("postgres://...") will be recognised here when that backend exists.
#include "cli/command.h"
#include "store/sqlite/sqlite_database.h"

namespace passend::cli {

Result<std::unique_ptr<store::Database>> OpenDatabase(const std::string& path) {
  if (path.rfind("postgres://", 0) == 0 || path.rfind("postgresql://", 0) == 0)
    return FailedPrecondition("PostgreSQL wordt nog niet ondersteund; gebruik een SQLite-bestand");
  return store::sqlite::OpenSqliteDatabase(path);
}

}  // namespace passend::cli
