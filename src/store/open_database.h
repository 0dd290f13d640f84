#pragma once
// OpenDatabase: the one place that picks a storage backend from what the user named, so
// that nothing outside store/ and app/ needs to know which backends exist.
//   "passend.db", "/var/lib/passend/x.db"   an SQLite file (created and migrated if missing)
//   ":memory:"                              a fresh, private in-memory SQLite database
//                                           (tests and demos; gone when closed)
//   "postgres://...", "postgresql://..."     PostgreSQL (store/postgres; the URI may add
//                                           ?pool_max=N, the connections per process)
// Errors: kInvalidArgument for an empty name (field "db"), kUnavailable when the database
// cannot be opened, kFailedPrecondition for a schema newer than this binary.
#include <memory>
#include <string>

#include "domain/error.h"
#include "store/database.h"
#include "store/tables.h"

namespace passend::store {

Result<std::unique_ptr<Database>> OpenDatabase(const std::string& path_or_uri);

// The same for a database that must exist already: kNotFound (field "db") for a missing
// SQLite file instead of creating one. (A PostgreSQL database is never created here.)
Result<std::unique_ptr<Database>> OpenExistingDatabase(const std::string& path_or_uri);

// The same as OpenDatabase, with the database's plain tables: for copying a whole
// installation (store/copy_database.h).
Result<DatabaseWithTables> OpenDatabaseWithTables(const std::string& path_or_uri);
Result<DatabaseWithTables> OpenExistingDatabaseWithTables(const std::string& path_or_uri);

// How to name the database to people and in logs: the path, or the URI without its
// password.
std::string DatabaseDisplayName(const std::string& path_or_uri);

}  // namespace passend::store
