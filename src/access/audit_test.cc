#include "access/audit.h"

#include <gtest/gtest.h>

#include "access/fake_access_store.h"
#include "access/test_clock.h"

namespace passend::access {
namespace {

class AuditTest : public ::testing::Test {
 protected:
  void Fill(int n) {
    for (int i = 0; i < n; ++i) {
      auto e = log.Record({"usr-" + std::to_string(i), "provider", "org-a",
                           i % 2 ? "cli-1" : "cli-2", "dossier", "read", "toestemming cns-1"});
      ASSERT_TRUE(e.ok()) << e.error().ToString();
      clock.Advance(std::chrono::seconds(30));
    }
  }
  FakeAccessStore store;
  TestClock clock;
  AuditLog log{store, clock.fn()};
};

TEST_F(AuditTest, AnUntouchedChainVerifies) {
  Fill(6);
  auto r = log.Verify();
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->ok()) << r->problem;
  EXPECT_EQ(r->entries, 6);
  EXPECT_EQ(r->head_hash, store.audit_rows().back().hash);
  EXPECT_EQ(store.audit_rows().front().prev_hash, kGenesisHash);
  EXPECT_EQ(store.audit_rows().front().ts, "2026-03-01T09:00:00Z");
}

TEST_F(AuditTest, ChangingOneRowIsFoundAtThatSeq) {
  Fill(6);
  store.audit_rows()[2].user_id = "usr-someone-else";  // seq 3
  auto r = log.Verify();
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->ok());
  EXPECT_EQ(*r->first_broken_seq, 3);
}

TEST_F(AuditTest, RehashingAChangedRowIsFoundAtTheNextSeq) {
  Fill(6);
  auto& row = store.audit_rows()[2];
  row.client_id = "cli-9";
  row.hash = ComputeEntryHash(row);
  EXPECT_EQ(*log.Verify()->first_broken_seq, 4);
}

TEST_F(AuditTest, DeletingARowIsFound) {
  Fill(6);
  store.audit_rows().erase(store.audit_rows().begin() + 1);  // seq 2
  EXPECT_EQ(*log.Verify()->first_broken_seq, 2);
}

TEST_F(AuditTest, ChangingTheReasonTextIsFound) {
  Fill(4);
  store.audit_rows()[1].reason = "noodtoegang: verzonnen";
  EXPECT_EQ(*log.Verify()->first_broken_seq, 2);
}

TEST_F(AuditTest, RedactionByAnErasureKeepsTheChainIntact) {
  Fill(4);
  ASSERT_TRUE(store.RedactReasons("cli-1").ok());
  ASSERT_TRUE(
      log.Record({"usr-admin", "admin", "org-beheer", "cli-1", "client", "erase", "AVG-verzoek"})
          .ok());
  auto r = log.Verify();
  EXPECT_TRUE(r->ok()) << r->problem;
  auto mine = log.ForClient("cli-1", 0, 50);
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->size(), 3u);  // two reads and the erasure, newest first
  EXPECT_EQ(mine->front().action, "erase");
  EXPECT_TRUE(mine->back().redacted);
  EXPECT_TRUE(mine->back().reason.empty());
}

TEST_F(AuditTest, RedactionWithoutAnErasureIsFound) {
  Fill(4);
  ASSERT_TRUE(store.RedactReasons("cli-1").ok());  // seq 2 and 4
  EXPECT_EQ(*log.Verify()->first_broken_seq, 2);
}

TEST_F(AuditTest, ClientListIsPagedNewestFirst) {
  Fill(10);
  auto page1 = log.ForClient("cli-1", 0, 2);
  ASSERT_EQ(page1->size(), 2u);
  EXPECT_EQ((*page1)[0].seq, 10);
  auto page2 = log.ForClient("cli-1", (*page1)[1].seq, 2);
  EXPECT_EQ((*page2)[0].seq, 6);
  EXPECT_EQ(log.ForClient("cli-1", 0, 0).error().code(), ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace passend::access
