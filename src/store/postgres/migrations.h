#pragma once
// The numbered schema migrations of the PostgreSQL backend, compiled into the binary:
// the same steps as the SQLite backend's, written in PostgreSQL's dialect.
#include <string_view>
#include <vector>

#include "domain/error.h"
#include "store/postgres/connection.h"

namespace passend::store::postgres {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// All migrations in version order.
const std::vector<Migration>& Migrations();

// Applies every migration newer than the database's version, each in its own
// transaction together with the version bump, under a session advisory lock so that
// processes starting together migrate once. Refuses a database newer than this binary.
Status Migrate(Connection& conn);

// The version recorded in the database (0 for an empty one).
Result<int> CurrentVersion(Connection& conn);

}  // namespace passend::store::postgres
