// The access stores on SQLite: round trips, the append-only log, and the access layer's
// own rules (consent, audit chain, throttle) running on the real backend.
#include "store/sqlite/sqlite_access_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "access/audit.h"
#include "access/consent_registry.h"
#include "access/login_throttle.h"
#include "access/session.h"
#include "access/user_directory.h"
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
    store_ = std::make_unique<SqliteAccessStore>(static_cast<SqliteDatabase&>(*db_));
    EXPECT_GE(*db_->SchemaVersion(), 2);  // the access tables come with migration 0002
  }
  void TearDown() override {
    store_.reset();
    db_.reset();
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + ext);
  }
  a::Clock clock() const {
    return [this] { return now_; };
  }

  std::filesystem::path path_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<SqliteAccessStore> store_;
  a::Time now_ = *a::ParseUtc("2026-03-01T09:00:00Z");
};

TEST_F(SqliteAccessStoreTest, UsersRoundTripWithTheirClients) {
  a::UserDirectory users(*store_, clock(), a::HashCost::kTestOnly);
  auto org = users.AddOrganisation(
      {"org-z", "Zorgkantoor Zuid-Limburg", a::Role::kZorgkantoor, "", "5531"});
  ASSERT_TRUE(org.ok());
  auto rep = users.Add({"jan@example.nl",
                        "Jan",
                        a::Role::kRepresentative,
                        "",
                        {"cli-2", "cli-1"},
                        "een lang wachtwoord hier"});
  ASSERT_TRUE(rep.ok()) << rep.error().ToString();
  auto back = store_->FindUserByEmail("jan@example.nl");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->client_ids, (std::vector<std::string>{"cli-2", "cli-1"}));
  EXPECT_EQ(back->created_at, now_);
  EXPECT_EQ(store_->UsersForClient("cli-1")->size(), 1u);
  EXPECT_EQ(
      users.Add({"JAN@example.nl", "Jan 2", a::Role::kClient, "", {"cli-3"}, ""}).error().code(),
      ErrorCode::kAlreadyExists);
  auto zk = store_->GetOrganisation("org-z");
  EXPECT_EQ(zk->region, "5531");
  EXPECT_EQ(store_->GetOrganisation("org-x").error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(store_->ListUsers({"", 10})->items.size(), 1u);
}

TEST_F(SqliteAccessStoreTest, SessionsAndTokensAreFoundByDigestOnly) {
  a::User u{"usr-1", "a@b.nl", "A", a::Role::kAdmin, "", {}, "", true, now_};
  ASSERT_TRUE(store_->PutUser(u).ok());
  a::Sessions sessions(*store_, clock());
  auto s = sessions.Start("usr-1");
  ASSERT_TRUE(s.ok()) << s.error().ToString();
  EXPECT_TRUE(sessions.Resume(s->secret).ok());
  EXPECT_EQ(store_->FindSession(s->secret).error().code(), ErrorCode::kNotFound);
  ASSERT_TRUE(sessions.End(s->secret).ok());
  EXPECT_FALSE(sessions.Resume(s->secret).ok());
}

TEST_F(SqliteAccessStoreTest, ThrottleCountsFailuresSinceTheLastSuccess) {
  a::LoginThrottle throttle(*store_, clock());
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(throttle.Record("a@b.nl", "10.0.0.1", false).ok());
  ASSERT_TRUE(throttle.Record("a@b.nl", "10.0.0.1", true).ok());
  EXPECT_EQ(*store_->CountRecentFailures("account:a@b.nl", now_ - std::chrono::minutes(15)), 0);
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(throttle.Record("a@b.nl", "10.0.0.1", false).ok());
  EXPECT_EQ(throttle.Check("a@b.nl", "").error().code(), ErrorCode::kResourceExhausted);
  now_ += std::chrono::minutes(16);
  EXPECT_TRUE(throttle.Check("a@b.nl", "").ok());
}

TEST_F(SqliteAccessStoreTest, ConsentFormsKeepTheirOrganisationsAndWithdrawal) {
  ASSERT_TRUE(store_->PutOrganisation({"org-a", "A", a::Role::kProvider, "prv-a", ""}).ok());
  ASSERT_TRUE(store_->PutOrganisation({"org-m", "MEE", a::Role::kOco, "", ""}).ok());
  a::ConsentRegistry registry(*store_, *store_, clock());
  a::Principal client;
  client.user_id = "usr-c";
  auto f = registry.Give(
      client,
      {"cli-1", {"org-m", "org-a"}, a::Purpose::kRegistration, now_ + std::chrono::hours(24 * 30)});
  ASSERT_TRUE(f.ok()) << f.error().ToString();
  auto back = store_->GetConsent(f->id);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->organisation_ids, (std::vector<std::string>{"org-m", "org-a"}));
  EXPECT_EQ(back->valid_until, f->valid_until);
  EXPECT_TRUE(*registry.IsConsentValid("cli-1", "org-a", a::Purpose::kRegistration));
  ASSERT_TRUE(registry.Withdraw(client, "cli-1", f->id).ok());
  EXPECT_FALSE(*registry.IsConsentValid("cli-1", "org-a"));
  EXPECT_TRUE(store_->ConsentsForClient("cli-1")->front().withdrawn_at.has_value());
}

TEST_F(SqliteAccessStoreTest, TheLogIsAppendOnlyAndItsChainVerifies) {
  a::AuditLog log(*store_, clock());
  for (int i = 0; i < 5; ++i)
    ASSERT_TRUE(log.Record({"usr-1", "provider", "org-a", "cli-1", "dossier", "read", "r"}).ok());
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
  a::AuditEntry dup = *store_->LastAudit().value();
  auto same_seq = [&dup](const std::optional<a::AuditEntry>&) { return dup; };
  EXPECT_EQ(store_->AppendAudit(same_seq).error().code(), ErrorCode::kAlreadyExists);
}

TEST_F(SqliteAccessStoreTest, ConcurrentWritersKeepOneChain) {
  a::AuditLog log(*store_, clock());
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        if (t == 0 && i % 5 == 0) {
          // A writer inside a transaction (as an erasure is) must not deadlock the others.
          EXPECT_TRUE(
              db_->InTransaction([&] {
                   auto e = log.Record({"usr-t", "admin", "org", "cli-1", "client", "erase", "x"});
                   return e.ok() ? Ok() : Status(e.error());
                 })
                  .ok());
          continue;
        }
        auto e =
            log.Record({"usr-" + std::to_string(t), "oco", "org", "cli-2", "dossier", "read", "r"});
        EXPECT_TRUE(e.ok()) << e.error().ToString();
      }
    });
  for (auto& th : threads) th.join();
  auto r = log.Verify();
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->ok()) << r->problem;
  EXPECT_EQ(r->entries, 100);
}

TEST_F(SqliteAccessStoreTest, RedactionIsTheOnlyChangeAllowed) {
  a::AuditLog log(*store_, clock());
  ASSERT_TRUE(
      log.Record({"usr-1", "provider", "org-a", "cli-1", "dossier", "read", "noodtoegang: x"})
          .ok());
  ASSERT_TRUE(store_->RedactReasons("cli-1").ok());
  ASSERT_TRUE(log.Record({"usr-9", "admin", "org-b", "cli-1", "client", "erase", "AVG"}).ok());
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
