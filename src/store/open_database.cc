#include "store/open_database.h"

#include "store/postgres/postgres_database.h"
#include "store/sqlite/sqlite_database.h"

namespace passend::store {
namespace {

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

Result<std::unique_ptr<Database>> OpenDatabase(const std::string& path_or_uri) {
  if (StartsWith(path_or_uri, "postgres://") || StartsWith(path_or_uri, "postgresql://"))
    return postgres::OpenPostgresDatabase(path_or_uri);
  return sqlite::OpenSqliteDatabase(path_or_uri);
}

}  // namespace passend::store
