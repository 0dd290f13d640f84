#include "store/sqlite/migrations.h"

#include <string>

namespace passend::embedded {
std::string_view migration_0001_sql();
std::string_view migration_0002_sql();
std::string_view migration_0003_sql();
std::string_view migration_0004_sql();
std::string_view migration_0005_sql();
std::string_view migration_0006_sql();
std::string_view migration_0007_sql();
std::string_view migration_0008_sql();
std::string_view migration_0009_sql();
std::string_view migration_0010_sql();
std::string_view migration_0011_sql();
std::string_view migration_0012_sql();
std::string_view migration_0013_sql();
std::string_view migration_0014_sql();
std::string_view migration_0015_sql();
}  // namespace passend::embedded

namespace passend::store::sqlite {

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> all = {
      {1, "catalog_and_clients", embedded::migration_0001_sql()},
      {2, "access", embedded::migration_0002_sql()},
      {3, "client_care_status", embedded::migration_0003_sql()},
      {4, "change_log", embedded::migration_0004_sql()},
      {5, "offer_temporary", embedded::migration_0005_sql()},
      {6, "consent_client_support", embedded::migration_0006_sql()},
      {7, "client_versions", embedded::migration_0007_sql()},
      {8, "offer_upkeep", embedded::migration_0008_sql()},
      {9, "provider_identity", embedded::migration_0009_sql()},
      {10, "provider_register", embedded::migration_0010_sql()},
      {11, "audit_source", embedded::migration_0011_sql()},
      {12, "offer_search", embedded::migration_0012_sql()},
      {13, "map_moments", embedded::migration_0013_sql()},
      {14, "catalogue_order", embedded::migration_0014_sql()},
      {15, "offer_quality", embedded::migration_0015_sql()},
  };
  return all;
}

Result<int> CurrentVersion(Connection& conn) {
  PASSEND_RETURN_IF_ERROR(
      conn.Exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at "
                "TEXT NOT NULL)"));
  PASSEND_ASSIGN_OR_RETURN(Statement st,
                           conn.Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_version"));
  PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
  return row ? static_cast<int>(st.Int(0)) : 0;
}

Status Migrate(Connection& conn) {
  PASSEND_ASSIGN_OR_RETURN(int current, CurrentVersion(conn));
  const auto& all = Migrations();
  const int newest = all.empty() ? 0 : all.back().version;
  if (current > newest)
    return FailedPrecondition("De database heeft schemaversie " + std::to_string(current) +
                              ", nieuwer dan deze Passend (" + std::to_string(newest) + ")");
  for (const Migration& m : all) {
    if (m.version <= current) continue;
    PASSEND_RETURN_IF_ERROR(conn.Exec("BEGIN IMMEDIATE"));
    Status s = conn.Exec(m.sql);
    if (s.ok())
      s = conn.Exec("INSERT INTO schema_version VALUES (" + std::to_string(m.version) +
                    ", strftime('%Y-%m-%dT%H:%M:%SZ','now'))");
    if (!s.ok()) {
      (void)conn.Exec("ROLLBACK");
      return Internal("Migratie " + std::to_string(m.version) + " (" + std::string(m.name) +
                      ") mislukt: " + s.error().message());
    }
    PASSEND_RETURN_IF_ERROR(conn.Exec("COMMIT"));
  }
  return Ok();
}

}  // namespace passend::store::sqlite
