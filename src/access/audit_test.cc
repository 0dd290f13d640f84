#include "access/audit.h"

#include <gtest/gtest.h>

#include "access/test_clock.h"
#include "access/test_stores_for_test.h"

namespace passend::access {
namespace {

// The log as a reader gets it back after someone edited the stored rows behind the
// database's back: the real store underneath, with `tamper` applied to every walk.
class TamperedLog : public AuditStore {
 public:
  explicit TamperedLog(AuditStore& real) : real_(real) {}
  std::function<void(std::vector<AuditEntry>&)> tamper = [](std::vector<AuditEntry>&) {};

  // The rows as stored, untouched.
  std::vector<AuditEntry> Rows() {
    std::vector<AuditEntry> rows;
    EXPECT_TRUE(real_
                    .ForEachAudit([&](const AuditEntry& e) {
                      rows.push_back(e);
                      return Ok();
                    })
                    .ok());
    return rows;
  }

  Result<AuditEntry> AppendAudit(const ChainedEntry& make) override {
    return real_.AppendAudit(make);
  }
  Result<std::optional<AuditEntry>> LastAudit() override { return real_.LastAudit(); }
  Result<std::vector<AuditEntry>> AuditForClient(const std::string& client_id, int64_t before_seq,
                                                 int limit) override {
    return real_.AuditForClient(client_id, before_seq, limit);
  }
  Status ForEachAudit(const std::function<Status(const AuditEntry&)>& fn) override {
    std::vector<AuditEntry> rows = Rows();
    tamper(rows);
    for (const AuditEntry& e : rows) PASSEND_RETURN_IF_ERROR(fn(e));
    return Ok();
  }
  Status RedactReasons(const std::string& client_id) override {
    return real_.RedactReasons(client_id);
  }

 private:
  AuditStore& real_;
};

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
  TestStores stores;
  TamperedLog store{stores.audit()};
  TestClock clock;
  AuditLog log{store, clock.fn()};
};

TEST_F(AuditTest, AnUntouchedChainVerifies) {
  Fill(6);
  auto r = log.Verify();
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->ok()) << r->problem;
  EXPECT_EQ(r->entries, 6);
  const auto rows = store.Rows();
  EXPECT_EQ(r->head_hash, rows.back().hash);
  EXPECT_EQ(rows.front().prev_hash, kGenesisHash);
  EXPECT_EQ(rows.front().ts, "2026-03-01T09:00:00Z");
}

TEST_F(AuditTest, ChangingOneRowIsFoundAtThatSeq) {
  Fill(6);
  store.tamper = [](auto& rows) { rows[2].user_id = "usr-someone-else"; };  // seq 3
  auto r = log.Verify();
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->ok());
  EXPECT_EQ(*r->first_broken_seq, 3);
}

TEST_F(AuditTest, RehashingAChangedRowIsFoundAtTheNextSeq) {
  Fill(6);
  store.tamper = [](auto& rows) {
    rows[2].client_id = "cli-9";
    rows[2].hash = ComputeEntryHash(rows[2]);
  };
  EXPECT_EQ(*log.Verify()->first_broken_seq, 4);
}

TEST_F(AuditTest, DeletingARowIsFound) {
  Fill(6);
  store.tamper = [](auto& rows) { rows.erase(rows.begin() + 1); };  // seq 2
  EXPECT_EQ(*log.Verify()->first_broken_seq, 2);
}

TEST_F(AuditTest, ChangingTheReasonTextIsFound) {
  Fill(4);
  store.tamper = [](auto& rows) { rows[1].reason = "noodtoegang: verzonnen"; };
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
