// Behaviour of the SQLite backend through the store interfaces: what modules rely on.
#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "interop/native_json.h"
#include "store/sqlite/sqlite_database.h"

namespace passend::store::sqlite {
namespace {

namespace d = passend::domain;

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("passend-store-" + std::to_string(::getpid()) + "-" +
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
    o.quality = 7.5;
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
                     PASSEND_RETURN_IF_ERROR(db_->catalog().PutLocation(
                         {"loc-a", "prv-a", "Locatie A", "", "GM0935", {50.85, 5.70}}));
                     return Ok();
                   })
                    .ok());
  }

  std::filesystem::path path_;
  std::unique_ptr<Database> db_;
};

TEST_F(SqliteStoreTest, SchemaIsMigrated) {
  auto v = db_->SchemaVersion();
  ASSERT_TRUE(v.ok());
  EXPECT_GE(*v, 1);
  // Reopening keeps the version and applies nothing twice.
  db_.reset();
  auto again = OpenSqliteDatabase(path_.string());
  ASSERT_TRUE(again.ok()) << again.error().ToString();
  EXPECT_EQ(*(*again)->SchemaVersion(), *v);
}

TEST_F(SqliteStoreTest, OfferRoundTripsWithItsLists) {
  SeedCatalog();
  d::Offer o = MakeOffer("off-1", d::OfferKind::kWonen, {"5VV", "6VV"});
  ASSERT_TRUE(db_->catalog().PutOffer(o).ok());
  auto back = db_->catalog().GetOffer("off-1");
  ASSERT_TRUE(back.ok()) << back.error().ToString();
  EXPECT_EQ(interop::ToJson(*back), interop::ToJson(o));
  // Put replaces, lists included.
  o.features = {{"huisdier_toegestaan", 1}};
  o.quality.reset();
  ASSERT_TRUE(db_->catalog().PutOffer(o).ok());
  EXPECT_EQ(interop::ToJson(*db_->catalog().GetOffer("off-1")), interop::ToJson(o));
  EXPECT_EQ(db_->catalog().GetOffer("off-x").error().code(), ErrorCode::kNotFound);
}

TEST_F(SqliteStoreTest, DanglingReferenceIsRefused) {
  d::Offer o = MakeOffer("off-1", d::OfferKind::kWonen, {});
  Status s = db_->catalog().PutOffer(o);  // no provider or location yet
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code(), ErrorCode::kFailedPrecondition);
}

TEST_F(SqliteStoreTest, FailedTransactionWritesNothing) {
  SeedCatalog();
  Status s = db_->InTransaction([&]() -> Status {
    PASSEND_RETURN_IF_ERROR(db_->catalog().PutOffer(MakeOffer("off-1", d::OfferKind::kWonen, {})));
    return InvalidArgument("halverwege fout");
  });
  EXPECT_EQ(s.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(db_->catalog().GetOffer("off-1").error().code(), ErrorCode::kNotFound);
  EXPECT_THROW(db_->InTransaction([&]() -> Status {
    (void)db_->catalog().PutOffer(MakeOffer("off-2", d::OfferKind::kWonen, {}));
    throw std::runtime_error("bug");
  }),
               std::runtime_error);
  EXPECT_EQ(db_->catalog().GetOffer("off-2").error().code(), ErrorCode::kNotFound);
}

TEST_F(SqliteStoreTest, PagingAndFilters) {
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
}

TEST_F(SqliteStoreTest, ClientsStreamInIdOrderWithTheirLists) {
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
  for (const auto& c : streamed) {
    auto one = db_->clients().GetClient(c.id);
    ASSERT_TRUE(one.ok());
    EXPECT_EQ(interop::ToJson(c), interop::ToJson(*one)) << c.id;
    EXPECT_EQ(one->care_status, d::CareStatus::kInCare);
    EXPECT_EQ(one->care_provider_id, "prv-a");
    auto municipality = db_->clients().MunicipalityOf(c.id);
    ASSERT_TRUE(municipality.ok());
    EXPECT_EQ(*municipality, "GM0935");
  }
  EXPECT_EQ(db_->clients().MunicipalityOf("cli-bestaat-niet").error().code(), ErrorCode::kNotFound);
  // A callback error stops the walk and comes back.
  int calls = 0;
  Status s = db_->clients().ForEachClient({}, [&](const d::Client&) -> Status {
    return ++calls == 3 ? Status(Conflict("stop")) : Ok();
  });
  EXPECT_EQ(s.error().code(), ErrorCode::kConflict);
  EXPECT_EQ(calls, 3);
}

TEST_F(SqliteStoreTest, ConcurrentReadersAndAWriter) {
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

}  // namespace
}  // namespace passend::store::sqlite
