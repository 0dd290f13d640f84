#include "store/postgres/migrations.h"

#include <string>

namespace passend::embedded {
std::string_view pg_migration_0001_sql();
std::string_view pg_migration_0002_sql();
std::string_view pg_migration_0003_sql();
std::string_view pg_migration_0004_sql();
std::string_view pg_migration_0005_sql();
std::string_view pg_migration_0006_sql();
std::string_view pg_migration_0007_sql();
std::string_view pg_migration_0008_sql();
std::string_view pg_migration_0009_sql();
std::string_view pg_migration_0010_sql();
std::string_view pg_migration_0011_sql();
std::string_view pg_migration_0012_sql();
std::string_view pg_migration_0013_sql();
std::string_view pg_migration_0014_sql();
std::string_view pg_migration_0015_sql();
}  // namespace passend::embedded

namespace passend::store::postgres {
namespace {

// Session advisory lock held while migrating ('pmig').
constexpr const char* kMigrateLock = "SELECT pg_advisory_lock(1886218599)";
constexpr const char* kMigrateUnlock = "SELECT pg_advisory_unlock(1886218599)";

Status MigrateLocked(Connection& conn) {
  PASSEND_RETURN_IF_ERROR(
      conn.Exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, "
                "applied_at TEXT NOT NULL)"));
  PASSEND_ASSIGN_OR_RETURN(int current, CurrentVersion(conn));
  const auto& all = Migrations();
  const int newest = all.empty() ? 0 : all.back().version;
  if (current > newest)
    return FailedPrecondition("De database heeft schemaversie " + std::to_string(current) +
                              ", nieuwer dan deze Passend (" + std::to_string(newest) + ")");
  for (const Migration& m : all) {
    if (m.version <= current) continue;
    PASSEND_RETURN_IF_ERROR(conn.Exec("BEGIN"));
    Status s = conn.Exec(m.sql);
    if (s.ok())
      s = conn.Exec("INSERT INTO schema_version VALUES (" + std::to_string(m.version) +
                    ", to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))");
    if (!s.ok()) {
      (void)conn.Exec("ROLLBACK");
      return Internal("Migratie " + std::to_string(m.version) + " (" + std::string(m.name) +
                      ") mislukt: " + s.error().message());
    }
    PASSEND_RETURN_IF_ERROR(conn.Exec("COMMIT"));
  }
  return Ok();
}

}  // namespace

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> all = {
      {1, "catalog_and_clients", embedded::pg_migration_0001_sql()},
      {2, "access", embedded::pg_migration_0002_sql()},
      {3, "client_care_status", embedded::pg_migration_0003_sql()},
      {4, "offer_temporary", embedded::pg_migration_0004_sql()},
      {5, "change_log", embedded::pg_migration_0005_sql()},
      {6, "consent_client_support", embedded::pg_migration_0006_sql()},
      {7, "client_versions", embedded::pg_migration_0007_sql()},
      {8, "offer_upkeep", embedded::pg_migration_0008_sql()},
      {9, "provider_identity", embedded::pg_migration_0009_sql()},
      {10, "provider_register", embedded::pg_migration_0010_sql()},
      {11, "audit_source", embedded::pg_migration_0011_sql()},
      {12, "offer_search", embedded::pg_migration_0012_sql()},
      {13, "map_moments", embedded::pg_migration_0013_sql()},
      {14, "catalogue_order", embedded::pg_migration_0014_sql()},
      {15, "offer_quality", embedded::pg_migration_0015_sql()},
  };
  return all;
}

Result<int> CurrentVersion(Connection& conn) {
  // Read-only, so it also works on a replica.
  PASSEND_ASSIGN_OR_RETURN(Rows exists,
                           conn.Query("SELECT to_regclass('schema_version') IS NOT NULL"));
  if (exists.empty() || exists[0].View(0) != "t") return 0;
  PASSEND_ASSIGN_OR_RETURN(Rows rows,
                           conn.Query("SELECT COALESCE(MAX(version), 0) FROM schema_version"));
  return rows.empty() ? 0 : static_cast<int>(rows[0].Int(0));
}

Status Migrate(Connection& conn) {
  PASSEND_RETURN_IF_ERROR(conn.Exec(kMigrateLock));
  Status s = MigrateLocked(conn);
  (void)conn.Exec(kMigrateUnlock);
  return s;
}

}  // namespace passend::store::postgres
