#include "store/open_database.h"

#include <filesystem>

#include "store/postgres/postgres_database.h"
#include "store/sqlite/sqlite_database.h"

namespace passend::store {
namespace {

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

bool IsPostgres(const std::string& s) {
  return StartsWith(s, "postgres://") || StartsWith(s, "postgresql://");
}

// kNotFound for an SQLite file that is not there (OpenDatabase would create it).
Status MustExist(const std::string& path_or_uri) {
  if (!IsPostgres(path_or_uri) && path_or_uri != sqlite::kInMemory &&
      !std::filesystem::exists(path_or_uri))
    return NotFound("Database '" + path_or_uri + "' bestaat niet", "db");
  return Ok();
}

}  // namespace

Result<std::unique_ptr<Database>> OpenDatabase(const std::string& path_or_uri) {
  if (IsPostgres(path_or_uri)) return postgres::OpenPostgresDatabase(path_or_uri);
  return sqlite::OpenSqliteDatabase(path_or_uri);
}

Result<std::unique_ptr<Database>> OpenExistingDatabase(const std::string& path_or_uri) {
  PASSEND_RETURN_IF_ERROR(MustExist(path_or_uri));
  return OpenDatabase(path_or_uri);
}

Result<DatabaseWithTables> OpenDatabaseWithTables(const std::string& path_or_uri) {
  if (IsPostgres(path_or_uri)) return postgres::OpenPostgresDatabaseWithTables(path_or_uri);
  return sqlite::OpenSqliteDatabaseWithTables(path_or_uri);
}

Result<DatabaseWithTables> OpenExistingDatabaseWithTables(const std::string& path_or_uri) {
  PASSEND_RETURN_IF_ERROR(MustExist(path_or_uri));
  return OpenDatabaseWithTables(path_or_uri);
}

std::string DatabaseDisplayName(const std::string& path_or_uri) {
  return IsPostgres(path_or_uri) ? postgres::RedactUri(path_or_uri) : path_or_uri;
}

}  // namespace passend::store
