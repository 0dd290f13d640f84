#pragma once
// The numbered schema migrations of the SQLite backend, compiled into the binary.
#include <string_view>
#include <vector>

#include "domain/error.h"
#include "store/sqlite/connection.h"

namespace passend::store::sqlite {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// All migrations in version order.
const std::vector<Migration>& Migrations();

// Applies every migration newer than the database's version, each in its own
// transaction together with the version bump. Refuses a database newer than this binary.
Status Migrate(Connection& conn);

// The version recorded in the database (0 for an empty one).
Result<int> CurrentVersion(Connection& conn);

}  // namespace passend::store::sqlite
