#include "store/test_backend_for_test.h"

#include <cstdlib>

#include "store/open_database.h"
#include "store/postgres/test_server.h"

namespace passend::store::testing {
namespace {

// A database on the PostgreSQL test server that drops itself: the connections close
// before the scratch database goes.
class ScratchBackedDatabase : public Database {
 public:
  ScratchBackedDatabase(std::unique_ptr<postgres::testing::ScratchDatabase> scratch,
                        std::unique_ptr<Database> db)
      : scratch_(std::move(scratch)), db_(std::move(db)) {}
  ~ScratchBackedDatabase() override { db_.reset(); }

  catalog::CatalogStore& catalog() override { return db_->catalog(); }
  intake::ClientStore& clients() override { return db_->clients(); }
  access::AccountStore& accounts() override { return db_->accounts(); }
  access::ConsentStore& consents() override { return db_->consents(); }
  access::AuditStore& audit() override { return db_->audit(); }
  monitor::MapHistoryStore& map_history() override { return db_->map_history(); }
  Status InTransaction(const std::function<Status()>& fn) override {
    return db_->InTransaction(fn);
  }
  Result<int> SchemaVersion() override { return db_->SchemaVersion(); }
  Result<int64_t> LastChange() override { return db_->LastChange(); }
  Result<ChangePage> ChangesSince(int64_t after, int limit) override {
    return db_->ChangesSince(after, limit);
  }
  Result<int64_t> WaitForChange(int64_t after, std::chrono::milliseconds timeout) override {
    return db_->WaitForChange(after, timeout);
  }
  Status PruneChanges(int64_t keep) override { return db_->PruneChanges(keep); }

 private:
  std::unique_ptr<postgres::testing::ScratchDatabase> scratch_;
  std::unique_ptr<Database> db_;
};

}  // namespace

Result<std::string> TestBackend() {
  const char* chosen = std::getenv("PASSEND_TEST_BACKEND");
  std::string name = chosen == nullptr || *chosen == '\0' ? "sqlite" : chosen;
  if (name != "sqlite" && name != "postgres")
    return InvalidArgument("PASSEND_TEST_BACKEND is 'sqlite' or 'postgres', not '" + name + "'",
                           "PASSEND_TEST_BACKEND");
  return name;
}

namespace {

// A new database on the test server; kUnavailable without one.
Result<std::unique_ptr<postgres::testing::ScratchDatabase>> NewScratch() {
  PASSEND_ASSIGN_OR_RETURN(std::optional<std::string> server, postgres::testing::TestServerUri());
  if (!server)
    return Unavailable(
        "PASSEND_TEST_BACKEND=postgres needs the PostgreSQL test server: PASSEND_TEST_PG_URI "
        "or PASSEND_TEST_PG_URI_FILE (scripts/pg-test-server.sh)");
  return postgres::testing::ScratchDatabase::Create(*server);
}

}  // namespace

Result<std::unique_ptr<Database>> OpenTestDatabase(const std::string& sqlite_path) {
  PASSEND_ASSIGN_OR_RETURN(std::string backend, TestBackend());
  if (backend == "sqlite") return OpenDatabase(sqlite_path);
  PASSEND_ASSIGN_OR_RETURN(std::unique_ptr<postgres::testing::ScratchDatabase> scratch,
                           NewScratch());
  PASSEND_ASSIGN_OR_RETURN(std::unique_ptr<Database> db, OpenDatabase(scratch->uri()));
  return std::unique_ptr<Database>(
      std::make_unique<ScratchBackedDatabase>(std::move(scratch), std::move(db)));
}

Result<DatabaseWithTables> OpenTestDatabaseWithTables(const std::string& sqlite_path) {
  PASSEND_ASSIGN_OR_RETURN(std::string backend, TestBackend());
  if (backend == "sqlite") return OpenDatabaseWithTables(sqlite_path);
  PASSEND_ASSIGN_OR_RETURN(std::unique_ptr<postgres::testing::ScratchDatabase> scratch,
                           NewScratch());
  PASSEND_ASSIGN_OR_RETURN(DatabaseWithTables opened, OpenDatabaseWithTables(scratch->uri()));
  // The tables borrow the inner database, which the wrapper owns; they go first.
  opened.db = std::make_unique<ScratchBackedDatabase>(std::move(scratch), std::move(opened.db));
  return opened;
}

}  // namespace passend::store::testing
