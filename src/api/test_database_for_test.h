#pragma once
// TestDatabase: the API tests' database, a fresh one on the backend the run names
// (store/test_backend_for_test.h: private in-memory SQLite, or a database of its own on
// the PostgreSQL test server; the same backends and contract as production), with one
// switch the tests need: while `broken` is set, SchemaVersion fails as an unreachable
// database does (healthz). `opened` says whether it could be opened; check it first.
#include <atomic>
#include <memory>

#include "store/open_database.h"
#include "store/test_backend_for_test.h"

namespace passend::api::testing {

class TestDatabase : public store::Database {
 public:
  TestDatabase() {
    auto db = store::testing::OpenTestDatabase(":memory:");
    if (db.ok()) {
      db_ = std::move(db).value();
    } else {
      // The fixture's services take their stores at construction; they get an in-memory
      // database to hold on to, and ApiTest::SetUp fails on `opened` before any test runs.
      opened = db.error();
      db_ = std::move(store::OpenDatabase(":memory:")).value();
    }
  }

  std::atomic<bool> broken{false};
  Status opened = Ok();

  catalog::CatalogStore& catalog() override { return db_->catalog(); }
  intake::ClientStore& clients() override { return db_->clients(); }
  access::AccountStore& accounts() override { return db_->accounts(); }
  access::ConsentStore& consents() override { return db_->consents(); }
  access::AuditStore& audit() override { return db_->audit(); }
  monitor::MapHistoryStore& map_history() override { return db_->map_history(); }
  Status InTransaction(const std::function<Status()>& fn) override {
    return db_->InTransaction(fn);
  }
  Result<int> SchemaVersion() override {
    if (broken) return Unavailable("database weg");
    return db_->SchemaVersion();
  }
  Result<int64_t> LastChange() override { return db_->LastChange(); }
  Result<store::ChangePage> ChangesSince(int64_t after, int limit) override {
    return db_->ChangesSince(after, limit);
  }
  Result<int64_t> WaitForChange(int64_t after, std::chrono::milliseconds timeout) override {
    return db_->WaitForChange(after, timeout);
  }
  Status PruneChanges(int64_t keep) override { return db_->PruneChanges(keep); }

 private:
  std::unique_ptr<store::Database> db_;
};

}  // namespace passend::api::testing
