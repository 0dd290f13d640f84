// Moving a whole installation between backends (passend migrate-db): every table arrives
// with the same count and checksum, a changed row is noticed, a target with data is
// refused, and a copy that arrives different writes nothing.
#include "store/copy_database.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "access/audit.h"
#include "catalog/catalog_service.h"
#include "interop/native_json.h"
#include "refdata/refdata.h"
#include "store/open_database.h"
#include "store/postgres/test_server.h"

namespace passend::store {
namespace {

namespace a = passend::access;
namespace d = passend::domain;

// Written through the stores as they are (not the catalogue's import), so the odd
// characters that a copy must keep byte for byte reach the database unvalidated.
Status Write(Database& db, const domain::Dataset& ds) {
  return db.InTransaction([&]() -> Status {
    for (const auto& p : ds.providers) PASSEND_RETURN_IF_ERROR(db.catalog().PutProvider(p));
    for (const auto& l : ds.locations) PASSEND_RETURN_IF_ERROR(db.catalog().PutLocation(l));
    for (const auto& o : ds.offers) PASSEND_RETURN_IF_ERROR(db.catalog().PutOffer(o));
    for (const auto& c : ds.clients) PASSEND_RETURN_IF_ERROR(db.clients().PutClient(c));
    return Ok();
  });
}

// Every record read back through the catalogue's export (each group in id order).
Result<domain::Dataset> ReadDataset(Database& db) {
  domain::Dataset ds;
  catalog::DatasetVisitor v;
  v.provider = [&](const domain::Provider& p) { ds.providers.push_back(p); };
  v.location = [&](const domain::Location& l) { ds.locations.push_back(l); };
  v.offer = [&](const domain::Offer& o) { ds.offers.push_back(o); };
  v.client = [&](const domain::Client& c) { ds.clients.push_back(c); };
  PASSEND_RETURN_IF_ERROR(catalog::CatalogService(db, refdata::BuiltIn()).Export(v));
  return ds;
}

domain::Dataset SmallRegion() {
  domain::Dataset ds;
  ds.providers = {{"prv-a", "Zorggroep A", true, "https://a.example"},
                  {"prv-b", "B\tC", false, ""}};
  ds.locations = {{"loc-a", "prv-a", "Huis A", "Straat 1", "GM0935", {50.851234567, 5.6912345}},
                  {"loc-b", "prv-b", "Huis B\nachter", "", "GM0917", {50.9, 5.8}}};
  for (int i = 0; i < 12; ++i) {
    d::Offer o;
    o.id = "off-" + std::to_string(10 + i);
    o.provider_id = i % 2 ? "prv-b" : "prv-a";
    o.location_id = i % 2 ? "loc-b" : "loc-a";
    o.name = "Aanbod \\ " + std::to_string(i);
    o.sectors = {d::Sector::kVV};
    o.profiles = {"5VV"};
    o.delivery_forms = {d::DeliveryForm::kVerblijf};
    o.capacity = 10 + i;
    o.free_places = i % 3;
    o.contracted_regions = {"5531"};
    o.features = {{"tuin", 1}, {"groepsgrootte", 0.1 * i}};
    if (i % 4)
      o.quality = {{d::QualityKind::kReviews, "ZorgkaartNederland",
                    "2026-01-0" + std::to_string(1 + i % 9), 7.25 + i / 3.0, 10 + i}};
    ds.offers.push_back(o);
  }
  for (int i = 0; i < 20; ++i) {
    d::Client c;
    c.id = "cli-" + std::to_string(100 + i);
    c.name = "Cliënt " + std::to_string(i);
    c.municipality_code = "GM0935";
    c.home = {50.85 + i / 1000.0, 5.7};
    c.profile = "5VV";
    c.wishes = {{"tuin", d::Importance::kMust, std::nullopt, "buiten"},
                {"", d::Importance::kNice, 3.0, "mijn stoel"}};
    if (i % 5 == 0) c.representative = d::Representative{"Vertegenwoordiger", "dochter"};
    ds.clients.push_back(c);
  }
  return ds;
}

class CopyDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    source_path_ = std::filesystem::temp_directory_path() /
                   ("passend-copy-" + std::to_string(::getpid()) + "-" +
                    ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    Remove();
    auto source = OpenDatabaseWithTables(source_path_.string());
    ASSERT_TRUE(source.ok()) << source.error().ToString();
    source_ = std::move(source).value();
    ASSERT_TRUE(Write(*source_.db, SmallRegion()).ok());
    a::Clock clock = [] { return *a::ParseUtc("2026-03-01T09:00:00Z"); };
    a::AuditLog log(source_.db->audit(), clock);
    for (int i = 0; i < 5; ++i)
      ASSERT_TRUE(
          log.Record({"usr-1", "admin", "", "cli-100", "dossier", "read", "reden", "", "", ""})
              .ok());
    for (int i = 0; i < 3; ++i)
      ASSERT_TRUE(source_.db->accounts().RecordLoginAttempt("ip:10.0.0.1", clock(), false).ok());
  }
  void TearDown() override {
    source_ = {};
    Remove();
  }
  void Remove() {
    for (const char* ext : {"", "-wal", "-shm"})
      std::filesystem::remove(source_path_.string() + ext);
  }
  // A fresh target: an empty PostgreSQL database when the test server is there, else an
  // in-memory SQLite database.
  DatabaseWithTables Target() {
    auto server = postgres::testing::TestServerUri();
    EXPECT_TRUE(server.ok()) << server.error().ToString();
    std::string name = ":memory:";
    if (server.ok() && server->has_value()) {
      auto scratch = postgres::testing::ScratchDatabase::Create(**server);
      EXPECT_TRUE(scratch.ok()) << scratch.error().ToString();
      name = (*scratch)->uri();
      scratches_.push_back(std::move(scratch).value());
    }
    auto target = OpenDatabaseWithTables(name);
    EXPECT_TRUE(target.ok()) << target.error().ToString();
    return std::move(target).value();
  }

  std::filesystem::path source_path_;
  DatabaseWithTables source_;
  std::vector<std::unique_ptr<postgres::testing::ScratchDatabase>> scratches_;
};

TEST_F(CopyDatabaseTest, EveryTableArrivesWithTheSameCountAndChecksum) {
  DatabaseWithTables target = Target();
  auto copied = CopyDatabase(source_, target);
  ASSERT_TRUE(copied.ok()) << copied.error().ToString();
  std::map<std::string, int64_t> rows;
  for (const auto& t : *copied) {
    EXPECT_EQ(t.source, t.target) << t.source.table;
    rows[t.source.table] = t.source.rows;
  }
  EXPECT_EQ(rows["offers"], 12);
  EXPECT_EQ(rows["clients"], 20);
  EXPECT_EQ(rows["client_wishes"], 40);
  EXPECT_EQ(rows["audit_log"], 5);
  EXPECT_EQ(rows["login_attempts"], 3);
  EXPECT_EQ(rows.count("schema_version"), 0u);
  // Summed again afterwards, through each backend: the same.
  EXPECT_EQ(*SumTables(*source_.tables), *SumTables(*target.tables));
  // The records read through the stores are the same records.
  EXPECT_EQ(interop::DatasetToJson(*ReadDataset(*target.db)),
            interop::DatasetToJson(*ReadDataset(*source_.db)));
  // The access log's chain came along whole, and goes on from where it was.
  a::Clock clock = [] { return *a::ParseUtc("2026-03-01T10:00:00Z"); };
  a::AuditLog log(target.db->audit(), clock);
  ASSERT_TRUE(
      log.Record({"usr-1", "admin", "", "cli-101", "dossier", "read", "reden", "", "", ""}).ok());
  auto report = log.Verify();
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok()) << report->problem;
  EXPECT_EQ(report->entries, 6);
  // Generated keys continue after the copied ones.
  EXPECT_TRUE(target.db->accounts().RecordLoginAttempt("ip:10.0.0.2", clock(), true).ok());
}

// The target's change feed starts after the copied data (Tables::RestartChanges), on both
// backends as a target: a reader from before the copy gets a gap and rebuilds; a reader
// that starts afterwards reads the data and follows from the head.
TEST_F(CopyDatabaseTest, TheTargetsFeedStartsAfterTheCopiedData) {
  std::vector<std::pair<std::string, DatabaseWithTables>> targets;
  targets.emplace_back("postgres or sqlite", Target());
  auto memory = OpenDatabaseWithTables(":memory:");
  ASSERT_TRUE(memory.ok());
  targets.emplace_back("sqlite", std::move(memory).value());
  for (auto& [name, target] : targets) {
    SCOPED_TRACE(name);
    const int64_t before = *target.db->LastChange();
    ASSERT_TRUE(CopyDatabase(source_, target).ok());
    const int64_t head = *target.db->LastChange();
    EXPECT_GT(head, before);
    auto behind = target.db->ChangesSince(before, 100);
    ASSERT_TRUE(behind.ok()) << behind.error().ToString();
    EXPECT_TRUE(behind->gap);
    auto at_head = target.db->ChangesSince(head, 100);
    EXPECT_FALSE(at_head->gap);
    EXPECT_TRUE(at_head->changes.empty());
    // A change made on the new database follows the head.
    d::Offer o = *target.db->catalog().GetOffer("off-13");
    o.free_places += 1;
    ASSERT_TRUE(target.db->catalog().PutOffer(o).ok());
    auto next = target.db->ChangesSince(head, 100);
    EXPECT_FALSE(next->gap);
    ASSERT_EQ(next->changes.size(), 1u);
    EXPECT_GT(next->changes[0].seq, head);
    EXPECT_EQ(next->changes[0].id, "off-13");
  }
}

TEST_F(CopyDatabaseTest, AChangedRowChangesTheChecksum) {
  DatabaseWithTables target = Target();
  ASSERT_TRUE(CopyDatabase(source_, target).ok());
  d::Offer o = *target.db->catalog().GetOffer("off-13");
  o.free_places += 1;
  ASSERT_TRUE(target.db->catalog().PutOffer(o).ok());
  auto before = *SumTables(*source_.tables);
  auto after = *SumTables(*target.tables);
  for (size_t i = 0; i < before.size(); ++i) {
    if (before[i].table == "offers") {
      EXPECT_EQ(before[i].rows, after[i].rows);
      EXPECT_NE(before[i].checksum, after[i].checksum);
    } else {
      EXPECT_EQ(before[i], after[i]) << before[i].table;
    }
  }
}

TEST_F(CopyDatabaseTest, ATargetWithDataIsRefused) {
  DatabaseWithTables target = Target();
  ASSERT_TRUE(target.db->catalog().PutProvider({"prv-z", "Al aanwezig", true, ""}).ok());
  auto copied = CopyDatabase(source_, target);
  ASSERT_FALSE(copied.ok());
  EXPECT_EQ(copied.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_EQ(target.db->catalog().AllOffers()->size(), 0u);
}

// The target's tables, losing every third row of one table on the way in.
class LossyTables : public Tables {
 public:
  LossyTables(Tables& real, std::string table) : real_(real), table_(std::move(table)) {}
  Result<std::vector<TableInfo>> List() override { return real_.List(); }
  Result<int64_t> Count(const TableInfo& t) override { return real_.Count(t); }
  Status Read(const TableInfo& t, const RowSink& sink) override { return real_.Read(t, sink); }
  Status RestartChanges() override { return real_.RestartChanges(); }
  Status Append(const TableInfo& t, const std::function<Status(const RowSink&)>& produce) override {
    if (t.name != table_) return real_.Append(t, produce);
    int n = 0;
    return real_.Append(t, [&](const RowSink& put) {
      return produce([&](const Row& row) { return ++n % 3 == 0 ? Ok() : put(row); });
    });
  }

 private:
  Tables& real_;
  std::string table_;
};

TEST_F(CopyDatabaseTest, ACopyThatArrivesDifferentWritesNothing) {
  DatabaseWithTables target = Target();
  DatabaseWithTables lossy{std::move(target.db),
                           std::make_unique<LossyTables>(*target.tables, "client_wishes")};
  auto copied = CopyDatabase(source_, lossy);
  ASSERT_FALSE(copied.ok());
  EXPECT_EQ(copied.error().code(), ErrorCode::kInternal);
  EXPECT_NE(copied.error().message().find("client_wishes"), std::string::npos);
  EXPECT_EQ(*lossy.db->clients().CountClients({}), 0);
  EXPECT_EQ(lossy.db->catalog().AllProviders()->size(), 0u);
  lossy.tables.reset();
  target.tables.reset();
}

}  // namespace
}  // namespace passend::store
