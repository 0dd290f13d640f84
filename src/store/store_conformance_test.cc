// The storage contract every backend keeps, run against each backend (TEST_P): the module
// stores (catalog, clients), the access stores (accounts, consents, audit), transactions
// and the change feed. A new backend adds one line to Backends() below. PostgreSQL runs
// on the test server CTest's `postgres` fixture starts (store/postgres/test_server.h), in
// a database of its own per test; without a server (the binary run by hand) it skips.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <thread>

#include "access/audit.h"
#include "access/login_throttle.h"
#include "intake/intake_service.h"
#include "interop/native_json.h"
#include "refdata/refdata.h"
#include "store/open_database.h"
#include "store/postgres/test_server.h"

namespace passend::store {
namespace {

namespace a = passend::access;
namespace d = passend::domain;
using std::chrono::milliseconds;

struct Backend {
  std::string name;
  // Opens a fresh, empty database; `scratch` is a file path unique to the test.
  std::function<Result<std::unique_ptr<Database>>(const std::string& scratch)> open;
  // Opens the same database again; empty when the backend cannot (in memory).
  std::function<Result<std::unique_ptr<Database>>(const std::string& scratch)> reopen;
};

void PrintTo(const Backend& b, std::ostream* os) { *os << b.name; }

// PostgreSQL: one scratch database per test, named after its scratch path and dropped in
// TearDown (DropPostgresScratch).
std::map<std::string, std::unique_ptr<postgres::testing::ScratchDatabase>>& PostgresScratch() {
  static std::map<std::string, std::unique_ptr<postgres::testing::ScratchDatabase>> all;
  return all;
}

Result<std::unique_ptr<Database>> OpenPostgres(const std::string& scratch) {
  PASSEND_ASSIGN_OR_RETURN(std::optional<std::string> server, postgres::testing::TestServerUri());
  if (!server) return Unavailable("no PostgreSQL test server (PASSEND_TEST_PG_URI)");
  auto& all = PostgresScratch();
  if (all.count(scratch) == 0) {
    PASSEND_ASSIGN_OR_RETURN(all[scratch], postgres::testing::ScratchDatabase::Create(*server));
  }
  return OpenDatabase(all[scratch]->uri());
}

void DropPostgresScratch(const std::string& scratch) { PostgresScratch().erase(scratch); }

std::vector<Backend> Backends() {
  auto file = [](const std::string& scratch) { return OpenDatabase(scratch); };
  return {
      {"sqlite_file", file, file},
      {"sqlite_memory", [](const std::string&) { return OpenDatabase(":memory:"); }, {}},
      {"postgres", OpenPostgres, OpenPostgres},
  };
}

a::Time At(const char* utc) { return *a::ParseUtc(utc); }

class StoreConformance : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::replace(test.begin(), test.end(), '/', '-');  // "Name/backend"
    scratch_ = std::filesystem::temp_directory_path() /
               ("passend-conformance-" + std::to_string(::getpid()) + "-" + test + ".db");
    RemoveScratch();
    if (GetParam().name == "postgres") {
      auto server = postgres::testing::TestServerUri();
      ASSERT_TRUE(server.ok()) << server.error().ToString();
      if (!server->has_value()) GTEST_SKIP() << "no PostgreSQL test server (PASSEND_TEST_PG_URI)";
    }
    auto db = GetParam().open(scratch_.string());
    ASSERT_TRUE(db.ok()) << db.error().ToString();
    db_ = std::move(db).value();
  }
  void TearDown() override {
    db_.reset();
    RemoveScratch();
    DropPostgresScratch(scratch_.string());
  }
  void RemoveScratch() {
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(scratch_.string() + ext);
  }

  static d::Offer MakeOffer(std::string id, d::OfferKind kind, std::vector<std::string> profiles) {
    d::Offer o;
    o.id = std::move(id);
    o.provider_id = "prv-a";
    o.location_id = "loc-a";
    o.kind = kind;
    o.name = "Aanbod " + o.id;
    o.sectors = {d::Sector::kVV};
    o.profiles = std::move(profiles);
    o.delivery_forms = {d::DeliveryForm::kVerblijf, d::DeliveryForm::kPgb};
    o.capacity = 10;
    o.free_places = 2;
    o.contracted_regions = {"5531"};
    o.features = {{"tuin", 1}, {"groepsgrootte", 8}, {"huisdier_toegestaan", 0}};
    o.quality = {{d::QualityKind::kReviews, "ZorgkaartNederland", "2026-03-14", 7.5, 132},
                 {d::QualityKind::kInspection, "Inspectie Gezondheidszorg en Jeugd", "2025-11-02",
                  0, 0, d::InspectionOutcome::kEnhancedSupervision, "https://www.igj.nl/r/1"}};
    return o;
  }

  static d::Client MakeClient(std::string id, std::string municipality) {
    d::Client c;
    c.id = std::move(id);
    c.name = "Test " + c.id;
    c.municipality_code = std::move(municipality);
    c.home = {50.85, 5.7};
    c.profile = "5VV";
    c.indication = d::IndicationStatus::kGranted;
    c.care_status = d::CareStatus::kInCare;
    c.care_provider_id = "prv-a";
    c.seeking = {d::OfferKind::kWonen};
    c.wishes = {{"tuin", d::Importance::kMust, std::nullopt, "buiten zijn"},
                {"", d::Importance::kNice, std::nullopt, "mijn eigen stoel"}};
    c.needs = {{"dementie_expertise", ""}};
    c.places = {{d::PlaceKind::kFamilie, "zoon", {50.9, 5.8}, 15, d::Importance::kImportant}};
    return c;
  }

  void SeedCatalog() {
    ASSERT_TRUE(db_->InTransaction([&]() -> Status {
                     PASSEND_RETURN_IF_ERROR(
                         db_->catalog().PutProvider({"prv-a", "Zorggroep A", true, ""}));
                     PASSEND_RETURN_IF_ERROR(db_->catalog().PutProvider(
                         {"prv-b", "Zorggroep B", false, "https://b.example"}));
                     PASSEND_RETURN_IF_ERROR(db_->catalog().PutLocation(
                         {"loc-a", "prv-a", "Locatie A", "", "GM0935", {50.85, 5.70}}));
                     PASSEND_RETURN_IF_ERROR(db_->catalog().PutLocation(
                         {"loc-b", "prv-b", "Locatie B", "Straat 1", "GM0917", {50.88, 5.98}}));
                     return Ok();
                   })
                    .ok());
  }

  a::User MakeUser(std::string id, std::string email, std::vector<std::string> clients = {}) {
    return {
        std::move(id), std::move(email),          "Naam", a::Role::kOco, "", std::move(clients), "",
        true,          At("2026-03-01T09:00:00Z")};
  }

  // Every change the feed holds after `after`, in order, as "entity:id".
  std::vector<std::string> ChangesAfter(int64_t after) {
    std::vector<std::string> out;
    auto page = db_->ChangesSince(after, 10'000);
    EXPECT_TRUE(page.ok()) << page.error().ToString();
    if (!page.ok()) return out;
    EXPECT_FALSE(page->gap);
    int64_t last = after;
    for (const Change& c : page->changes) {
      EXPECT_GT(c.seq, last);
      last = c.seq;
      out.push_back(std::string(ToString(c.entity)) + ":" + c.id);
    }
    return out;
  }

  std::filesystem::path scratch_;
  std::unique_ptr<Database> db_;
};

// --- schema and transactions ---

TEST_P(StoreConformance, SchemaIsMigratedOnceAndKept) {
  auto v = db_->SchemaVersion();
  ASSERT_TRUE(v.ok()) << v.error().ToString();
  EXPECT_GE(*v, 4);  // the change log comes with migration 0004
  if (!GetParam().reopen) return;
  SeedCatalog();
  db_.reset();
  auto again = GetParam().reopen(scratch_.string());
  ASSERT_TRUE(again.ok()) << again.error().ToString();
  db_ = std::move(again).value();
  EXPECT_EQ(*db_->SchemaVersion(), *v);
  EXPECT_TRUE(db_->catalog().GetProvider("prv-a").ok());
}

TEST_P(StoreConformance, TransactionCommitsEveryWriteTogether) {
  SeedCatalog();
  ASSERT_TRUE(db_->InTransaction([&]() -> Status {
                   PASSEND_RETURN_IF_ERROR(
                       db_->catalog().PutOffer(MakeOffer("off-1", d::OfferKind::kWonen, {})));
                   // Reads inside the transaction see its own writes (they join it).
                   auto own = db_->catalog().GetOffer("off-1");
                   if (!own.ok()) return own.error();
                   return db_->clients().PutClient(MakeClient("cli-1", "GM0935"));
                 })
                  .ok());
  EXPECT_TRUE(db_->catalog().GetOffer("off-1").ok());
  EXPECT_TRUE(db_->clients().GetClient("cli-1").ok());
}

TEST_P(StoreConformance, FailedOrThrowingTransactionWritesNothing) {
  SeedCatalog();
  Status s = db_->InTransaction([&]() -> Status {
    PASSEND_RETURN_IF_ERROR(db_->catalog().PutOffer(MakeOffer("off-1", d::OfferKind::kWonen, {})));
    PASSEND_RETURN_IF_ERROR(db_->accounts().PutUser(MakeUser("usr-1", "a@b.nl")));
    return InvalidArgument("halverwege fout");
  });
  EXPECT_EQ(s.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(db_->catalog().GetOffer("off-1").error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(db_->accounts().GetUser("usr-1").error().code(), ErrorCode::kNotFound);
  EXPECT_THROW(db_->InTransaction([&]() -> Status {
    (void)db_->catalog().PutOffer(MakeOffer("off-2", d::OfferKind::kWonen, {}));
    throw std::runtime_error("bug");
  }),
               std::runtime_error);
  EXPECT_EQ(db_->catalog().GetOffer("off-2").error().code(), ErrorCode::kNotFound);
  // The database is usable afterwards, and transactions do not nest.
  EXPECT_TRUE(db_->catalog().PutOffer(MakeOffer("off-3", d::OfferKind::kWonen, {})).ok());
  Status nested = db_->InTransaction([&] { return db_->InTransaction([] { return Ok(); }); });
  EXPECT_EQ(nested.error().code(), ErrorCode::kFailedPrecondition);
}

// --- catalogue ---

TEST_P(StoreConformance, ProvidersAndLocationsRoundTripAndPage) {
  SeedCatalog();
  auto p = db_->catalog().GetProvider("prv-b");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->name, "Zorggroep B");
  EXPECT_FALSE(p->established);
  EXPECT_EQ(p->website, "https://b.example");
  EXPECT_EQ(db_->catalog().GetProvider("prv-x").error().code(), ErrorCode::kNotFound);
  auto first = db_->catalog().ListProviders({}, {"", 1});
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->items.size(), 1u);
  EXPECT_EQ(first->items[0].id, "prv-a");
  EXPECT_EQ(first->next_after, "prv-a");
  auto second = db_->catalog().ListProviders({}, {first->next_after, 1});
  EXPECT_EQ(second->items[0].id, "prv-b");
  EXPECT_TRUE(second->next_after.empty());

  auto l = db_->catalog().GetLocation("loc-b");
  ASSERT_TRUE(l.ok());
  EXPECT_EQ(l->address, "Straat 1");
  EXPECT_DOUBLE_EQ(l->position.lat, 50.88);
  EXPECT_EQ(db_->catalog().GetLocation("loc-x").error().code(), ErrorCode::kNotFound);
  catalog::LocationFilter of_b;
  of_b.provider_id = "prv-b";
  EXPECT_EQ(db_->catalog().ListLocations(of_b, {"", 10})->items.size(), 1u);
  catalog::LocationFilter in;
  in.municipality_codes = {"GM0935", "GM0917"};
  EXPECT_EQ(db_->catalog().ListLocations(in, {"", 10})->items.size(), 2u);
  in.municipality_codes = {"GM0001"};
  EXPECT_TRUE(db_->catalog().ListLocations(in, {"", 10})->items.empty());

  // Put replaces.
  ASSERT_TRUE(db_->catalog().PutProvider({"prv-b", "Zorggroep Bee", true, ""}).ok());
  EXPECT_EQ(db_->catalog().GetProvider("prv-b")->name, "Zorggroep Bee");
  EXPECT_EQ(db_->catalog().AllProviders()->size(), 2u);
  auto locations = db_->catalog().AllLocations();
  ASSERT_EQ(locations->size(), 2u);
  EXPECT_EQ((*locations)[0].id, "loc-a");
}

TEST_P(StoreConformance, OfferRoundTripsWithItsLists) {
  SeedCatalog();
  d::Offer o = MakeOffer("off-1", d::OfferKind::kWonen, {"5VV", "6VV"});
  ASSERT_TRUE(db_->catalog().PutOffer(o).ok());
  auto back = db_->catalog().GetOffer("off-1");
  ASSERT_TRUE(back.ok()) << back.error().ToString();
  EXPECT_EQ(interop::ToJson(*back), interop::ToJson(o));
  EXPECT_EQ(back->quality, o.quality);  // source, date, count, outcome and link kept (migration 15)
  // Put replaces, lists included.
  o.features = {{"huisdier_toegestaan", 1}};
  o.quality = {{d::QualityKind::kReviews, "ZorgkaartNederland", "2026-06-01", 8.1, 140}};
  o.temporary = true;  // a bridging offer (SQLite migration 5, PostgreSQL 4)
  ASSERT_TRUE(db_->catalog().PutOffer(o).ok());
  EXPECT_EQ(interop::ToJson(*db_->catalog().GetOffer("off-1")), interop::ToJson(o));
  EXPECT_EQ(interop::ToJson(db_->catalog().AllOffers()->at(0)), interop::ToJson(o));
  o.quality.clear();
  ASSERT_TRUE(db_->catalog().PutOffer(o).ok());
  EXPECT_TRUE(db_->catalog().GetOffer("off-1")->quality.empty());
  EXPECT_EQ(db_->catalog().GetOffer("off-x").error().code(), ErrorCode::kNotFound);
}

// Issue 21 (migration 8 on both backends): the upkeep fields, the change history in order
// and inside the offer's transaction, and the filter for offers not kept up to date.
TEST_P(StoreConformance, OfferUpkeepHistoryAndOutdatedFilter) {
  SeedCatalog();
  d::Offer a = MakeOffer("off-1", d::OfferKind::kWonen, {"5VV"});
  a.intake_contact = "043 123 45 67";
  a.intake_requirements = "Een indicatie 5VV of hoger";
  a.places_updated = "2026-11-20T08:00:00Z";
  a.details_updated = "2026-01-05T09:30:00Z";
  d::Offer b = MakeOffer("off-2", d::OfferKind::kWonen, {});
  b.places_updated = "2026-09-01T00:00:00Z";  // free places long not stated
  b.details_updated = "2026-09-01T00:00:00Z";
  ASSERT_TRUE(db_->catalog().PutOffer(a).ok());
  ASSERT_TRUE(db_->catalog().PutOffer(b).ok());
  auto back = db_->catalog().GetOffer("off-1");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->intake_contact, a.intake_contact);
  EXPECT_EQ(back->intake_requirements, a.intake_requirements);
  EXPECT_EQ(back->places_updated, a.places_updated);
  EXPECT_EQ(back->details_updated, a.details_updated);
  EXPECT_EQ(interop::ToJson(db_->catalog().AllOffers()->at(0)), interop::ToJson(a));

  catalog::OfferFilter outdated;
  outdated.outdated = d::FreshnessCutoffs{"2026-10-27T00:00:00Z", "2025-11-26T00:00:00Z"};
  auto page = db_->catalog().ListOffers(outdated, {"", 10});
  ASSERT_TRUE(page.ok()) << page.error().ToString();
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].id, "off-2");
  outdated.outdated->details_before = "2026-02-01T00:00:00Z";  // the rest of off-1 is older
  EXPECT_EQ(db_->catalog().ListOffers(outdated, {"", 10})->items.size(), 2u);

  const std::vector<catalog::OfferChange> changes = {
      {"off-1", "2026-11-26T10:00:00Z", "usr-1", "org-1", "free_places", "2", "3"},
      {"off-1", "2026-11-26T10:00:00Z", "usr-1", "org-1", "features.tuin", "", "1.0"},
      {"off-2", "2026-11-26T10:01:00Z", "usr-2", "", "description", "", "Nieuw"}};
  ASSERT_TRUE(db_->catalog().AddOfferChanges(changes).ok());
  auto history = db_->catalog().OfferChanges("off-1");
  ASSERT_TRUE(history.ok()) << history.error().ToString();
  EXPECT_EQ(*history, (std::vector<catalog::OfferChange>{changes[0], changes[1]}));
  EXPECT_TRUE(db_->catalog().OfferChanges("off-x")->empty());
  // A failed transaction leaves no history behind.
  Status failed = db_->InTransaction([&]() -> Status {
    PASSEND_RETURN_IF_ERROR(db_->catalog().AddOfferChanges({changes[2]}));
    return InvalidArgument("afgebroken");
  });
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(db_->catalog().OfferChanges("off-2")->size(), 1u);
  // An empty list writes nothing and is no error.
  EXPECT_TRUE(db_->catalog().AddOfferChanges({}).ok());
}

// Issue 21.3 (migration 9 on both backends): register numbers round-trip, and one number
// names at most one provider.
TEST_P(StoreConformance, ProviderRegisterNumbersRoundTripAndAreUnique) {
  d::Provider p{"prv-x", "Zorggroep X", true, "", "33330001", "41234567", "00001234"};
  ASSERT_TRUE(db_->catalog().PutProvider(p).ok());
  auto back = db_->catalog().GetProvider("prv-x");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(interop::ToJson(*back), interop::ToJson(p));
  ASSERT_TRUE(db_->catalog().PutProvider({"prv-y", "Y", true, ""}).ok());
  ASSERT_TRUE(db_->catalog().PutProvider({"prv-z", "Z", true, ""}).ok());  // empty: no clash
  Status twice = db_->catalog().PutProvider({"prv-y", "Y", true, "", "", "41234567", ""});
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code(), ErrorCode::kAlreadyExists);
}

// Issue 21.2 (migration 10 on both backends): the register status round-trips, the public
// lists leave out providers that are not approved (and their locations and offers), and
// the register history keeps its order inside the transaction.
TEST_P(StoreConformance, RegisterStatusFiltersThePublicListsAndKeepsItsHistory) {
  SeedCatalog();
  ASSERT_TRUE(db_->catalog().PutOffer(MakeOffer("off-1", d::OfferKind::kWonen, {})).ok());
  d::Provider p = *db_->catalog().GetProvider("prv-a");
  EXPECT_EQ(p.register_status, d::RegisterStatus::kApproved);  // the default
  p.register_status = d::RegisterStatus::kSuspended;
  ASSERT_TRUE(db_->catalog().PutProvider(p).ok());
  EXPECT_EQ(db_->catalog().GetProvider("prv-a")->register_status, d::RegisterStatus::kSuspended);
  EXPECT_EQ(db_->catalog().AllProviders()->at(0).register_status, d::RegisterStatus::kSuspended);

  catalog::ProviderFilter listed;
  listed.listed_only = true;
  auto providers = db_->catalog().ListProviders(listed, {"", 10});
  ASSERT_TRUE(providers.ok()) << providers.error().ToString();
  ASSERT_EQ(providers->items.size(), 1u);
  EXPECT_EQ(providers->items[0].id, "prv-b");
  catalog::ProviderFilter suspended;
  suspended.status = d::RegisterStatus::kSuspended;
  auto found = db_->catalog().ListProviders(suspended, {"", 10});
  ASSERT_EQ(found->items.size(), 1u);
  EXPECT_EQ(found->items[0].id, "prv-a");
  catalog::OfferFilter offers;
  offers.listed_only = true;
  EXPECT_TRUE(db_->catalog().ListOffers(offers, {"", 10})->items.empty());
  EXPECT_EQ(db_->catalog().ListOffers({}, {"", 10})->items.size(), 1u);
  catalog::LocationFilter locations;
  locations.listed_only = true;
  auto shown = db_->catalog().ListLocations(locations, {"", 10});
  ASSERT_TRUE(shown.ok());
  ASSERT_EQ(shown->items.size(), 1u);
  EXPECT_EQ(shown->items[0].provider_id, "prv-b");

  const std::vector<catalog::ProviderChange> changes = {
      {"prv-a", "2026-11-26T10:00:00Z", "usr-1", "org-1", "register_status", "approved",
       "suspended"},
      {"prv-a", "2026-11-26T10:00:00Z", "usr-1", "org-1", "register_reason", "", "Inspectie"}};
  ASSERT_TRUE(db_->catalog().AddProviderChanges(changes).ok());
  Status failed = db_->InTransaction([&]() -> Status {
    PASSEND_RETURN_IF_ERROR(db_->catalog().AddProviderChanges({changes[0]}));
    return InvalidArgument("afgebroken");
  });
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(*db_->catalog().ProviderChanges("prv-a"), changes);
  EXPECT_TRUE(db_->catalog().ProviderChanges("prv-x")->empty());
}

TEST_P(StoreConformance, DanglingReferenceIsRefused) {
  Status s = db_->catalog().PutOffer(MakeOffer("off-1", d::OfferKind::kWonen, {}));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code(), ErrorCode::kFailedPrecondition);
}

// A bulk transaction (an import) may check references once at the end, but it refuses a
// dangling one all the same, and then writes nothing; the database checks every row again
// afterwards.
TEST_P(StoreConformance, BulkTransactionRefusesADanglingReferenceAndWritesNothing) {
  Status s = db_->InBulkTransaction([&]() -> Status {
    PASSEND_RETURN_IF_ERROR(db_->catalog().PutProvider({"prv-a", "Zorggroep A", true, ""}));
    return db_->catalog().PutOffer(MakeOffer("off-1", d::OfferKind::kWonen, {}));
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_EQ(db_->catalog().GetProvider("prv-a").error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(db_->catalog().GetOffer("off-1").error().code(), ErrorCode::kNotFound);
  Status after = db_->catalog().PutOffer(MakeOffer("off-2", d::OfferKind::kWonen, {}));
  EXPECT_EQ(after.error().code(), ErrorCode::kFailedPrecondition);
  // Whole and valid, it commits.
  SeedCatalog();
  EXPECT_TRUE(db_->InBulkTransaction([&] {
                   return db_->catalog().PutOffer(MakeOffer("off-3", d::OfferKind::kWonen, {}));
                 })
                  .ok());
  EXPECT_TRUE(db_->catalog().GetOffer("off-3").ok());
}

TEST_P(StoreConformance, OfferPagingAndFilters) {
  SeedCatalog();
  ASSERT_TRUE(db_->InTransaction([&]() -> Status {
                   for (int i = 0; i < 25; ++i) {
                     const auto kind = i % 2 ? d::OfferKind::kDagbesteding : d::OfferKind::kWonen;
                     std::vector<std::string> profiles;
                     if (i % 3 == 0) profiles = {"5VV"};
                     if (i % 3 == 1) profiles = {"6VV"};
                     PASSEND_RETURN_IF_ERROR(db_->catalog().PutOffer(MakeOffer(
                         "off-" + std::string(1, static_cast<char>('a' + i)), kind, profiles)));
                   }
                   return Ok();
                 })
                  .ok());
  std::vector<std::string> seen;
  PageRequest page{"", 10};
  int pages = 0;
  while (true) {
    auto p = db_->catalog().ListOffers({}, page);
    ASSERT_TRUE(p.ok()) << p.error().ToString();
    ++pages;
    for (const auto& o : p->items) seen.push_back(o.id);
    if (p->next_after.empty()) break;
    page.after = p->next_after;
  }
  EXPECT_EQ(pages, 3);
  ASSERT_EQ(seen.size(), 25u);
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));

  catalog::OfferFilter wonen;
  wonen.kind = d::OfferKind::kWonen;
  EXPECT_EQ(db_->catalog().ListOffers(wonen, {"", 100})->items.size(), 13u);
  catalog::OfferFilter of_a;
  of_a.provider_id = "prv-a";
  EXPECT_EQ(db_->catalog().ListOffers(of_a, {"", 100})->items.size(), 25u);
  of_a.provider_id = "prv-b";
  EXPECT_TRUE(db_->catalog().ListOffers(of_a, {"", 100})->items.empty());

  // 5VV: explicitly listed (i%3==0: 9 offers) or no list but serving VV (i%3==2: 8).
  catalog::OfferFilter five;
  five.profile = "5VV";
  EXPECT_EQ(db_->catalog().ListOffers(five, {"", 100})->items.size(), 9u);
  five.sector = d::Sector::kVV;
  EXPECT_EQ(db_->catalog().ListOffers(five, {"", 100})->items.size(), 17u);

  catalog::OfferFilter elsewhere;
  elsewhere.municipality_codes = {"GM0917"};
  EXPECT_TRUE(db_->catalog().ListOffers(elsewhere, {"", 100})->items.empty());
  elsewhere.municipality_codes.push_back("GM0935");
  EXPECT_EQ(db_->catalog().ListOffers(elsewhere, {"", 100})->items.size(), 25u);
  catalog::OfferFilter contracted;
  contracted.contracted_region = "5521";
  EXPECT_TRUE(db_->catalog().ListOffers(contracted, {"", 100})->items.empty());
  contracted.contracted_region = "5531";
  EXPECT_EQ(db_->catalog().ListOffers(contracted, {"", 100})->items.size(), 25u);
}

// Search in Dutch (issue 21.5): every word begins a word of the name or description, case
// and diacritics ignored on both sides; the index follows every write.
TEST_P(StoreConformance, OffersFoundByDutchWordsAndByDistance) {
  SeedCatalog();
  d::Offer wonen = MakeOffer("off-1", d::OfferKind::kWonen, {"5VV"});
  wonen.name = "Huize Ëikenhof";
  wonen.description = "Wonen voor cliënten met dementie, met een tuin.";
  d::Offer dag = MakeOffer("off-2", d::OfferKind::kDagbesteding, {});
  dag.provider_id = "prv-b";
  dag.location_id = "loc-b";
  dag.name = "Dagcentrum De Linde";
  dag.description = "Dagbesteding voor ouderen.";
  ASSERT_TRUE(db_->catalog().PutOffer(wonen).ok());
  ASSERT_TRUE(db_->catalog().PutOffer(dag).ok());

  catalog::OfferFilter filter;
  auto found = [&](std::string_view text) {
    filter.words = catalog::SearchWords(text);
    std::vector<std::string> ids;
    auto page = db_->catalog().ListOffers(filter, {"", 100});
    EXPECT_TRUE(page.ok()) << text << ": " << page.error().ToString();
    if (page.ok())
      for (const auto& o : page->items) ids.push_back(o.id);
    return ids;
  };
  using Ids = std::vector<std::string>;
  EXPECT_EQ(found("clienten"), Ids{"off-1"});
  EXPECT_EQ(found("CLIËNTEN"), Ids{"off-1"});
  EXPECT_EQ(found("Cliënten"), Ids{"off-1"});
  EXPECT_EQ(found("dem"), Ids{"off-1"});     // type-ahead: the beginning of a word
  EXPECT_EQ(found("eikenh"), Ids{"off-1"});  // the name, its diacritic folded
  EXPECT_EQ(found("voor"), (Ids{"off-1", "off-2"}));
  EXPECT_EQ(found("voor oud"), Ids{"off-2"});  // every word
  EXPECT_EQ(found("ouderen, dementie"), Ids{});
  EXPECT_EQ(found("mentie"), Ids{});  // the beginning of a word only
  EXPECT_EQ(found("tuinen"), Ids{});
  // Search syntax of either backend is plain words here: nothing matches, nothing fails.
  EXPECT_EQ(found("\"dem\" OR NOT* & !:* ("), Ids{});
  EXPECT_EQ(found("tuin ' \" ;"), Ids{"off-1"});

  // With the other filters.
  filter.kind = d::OfferKind::kDagbesteding;
  EXPECT_EQ(found("voor"), Ids{"off-2"});
  filter.kind.reset();
  filter.municipality_codes = {"GM0935"};
  EXPECT_EQ(found("voor"), Ids{"off-1"});
  filter.municipality_codes.clear();

  // An updated description is found by its new words, no longer by the old ones; so is a
  // changed name.
  dag.description = "Dagbesteding met muziektherapie.";
  dag.name = "Dagcentrum De Eik";
  ASSERT_TRUE(db_->catalog().PutOffer(dag).ok());
  EXPECT_EQ(found("muziek"), Ids{"off-2"});
  EXPECT_EQ(found("ouderen"), Ids{});
  EXPECT_EQ(found("linde"), Ids{});
  EXPECT_EQ(found("eik"), (Ids{"off-1", "off-2"}));
  // Written inside a transaction that fails: the index keeps the committed words.
  EXPECT_FALSE(db_->InTransaction([&]() -> Status {
                    d::Offer changed = dag;
                    changed.description = "Logeren aan zee.";
                    PASSEND_RETURN_IF_ERROR(db_->catalog().PutOffer(changed));
                    return Internal("stop");
                  })
                   .ok());
  EXPECT_EQ(found("zee"), Ids{});
  EXPECT_EQ(found("muziek"), Ids{"off-2"});

  // Distance from the location: loc-a (50.85, 5.70) and loc-b (50.88, 5.98) lie about 20 km
  // apart.
  filter.words.clear();
  filter.near = catalog::NearPoint{50.85, 5.70, 5};
  EXPECT_EQ(found(""), Ids{"off-1"});
  filter.near->km = 25;
  EXPECT_EQ(found(""), (Ids{"off-1", "off-2"}));
  filter.near = catalog::NearPoint{50.88, 5.98, 1};
  EXPECT_EQ(found("voor"), Ids{});
  EXPECT_EQ(found("eik"), Ids{"off-2"});
}

// --- clients ---

TEST_P(StoreConformance, ClientsStreamPageAndCountInIdOrderWithTheirLists) {
  ASSERT_TRUE(db_->InTransaction([&]() -> Status {
                   for (int i = 0; i < 30; ++i) {
                     d::Client c =
                         MakeClient("cli-" + std::to_string(100 + i), i % 2 ? "GM0935" : "GM0917");
                     if (i % 5 == 0) c.wishes.clear();  // some clients without wishes
                     if (i % 7 == 0)
                       c.representative = d::Representative{"Vertegenwoordiger", "dochter"};
                     PASSEND_RETURN_IF_ERROR(db_->clients().PutClient(c));
                   }
                   return Ok();
                 })
                  .ok());
  intake::ClientFilter maastricht;
  maastricht.municipality_codes = {"GM0935"};
  std::vector<d::Client> streamed;
  ASSERT_TRUE(db_->clients()
                  .ForEachClient(maastricht,
                                 [&](const d::Client& c) {
                                   streamed.push_back(c);
                                   return Ok();
                                 })
                  .ok());
  ASSERT_EQ(streamed.size(), 15u);
  EXPECT_EQ(*db_->clients().CountClients(maastricht), 15);
  EXPECT_EQ(*db_->clients().CountClients({}), 30);
  for (const auto& c : streamed) {
    auto one = db_->clients().GetClient(c.id);
    ASSERT_TRUE(one.ok());
    EXPECT_EQ(interop::ToJson(c), interop::ToJson(*one)) << c.id;
    EXPECT_EQ(one->care_status, d::CareStatus::kInCare);
    EXPECT_EQ(one->care_provider_id, "prv-a");
    EXPECT_EQ(*db_->clients().MunicipalityOf(c.id), "GM0935");
  }
  EXPECT_EQ(db_->clients().GetClient("cli-x").error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(db_->clients().MunicipalityOf("cli-x").error().code(), ErrorCode::kNotFound);

  auto p1 = db_->clients().ListClients(maastricht, {"", 10});
  ASSERT_TRUE(p1.ok());
  ASSERT_EQ(p1->items.size(), 10u);
  auto p2 = db_->clients().ListClients(maastricht, {p1->next_after, 10});
  EXPECT_EQ(p2->items.size(), 5u);
  EXPECT_TRUE(p2->next_after.empty());
  EXPECT_LT(p1->items.back().id, p2->items.front().id);

  // A callback error stops the walk and comes back.
  int calls = 0;
  Status s = db_->clients().ForEachClient({}, [&](const d::Client&) -> Status {
    return ++calls == 3 ? Status(Conflict("stop")) : Ok();
  });
  EXPECT_EQ(s.error().code(), ErrorCode::kConflict);
  EXPECT_EQ(calls, 3);
}

TEST_P(StoreConformance, ClientsFoundByNamePartAndBirthYear) {
  ASSERT_TRUE(db_->InTransaction([&]() -> Status {
                   const char* names[] = {"Anna de Vries", "Jan Jansen", "ANNEKE Bos", "Piet"};
                   for (int i = 0; i < 4; ++i) {
                     d::Client c = MakeClient("cli-" + std::to_string(i), "GM0935");
                     c.name = names[i];
                     c.birth_year = 1940 + i % 2;
                     PASSEND_RETURN_IF_ERROR(db_->clients().PutClient(c));
                   }
                   return Ok();
                 })
                  .ok());
  auto ids = [&](const intake::ClientFilter& f) {
    std::vector<std::string> out;
    auto page = db_->clients().ListClients(f, {"", 50});
    EXPECT_TRUE(page.ok());
    if (!page.ok()) return out;
    for (const auto& c : page->items) out.push_back(c.id);
    std::vector<std::string> streamed;
    EXPECT_TRUE(db_->clients()
                    .ForEachClient(f,
                                   [&](const d::Client& c) {
                                     streamed.push_back(c.id);
                                     EXPECT_EQ(c.wishes.size(), 2u);  // lists follow the filter
                                     return Ok();
                                   })
                    .ok());
    EXPECT_EQ(streamed, out);
    EXPECT_EQ(*db_->clients().CountClients(f), static_cast<int64_t>(out.size()));
    return out;
  };
  intake::ClientFilter anna;
  anna.name_contains = "aNn";
  EXPECT_EQ(ids(anna), (std::vector<std::string>{"cli-0", "cli-2"}));
  anna.birth_year = 1940;
  EXPECT_EQ(ids(anna), (std::vector<std::string>{"cli-0", "cli-2"}));
  anna.birth_year = 1941;
  EXPECT_EQ(ids(anna), (std::vector<std::string>{}));
  intake::ClientFilter born;
  born.birth_year = 1941;
  born.municipality_codes = {"GM0935"};
  EXPECT_EQ(ids(born), (std::vector<std::string>{"cli-1", "cli-3"}));
  intake::ClientFilter quote;
  quote.name_contains = "'%_";  // no pattern characters, nothing spliced in
  EXPECT_EQ(ids(quote), (std::vector<std::string>{}));
}

TEST_P(StoreConformance, ClientVersionsKeepEveryRecordAsItWas) {
  d::Client c = MakeClient("cli-1", "GM0935");
  c.representative = d::Representative{"Anja", "dochter"};
  intake::ClientVersionInfo v1{"cli-1", 1, "2026-03-01T09:00:00Z", "usr-1", "Els", "oco", "Intake"};
  EXPECT_EQ(db_->clients().RecordVersion(v1).error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(*db_->clients().LatestVersion("cli-1"), 0);
  ASSERT_TRUE(db_->clients().PutClient(c).ok());
  ASSERT_TRUE(db_->clients().RecordVersion(v1).ok());
  // The record changes; version 1 keeps what it was.
  d::Client changed = c;
  changed.wishes.pop_back();
  changed.needs.clear();
  changed.places.push_back({d::PlaceKind::kWerk, "werk", {50.8, 5.6}, 5, d::Importance::kNice});
  changed.representative.reset();
  ASSERT_TRUE(db_->clients().PutClient(changed).ok());
  intake::ClientVersionInfo v2{"cli-1",   2,        "2026-03-02T10:00:00Z",      "usr-2",
                               "Mevrouw", "client", "Ik wil bij mijn werk wonen"};
  ASSERT_TRUE(db_->clients().RecordVersion(v2).ok());
  EXPECT_EQ(db_->clients().RecordVersion(v2).error().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(*db_->clients().LatestVersion("cli-1"), 2);
  EXPECT_EQ(*db_->clients().ListVersions("cli-1"),
            (std::vector<intake::ClientVersionInfo>{v1, v2}));

  auto one = db_->clients().GetVersion("cli-1", 1);
  ASSERT_TRUE(one.ok()) << one.error().ToString();
  EXPECT_EQ(one->info, v1);
  EXPECT_EQ(interop::ToJson(one->record), interop::ToJson(c));
  EXPECT_TRUE(one->record == c);
  auto two = db_->clients().GetVersion("cli-1", 2);
  ASSERT_TRUE(two.ok());
  EXPECT_TRUE(two->record == changed);
  EXPECT_EQ(db_->clients().GetVersion("cli-1", 3).error().field(), "version");

  // A version that fails in a transaction leaves nothing behind; the erasure removes all.
  Status failed = db_->InTransaction([&]() -> Status {
    PASSEND_RETURN_IF_ERROR(db_->clients().RecordVersion({"cli-1", 3, "x", "u", "", "oco", "r"}));
    return InvalidArgument("halverwege");
  });
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(*db_->clients().LatestVersion("cli-1"), 2);
  ASSERT_TRUE(db_->clients().DeleteVersions("cli-1").ok());
  EXPECT_TRUE(db_->clients().ListVersions("cli-1")->empty());
  EXPECT_EQ(db_->clients().GetVersion("cli-1", 1).error().code(), ErrorCode::kNotFound);
  EXPECT_TRUE(db_->clients().GetClient("cli-1").ok());
}

TEST_P(StoreConformance, ConcurrentReadersAndAWriter) {
  SeedCatalog();
  ASSERT_TRUE(db_->catalog().PutOffer(MakeOffer("off-1", d::OfferKind::kWonen, {"5VV"})).ok());
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        if (t == 0) {
          if (!db_->catalog()
                   .PutOffer(MakeOffer("off-w" + std::to_string(i), d::OfferKind::kLogeren, {}))
                   .ok())
            ++failures;
        } else if (!db_->catalog().GetOffer("off-1").ok()) {
          ++failures;
        }
      }
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(db_->catalog().AllOffers()->size(), 51u);
}

// --- accounts ---

TEST_P(StoreConformance, OrganisationsAndUsers) {
  a::AccountStore& acc = db_->accounts();
  ASSERT_TRUE(
      acc.PutOrganisation({"org-z", "Zorgkantoor", a::Role::kZorgkantoor, "", "5531"}).ok());
  ASSERT_TRUE(acc.PutOrganisation({"org-a", "Aanbieder", a::Role::kProvider, "prv-a", ""}).ok());
  EXPECT_EQ(acc.GetOrganisation("org-z")->region, "5531");
  EXPECT_EQ(acc.GetOrganisation("org-x").error().code(), ErrorCode::kNotFound);
  auto orgs = acc.ListOrganisations();  // by name
  ASSERT_EQ(orgs->size(), 2u);
  EXPECT_EQ((*orgs)[0].id, "org-a");
  ASSERT_TRUE(acc.PutOrganisation({"org-a", "Zz laatste", a::Role::kProvider, "prv-a", ""}).ok());
  EXPECT_EQ(acc.ListOrganisations()->front().id, "org-z");

  ASSERT_TRUE(acc.PutUser(MakeUser("usr-1", "jan@example.nl", {"cli-2", "cli-1"})).ok());
  ASSERT_TRUE(acc.PutUser(MakeUser("usr-2", "piet@example.nl", {"cli-1"})).ok());
  ASSERT_TRUE(acc.PutUser(MakeUser("usr-3", "kees@example.nl")).ok());
  auto jan = acc.FindUserByEmail("jan@example.nl");
  ASSERT_TRUE(jan.ok());
  EXPECT_EQ(jan->client_ids, (std::vector<std::string>{"cli-2", "cli-1"}));
  EXPECT_EQ(jan->created_at, At("2026-03-01T09:00:00Z"));
  EXPECT_EQ(acc.GetUser("usr-2")->email, "piet@example.nl");
  EXPECT_EQ(acc.GetUser("usr-x").error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(acc.FindUserByEmail("x@example.nl").error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(acc.UsersForClient("cli-1")->size(), 2u);
  EXPECT_EQ(acc.UsersForClient("cli-2")->size(), 1u);
  // Another user with a taken address is refused; the same user may keep it.
  EXPECT_EQ(acc.PutUser(MakeUser("usr-4", "jan@example.nl")).error().code(),
            ErrorCode::kAlreadyExists);
  a::User again = *jan;
  again.active = false;
  again.client_ids = {"cli-3"};
  ASSERT_TRUE(acc.PutUser(again).ok());
  EXPECT_FALSE(acc.GetUser("usr-1")->active);
  EXPECT_EQ(acc.UsersForClient("cli-2")->size(), 0u);
  auto p1 = acc.ListUsers({"", 2});
  ASSERT_EQ(p1->items.size(), 2u);
  auto p2 = acc.ListUsers({p1->next_after, 2});
  ASSERT_EQ(p2->items.size(), 1u);
  EXPECT_TRUE(p2->next_after.empty());
}

TEST_P(StoreConformance, SessionsTokensAndLoginAttempts) {
  a::AccountStore& acc = db_->accounts();
  ASSERT_TRUE(acc.PutUser(MakeUser("usr-1", "a@b.nl")).ok());
  const a::Time t0 = At("2026-03-01T09:00:00Z");
  a::Session s{"ses-1", "hash-1", "csrf", "usr-1", t0, t0, t0 + std::chrono::hours(8)};
  ASSERT_TRUE(acc.PutSession(s).ok());
  auto found = acc.FindSession("hash-1");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->id, "ses-1");
  EXPECT_EQ(found->expires_at, s.expires_at);
  s.last_seen = t0 + std::chrono::minutes(5);
  ASSERT_TRUE(acc.PutSession(s).ok());
  EXPECT_EQ(acc.FindSession("hash-1")->last_seen, s.last_seen);
  EXPECT_EQ(acc.FindSession("ses-1").error().code(), ErrorCode::kNotFound);  // by digest only
  ASSERT_TRUE(acc.DeleteSession("ses-1").ok());
  EXPECT_EQ(acc.FindSession("hash-1").error().code(), ErrorCode::kNotFound);
  EXPECT_TRUE(acc.DeleteSession("ses-1").ok());  // already gone

  a::ApiToken t{"tok-1", "import", "thash", "usr-1", t0, std::nullopt, std::nullopt};
  ASSERT_TRUE(acc.PutApiToken(t).ok());
  EXPECT_FALSE(acc.FindApiToken("thash")->revoked_at.has_value());
  t.revoked_at = t0 + std::chrono::hours(1);
  ASSERT_TRUE(acc.PutApiToken(t).ok());
  EXPECT_EQ(acc.FindApiToken("thash")->revoked_at, t.revoked_at);
  EXPECT_EQ(acc.FindApiToken("nope").error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(acc.ListApiTokens()->size(), 1u);

  const std::string key = "account:a@b.nl";
  for (int i = 0; i < 3; ++i)
    ASSERT_TRUE(acc.RecordLoginAttempt(key, t0 + std::chrono::minutes(i), false).ok());
  EXPECT_EQ(*acc.CountRecentFailures(key, t0), 3);
  EXPECT_EQ(*acc.CountRecentFailures(key, t0 + std::chrono::minutes(2)), 1);
  ASSERT_TRUE(acc.RecordLoginAttempt(key, t0 + std::chrono::minutes(3), true).ok());
  ASSERT_TRUE(acc.RecordLoginAttempt(key, t0 + std::chrono::minutes(4), false).ok());
  EXPECT_EQ(*acc.CountRecentFailures(key, t0), 1);  // only after the last success
  EXPECT_EQ(*acc.CountRecentFailures("ip:10.0.0.1", t0), 0);
  // An erasure forgets the attempts on one account, however its address was typed.
  ASSERT_TRUE(acc.RecordLoginAttempt("account:A@B.nl", t0 + std::chrono::minutes(5), false).ok());
  ASSERT_TRUE(acc.RecordLoginAttempt("account:c@d.nl", t0 + std::chrono::minutes(5), false).ok());
  ASSERT_TRUE(acc.DeleteLoginAttempts(key).ok());
  EXPECT_EQ(*acc.CountRecentFailures(key, t0), 0);
  EXPECT_EQ(*acc.CountRecentFailures("account:A@B.nl", t0), 0);
  EXPECT_EQ(*acc.CountRecentFailures("account:c@d.nl", t0), 1);
}

// --- consents ---

TEST_P(StoreConformance, ConsentForms) {
  a::ConsentStore& cs = db_->consents();
  const a::Time t0 = At("2026-03-01T09:00:00Z");
  a::ConsentForm f1{"cns-1", "cli-1", {"org-m", "org-a"},          a::Purpose::kRegistration,
                    t0,      "usr-c", t0 + std::chrono::hours(24), std::nullopt,
                    ""};
  a::ConsentForm f2{"cns-2",
                    "cli-1",
                    {"org-a"},
                    a::Purpose::kCareDelivery,
                    t0 + std::chrono::hours(1),
                    "usr-c",
                    std::nullopt,
                    std::nullopt,
                    ""};
  a::ConsentForm f3{"cns-3",      "cli-2",      {"org-m"}, a::Purpose::kCareDelivery, t0, "usr-d",
                    std::nullopt, std::nullopt, ""};
  for (const auto& f : {f1, f2, f3}) ASSERT_TRUE(cs.PutConsent(f).ok());
  auto back = cs.GetConsent("cns-1");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->organisation_ids, (std::vector<std::string>{"org-m", "org-a"}));
  EXPECT_EQ(back->valid_until, f1.valid_until);
  EXPECT_EQ(back->purpose, a::Purpose::kRegistration);
  EXPECT_EQ(cs.GetConsent("cns-x").error().code(), ErrorCode::kNotFound);
  auto of_client = cs.ConsentsForClient("cli-1");  // oldest first
  ASSERT_EQ(of_client->size(), 2u);
  EXPECT_EQ((*of_client)[0].id, "cns-1");
  EXPECT_EQ(cs.ConsentsForOrganisation("org-m")->size(), 2u);
  EXPECT_EQ(cs.ConsentsForOrganisation("org-a")->size(), 2u);
  EXPECT_TRUE(cs.ConsentsForOrganisation("org-x")->empty());
  // Withdrawal is a Put that keeps the form.
  f1.withdrawn_at = t0 + std::chrono::hours(2);
  f1.withdrawn_by = "usr-c";
  ASSERT_TRUE(cs.PutConsent(f1).ok());
  auto withdrawn = cs.GetConsent("cns-1");
  EXPECT_EQ(withdrawn->withdrawn_at, f1.withdrawn_at);
  EXPECT_EQ(withdrawn->withdrawn_by, "usr-c");
  EXPECT_EQ(cs.ConsentsForClient("cli-1")->size(), 2u);
}

// --- the access log ---

TEST_P(StoreConformance, AuditChainPagingRedactionAndWalk) {
  a::AuditLog log(db_->audit(), [] { return At("2026-03-01T09:00:00Z"); });
  EXPECT_FALSE(db_->audit().LastAudit()->has_value());
  for (int i = 0; i < 6; ++i)
    ASSERT_TRUE(log.Record({"usr-1", "provider", "org-a", i % 2 ? "cli-1" : "cli-2", "dossier",
                            "read", "toestemming", "", "", ""})
                    .ok());
  auto last = db_->audit().LastAudit();
  ASSERT_TRUE(last.ok() && last->has_value());
  EXPECT_EQ((*last)->seq, 6);
  auto newest = db_->audit().AuditForClient("cli-1", 0, 2);  // newest first
  ASSERT_EQ(newest->size(), 2u);
  EXPECT_EQ((*newest)[0].seq, 6);
  EXPECT_EQ((*newest)[1].seq, 4);
  auto older = db_->audit().AuditForClient("cli-1", 4, 10);
  ASSERT_EQ(older->size(), 1u);
  EXPECT_EQ((*older)[0].seq, 2);

  // An entry whose seq is taken is refused, never a fork.
  a::AuditEntry dup = last->value();
  EXPECT_EQ(db_->audit().AppendAudit([&](const auto&) { return dup; }).error().code(),
            ErrorCode::kAlreadyExists);

  ASSERT_TRUE(db_->audit().RedactReasons("cli-1").ok());
  std::vector<a::AuditEntry> all;
  ASSERT_TRUE(db_->audit()
                  .ForEachAudit([&](const a::AuditEntry& e) {
                    all.push_back(e);
                    return Ok();
                  })
                  .ok());
  ASSERT_EQ(all.size(), 6u);
  for (const auto& e : all) {
    EXPECT_EQ(e.seq, static_cast<int64_t>(&e - all.data()) + 1);  // in seq order
    EXPECT_EQ(e.redacted, e.client_id == "cli-1") << e.seq;
    EXPECT_EQ(e.reason.empty(), e.client_id == "cli-1") << e.seq;
    EXPECT_FALSE(e.reason_digest.empty());
  }
  int calls = 0;
  Status stop = db_->audit().ForEachAudit([&](const a::AuditEntry&) -> Status {
    return ++calls == 2 ? Status(Conflict("stop")) : Ok();
  });
  EXPECT_EQ(stop.error().code(), ErrorCode::kConflict);
  EXPECT_EQ(calls, 2);
}

TEST_P(StoreConformance, ConcurrentAuditWritersKeepOneChain) {
  a::AuditLog log(db_->audit(), [] { return At("2026-03-01T09:00:00Z"); });
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        if (t == 0 && i % 5 == 0) {
          // A writer inside a transaction (as an erasure is) must not deadlock the others.
          EXPECT_TRUE(db_->InTransaction([&] {
                           auto e = log.Record({"usr-t", "admin", "org", "cli-1", "client", "erase",
                                                "x", "", "", ""});
                           return e.ok() ? Ok() : Status(e.error());
                         })
                          .ok());
          continue;
        }
        auto e = log.Record({"usr-" + std::to_string(t), "oco", "org", "cli-2", "dossier", "read",
                             "r", "", "", ""});
        EXPECT_TRUE(e.ok()) << e.error().ToString();
      }
    });
  for (auto& th : threads) th.join();
  auto r = log.Verify();
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->ok()) << r->problem;
  EXPECT_EQ(r->entries, 100);
}

// --- the change feed ---

TEST_P(StoreConformance, EveryCommittedWriteIsInTheFeedInOrder) {
  auto start = db_->LastChange();
  ASSERT_TRUE(start.ok()) << start.error().ToString();
  EXPECT_EQ(*start, 0);
  EXPECT_TRUE(ChangesAfter(0).empty());
  SeedCatalog();
  ASSERT_TRUE(db_->catalog().PutOffer(MakeOffer("off-1", d::OfferKind::kWonen, {"5VV"})).ok());
  ASSERT_TRUE(db_->clients().PutClient(MakeClient("cli-1", "GM0935")).ok());
  ASSERT_TRUE(db_->catalog().PutOffer(MakeOffer("off-1", d::OfferKind::kWonen, {"6VV"})).ok());
  EXPECT_EQ(ChangesAfter(0), (std::vector<std::string>{
                                 "provider:prv-a", "provider:prv-b", "location:loc-a",
                                 "location:loc-b", "offer:off-1", "client:cli-1", "offer:off-1"}));
  auto last = db_->LastChange();
  auto page = db_->ChangesSince(0, 100);
  EXPECT_EQ(*last, page->changes.back().seq);
  // Resuming after a seen seq gives only what came later; limit caps a page.
  EXPECT_EQ(ChangesAfter(page->changes[4].seq),
            (std::vector<std::string>{"client:cli-1", "offer:off-1"}));
  EXPECT_EQ(db_->ChangesSince(0, 3)->changes.size(), 3u);
  EXPECT_TRUE(db_->ChangesSince(*last, 100)->changes.empty());
  // Access records are not part of the feed.
  ASSERT_TRUE(db_->accounts().PutUser(MakeUser("usr-1", "a@b.nl")).ok());
  EXPECT_EQ(*db_->LastChange(), *last);
}

TEST_P(StoreConformance, ARolledBackWriteLeavesNoChange) {
  SeedCatalog();
  const int64_t before = *db_->LastChange();
  Status s = db_->InTransaction([&]() -> Status {
    PASSEND_RETURN_IF_ERROR(db_->catalog().PutOffer(MakeOffer("off-1", d::OfferKind::kWonen, {})));
    return InvalidArgument("toch niet");
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(*db_->LastChange(), before);
  EXPECT_TRUE(ChangesAfter(before).empty());
  // The next committed change still gets a seq above every one seen before.
  ASSERT_TRUE(db_->catalog().PutOffer(MakeOffer("off-2", d::OfferKind::kWonen, {})).ok());
  EXPECT_EQ(ChangesAfter(before), (std::vector<std::string>{"offer:off-2"}));
}

TEST_P(StoreConformance, AnErasureIsAClientChange) {
  ASSERT_TRUE(db_->clients().PutClient(MakeClient("cli-1", "GM0935")).ok());
  const int64_t before = *db_->LastChange();
  const a::Time now = At("2026-03-01T09:00:00Z");
  a::Principal admin;
  admin.user_id = "usr-admin";
  admin.role = a::Role::kAdmin;
  intake::IntakeService intake(*db_, refdata::BuiltIn(), [now] { return now; });
  auto erased = intake.EraseClient(admin, "cli-1", "AVG-verzoek");
  ASSERT_TRUE(erased.ok()) << erased.error().ToString();
  EXPECT_EQ(ChangesAfter(before), (std::vector<std::string>{"client:cli-1"}));
}

// Issue 20's erasure on both backends: the client's attempts to log in and to register
// (both throttles key them by the e-mail address) go with the account; others stay.
TEST_P(StoreConformance, AnErasureForgetsTheAttemptsUnderTheClientsAddress) {
  ASSERT_TRUE(db_->clients().PutClient(MakeClient("cli-1", "GM0935")).ok());
  a::User client = MakeUser("usr-c", "Client@Voorbeeld.nl", {"cli-1"});
  client.role = a::Role::kClient;
  ASSERT_TRUE(db_->accounts().PutUser(client).ok());
  const a::Time now = At("2026-03-01T09:00:00Z");
  const a::Clock clock = [now] { return now; };
  a::LoginThrottle logins(db_->accounts(), clock);
  a::LoginThrottle registrations(db_->accounts(), clock, a::RegistrationThrottlePolicy());
  for (const std::string& email : {client.email, std::string("ander@voorbeeld.nl")}) {
    ASSERT_TRUE(logins.Record(email, "10.0.0.1", false).ok());
    ASSERT_TRUE(registrations.Record(email, "10.0.0.1", false).ok());
  }
  auto count = [&](const std::string& key) {
    return *db_->accounts().CountRecentFailures(key, now - std::chrono::hours(1));
  };
  ASSERT_EQ(count("registratie:account:" + client.email), 1);
  a::Principal admin;
  admin.user_id = "usr-admin";
  admin.role = a::Role::kAdmin;
  intake::IntakeService intake(*db_, refdata::BuiltIn(), clock);
  auto erased = intake.EraseClient(admin, "cli-1", "AVG-verzoek");
  ASSERT_TRUE(erased.ok()) << erased.error().ToString();
  EXPECT_EQ(count("account:" + client.email), 0);
  EXPECT_EQ(count("registratie:account:" + client.email), 0);
  EXPECT_EQ(count("account:ander@voorbeeld.nl"), 1);
  EXPECT_EQ(count("registratie:account:ander@voorbeeld.nl"), 1);
}

TEST_P(StoreConformance, PrunedChangesAreAGapForReadersBehindThem) {
  SeedCatalog();
  for (int i = 0; i < 6; ++i)
    ASSERT_TRUE(db_->catalog()
                    .PutOffer(MakeOffer("off-" + std::to_string(i), d::OfferKind::kWonen, {}))
                    .ok());
  const int64_t last = *db_->LastChange();  // 4 seed changes + 6 offers
  auto all = db_->ChangesSince(0, 100);
  ASSERT_EQ(all->changes.size(), 10u);
  EXPECT_EQ(db_->PruneChanges(0).error().code(), ErrorCode::kInvalidArgument);
  ASSERT_TRUE(db_->PruneChanges(3).ok());
  EXPECT_EQ(*db_->LastChange(), last);  // pruning never moves the head
  auto behind = db_->ChangesSince(0, 100);
  ASSERT_TRUE(behind.ok());
  EXPECT_TRUE(behind->gap);
  const int64_t oldest_kept = all->changes[7].seq;
  auto in_range = db_->ChangesSince(oldest_kept - 1, 100);
  EXPECT_FALSE(in_range->gap);
  EXPECT_EQ(in_range->changes.size(), 3u);
  EXPECT_TRUE(db_->ChangesSince(oldest_kept - 2, 100)->gap);
  // Even pruned to one entry, new seqs continue above the old ones.
  ASSERT_TRUE(db_->PruneChanges(1).ok());
  ASSERT_TRUE(db_->catalog().PutOffer(MakeOffer("off-9", d::OfferKind::kWonen, {})).ok());
  auto next = db_->ChangesSince(last, 100);
  EXPECT_FALSE(next->gap);
  ASSERT_EQ(next->changes.size(), 1u);
  EXPECT_GT(next->changes[0].seq, last);
}

TEST_P(StoreConformance, WaitForChangeWakesOnACommit) {
  SeedCatalog();
  const int64_t before = *db_->LastChange();
  // Nothing new: it waits out the timeout and returns the head.
  auto none = db_->WaitForChange(before, milliseconds(30));
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(*none, before);
  // Already newer: returns at once.
  EXPECT_EQ(*db_->WaitForChange(before - 1, milliseconds(10'000)), before);
  std::thread writer([&] {
    std::this_thread::sleep_for(milliseconds(50));
    EXPECT_TRUE(db_->catalog().PutOffer(MakeOffer("off-1", d::OfferKind::kWonen, {})).ok());
  });
  auto woken = db_->WaitForChange(before, milliseconds(60'000));
  writer.join();
  ASSERT_TRUE(woken.ok());
  EXPECT_GT(*woken, before);
}

TEST_P(StoreConformance, AnotherConnectionSeesTheChanges) {
  if (!GetParam().reopen) GTEST_SKIP() << "one connection only: nothing else can open it";
  SeedCatalog();
  auto other = GetParam().reopen(scratch_.string());
  ASSERT_TRUE(other.ok()) << other.error().ToString();
  const int64_t before = *(*other)->LastChange();
  ASSERT_TRUE(db_->catalog().PutOffer(MakeOffer("off-1", d::OfferKind::kWonen, {})).ok());
  auto seen = (*other)->WaitForChange(before, milliseconds(60'000));
  ASSERT_TRUE(seen.ok());
  EXPECT_GT(*seen, before);
  auto page = (*other)->ChangesSince(before, 10);
  ASSERT_EQ(page->changes.size(), 1u);
  EXPECT_EQ(page->changes[0].entity, ChangedEntity::kOffer);
  EXPECT_EQ(page->changes[0].id, "off-1");
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreConformance, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace passend::store
