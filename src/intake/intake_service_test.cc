// The AVG rights of a client (export, erasure) and the demo accounts, on the real SQLite
// backend: one transaction, the log kept and still verifying.
#include "intake/intake_service.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "access/authenticator.h"
#include "access/consent_registry.h"
#include "access/demo_accounts.h"
#include "access/login_throttle.h"
#include "access/permissions.h"
#include "access/session.h"
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
  IntakeService Service() { return IntakeService(*db_, refdata::BuiltIn(), clock()); }
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

// Issue 23.14: after an erasure nothing of the client stays in the database file or its
// WAL: not the login attempts under the e-mail address, not the session, not the old
// rows that SQLite keeps in freed pages and in the WAL until they are overwritten.
TEST_F(ClientRightsTest, ErasureLeavesNothingOfTheClientInTheFileOrItsWal) {
  const DemoLogin& client = logins_[0];
  ASSERT_EQ(client.role, Role::kClient);
  LoginThrottle throttle(db_->accounts(), clock());
  PasswordAuthenticator auth(db_->accounts(), throttle);
  ASSERT_TRUE(auth.Authenticate({client.email, client.password, {}, "10.0.0.1"}).ok());
  ASSERT_FALSE(auth.Authenticate({client.email, "een verkeerd wachtwoord", {}, "10.0.0.1"}).ok());
  // The self-registration's throttle counts under the address too (POST /registraties).
  LoginThrottle registrations(db_->accounts(), clock(), RegistrationThrottlePolicy());
  ASSERT_TRUE(registrations.Record(client.email, "10.0.0.2", false).ok());
  const std::string registration_key = "registratie:account:" + client.email;
  ASSERT_EQ(*db_->accounts().CountRecentFailures(registration_key, now_ - std::chrono::hours(1)),
            1);
  Sessions sessions(db_->accounts(), clock());
  auto session = sessions.Start(client.user_id);
  ASSERT_TRUE(session.ok());
  auto read = [this] {
    std::string bytes;
    for (const char* ext : {"", "-wal"}) {
      std::ifstream in(path_.string() + ext, std::ios::binary);
      bytes += std::string(std::istreambuf_iterator<char>(in), {});
    }
    return bytes;
  };
  const std::vector<std::string> traces = {"Mevrouw cli-1", client.email, session->session.id};
  const std::string before = read();
  for (const std::string& trace : traces)  // the test can see them while they are there
    ASSERT_NE(before.find(trace), std::string::npos) << trace;

  auto r = Service().EraseClient(PrincipalOf(Role::kAdmin), "cli-1", "AVG-verzoek 2026-018");
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_EQ(
      *db_->accounts().CountRecentFailures("account:" + client.email, now_ - std::chrono::hours(1)),
      0);
  EXPECT_EQ(*db_->accounts().CountRecentFailures(registration_key, now_ - std::chrono::hours(1)),
            0);
  EXPECT_FALSE(sessions.Resume(session->secret).ok());
  const std::string after = read();
  EXPECT_GT(after.size(), 4096u);
  for (const std::string& trace : traces) EXPECT_EQ(after.find(trace), std::string::npos) << trace;
  EXPECT_NE(after.find("Mevrouw cli-2"), std::string::npos);  // the other client stays
}

// --- the dossier: versions with author, time and reason, nothing overwritten ---

domain::Client NewDossier() {
  domain::Client c;
  c.name = "Meneer Dossier";
  c.birth_year = 1941;
  c.municipality_code = "GM0935";
  c.home = {50.85, 5.69};
  c.preferred_forms = {domain::DeliveryForm::kVerblijf};
  c.wishes = {{"tuin", domain::Importance::kMust, std::nullopt, "ik wil buiten kunnen zitten"}};
  c.needs = {{"dementie_expertise", "uit de indicatie"}};
  c.representative = domain::Representative{"Anja", "dochter"};
  return c;
}

TEST_F(ClientRightsTest, ADossierKeepsEveryVersionWithAuthorTimeAndReason) {
  const Principal oco = PrincipalOf(Role::kOco);
  auto created = Service().CreateClient(oco, NewDossier(), "");
  ASSERT_TRUE(created.ok()) << created.error().ToString();
  const std::string id = created->record.id;
  EXPECT_EQ(id.rfind("cli-", 0), 0u);
  EXPECT_EQ(created->info.version, 1);
  EXPECT_EQ(created->info.author_id, oco.user_id);
  EXPECT_EQ(created->info.author_role, "oco");
  EXPECT_EQ(created->info.recorded_at, "2026-03-01T09:00:00Z");
  EXPECT_EQ(*Service().CurrentVersion(id), 1);
  // The organisation that wrote the dossier may read it: the intake's consent is recorded.
  ConsentRegistry consents(db_->consents(), db_->accounts(), clock());
  EXPECT_TRUE(*consents.IsConsentValid(id, oco.organisation_id));

  domain::Client changed = created->record;
  changed.wishes.push_back({"", domain::Importance::kNice, std::nullopt, "mijn eigen stoel"});
  changed.wishes[0].importance = domain::Importance::kImportant;
  changed.municipality_code = "GM0917";
  now_ = *ParseUtc("2026-03-02T10:00:00Z");
  auto v2 = Service().UpdateClient(oco, changed, 1, "Gesprek met dochter");
  ASSERT_TRUE(v2.ok()) << v2.error().ToString();
  EXPECT_EQ(v2->info.version, 2);
  EXPECT_EQ(db_->clients().GetClient(id)->municipality_code, "GM0917");

  // Someone still working on version 1 is told, and nothing is written.
  domain::Client stale = created->record;
  stale.name = "Iemand anders";
  auto lost = Service().UpdateClient(oco, stale, 1, "oude stand");
  ASSERT_FALSE(lost.ok());
  EXPECT_EQ(lost.error().code(), ErrorCode::kConflict);
  EXPECT_EQ(lost.error().field(), "version");
  EXPECT_EQ(db_->clients().GetClient(id)->name, "Meneer Dossier");
  // The same record again is no new version.
  EXPECT_EQ(Service().UpdateClient(oco, changed, 2, "nog eens")->info.version, 2);

  auto history = Service().History(id);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[1].reason, "Gesprek met dochter");
  EXPECT_EQ((*history)[1].recorded_at, "2026-03-02T10:00:00Z");
  EXPECT_TRUE(Service().GetVersion(id, 1)->record == created->record);  // not overwritten

  auto diff = Service().Diff(id, 1, 2);
  ASSERT_TRUE(diff.ok()) << diff.error().ToString();
  std::vector<std::string> fields;
  for (const auto& c : diff->changes)
    fields.push_back(c.field + ":" + std::string(ToString(c.kind)));
  EXPECT_EQ(fields, (std::vector<std::string>{"municipality_code:changed", "wishes.tuin:changed",
                                              "wishes.tekst:mijn eigen stoel:added"}));
  EXPECT_NE(diff->changes[1].before.find("moet"), std::string::npos);
  EXPECT_NE(diff->changes[1].after.find("belangrijk"), std::string::npos);
  EXPECT_NE(diff->changes[0].after.find("Heerlen"), std::string::npos);
  EXPECT_TRUE(Service().Diff(id, 2, 2)->changes.empty());
  EXPECT_EQ(Service().Diff(id, 1, 7).error().field(), "version");

  // A place is said by the municipality it is in, never by coordinates; a move away from the
  // centre still shows as a change.
  const domain::Municipality* heerlen = refdata::BuiltIn().FindMunicipality("GM0917");
  ASSERT_NE(heerlen, nullptr);
  domain::Client with_place = changed;
  with_place.places.push_back({domain::PlaceKind::kFamilie, "dochter Anja", heerlen->centroid, 15,
                               domain::Importance::kMust});
  ASSERT_EQ(Service().UpdateClient(oco, with_place, 2, "dochter erbij")->info.version, 3);
  domain::Client moved = with_place;
  moved.places[0].position.lat += 0.018;  // about 2 km north
  ASSERT_EQ(Service().UpdateClient(oco, moved, 3, "dochter verhuisd")->info.version, 4);
  auto added = Service().Diff(id, 2, 3);
  ASSERT_TRUE(added.ok());
  ASSERT_EQ(added->changes.size(), 1u);
  EXPECT_EQ(added->changes[0].after, "moet: familie 'dochter Anja' in Heerlen, binnen 15 km");
  auto move = Service().Diff(id, 3, 4);
  ASSERT_TRUE(move.ok());
  ASSERT_EQ(move->changes.size(), 1u);
  EXPECT_EQ(move->changes[0].before, added->changes[0].after);
  EXPECT_EQ(move->changes[0].after,
            "moet: familie 'dochter Anja' 2,0 km van het centrum van Heerlen, binnen 15 km");
}

TEST_F(ClientRightsTest, BadInputNamesTheFieldAndWritesNothing) {
  const Principal oco = PrincipalOf(Role::kOco);
  const int64_t before = *db_->clients().CountClients({});
  auto field_of = [](const auto& r) { return r.ok() ? std::string("(ok)") : r.error().field(); };
  domain::Client c = NewDossier();
  c.wishes[0].feature_id = "zwembad_op_dak";
  auto bad = Service().CreateClient(oco, c, "");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field(), "wishes[0].feature_id");
  c = NewDossier();
  c.municipality_code = "GM9999";
  EXPECT_EQ(field_of(Service().CreateClient(oco, c, "")), "municipality_code");
  c = NewDossier();
  c.id = "cli-eigen";
  EXPECT_EQ(field_of(Service().CreateClient(oco, c, "")), "id");
  c = NewDossier();
  c.indication = domain::IndicationStatus::kGranted;
  c.profile = "5VV";
  c.care_status = domain::CareStatus::kInCare;
  c.care_provider_id = "prv-onbekend";
  EXPECT_EQ(field_of(Service().CreateClient(oco, c, "")), "care_provider_id");
  EXPECT_EQ(*db_->clients().CountClients({}), before);

  // A client tells wishes, not needs; and a change needs a reason.
  auto created = Service().CreateClient(oco, NewDossier(), "");
  ASSERT_TRUE(created.ok());
  const Principal client = PrincipalOf(Role::kClient);
  domain::Client mine = created->record;
  mine.needs.clear();
  auto denied = Service().UpdateClient(client, mine, 1, "niet nodig");
  ASSERT_FALSE(denied.ok());
  EXPECT_EQ(denied.error().code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(denied.error().field(), "needs");
  mine = created->record;
  mine.wishes[0].text = "in de zon zitten";
  EXPECT_EQ(field_of(Service().UpdateClient(client, mine, 1, "")), "reason");
  EXPECT_TRUE(Service().UpdateClient(client, mine, 1, "mijn eigen woorden").ok());
  mine.id = "cli-bestaat-niet";
  auto unknown = Service().UpdateClient(oco, mine, 1, "x");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code(), ErrorCode::kNotFound);
}

TEST_F(ClientRightsTest, AnImportedClientIsVersionOneAndKeepsItOnItsFirstChange) {
  EXPECT_EQ(*Service().CurrentVersion("cli-1"), 1);
  auto history = Service().History("cli-1");
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ((*history)[0].author_id, kSystemAuthor);
  domain::Client c = *db_->clients().GetClient("cli-1");
  c.home = {50.85, 5.69};  // the fixture's record has no home; a dossier needs one
  const domain::Client imported = c;
  ASSERT_TRUE(db_->clients().PutClient(c).ok());
  c.wishes[0].importance = domain::Importance::kNice;
  auto v2 = Service().UpdateClient(PrincipalOf(Role::kOco), c, 1, "minder streng");
  ASSERT_TRUE(v2.ok()) << v2.error().ToString();
  EXPECT_EQ(Service().History("cli-1")->size(), 2u);
  EXPECT_TRUE(Service().GetVersion("cli-1", 1)->record == imported);
  EXPECT_EQ(Service().CurrentVersion("cli-9").error().code(), ErrorCode::kNotFound);
  // An import that replaces the record between two versions is kept as a version too.
  domain::Client imported_again = c;
  imported_again.name = "Mevrouw uit het bestand";
  ASSERT_TRUE(db_->clients().PutClient(imported_again).ok());  // as passend import does
  c = imported_again;
  c.birth_year = 1939;
  auto v4 = Service().UpdateClient(PrincipalOf(Role::kOco), c, 2, "geboortejaar verbeterd");
  ASSERT_TRUE(v4.ok()) << v4.error().ToString();
  EXPECT_EQ(v4->info.version, 4);
  auto three = Service().GetVersion("cli-1", 3);
  ASSERT_TRUE(three.ok());
  EXPECT_EQ(three->info.author_id, kSystemAuthor);
  EXPECT_TRUE(three->record == imported_again);
  EXPECT_EQ(Service().Diff("cli-1", 3, 4)->changes.size(), 1u);
  // The erasure removes every version with the rest of the personal data.
  ASSERT_TRUE(Service().EraseClient(PrincipalOf(Role::kAdmin), "cli-1", "AVG-verzoek 1").ok());
  EXPECT_TRUE(db_->clients().ListVersions("cli-1")->empty());
  EXPECT_EQ(Service().UpdateClient(PrincipalOf(Role::kOco), c, 1, "na het wissen").error().code(),
            ErrorCode::kFailedPrecondition);
}

}  // namespace
}  // namespace passend::intake
