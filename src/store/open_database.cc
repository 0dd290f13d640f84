#include "store/open_database.h"

#include "store/sqlite/sqlite_database.h"

namespace passend::store {
namespace {

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

Result<std::unique_ptr<Database>> OpenDatabase(const std::string& path_or_uri) {
  if (StartsWith(path_or_uri, "postgres://") || StartsWith(path_or_uri, "postgresql://"))
    return FailedPrecondition(
        "Deze versie van Passend kan niet met PostgreSQL werken. Gebruik een SQLite-bestand.");
  return sqlite::OpenSqliteDatabase(path_or_uri);
}

}  // namespace passend::store
