// What the PostgreSQL backend adds to the store contract: its migrations, its error
// translation, its pool, and several processes (here: several Database objects, each with
// its own connections) writing to one database at once. The behaviour every backend
// shares is checked by the storage conformance suite.
#include "store/postgres/postgres_database.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "access/audit.h"
#include "store/postgres/connection.h"
#include "store/postgres/migrations.h"
#include "store/postgres/test_server.h"

namespace passend::store::postgres {
namespace {

namespace d = passend::domain;
namespace a = passend::access;

class PostgresDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto server = testing::TestServerUri();
    ASSERT_TRUE(server.ok()) << server.error().ToString();
    if (!server->has_value()) GTEST_SKIP() << "no PostgreSQL test server (PASSEND_TEST_PG_URI)";
    auto scratch = testing::ScratchDatabase::Create(**server);
    ASSERT_TRUE(scratch.ok()) << scratch.error().ToString();
    scratch_ = std::move(scratch).value();
    db_ = Open();
  }
  void TearDown() override {
    db_.reset();
    scratch_.reset();
  }

  std::unique_ptr<Database> Open(const std::string& suffix = "") {
    auto db = OpenPostgresDatabase(scratch_->uri() + suffix);
    EXPECT_TRUE(db.ok()) << db.error().ToString();
    return db.ok() ? std::move(db).value() : nullptr;
  }
  std::unique_ptr<Connection> Raw() {
    auto c = Connection::Open(scratch_->uri());
    EXPECT_TRUE(c.ok()) << c.error().ToString();
    return std::move(c).value();
  }

  static void Seed(Database& db) {
    ASSERT_TRUE(db.InTransaction([&]() -> Status {
                    PASSEND_RETURN_IF_ERROR(db.catalog().PutProvider({"prv-a", "A", true, ""}));
                    PASSEND_RETURN_IF_ERROR(db.catalog().PutLocation(
                        {"loc-a", "prv-a", "Locatie A", "", "GM0935", {50.85, 5.70}}));
                    d::Offer o;
                    o.id = "off-1";
                    o.provider_id = "prv-a";
                    o.location_id = "loc-a";
                    o.name = "Wonen";
                    o.sectors = {d::Sector::kVV};
                    o.delivery_forms = {d::DeliveryForm::kVerblijf};
                    o.capacity = 1000;
                    o.free_places = 0;
                    return db.catalog().PutOffer(o);
                  }).ok());
  }

  std::unique_ptr<testing::ScratchDatabase> scratch_;
  std::unique_ptr<Database> db_;
};

TEST_F(PostgresDatabaseTest, MigratesOnceAndRefusesANewerSchema) {
  ASSERT_NE(db_, nullptr);
  EXPECT_EQ(*db_->SchemaVersion(), Migrations().back().version);
  // Processes that start together: each opens and migrates; the advisory lock lets one
  // migrate and the others find the schema done.
  db_.reset();
  auto fresh = testing::ScratchDatabase::Create(*testing::TestServerUri().value());
  ASSERT_TRUE(fresh.ok());
  std::vector<std::thread> starters;
  std::atomic<int> failures{0};
  for (int i = 0; i < 4; ++i)
    starters.emplace_back([&] {
      auto db = OpenPostgresDatabase((*fresh)->uri());
      if (!db.ok()) ++failures;
    });
  for (auto& t : starters) t.join();
  EXPECT_EQ(failures.load(), 0);
  auto raw = Connection::Open((*fresh)->uri());
  ASSERT_TRUE(raw.ok());
  auto rows = (*raw)->Query("SELECT COUNT(*), MAX(version) FROM schema_version");
  ASSERT_TRUE(rows.ok()) << rows.error().ToString();
  EXPECT_EQ((*rows)[0].Int(0), static_cast<int64_t>(Migrations().size()));
  // A database migrated by a newer Passend is refused, not downgraded.
  ASSERT_TRUE((*raw)->Exec("INSERT INTO schema_version VALUES (999, 'later')").ok());
  auto newer = OpenPostgresDatabase((*fresh)->uri());
  ASSERT_FALSE(newer.ok());
  EXPECT_EQ(newer.error().code(), ErrorCode::kFailedPrecondition);
}

TEST_F(PostgresDatabaseTest, DatabaseErrorsAreTranslatedAtTheBoundary) {
  ASSERT_NE(db_, nullptr);
  // Foreign key: a location of an unknown provider.
  Status fk = db_->catalog().PutLocation({"loc-x", "prv-none", "X", "", "GM0935", {50, 5}});
  ASSERT_FALSE(fk.ok());
  EXPECT_EQ(fk.error().code(), ErrorCode::kFailedPrecondition) << fk.error().ToString();
  // Unique: a second user with the same e-mail address.
  auto& access = db_->accounts();
  a::User u;
  u.id = "usr-1";
  u.email = "ann@example.nl";
  u.display_name = "Ann";
  u.role = a::Role::kAdmin;
  ASSERT_TRUE(access.PutUser(u).ok());
  u.id = "usr-2";
  Status dup = access.PutUser(u);
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code(), ErrorCode::kAlreadyExists) << dup.error().ToString();
  // A trigger's refusal: the access log is append-only.
  a::AuditLog log(db_->audit(), [] { return *a::ParseUtc("2026-03-01T09:00:00Z"); });
  ASSERT_TRUE(
      log.Record({"usr-1", "admin", "", "cli-1", "dossier", "read", "reden", "", "", ""}).ok());
  auto raw = Raw();
  Status changed = raw->Exec("UPDATE audit_log SET user_id = 'iemand-anders'");
  ASSERT_FALSE(changed.ok());
  EXPECT_EQ(changed.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_EQ(raw->Exec("DELETE FROM audit_log").error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_EQ(raw->Exec("TRUNCATE audit_log").error().code(), ErrorCode::kFailedPrecondition);
  // Redaction, by an erasure that the log records, is the one change allowed.
  ASSERT_TRUE(log.Record({"usr-1", "admin", "", "cli-1", "client", "erase", "", "", "", ""}).ok());
  EXPECT_TRUE(db_->audit().RedactReasons("cli-1").ok());
  EXPECT_TRUE((*log.Verify()).ok());
  // Check constraint: negative free places.
  Seed(*db_);
  EXPECT_EQ(raw->Exec("UPDATE offers SET free_places = -1").error().code(),
            ErrorCode::kFailedPrecondition);
  // Not reachable: nothing listens there.
  auto gone = OpenPostgresDatabase("postgresql://passend:x@127.0.0.1:1/passend");
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(gone.error().code(), ErrorCode::kUnavailable);
  EXPECT_EQ(gone.error().message().find(":x@"), std::string::npos) << "password in message";
}

TEST_F(PostgresDatabaseTest, OwnUriParametersAreCheckedAndNotPassedOn) {
  auto parsed = ParsePostgresUri("postgresql://u:p@h:5/db?sslmode=disable&pool_max=3");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->pool_max, 3);
  EXPECT_EQ(parsed->conninfo, "postgresql://u:p@h:5/db?sslmode=disable");
  for (const char* bad : {"pool_max=0", "pool_max=x", "pool_max=1001", "pool_max=2x"}) {
    auto p = ParsePostgresUri(std::string("postgresql://h/db?") + bad);
    ASSERT_FALSE(p.ok()) << bad;
    EXPECT_EQ(p.error().code(), ErrorCode::kInvalidArgument);
  }
  EXPECT_EQ(RedactUri("postgresql://u:secret@h/db"), "postgresql://u:***@h/db");
}

TEST_F(PostgresDatabaseTest, ManyThreadsShareASmallPool) {
  db_ = Open("?pool_max=2");
  ASSERT_NE(db_, nullptr);
  Seed(*db_);
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 25; ++i)
        if (!db_->catalog().GetOffer("off-1").ok()) ++failures;
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  auto raw = Raw();
  auto n = raw->Query(
      "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> "
      "pg_backend_pid()");
  ASSERT_TRUE(n.ok());
  EXPECT_LE((*n)[0].Int(0), 2);
}

// Two processes on one database, each raising one offer's free places by one, many
// times, with a read-modify-write in a transaction: no increment is lost.
TEST_F(PostgresDatabaseTest, ConcurrentReadModifyWritesLoseNothing) {
  ASSERT_NE(db_, nullptr);
  Seed(*db_);
  std::unique_ptr<Database> other = Open();
  constexpr int kPerWriter = 40;
  std::atomic<int> failures{0};
  std::vector<std::thread> writers;
  for (Database* db : {db_.get(), other.get(), db_.get(), other.get()})
    writers.emplace_back([&, db] {
      for (int i = 0; i < kPerWriter; ++i) {
        Status s = db->InTransaction([&]() -> Status {
          PASSEND_ASSIGN_OR_RETURN(d::Offer o, db->catalog().GetOffer("off-1"));
          o.free_places += 1;
          return db->catalog().PutOffer(o);
        });
        if (!s.ok()) ++failures;
      }
    });
  for (auto& w : writers) w.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(db_->catalog().GetOffer("off-1")->free_places, 4 * kPerWriter);
}

// Two processes appending to the access log at once: one unbroken chain.
TEST_F(PostgresDatabaseTest, AccessLogChainStaysWholeWithTwoWriters) {
  ASSERT_NE(db_, nullptr);
  std::unique_ptr<Database> other = Open();
  a::AuditStore& mine = db_->audit();
  a::AuditStore& theirs = other->audit();
  a::Clock clock = [] { return *a::ParseUtc("2026-03-01T09:00:00Z"); };
  std::atomic<int> failures{0};
  std::vector<std::thread> writers;
  for (a::AuditStore* store :
       {static_cast<a::AuditStore*>(&mine), static_cast<a::AuditStore*>(&theirs),
        static_cast<a::AuditStore*>(&mine), static_cast<a::AuditStore*>(&theirs)})
    writers.emplace_back([&, store] {
      a::AuditLog log(*store, clock);
      for (int i = 0; i < 30; ++i)
        if (!log.Record({"usr-1", "admin", "", "cli-" + std::to_string(i), "dossier", "read",
                         "reden " + std::to_string(i), "", "", ""})
                 .ok())
          ++failures;
    });
  for (auto& w : writers) w.join();
  EXPECT_EQ(failures.load(), 0);
  auto report = a::AuditLog(mine, clock).Verify();
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok()) << report->problem;
  EXPECT_EQ(report->entries, 120);
}

// A server restart (here: the server ending our connections) costs no failed request:
// a lost idle connection is replaced and the read tried again.
TEST_F(PostgresDatabaseTest, LostConnectionsAreReplaced) {
  ASSERT_NE(db_, nullptr);
  Seed(*db_);
  ASSERT_TRUE(db_->catalog().GetOffer("off-1").ok());
  auto raw = Raw();
  auto killed = raw->Query(
      "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = "
      "current_database() AND pid <> pg_backend_pid()");
  ASSERT_TRUE(killed.ok()) << killed.error().ToString();
  EXPECT_GE((*killed)[0].Int(0), 1);
  auto again = db_->catalog().GetOffer("off-1");
  EXPECT_TRUE(again.ok()) << again.error().ToString();
  EXPECT_TRUE(db_->InTransaction([&] {
                   return db_->catalog().PutProvider({"prv-b", "B", true, ""});
                 })
                  .ok());
}

// The change feed's seqs follow commit order whoever writes: a writer that does not begin
// through passend (psql, a script) takes the write lock in the change log's trigger, so a
// passend writer that starts after it commits after it and gets the higher seq. Without
// that lock the second writer would commit seq N+1 while N is still open, and a reader
// that saw N+1 would never see N.
TEST_F(PostgresDatabaseTest, FeedSeqsFollowCommitOrderWithAWriterFromOutside) {
  ASSERT_NE(db_, nullptr);
  Seed(*db_);
  auto reader = Open();
  const int64_t before = *reader->LastChange();
  auto raw = Raw();
  ASSERT_TRUE(raw->Exec("BEGIN; INSERT INTO providers (id, name, established) VALUES "
                        "('prv-psql', 'Uit psql', 1)")
                  .ok());
  std::atomic<bool> committed{false};
  std::thread writer([&] {
    EXPECT_TRUE(db_->catalog().PutProvider({"prv-api", "Via passend", true, ""}).ok());
    committed = true;
  });
  // The passend writer waits for the open one; nothing new is visible meanwhile.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_FALSE(committed);
  EXPECT_TRUE(reader->ChangesSince(before, 10)->changes.empty());
  ASSERT_TRUE(raw->Exec("COMMIT").ok());
  writer.join();
  auto page = reader->ChangesSince(before, 10);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->changes.size(), 2u);
  EXPECT_EQ(page->changes[0].id, "prv-psql");
  EXPECT_EQ(page->changes[1].id, "prv-api");
  EXPECT_LT(page->changes[0].seq, page->changes[1].seq);
}

// WaitForChange in one process wakes on a commit by another, through LISTEN/NOTIFY, and
// keeps working when its listening connection is lost.
TEST_F(PostgresDatabaseTest, WaitForChangeFollowsAnotherWriterAndSurvivesALostListener) {
  ASSERT_NE(db_, nullptr);
  Seed(*db_);
  auto watcher = Open();
  for (int round = 0; round < 2; ++round) {
    SCOPED_TRACE(round);
    const int64_t before = *watcher->LastChange();
    std::thread writer([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      auto raw = Raw();
      EXPECT_TRUE(raw->Exec("UPDATE offers SET free_places = free_places + 1").ok());
    });
    auto seen = watcher->WaitForChange(before, std::chrono::milliseconds(60'000));
    writer.join();
    ASSERT_TRUE(seen.ok()) << seen.error().ToString();
    EXPECT_GT(*seen, before);
    auto page = watcher->ChangesSince(before, 10);
    ASSERT_EQ(page->changes.size(), 1u);
    EXPECT_EQ(page->changes[0].entity, ChangedEntity::kOffer);
    // End every other connection to the database, the watcher's listener among them.
    auto killed = Raw()->Query(
        "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = "
        "current_database() AND pid <> pg_backend_pid()");
    ASSERT_TRUE(killed.ok()) << killed.error().ToString();
  }
}

// Scans larger than one fetch stream in order, lists attached, on one snapshot.
TEST_F(PostgresDatabaseTest, ClientScanCrossesBatches) {
  ASSERT_NE(db_, nullptr);
  constexpr int kClients = 4500;
  ASSERT_TRUE(
      db_->InTransaction([&]() -> Status {
           for (int i = 0; i < kClients; ++i) {
             d::Client c;
             c.id = "cli-" + std::to_string(100000 + i);
             c.municipality_code = "GM0935";
             c.home = {50.85, 5.7};
             c.profile = "5VV";
             if (i % 3 == 0) c.wishes = {{"tuin", d::Importance::kMust, 2.5, "buiten"}};
             if (i % 4 == 0) {
               c.care_status = d::CareStatus::kInCare;
               c.care_provider_id = "prv-a";
             }
             c.places = {
                 {d::PlaceKind::kFamilie, "zoon", {50.9, 5.8}, 15, d::Importance::kImportant}};
             PASSEND_RETURN_IF_ERROR(db_->clients().PutClient(c));
           }
           return Ok();
         })
          .ok());
  int seen = 0;
  int with_wish = 0;
  int in_care = 0;
  std::string last;
  Status s = db_->clients().ForEachClient({}, [&](const d::Client& c) -> Status {
    EXPECT_LT(last, c.id);
    last = c.id;
    ++seen;
    if (!c.wishes.empty()) {
      ++with_wish;
      EXPECT_EQ(c.wishes[0].value, 2.5);
    }
    EXPECT_EQ(c.places.size(), 1u);
    if (c.care_status == d::CareStatus::kInCare) {
      ++in_care;
      EXPECT_EQ(c.care_provider_id, "prv-a");
    }
    return Ok();
  });
  ASSERT_TRUE(s.ok()) << s.error().ToString();
  EXPECT_EQ(seen, kClients);
  EXPECT_EQ(with_wish, (kClients + 2) / 3);
  EXPECT_EQ(in_care, (kClients + 3) / 4);
}

}  // namespace
}  // namespace passend::store::postgres
