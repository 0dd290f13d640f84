// Migrations that change data, checked on a database made at the version before them.
#include "store/sqlite/migrations.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "store/sqlite/sqlite_database.h"

namespace passend::store::sqlite {
namespace {

namespace a = passend::access;

class MigrationsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("passend-migrations-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    std::filesystem::remove(path_);
  }
  void TearDown() override {
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + ext);
  }
  // A database file with the migrations before `version` applied, then `sql` run on it.
  void MakeAtVersionBefore(int version, const std::string& sql) {
    auto conn = Connection::Open(path_.string());
    ASSERT_TRUE(conn.ok()) << conn.error().ToString();
    ASSERT_TRUE((*conn)
                    ->Exec("CREATE TABLE schema_version (version INTEGER NOT NULL, "
                           "applied_at TEXT NOT NULL)")
                    .ok());
    for (const Migration& m : Migrations()) {
      if (m.version >= version) break;
      ASSERT_TRUE((*conn)->Exec(m.sql).ok()) << m.name;
      ASSERT_TRUE((*conn)
                      ->Exec("INSERT INTO schema_version VALUES (" + std::to_string(m.version) +
                             ", '2026-01-01T00:00:00Z')")
                      .ok());
    }
    ASSERT_TRUE((*conn)->Exec(sql).ok());
  }
  std::filesystem::path path_;
};

int VersionNamed(std::string_view name) {
  for (const Migration& m : Migrations())
    if (m.name == name) return m.version;
  return -1;
}

// Before consent for client support existed, a client chose care_delivery for their OCO.
// After the migration the supporters hold client-support consent with the same dates; a
// provider on the same form keeps care_delivery; other forms are untouched.
TEST_F(MigrationsTest, SupportersCareDeliveryConsentBecomesClientSupport) {
  const int version = VersionNamed("consent_client_support");
  ASSERT_GT(version, 0);
  MakeAtVersionBefore(version, R"sql(
    INSERT INTO organisations (id, name, kind) VALUES
      ('org-mee', 'MEE', 'oco'), ('org-wt', 'Wijkteam', 'wijkteam'),
      ('org-zorg', 'Zorggroep', 'provider'), ('org-ciz', 'CIZ', 'ciz');
    INSERT INTO consents (id, client_id, purpose, granted_at, granted_by, valid_until) VALUES
      ('cns-only', 'cli-1', 'care_delivery', '2026-01-02T10:00:00Z', 'usr-1', NULL),
      ('cns-mixed', 'cli-1', 'care_delivery', '2026-01-03T10:00:00Z', 'usr-1',
       '2027-01-01T00:00:00Z'),
      ('cns-ciz', 'cli-1', 'indication', '2026-01-04T10:00:00Z', 'usr-1', NULL);
    INSERT INTO consent_organisations (consent_id, organisation_id, seq) VALUES
      ('cns-only', 'org-mee', 0), ('cns-only', 'org-wt', 1),
      ('cns-mixed', 'org-zorg', 0), ('cns-mixed', 'org-mee', 1),
      ('cns-ciz', 'org-ciz', 0);
  )sql");
  auto db = OpenSqliteDatabase(path_.string());
  ASSERT_TRUE(db.ok()) << db.error().ToString();
  EXPECT_GE(*(*db)->SchemaVersion(), version);
  auto forms = (*db)->consents().ConsentsForClient("cli-1");
  ASSERT_TRUE(forms.ok()) << forms.error().ToString();
  auto find = [&](const std::string& id) -> const a::ConsentForm* {
    auto it = std::find_if(forms->begin(), forms->end(), [&](auto& f) { return f.id == id; });
    return it == forms->end() ? nullptr : &*it;
  };
  ASSERT_EQ(forms->size(), 4u);
  const a::ConsentForm* only = find("cns-only");
  ASSERT_NE(only, nullptr);
  EXPECT_EQ(only->purpose, a::Purpose::kClientSupport);
  EXPECT_EQ(only->organisation_ids, (std::vector<std::string>{"org-mee", "org-wt"}));
  const a::ConsentForm* mixed = find("cns-mixed");
  ASSERT_NE(mixed, nullptr);
  EXPECT_EQ(mixed->purpose, a::Purpose::kCareDelivery);
  EXPECT_EQ(mixed->organisation_ids, (std::vector<std::string>{"org-zorg"}));
  const a::ConsentForm* moved = find("cns-mixed-ondersteuning");
  ASSERT_NE(moved, nullptr);
  EXPECT_EQ(moved->purpose, a::Purpose::kClientSupport);
  EXPECT_EQ(moved->organisation_ids, (std::vector<std::string>{"org-mee"}));
  EXPECT_EQ(moved->granted_at, mixed->granted_at);
  EXPECT_EQ(moved->valid_until, mixed->valid_until);
  EXPECT_EQ(moved->granted_by, "usr-1");
  const a::ConsentForm* ciz = find("cns-ciz");
  ASSERT_NE(ciz, nullptr);
  EXPECT_EQ(ciz->purpose, a::Purpose::kIndication);
}

}  // namespace
}  // namespace passend::store::sqlite
