#pragma once
// For suites that run on either backend (the API suites): PASSEND_TEST_BACKEND picks it,
//   unset or "sqlite"   SQLite, as the suite names it (a file, or ":memory:");
//   "postgres"          a new database on the PostgreSQL test server (CTest's `postgres`
//                       fixture, store/postgres/test_server.h), dropped when closed.
// CTest registers such a suite twice (passend_test's BOTH_BACKENDS option): NAME on SQLite
// and NAME_postgres on PostgreSQL. Test-only.
#include <memory>
#include <string>

#include "domain/error.h"
#include "store/database.h"
#include "store/tables.h"

namespace passend::store::testing {

// "sqlite" or "postgres"; kInvalidArgument for another PASSEND_TEST_BACKEND.
Result<std::string> TestBackend();

// A fresh, empty, migrated database on the chosen backend. On SQLite `sqlite_path` (it is
// created if missing); on PostgreSQL a database of its own on the test server, which is
// dropped when the returned object is destroyed. kUnavailable when PostgreSQL is chosen
// and there is no test server: the suite fails rather than passing without running.
Result<std::unique_ptr<Database>> OpenTestDatabase(const std::string& sqlite_path);

// The same with the database's plain tables (store/tables.h), for a suite that checks
// what is stored on either backend, e.g. that a request stored nothing.
Result<DatabaseWithTables> OpenTestDatabaseWithTables(const std::string& sqlite_path);

}  // namespace passend::store::testing
