#include <gtest/gtest.h>

#include "access/consent_registry.h"
#include "access/test_clock.h"
#include "access/test_stores_for_test.h"

namespace passend::access {
namespace {

using std::chrono::hours;

class ConsentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(store.accounts()
                    .PutOrganisation({"org-a", "Zorggroep A", Role::kProvider, "prv-a", ""})
                    .ok());
    ASSERT_TRUE(store.accounts()
                    .PutOrganisation({"org-b", "Zorggroep B", Role::kProvider, "prv-b", ""})
                    .ok());
    ASSERT_TRUE(store.accounts().PutOrganisation({"org-m", "MEE", Role::kOco, "", ""}).ok());
    client.user_id = "usr-c";
    client.role = Role::kClient;
    client.client_ids = {"cli-1"};
  }
  TestStores store;
  TestClock clock;
  ConsentRegistry registry{store.consents(), store.accounts(), clock.fn()};
  Principal client;
};

TEST_F(ConsentTest, OneFormNamesSeveralOrganisations) {
  auto f = registry.Give(client, {"cli-1", {"org-a", "org-m"}, Purpose::kRegistration, {}});
  ASSERT_TRUE(f.ok()) << f.error().ToString();
  EXPECT_TRUE(*registry.IsConsentValid("cli-1", "org-a"));
  EXPECT_TRUE(*registry.IsConsentValid("cli-1", "org-m", Purpose::kRegistration));
  EXPECT_FALSE(*registry.IsConsentValid("cli-1", "org-m", Purpose::kIndication));
  EXPECT_FALSE(*registry.IsConsentValid("cli-1", "org-b"));
  EXPECT_FALSE(*registry.IsConsentValid("cli-2", "org-a"));
}

TEST_F(ConsentTest, ExpiredConsentDenies) {
  ASSERT_TRUE(
      registry.Give(client, {"cli-1", {"org-a"}, Purpose::kCareDelivery, clock.now() + hours(24)})
          .ok());
  EXPECT_TRUE(*registry.IsConsentValid("cli-1", "org-a"));
  clock.Advance(hours(25));
  EXPECT_FALSE(*registry.IsConsentValid("cli-1", "org-a"));
  EXPECT_TRUE(registry.ValidGrantsFor("cli-1")->empty());
}

TEST_F(ConsentTest, WithdrawnConsentDenies) {
  auto f = registry.Give(client, {"cli-1", {"org-a"}, Purpose::kCareDelivery, {}});
  ASSERT_TRUE(f.ok());
  clock.Advance(hours(1));
  auto w = registry.Withdraw(client, "cli-1", f->id);
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->withdrawn_by, "usr-c");
  EXPECT_FALSE(*registry.IsConsentValid("cli-1", "org-a"));
  EXPECT_EQ(registry.Withdraw(client, "cli-1", f->id).error().code(),
            ErrorCode::kFailedPrecondition);
  // The form stays, as evidence of what was allowed when.
  EXPECT_EQ(registry.ForClient("cli-1")->size(), 1u);
}

TEST_F(ConsentTest, AnotherClientsFormIsNotFound) {
  auto f = registry.Give(client, {"cli-1", {"org-a"}, Purpose::kCareDelivery, {}});
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(registry.Withdraw(client, "cli-2", f->id).error().code(), ErrorCode::kNotFound);
}

TEST_F(ConsentTest, BadFormsNameTheField) {
  auto none = registry.Give(client, {"cli-1", {}, Purpose::kCareDelivery, {}});
  EXPECT_EQ(none.error().field(), "organisation_ids");
  auto unknown = registry.Give(client, {"cli-1", {"org-a", "org-x"}, Purpose::kCareDelivery, {}});
  EXPECT_EQ(unknown.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(unknown.error().field(), "organisation_ids[1]");
  auto twice = registry.Give(client, {"cli-1", {"org-a", "org-a"}, Purpose::kCareDelivery, {}});
  EXPECT_EQ(twice.error().field(), "organisation_ids[1]");
  auto past =
      registry.Give(client, {"cli-1", {"org-a"}, Purpose::kCareDelivery, clock.now() - hours(1)});
  EXPECT_EQ(past.error().field(), "valid_until");
}

}  // namespace
}  // namespace passend::access
