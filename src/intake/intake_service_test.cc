// The AVG rights of a client (export, erasure) and the demo accounts, on the real SQLite
// backend: one transaction, the log kept and still verifying.
#include "intake/intake_service.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "access/authenticator.h"
#include "access/consent_registry.h"
#include "access/demo_accounts.h"
#include "access/permissions.h"
#include "access/user_directory.h"
#include "interop/avg_json.h"
#include "refdata/refdata.h"
#include "store/open_database.h"

namespace passend::intake {
namespace {

using namespace passend::access;

class ClientRightsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("passend-rights-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    std::filesystem::remove(path_);
    auto db = store::OpenDatabase(path_.string());
    ASSERT_TRUE(db.ok()) << db.error().ToString();
    db_ = std::move(db).value();
    ASSERT_TRUE(db_->catalog().PutProvider({"prv-a", "Zorggroep Heuvelland", true, ""}).ok());
    for (const char* id : {"cli-1", "cli-2"}) {
      domain::Client c;
      c.id = id;
      c.name = std::string("Mevrouw ") + id;
      c.birth_year = 1938;
      c.municipality_code = "GM0935";
      c.profile = "5VV";
      c.wishes = {{"", domain::Importance::kMust, std::nullopt, "ontbijt om zes uur"}};
      ASSERT_TRUE(db_->clients().PutClient(c).ok());
    }
    auto logins = CreateDemoAccounts(db_->catalog(), db_->clients(), refdata::BuiltIn(), stores(),
                                     clock(), HashCost::kTestOnly);
    ASSERT_TRUE(logins.ok()) << logins.error().ToString();
    logins_ = *logins;
  }
  void TearDown() override {
    db_.reset();
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + ext);
  }
  AccessStores stores() { return {db_->accounts(), db_->consents(), db_->audit()}; }
  Clock clock() const {
    return [this] { return now_; };
  }
  IntakeService Service() { return IntakeService(*db_, clock()); }
  Principal PrincipalOf(Role role) {
    UserDirectory users(db_->accounts(), clock());
    for (const auto& l : logins_)
      if (l.role == role) return *users.PrincipalFor(*db_->accounts().GetUser(l.user_id));
    return {};
  }

  std::filesystem::path path_;
  std::unique_ptr<store::Database> db_;
  std::vector<DemoLogin> logins_;
  Time now_ = *ParseUtc("2026-03-01T09:00:00Z");
};

TEST_F(ClientRightsTest, DemoGivesEveryRoleALoginBoundToRealRecords) {
  ASSERT_EQ(logins_.size(), std::size(kAllRoles));
  LoginThrottle throttle(db_->accounts(), clock());
  PasswordAuthenticator auth(db_->accounts(), throttle);
  for (const auto& l : logins_) {
    auto u = auth.Authenticate({l.email, l.password, {}, ""});
    ASSERT_TRUE(u.ok()) << l.email << ": " << u.error().ToString();
    EXPECT_EQ(u->role, l.role);
  }
  EXPECT_EQ(PrincipalOf(Role::kProvider).provider_id, "prv-a");
  EXPECT_EQ(PrincipalOf(Role::kZorgkantoor).region, "5531");  // Maastricht: Zuid-Limburg
  EXPECT_EQ(PrincipalOf(Role::kClient).client_ids, (std::vector<std::string>{"cli-1"}));
  // The demo consents let the provider see both clients, the CIZ only the represented one.
  ConsentRegistry consents(db_->consents(), db_->accounts(), clock());
  Scope s1{"cli-1", "5531", "", *consents.ValidGrantsFor("cli-1"), ""};
  Scope s2{"cli-2", "5531", "", *consents.ValidGrantsFor("cli-2"), ""};
  EXPECT_TRUE(Decide(PrincipalOf(Role::kProvider), "dossier.read", s1).ok());
  EXPECT_TRUE(Decide(PrincipalOf(Role::kProvider), "dossier.read", s2).ok());
  EXPECT_FALSE(Decide(PrincipalOf(Role::kCiz), "dossier.read", s1).ok());
  EXPECT_TRUE(Decide(PrincipalOf(Role::kCiz), "dossier.read", s2).ok());
  // A second run changes nothing and says so.
  auto again = CreateDemoAccounts(db_->catalog(), db_->clients(), refdata::BuiltIn(), stores(),
                                  clock(), HashCost::kTestOnly);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->front().existed);
  EXPECT_EQ(db_->consents().ConsentsForClient("cli-2")->size(),
            3u);  // registration, indication, research
}

TEST_F(ClientRightsTest, ExportHoldsEverythingAboutTheClient) {
  AuditLog log(db_->audit(), clock());
  ASSERT_TRUE(
      log.Record(EventFor(PrincipalOf(Role::kProvider), "cli-1", "dossier", "read", "toestemming"))
          .ok());
  ASSERT_TRUE(
      log.Record(EventFor(PrincipalOf(Role::kProvider), "cli-2", "dossier", "read", "x")).ok());
  auto records = Service().ExportClient("cli-1");
  ASSERT_TRUE(records.ok()) << records.error().ToString();
  EXPECT_EQ(records->generated_at, now_);
  auto doc = interop::ToJson(*records);
  EXPECT_EQ(doc["format"], "passend-avg-export");
  EXPECT_EQ(doc["client_id"], "cli-1");
  EXPECT_EQ(doc["client"]["name"], "Mevrouw cli-1");
  // Client support (the OCO and the neighbourhood team) and care delivery (the provider).
  ASSERT_EQ(doc["consents"].size(), 2u);
  std::vector<std::string> purposes;  // forms come in id order, and ids are random
  for (const auto& f : doc["consents"])
    purposes.push_back(f["purpose"].get<std::string>() + ":" +
                       std::to_string(f["organisation_ids"].size()));
  std::sort(purposes.begin(), purposes.end());
  EXPECT_EQ(purposes, (std::vector<std::string>{"care_delivery:1", "client_support:2"}));
  ASSERT_EQ(doc["accounts"].size(), 1u);
  EXPECT_FALSE(doc["accounts"][0].contains("password_hash"));
  ASSERT_EQ(doc["access_log"].size(), 1u);
  EXPECT_EQ(doc["access_log"][0]["resource"], "dossier");
  EXPECT_EQ(Service().ExportClient("cli-9").error().code(), ErrorCode::kNotFound);
}

TEST_F(ClientRightsTest, ErasureRemovesPersonalDataAndKeepsTheLog) {
  AuditLog log(db_->audit(), clock());
  ASSERT_TRUE(log.Record(EventFor(PrincipalOf(Role::kProvider), "cli-1", "dossier", "read",
                                  "noodtoegang: mevrouw viel in de badkamer"))
                  .ok());
  const Principal admin = PrincipalOf(Role::kAdmin);
  auto r = Service().EraseClient(admin, "cli-1", "AVG-verzoek 2026-017");
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_EQ(r->accounts_blocked, 1);
  EXPECT_EQ(r->consents_withdrawn, 2);  // client support and care delivery
  EXPECT_EQ(r->audit_entries_kept, 1);

  auto c = db_->clients().GetClient("cli-1");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->name, kErasedName);
  EXPECT_TRUE(c->wishes.empty());
  EXPECT_EQ(c->birth_year, 0);
  EXPECT_EQ(db_->clients().GetClient("cli-2")->name, "Mevrouw cli-2");

  auto entries = log.ForClient("cli-1", 0, 10);
  ASSERT_EQ(entries->size(), 2u);
  EXPECT_EQ(entries->front().action, "erase");
  EXPECT_TRUE(entries->back().redacted);
  EXPECT_EQ(entries->back().reason.find("badkamer"), std::string::npos);
  EXPECT_TRUE(log.Verify()->ok());

  // The client can no longer log in; consent no longer opens the dossier.
  LoginThrottle throttle(db_->accounts(), clock());
  PasswordAuthenticator auth(db_->accounts(), throttle);
  EXPECT_FALSE(auth.Authenticate({logins_[0].email, logins_[0].password, {}, ""}).ok());
  ConsentRegistry consents(db_->consents(), db_->accounts(), clock());
  EXPECT_FALSE(*consents.IsConsentValid("cli-1", "org-demo-aanbieder"));
  EXPECT_EQ(Service().EraseClient(admin, "cli-1", "nog een keer").error().code(),
            ErrorCode::kFailedPrecondition);
  EXPECT_EQ(Service().EraseClient(admin, "cli-2", "").error().field(), "reason");
}

}  // namespace
}  // namespace passend::intake
