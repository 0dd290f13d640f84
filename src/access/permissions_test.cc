#include "access/permissions.h"

#include <gtest/gtest.h>

#include <set>

namespace passend::access {
namespace {

Principal Provider(std::string org, std::string provider) {
  Principal p;
  p.user_id = "usr-p";
  p.role = Role::kProvider;
  p.organisation_id = std::move(org);
  p.provider_id = std::move(provider);
  return p;
}

Scope ClientScope(std::vector<ConsentGrant> consents = {}) {
  Scope s;
  s.client_id = "cli-1";
  s.region = "ZK-ZL";
  s.consents = std::move(consents);
  return s;
}

TEST(PermissionMatrix, EveryCellNamesAKnownPermissionOnce) {
  std::set<std::pair<Role, std::string_view>> seen;
  for (const auto& cell : PermissionMatrix()) {
    EXPECT_NE(FindPermission(cell.permission), nullptr) << cell.permission;
    EXPECT_TRUE(seen.insert({cell.role, cell.permission}).second)
        << ToString(cell.role) << " " << cell.permission;
  }
}

TEST(PermissionMatrix, EveryPermissionIsGrantedToSomeRole) {
  for (const auto& p : AllPermissions()) {
    bool granted = false;
    for (Role r : kAllRoles) granted = granted || FindCell(r, p.key) != nullptr;
    EXPECT_TRUE(granted) << p.key;
  }
}

// Issue 23.12: the export holds everything the dossier read shows, so it never reaches
// further than client.read: a role that may export a client may read that client, in the
// same scope and for the same purposes (the administrator does neither).
TEST(PermissionMatrix, ExportReachesNoFurtherThanRead) {
  int exporters = 0;
  for (Role role : kAllRoles) {
    const MatrixCell* exp = FindCell(role, "client.export");
    if (exp == nullptr) continue;
    ++exporters;
    const MatrixCell* read = FindCell(role, "client.read");
    ASSERT_NE(read, nullptr) << ToString(role) << " mag exporteren maar niet lezen";
    EXPECT_EQ(exp->scope, read->scope) << ToString(role);
    EXPECT_EQ(exp->purposes, read->purposes) << ToString(role);
    EXPECT_FALSE(exp->emergency && !read->emergency) << ToString(role);
  }
  EXPECT_GT(exporters, 0);
  EXPECT_EQ(FindCell(Role::kAdmin, "client.read"), nullptr);
  EXPECT_EQ(FindCell(Role::kAdmin, "client.export"), nullptr);
}

TEST(Authorize, ProviderStaffOfAnotherProviderGetsNotFound) {
  Scope s = ClientScope({{"cns-1", "org-a", Purpose::kCareDelivery}});
  auto d = Decide(Provider("org-b", "prv-b"), "dossier.read", s);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(d.error().message(), NotFoundOrHidden().message());
}

TEST(Authorize, ProviderStaffReadsUnderConsentForTheirOrganisation) {
  Scope s = ClientScope({{"cns-1", "org-a", Purpose::kCareDelivery}});
  auto d = Decide(Provider("org-a", "prv-a"), "dossier.read", s);
  ASSERT_TRUE(d.ok()) << d.error().ToString();
  EXPECT_EQ(d->consent_id, "cns-1");
  EXPECT_EQ(d->rule, ScopeRule::kConsent);
  EXPECT_NE(d->reason.find("cns-1"), std::string::npos);
}

TEST(Authorize, ConsentForAnotherPurposeDoesNotCount) {
  Scope s = ClientScope({{"cns-1", "org-a", Purpose::kIndication}});
  auto d = Decide(Provider("org-a", "prv-a"), "dossier.read", s);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().code(), ErrorCode::kNotFound);
}

TEST(Authorize, StatedEmergencyOpensAReadAndSaysSo) {
  Scope s = ClientScope();
  s.emergency_reason = "cliënt onwel aangetroffen, medicatie nodig";
  auto d = Decide(Provider("org-a", "prv-a"), "dossier.read", s);
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(d->emergency);
  EXPECT_NE(d->reason.find("noodtoegang"), std::string::npos);
  // ...but never a change.
  Principal oco;
  oco.role = Role::kOco;
  oco.organisation_id = "org-o";
  EXPECT_EQ(Decide(oco, "dossier.update", s).error().code(), ErrorCode::kNotFound);
}

TEST(Authorize, ClientSeesOnlyThemself) {
  Principal c;
  c.role = Role::kClient;
  c.client_ids = {"cli-1"};
  EXPECT_TRUE(Decide(c, "dossier.read", ClientScope()).ok());
  Scope other = ClientScope();
  other.client_id = "cli-2";
  EXPECT_EQ(Decide(c, "dossier.read", other).error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(Decide(c, "client.erase", ClientScope()).error().code(), ErrorCode::kNotFound);
}

TEST(Authorize, RepresentativeActsOnlyForTheirClients) {
  Principal r;
  r.role = Role::kRepresentative;
  r.client_ids = {"cli-1", "cli-3"};
  EXPECT_TRUE(Decide(r, "consent.create", ClientScope()).ok());
  Scope other = ClientScope();
  other.client_id = "cli-2";
  EXPECT_EQ(Decide(r, "consent.create", other).error().code(), ErrorCode::kNotFound);
}

TEST(Authorize, ZorgkantoorReadsWithinItsRegionOnly) {
  Principal z;
  z.role = Role::kZorgkantoor;
  z.organisation_id = "org-z";
  z.region = "ZK-ZL";
  EXPECT_TRUE(Decide(z, "client.read", ClientScope()).ok());
  Scope elsewhere = ClientScope();
  elsewhere.region = "ZK-RT";
  EXPECT_EQ(Decide(z, "client.read", elsewhere).error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(Decide(z, "dossier.update", ClientScope()).error().code(), ErrorCode::kNotFound);
}

TEST(Authorize, ResearcherSeesAggregatesNeverOnePerson) {
  Principal r;
  r.role = Role::kResearcher;
  r.organisation_id = "org-r";
  // Aggregates of its organisation's region only (issue 23.2); without a region none.
  Scope own, other;
  own.region = "ZK-ZL";
  other.region = "ZK-RT";
  EXPECT_EQ(Decide(r, "report.read", own).error().code(), ErrorCode::kPermissionDenied);
  r.region = "ZK-ZL";
  EXPECT_TRUE(Decide(r, "report.read", own).ok());
  EXPECT_EQ(Decide(r, "report.read", own)->reason, "regio ZK-ZL");
  EXPECT_EQ(Decide(r, "report.read", other).error().code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(Decide(r, "client.read", ClientScope()).error().code(), ErrorCode::kNotFound);
  // A list reveals nothing by being refused: there the refusal may say so.
  EXPECT_EQ(Decide(r, "client.list", {}).error().code(), ErrorCode::kPermissionDenied);
}

TEST(Authorize, AdminManagesUsersButReadsNoDossier) {
  Principal a;
  a.role = Role::kAdmin;
  a.organisation_id = "org-beheer";
  EXPECT_TRUE(Decide(a, "user.create", {}).ok());
  EXPECT_TRUE(Decide(a, "client.erase", ClientScope()).ok());
  EXPECT_EQ(Decide(a, "dossier.read", ClientScope()).error().code(), ErrorCode::kNotFound);
}

TEST(Authorize, ProviderChangesOnlyItsOwnCatalogue) {
  Scope own;
  own.provider_id = "prv-a";
  Scope other;
  other.provider_id = "prv-b";
  EXPECT_TRUE(Decide(Provider("org-a", "prv-a"), "catalog.update", own).ok());
  EXPECT_EQ(Decide(Provider("org-a", "prv-a"), "catalog.update", other).error().code(),
            ErrorCode::kNotFound);
}

TEST(Authorize, UnknownPermissionIsABug) {
  Principal a;
  a.role = Role::kAdmin;
  EXPECT_EQ(Decide(a, "nonsense.read", {}).error().code(), ErrorCode::kInternal);
}

TEST(InScope, FiltersListRecordsByConsent) {
  const MatrixCell* cell = FindCell(Role::kProvider, "client.list");
  ASSERT_NE(cell, nullptr);
  EXPECT_TRUE(InScope(Provider("org-a", "prv-a"), *cell,
                      ClientScope({{"cns-1", "org-a", Purpose::kRegistration}})));
  EXPECT_FALSE(InScope(Provider("org-a", "prv-a"), *cell, ClientScope()));
}

}  // namespace
}  // namespace passend::access
