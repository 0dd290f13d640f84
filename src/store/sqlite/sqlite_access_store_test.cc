// What only the SQLite backend adds to the access log's contract: its triggers refuse
// edits and deletes, and a dropped trigger is still caught by the chain. The contract
// every backend keeps is in store/store_conformance_test.cc.
#include "store/sqlite/sqlite_access_store.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "access/audit.h"
#include "store/sqlite/sqlite_database.h"

namespace passend::store::sqlite {
namespace {

namespace a = passend::access;

class SqliteAccessStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("passend-access-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    std::filesystem::remove(path_);
    auto db = OpenSqliteDatabase(path_.string());
    ASSERT_TRUE(db.ok()) << db.error().ToString();
    db_ = std::move(db).value();
  }
  void TearDown() override {
    db_.reset();
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + ext);
  }
  a::Clock clock() const {
    return [this] { return now_; };
  }

  std::filesystem::path path_;
  std::unique_ptr<Database> db_;
  a::Time now_ = *a::ParseUtc("2026-03-01T09:00:00Z");
};

TEST_F(SqliteAccessStoreTest, TheLogIsAppendOnlyAndItsChainVerifies) {
  a::AuditLog log(db_->audit(), clock());
  for (int i = 0; i < 5; ++i)
    ASSERT_TRUE(
        log.Record({"usr-1", "provider", "org-a", "cli-1", "dossier", "read", "r", "", "", ""})
            .ok());
  EXPECT_TRUE(log.Verify()->ok());
  auto& sqlite = static_cast<SqliteDatabase&>(*db_);
  // The database itself refuses edits and deletes...
  EXPECT_FALSE(
      sqlite.Write([](Connection& c) { return c.Exec("DELETE FROM audit_log WHERE seq = 2"); })
          .ok());
  EXPECT_FALSE(sqlite
                   .Write([](Connection& c) {
                     return c.Exec("UPDATE audit_log SET user_id = 'x' WHERE seq = 2");
                   })
                   .ok());
  // ...and someone who drops the trigger is still caught by the chain, at that row.
  ASSERT_TRUE(sqlite
                  .Write([](Connection& c) {
                    return c.Exec(
                        "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET "
                        "user_id = 'x' WHERE seq = 3");
                  })
                  .ok());
  auto r = log.Verify();
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->first_broken_seq, 3);
  // An entry whose seq is taken is refused, never a fork.
  a::AuditEntry dup = *db_->audit().LastAudit().value();
  auto same_seq = [&dup](const std::optional<a::AuditEntry>&) { return dup; };
  EXPECT_EQ(db_->audit().AppendAudit(same_seq).error().code(), ErrorCode::kAlreadyExists);
}

TEST_F(SqliteAccessStoreTest, RedactionIsTheOnlyChangeAllowed) {
  a::AuditLog log(db_->audit(), clock());
  ASSERT_TRUE(log.Record({"usr-1", "provider", "org-a", "cli-1", "dossier", "read",
                          "noodtoegang: x", "", "", ""})
                  .ok());
  ASSERT_TRUE(db_->audit().RedactReasons("cli-1").ok());
  ASSERT_TRUE(
      log.Record({"usr-9", "admin", "org-b", "cli-1", "client", "erase", "AVG", "", "", ""}).ok());
  EXPECT_TRUE(log.Verify()->ok());
  auto entries = log.ForClient("cli-1", 0, 10);
  ASSERT_EQ(entries->size(), 2u);
  EXPECT_TRUE(entries->back().redacted);
  auto& sqlite = static_cast<SqliteDatabase&>(*db_);
  EXPECT_FALSE(sqlite
                   .Write([](Connection& c) {
                     return c.Exec("UPDATE audit_log SET reason = 'anders' WHERE seq = 1");
                   })
                   .ok());
}

}  // namespace
}  // namespace passend::store::sqlite
