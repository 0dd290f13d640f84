// The import and export use cases of the catalogue on the real SQLite backend, with the
// native format (interop/native_json.h) as the file a person would import.
#include "catalog/catalog_service.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "interop/native_json.h"
#include "refdata/refdata.h"
#include "store/open_database.h"

namespace passend::catalog {
namespace {

namespace d = passend::domain;
using interop::NativeWriter;
using interop::ParseNativeDocument;
using interop::SerializeNativeDocument;

// A small region, sorted by id as an export is.
d::Dataset Region() {
  d::Dataset ds;
  ds.providers = {{"prv-a", "Zorggroep A", true, ""}, {"prv-b", "Thuiszorg B", false, ""}};
  ds.locations = {{"loc-a", "prv-a", "Huize A", "Markt 1", "GM0935", {50.85, 5.69}},
                  {"loc-b", "prv-b", "Kantoor B", "", "GM0917", {50.89, 5.97}}};
  d::Offer wonen;
  wonen.id = "off-a";
  wonen.provider_id = "prv-a";
  wonen.location_id = "loc-a";
  wonen.name = "Kleinschalig wonen";
  wonen.sectors = {d::Sector::kVV};
  wonen.profiles = {"5VV"};
  wonen.delivery_forms = {d::DeliveryForm::kVerblijf};
  wonen.capacity = 8;
  wonen.contracted_regions = {"5531"};
  wonen.features = {{"dementie_expertise", 1}};
  d::Offer thuis = wonen;
  thuis.id = "off-b";
  thuis.provider_id = "prv-b";
  thuis.location_id = "loc-b";
  thuis.kind = d::OfferKind::kZorgThuis;
  thuis.delivery_forms = {d::DeliveryForm::kPgb};
  thuis.contracted_regions.clear();
  thuis.service_radius_km = 15;
  ds.offers = {wonen, thuis};
  d::Client c;
  c.id = "cli-a";
  c.municipality_code = "GM0935";
  c.home = {50.86, 5.70};
  c.profile = "5VV";
  c.indication = d::IndicationStatus::kGranted;
  c.wishes = {{"tuin", d::Importance::kMust, std::nullopt, ""}};
  ds.clients = {c};
  return ds;
}

class CatalogImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("passend-import-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    std::filesystem::remove(path_);
    db_ = std::move(store::OpenDatabase(path_.string())).value();
    service_ = std::make_unique<CatalogService>(*db_, refdata::BuiltIn());
  }
  void TearDown() override {
    service_.reset();
    db_.reset();
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + ext);
  }
  std::string Export() {
    std::ostringstream out;
    NativeWriter w(out);
    EXPECT_TRUE(
        service_
            ->Export({[&](const d::Provider& p) { w.Add(p); },
                      [&](const d::Location& l) { w.Add(l); }, [&](const d::Offer& o) { w.Add(o); },
                      [&](const d::Client& c) { w.Add(c); }})
            .ok());
    w.Finish();
    return out.str();
  }
  // What `passend import` does: parse the file, then the import use case.
  Result<ImportSummary> ImportNative(const std::string& text) {
    PASSEND_ASSIGN_OR_RETURN(d::Dataset ds, ParseNativeDocument(text));
    return service_->Import(ds);
  }
  std::filesystem::path path_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<CatalogService> service_;
};

TEST_F(CatalogImportTest, ImportThenExportGivesTheSameBytes) {
  const std::string text = SerializeNativeDocument(Region());
  auto summary = ImportNative(text);
  ASSERT_TRUE(summary.ok()) << summary.error().ToString();
  EXPECT_EQ(summary->offers, 2);
  EXPECT_EQ(summary->clients, 1);
  EXPECT_EQ(Export(), text);
  // Importing the same file again replaces records with themselves.
  ASSERT_TRUE(ImportNative(text).ok());
  EXPECT_EQ(Export(), text);
}

// An erased client (only the id and domain::kErasedClientName are left) is left out of the
// export with a count, so the export imports again into an empty database.
TEST_F(CatalogImportTest, ExportAfterAnErasureImportsAgain) {
  ASSERT_TRUE(ImportNative(SerializeNativeDocument(Region())).ok());
  d::Client erased;
  erased.id = "cli-a";
  erased.name = std::string(d::kErasedClientName);
  ASSERT_TRUE(db_->clients().PutClient(erased).ok());
  std::ostringstream out;
  NativeWriter w(out);
  auto summary = service_->Export(
      {[&](const d::Provider& p) { w.Add(p); }, [&](const d::Location& l) { w.Add(l); },
       [&](const d::Offer& o) { w.Add(o); }, [&](const d::Client& c) { w.Add(c); }});
  w.Finish();
  ASSERT_TRUE(summary.ok()) << summary.error().ToString();
  EXPECT_EQ(summary->erased_left_out, 1);
  EXPECT_EQ(summary->clients, 0);
  EXPECT_EQ(summary->offers, 2);
  EXPECT_EQ(out.str().find("cli-a"), std::string::npos);
  auto fresh = store::OpenDatabase(":memory:");
  ASSERT_TRUE(fresh.ok());
  auto parsed = ParseNativeDocument(out.str());
  ASSERT_TRUE(parsed.ok()) << parsed.error().ToString();
  auto again = CatalogService(**fresh, refdata::BuiltIn()).Import(*parsed);
  ASSERT_TRUE(again.ok()) << again.error().ToString();
  EXPECT_EQ(again->clients, 0);
  EXPECT_EQ(again->offers, 2);
}

// A file from before the mergers: Nuth (GM0951, merged into Beekdaelen in 2019), Haaren
// (GM0788, split in 2021: the part near Esch went to Boxtel, Helvoirt to Vught) and the old
// care office Nieuwe Waterweg Noord (5522).
TEST_F(CatalogImportTest, OldCodesReadAsTodays) {
  d::Dataset ds = Region();
  ds.locations[0].municipality_code = "GM0951";
  ds.locations[0].position = {50.91, 5.88};
  ds.clients[0].municipality_code = "GM0788";
  ds.clients[0].home = {51.63, 5.24};  // Helvoirt
  ds.offers[0].contracted_regions = {"5531", "5522"};
  auto summary = ImportNative(SerializeNativeDocument(ds));
  ASSERT_TRUE(summary.ok()) << summary.error().ToString();
  EXPECT_EQ(summary->codes_updated, 3);
  EXPECT_EQ(db_->catalog().GetLocation("loc-a")->municipality_code, "GM1954");
  EXPECT_EQ(db_->clients().GetClient("cli-a")->municipality_code, "GM0865");  // Vught
  EXPECT_EQ(db_->catalog().GetOffer("off-a")->contracted_regions,
            (std::vector<std::string>{"5531", "5519"}));
}

TEST_F(CatalogImportTest, BadInputWritesNothing) {
  ASSERT_TRUE(ImportNative(SerializeNativeDocument(Region())).ok());
  const std::string before = Export();
  struct Case {
    const char* name;
    std::function<std::string()> text;
    const char* field;  // empty: no field (syntax)
  };
  auto mutated = [](std::function<void(d::Dataset&)> f) {
    return [f] {
      d::Dataset ds = Region();
      ds.providers.push_back({"prv-c", "Nieuw", false, ""});  // would be new if written
      f(ds);
      return SerializeNativeDocument(ds);
    };
  };
  const Case cases[] = {
      {"malformed JSON", [] { return std::string("{\"format\":\"passend\",\"version\":1,"); }, ""},
      {"unknown feature", mutated([](d::Dataset& ds) {
         ds.offers[1].features = {{"zwembad", 1}};
       }),
       "offers[1].features[0].feature_id"},
      {"outside the Netherlands", mutated([](d::Dataset& ds) {
         ds.clients[0].home = {48.85, 2.35};
       }),
       "clients[0].home"},
      {"negative capacity", mutated([](d::Dataset& ds) { ds.offers[0].capacity = -3; }),
       "offers[0].capacity"},
      {"dangling location", mutated([](d::Dataset& ds) { ds.offers[1].location_id = "loc-zz"; }),
       "offers[1].location_id"},
      {"unknown municipality",
       mutated([](d::Dataset& ds) { ds.clients[0].municipality_code = "GM9999"; }),
       "clients[0].municipality_code"},
  };
  for (const Case& c : cases) {
    auto r = ImportNative(c.text());
    ASSERT_FALSE(r.ok()) << c.name;
    EXPECT_EQ(r.error().code(), ErrorCode::kInvalidArgument) << c.name;
    EXPECT_EQ(r.error().field(), c.field) << c.name;
    EXPECT_EQ(Export(), before) << c.name;
  }
}

}  // namespace
}  // namespace passend::catalog
