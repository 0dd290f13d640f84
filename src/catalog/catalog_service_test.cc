// The import and export use cases of the catalogue on the real SQLite backend, with the
// native format (interop/native_json.h) as the file a person would import.
#include "catalog/catalog_service.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <sstream>

#include "domain/validation.h"
#include "interop/native_json.h"
#include "refdata/refdata.h"
#include "store/open_database.h"

namespace passend::catalog {
namespace {

namespace d = passend::domain;
using interop::NativeWriter;
using interop::ParseNativeDocument;
using interop::SerializeNativeDocument;

constexpr const char* kNow = "2026-11-26T10:00:00Z";

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
  wonen.places_updated = "2026-11-20T08:00:00Z";
  wonen.details_updated = "2026-06-01T08:00:00Z";
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
    // Thursday 26 November 2026, 10:00 UTC.
    service_ = std::make_unique<CatalogService>(
        *db_, refdata::BuiltIn(), CatalogOptions{[] { return *access::ParseUtc(kNow); }, {}});
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

TEST_F(CatalogImportTest, OffersWithoutUpdateTimesGetTheTimeOfTheImport) {
  d::Dataset ds = Region();
  ds.offers[1].places_updated.clear();
  ds.offers[1].details_updated.clear();
  ASSERT_TRUE(service_->Import(ds).ok());
  const auto b = db_->catalog().GetOffer("off-b");
  EXPECT_EQ(b->places_updated, kNow);
  EXPECT_EQ(b->details_updated, kNow);
  EXPECT_EQ(db_->catalog().GetOffer("off-a")->places_updated, "2026-11-20T08:00:00Z");
}

// Issue 21: one field at a time, who and when, and the right time stamped.
TEST_F(CatalogImportTest, UpdateOfferChangesOnlyWhatItNamesAndRecordsWhoAndWhen) {
  ASSERT_TRUE(service_->Import(Region()).ok());
  OfferPatch free;
  free.free_places = 3;
  auto o = service_->UpdateOffer("off-a", free, {"usr-1", "org-1"});
  ASSERT_TRUE(o.ok()) << o.error().ToString();
  EXPECT_EQ(o->free_places, 3);
  EXPECT_EQ(o->places_updated, kNow);
  EXPECT_EQ(o->details_updated, "2026-06-01T08:00:00Z");  // the rest did not change
  EXPECT_EQ(o->last_updated(), kNow);
  EXPECT_EQ(db_->catalog().GetOffer("off-a")->free_places, 3);

  OfferPatch rest;
  rest.description = "Met tuin";
  rest.features = {{"tuin", 1.0}, {"dementie_expertise", std::nullopt}};
  rest.temporary = true;
  o = service_->UpdateOffer("off-a", rest, {"usr-2", ""});
  ASSERT_TRUE(o.ok()) << o.error().ToString();
  EXPECT_EQ(o->details_updated, kNow);
  EXPECT_EQ(o->features, (std::vector<d::FeatureValue>{{"tuin", 1}}));
  EXPECT_TRUE(o->temporary);
  EXPECT_EQ(o->name, "Kleinschalig wonen");

  auto history = service_->OfferChanges("off-a");
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 5u);
  EXPECT_EQ((*history)[0], (OfferChange{"off-a", kNow, "usr-1", "org-1", "free_places", "0", "3"}));
  EXPECT_EQ((*history)[1].field, "description");
  EXPECT_EQ((*history)[2].field, "temporary");
  EXPECT_EQ((*history)[3], (OfferChange{"off-a", kNow, "usr-2", "", "features.tuin", "", "1.0"}));
  EXPECT_EQ((*history)[4].old_value, "1.0");
  EXPECT_EQ((*history)[4].new_value, "");
  EXPECT_TRUE(service_->OfferChanges("off-b")->empty());
  EXPECT_EQ(service_->OfferChanges("off-zz").error().code(), ErrorCode::kNotFound);
}

// A new offer (POST /api/v1/offers): a new id, stamped now, one history row; a bad one names
// its field and writes nothing.
TEST_F(CatalogImportTest, AddOfferStampsItAndRefusesWhatDoesNotFit) {
  ASSERT_TRUE(service_->Import(Region()).ok());
  d::Offer o = *db_->catalog().GetOffer("off-a");
  o.id.clear();
  o.name = "Tweede huis";
  o.places_updated = o.details_updated = "2020-01-01T00:00:00Z";
  auto made = service_->AddOffer(o, {"usr-1", "org-1"});
  ASSERT_TRUE(made.ok()) << made.error().ToString();
  EXPECT_EQ(made->id.rfind("off-", 0), 0u);
  EXPECT_EQ(made->places_updated, kNow);
  EXPECT_EQ(made->details_updated, kNow);
  EXPECT_EQ(db_->catalog().GetOffer(made->id)->name, "Tweede huis");
  EXPECT_EQ(
      *service_->OfferChanges(made->id),
      (std::vector<OfferChange>{{made->id, kNow, "usr-1", "org-1", "created", "", "Tweede huis"}}));

  struct Case {
    std::function<void(d::Offer&)> change;
    std::string field;
    ErrorCode code;
  };
  const std::vector<Case> cases = {
      {[](d::Offer& x) { x.location_id = "loc-b"; }, "location_id", ErrorCode::kInvalidArgument},
      {[](d::Offer& x) { x.location_id = "loc-zz"; }, "location_id", ErrorCode::kInvalidArgument},
      {[](d::Offer& x) { x.provider_id = "prv-zz"; }, "provider_id", ErrorCode::kInvalidArgument},
      {[](d::Offer& x) { x.free_places = x.capacity + 1; }, "free_places",
       ErrorCode::kInvalidArgument},
      {[](d::Offer& x) { x.id = "off-a"; }, "id", ErrorCode::kAlreadyExists},
  };
  const size_t before = db_->catalog().AllOffers()->size();
  for (const Case& c : cases) {
    d::Offer x = o;
    c.change(x);
    auto r = service_->AddOffer(x, {"usr-1", "org-1"});
    ASSERT_FALSE(r.ok()) << c.field;
    EXPECT_EQ(r.error().code(), c.code) << c.field;
    EXPECT_EQ(r.error().field(), c.field) << r.error().ToString();
  }
  EXPECT_EQ(db_->catalog().AllOffers()->size(), before);
}

TEST_F(CatalogImportTest, ABadUpdateNamesItsFieldAndWritesNothing) {
  ASSERT_TRUE(service_->Import(Region()).ok());
  const std::string before = Export();
  auto fails = [&](OfferPatch p, const char* field) {
    auto r = service_->UpdateOffer("off-a", p, {"usr-1", "org-1"});
    ASSERT_FALSE(r.ok()) << field;
    EXPECT_EQ(r.error().code(), ErrorCode::kInvalidArgument) << field;
    EXPECT_EQ(r.error().field(), field);
  };
  OfferPatch too_many;
  too_many.free_places = 9;  // capacity 8
  fails(too_many, "free_places");
  OfferPatch both;
  both.free_places = 2;
  both.capacity = -1;
  fails(both, "capacity");
  OfferPatch level;
  level.features = {{"groepsgrootte", -4.0}};
  fails(level, "features.groepsgrootte");
  OfferPatch unknown;
  unknown.features = {{"zwembad", 1.0}};
  fails(unknown, "features.zwembad");
  fails(OfferPatch{}, "body");
  EXPECT_EQ(Export(), before);
  EXPECT_TRUE(service_->OfferChanges("off-a")->empty());
  OfferPatch any;
  any.free_places = 1;
  EXPECT_EQ(service_->UpdateOffer("off-zz", any, {"usr-1", ""}).error().code(),
            ErrorCode::kNotFound);
}

// 30 days for free places and waits, 365 for the rest, in whole days from today's start.
TEST_F(CatalogImportTest, OffersNotKeptUpToDateAreMaybeOutdated) {
  EXPECT_EQ(service_->Cutoffs(),
            (d::FreshnessCutoffs{"2026-10-27T00:00:00Z", "2025-11-26T00:00:00Z"}));
  d::Dataset ds = Region();
  ds.offers[0].places_updated = "2026-10-27T00:00:00Z";  // 30 days and 10 hours: still current
  ds.offers[1].places_updated = "2026-10-26T23:59:59Z";  // just over 30 days
  ASSERT_TRUE(service_->Import(ds).ok());
  EXPECT_FALSE(service_->MaybeOutdated(*db_->catalog().GetOffer("off-a")));
  EXPECT_TRUE(service_->MaybeOutdated(*db_->catalog().GetOffer("off-b")));
  d::Offer old_rest = ds.offers[0];
  old_rest.details_updated = "2025-11-25T12:00:00Z";
  EXPECT_TRUE(service_->MaybeOutdated(old_rest));
  auto outdated = service_->ListOutdatedOffers({}, {"", 10});
  ASSERT_TRUE(outdated.ok());
  ASSERT_EQ(outdated->items.size(), 1u);
  EXPECT_EQ(outdated->items[0].id, "off-b");
  // Updating the free places makes it current again.
  OfferPatch confirm;
  confirm.free_places = 0;
  ASSERT_TRUE(service_->UpdateOffer("off-b", confirm, {"usr-1", ""}).ok());
  EXPECT_TRUE(service_->ListOutdatedOffers({}, {"", 10})->items.empty());
}

// Issue 21.3: one identity per provider. A file that names a stored provider by its AGB
// code, KvK number or URA under another id is that provider.
TEST_F(CatalogImportTest, ImportsRecogniseAProviderByItsRegisterNumbers) {
  d::Dataset first = Region();
  first.providers[0].agb_code = "33330001";
  first.providers[0].kvk_number = "41234567";
  first.providers[1].ura_number = "00001234";
  ASSERT_TRUE(service_->Import(first).ok());

  d::Dataset again = Region();
  again.providers[0].id = "prv-elders";  // the same provider under the id of another system
  again.providers[0].kvk_number = "41234567";
  again.locations[0].provider_id = "prv-elders";
  again.offers[0].provider_id = "prv-elders";
  again.offers[0].free_places = 2;
  auto summary = service_->Import(again);
  ASSERT_TRUE(summary.ok()) << summary.error().ToString();
  EXPECT_EQ(summary->providers_recognised, 1);
  EXPECT_EQ(db_->catalog().GetProvider("prv-elders").error().code(), ErrorCode::kNotFound);
  const auto kept = db_->catalog().GetProvider("prv-a");
  EXPECT_EQ(kept->agb_code, "33330001");  // not in the second file: kept
  EXPECT_EQ(db_->catalog().GetOffer("off-a")->provider_id, "prv-a");
  EXPECT_EQ(db_->catalog().GetOffer("off-a")->free_places, 2);
  EXPECT_EQ(db_->catalog().GetLocation("loc-a")->provider_id, "prv-a");
  EXPECT_EQ(db_->catalog().GetProvider("prv-b")->ura_number, "00001234");

  // Numbers of two different stored providers: refused, naming the number, nothing written.
  const std::string before = Export();
  d::Dataset clash = Region();
  clash.providers[0].kvk_number = "41234567";
  clash.providers[0].ura_number = "00001234";
  auto refused = service_->Import(clash);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field(), "providers[0].ura_number");
  EXPECT_EQ(Export(), before);
}

TEST_F(CatalogImportTest, RegisterNumbersAreEightDigitsAndNameOneProvider) {
  struct Case {
    std::function<void(d::Dataset&)> change;
    const char* field;
  };
  const Case cases[] = {
      {[](d::Dataset& ds) { ds.providers[0].agb_code = "1234567"; }, "providers[0].agb_code"},
      {[](d::Dataset& ds) { ds.providers[0].kvk_number = "1234 5678"; }, "providers[0].kvk_number"},
      {[](d::Dataset& ds) { ds.providers[1].ura_number = "12345678x"; }, "providers[1].ura_number"},
      {[](d::Dataset& ds) {
         ds.providers[0].agb_code = "33330001";
         ds.providers[1].agb_code = "33330001";
       },
       "providers[1].agb_code"},
  };
  for (const Case& c : cases) {
    d::Dataset ds = Region();
    c.change(ds);
    auto r = service_->Import(ds);
    ASSERT_FALSE(r.ok()) << c.field;
    EXPECT_EQ(r.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().field(), c.field);
  }
  EXPECT_TRUE(d::IsValidRegisterNumber("00000001"));
  EXPECT_TRUE(d::IsValidRegisterNumber(""));
  EXPECT_FALSE(d::IsValidRegisterNumber("-1234567"));
}

// Issue 21.2: a provider is submitted, approved, suspended (with a reason) and approved
// again; each step says who and when, and a step that changes nothing is refused.
TEST_F(CatalogImportTest, TheRegisterRecordsEveryDecisionWithWhoAndWhen) {
  ASSERT_TRUE(service_->Import(Region()).ok());
  d::Provider fresh{"", "Nieuw Thuis", false, "https://nieuw.example", "", "41234567", ""};
  fresh.register_status = d::RegisterStatus::kApproved;  // a submission is never approved
  auto made = service_->SubmitProvider(fresh, {"usr-zk", "org-zk"});
  ASSERT_TRUE(made.ok()) << made.error().ToString();
  EXPECT_EQ(made->id.rfind("prv-", 0), 0u);
  EXPECT_EQ(made->register_status, d::RegisterStatus::kSubmitted);
  EXPECT_EQ(db_->catalog().GetProvider(made->id)->register_status, d::RegisterStatus::kSubmitted);

  // The same KvK number, or an id the register has, is refused and writes nothing.
  auto twice = service_->SubmitProvider({"", "Nog eens", true, "", "", "41234567", ""}, {"u", ""});
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(twice.error().field(), "kvk_number");
  auto taken = service_->SubmitProvider({"prv-a", "Kaping", true, ""}, {"u", ""});
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(db_->catalog().GetProvider("prv-a")->name, "Zorggroep A");
  auto bad = service_->SubmitProvider({"", "Fout", true, "", "123", "", ""}, {"u", ""});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field(), "agb_code");

  const auto approve = d::RegisterStatus::kApproved, suspend = d::RegisterStatus::kSuspended;
  ASSERT_TRUE(service_->SetRegisterStatus(made->id, approve, "", {"usr-zk", "org-zk"}).ok());
  auto again = service_->SetRegisterStatus(made->id, approve, "", {"usr-zk", "org-zk"});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code(), ErrorCode::kFailedPrecondition);
  auto no_reason = service_->SetRegisterStatus(made->id, suspend, "  ", {"usr-zk", "org-zk"});
  ASSERT_FALSE(no_reason.ok());
  EXPECT_EQ(no_reason.error().field(), "reason");
  auto back = service_->SetRegisterStatus(made->id, d::RegisterStatus::kSubmitted, "", {"u", ""});
  ASSERT_FALSE(back.ok());
  EXPECT_EQ(back.error().field(), "status");
  auto suspended =
      service_->SetRegisterStatus(made->id, suspend, "Inspectie: onveilig", {"usr-2", ""});
  ASSERT_TRUE(suspended.ok());
  EXPECT_EQ(suspended->register_status, suspend);
  EXPECT_EQ(service_->SetRegisterStatus("prv-zz", approve, "", {"u", ""}).error().code(),
            ErrorCode::kNotFound);

  auto history = service_->ProviderChanges(made->id);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 4u);
  EXPECT_EQ((*history)[0], (ProviderChange{made->id, kNow, "usr-zk", "org-zk", "register_status",
                                           "", "submitted"}));
  EXPECT_EQ((*history)[1], (ProviderChange{made->id, kNow, "usr-zk", "org-zk", "register_status",
                                           "submitted", "approved"}));
  EXPECT_EQ((*history)[2], (ProviderChange{made->id, kNow, "usr-2", "", "register_status",
                                           "approved", "suspended"}));
  EXPECT_EQ((*history)[3], (ProviderChange{made->id, kNow, "usr-2", "", "register_reason", "",
                                           "Inspectie: onveilig"}));
  EXPECT_EQ(service_->ProviderChanges("prv-zz").error().code(), ErrorCode::kNotFound);
}

// An import brings the care offer, not the care office's decisions: a suspended provider
// stays suspended when a file names it again (a new one takes the file's status).
TEST_F(CatalogImportTest, AnImportNeverChangesARegisterStatus) {
  ASSERT_TRUE(service_->Import(Region()).ok());
  ASSERT_TRUE(service_
                  ->SetRegisterStatus("prv-a", d::RegisterStatus::kSuspended, "Geen contract",
                                      {"usr-zk", "org-zk"})
                  .ok());
  d::Dataset again = Region();
  again.providers.push_back({"prv-c", "C", true, ""});
  again.providers.back().register_status = d::RegisterStatus::kSubmitted;
  ASSERT_TRUE(service_->Import(again).ok());
  EXPECT_EQ(db_->catalog().GetProvider("prv-a")->register_status, d::RegisterStatus::kSuspended);
  EXPECT_EQ(db_->catalog().GetProvider("prv-b")->register_status, d::RegisterStatus::kApproved);
  EXPECT_EQ(db_->catalog().GetProvider("prv-c")->register_status, d::RegisterStatus::kSubmitted);
  // The public lists leave out what the register has not approved.
  ProviderFilter listed;
  listed.listed_only = true;
  auto providers = service_->ListProviders(listed, {"", 10});
  ASSERT_TRUE(providers.ok());
  ASSERT_EQ(providers->items.size(), 1u);
  EXPECT_EQ(providers->items[0].id, "prv-b");
  OfferFilter offers;
  offers.listed_only = true;
  auto shown = service_->ListOffers(offers, {"", 10});
  ASSERT_TRUE(shown.ok());
  ASSERT_EQ(shown->items.size(), 1u);
  EXPECT_EQ(shown->items[0].id, "off-b");
  LocationFilter places;
  places.listed_only = true;
  EXPECT_EQ(service_->ListLocations(places, {"", 10})->items.size(), 1u);
  EXPECT_EQ(service_->ListOffers({}, {"", 10})->items.size(), 2u);  // not public: all
}

// The care office sets its contract for an offer: in kind adds its region to the offer's
// contracted regions, pgb only takes it out; the offer's history says who and when, and
// the provider's update times stay (the provider stated nothing).
TEST_F(CatalogImportTest, TheCareOfficeSetsItsContractPerOffer) {
  ASSERT_TRUE(service_->Import(Region()).ok());
  const auto before = *db_->catalog().GetOffer("off-b");
  auto o = service_->SetContract("off-b", "5531", Contract::kInKind, {"usr-zk", "org-zk"});
  ASSERT_TRUE(o.ok()) << o.error().ToString();
  EXPECT_EQ(o->contracted_regions, std::vector<std::string>{"5531"});
  EXPECT_EQ(db_->catalog().GetOffer("off-b")->contracted_regions, std::vector<std::string>{"5531"});
  EXPECT_EQ(o->places_updated, before.places_updated);
  EXPECT_EQ(o->details_updated, before.details_updated);
  o = service_->SetContract("off-a", "5531", Contract::kPgbOnly, {"usr-zk", "org-zk"});
  ASSERT_TRUE(o.ok());
  EXPECT_TRUE(o->contracted_regions.empty());
  auto history = service_->OfferChanges("off-b");
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ((*history)[0], (OfferChange{"off-b", kNow, "usr-zk", "org-zk", "contract.5531",
                                        "pgb_only", "in_kind"}));
  EXPECT_EQ(service_->OfferChanges("off-a")->at(0).new_value, "pgb_only");
  EXPECT_EQ(service_->SetContract("off-a", "9999", Contract::kInKind, {"u", ""}).error().field(),
            "region");
  EXPECT_EQ(service_->SetContract("off-zz", "5531", Contract::kInKind, {"u", ""}).error().code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(ParseContract(ToString(Contract::kPgbOnly)), Contract::kPgbOnly);
  EXPECT_FALSE(ParseContract("natura"));
}

}  // namespace
}  // namespace passend::catalog
