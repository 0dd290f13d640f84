#include "access/audit.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <set>
#include <thread>

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
  std::function<void()> before_append = [] {};
  std::atomic<int> appends{0};  // transactions, not entries

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

  Result<std::vector<AuditEntry>> AppendAudits(size_t count, const ChainedEntries& make) override {
    if (++appends == 1) before_append();
    return real_.AppendAudits(count, make);
  }
  bool InOpenTransaction() const override { return real_.InOpenTransaction(); }
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
      auto e =
          log.Record({"usr-" + std::to_string(i), "provider", "org-a", i % 2 ? "cli-1" : "cli-2",
                      "dossier", "read", "toestemming cns-1", "", "", ""});
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
  ASSERT_TRUE(log.Record({"usr-admin", "admin", "org-beheer", "cli-1", "client", "erase",
                          "AVG-verzoek", "", "", ""})
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

// ---- the keyed chain (issue 23, item 10): deleting the last rows, every row, or editing
// a row and recomputing the unkeyed SHA-256 chain all still verified. ----

const std::string kKey(40, 'k');

class KeyedAuditTest : public AuditTest {
 protected:
  AuditLog keyed{store, clock.fn(), kKey};
  void FillKeyed(int n) {
    for (int i = 0; i < n; ++i)
      ASSERT_TRUE(keyed
                      .Record({"usr-k", "provider", "org-a", "cli-1", "dossier", "read", "reden",
                               "", "", ""})
                      .ok());
  }
};

TEST_F(KeyedAuditTest, AKeyedChainVerifiesOnlyWithItsKey) {
  FillKeyed(5);
  auto r = keyed.Verify();
  EXPECT_TRUE(r->ok()) << r->problem;
  EXPECT_EQ(r->keyed_entries, 5);
  EXPECT_FALSE(AuditLog(store, clock.fn(), std::string(40, 'x')).Verify()->ok());
  EXPECT_FALSE(log.Verify()->ok());  // without the key it cannot be checked: says so
  // ... and nothing unkeyed may be appended to it.
  EXPECT_EQ(
      log.Record({"u", "admin", "", "cli-1", "client", "read", "", "", "", ""}).error().code(),
      ErrorCode::kFailedPrecondition);
}

TEST_F(KeyedAuditTest, RewritingAndRechainingWithoutTheKeyIsFound) {
  FillKeyed(5);
  // Edit seq 3 and recompute every hash from there on, as one can without the key.
  store.tamper = [](std::vector<AuditEntry>& rows) {
    rows[2].user_id = "usr-iemand-anders";
    for (size_t i = 2; i < rows.size(); ++i) {
      rows[i].prev_hash = rows[i - 1].hash;
      rows[i].hash = ComputeEntryHash(rows[i]);
    }
  };
  auto r = keyed.Verify();
  ASSERT_FALSE(r->ok());
  EXPECT_EQ(*r->first_broken_seq, 3) << r->problem;
}

TEST_F(KeyedAuditTest, CuttingOffTheNewestRowsIsFoundAgainstTheNotedHead) {
  FillKeyed(120);
  auto head = keyed.Verify();
  ASSERT_TRUE(head->ok());
  const AuditHead noted{head->head_seq, head->head_hash};
  EXPECT_TRUE(keyed.Verify(noted)->ok());
  FillKeyed(3);  // the log goes on: the noted head is still there
  EXPECT_TRUE(keyed.Verify(noted)->ok());
  store.tamper = [](std::vector<AuditEntry>& rows) { rows.pop_back(); };  // the last row
  EXPECT_TRUE(keyed.Verify(noted)->ok());  // a shorter chain, still past the noted head
  store.tamper = [](std::vector<AuditEntry>& rows) {
    rows.resize(rows.size() - 101);  // the last 101 rows
  };
  auto cut = keyed.Verify(noted);
  ASSERT_FALSE(cut->ok());
  EXPECT_EQ(*cut->first_broken_seq, noted.seq) << cut->problem;
  store.tamper = [](std::vector<AuditEntry>& rows) { rows.clear(); };  // every row
  EXPECT_FALSE(keyed.Verify(noted)->ok());
}

TEST_F(KeyedAuditTest, AnUnkeyedChainIsTakenOverByTheKey) {
  Fill(4);  // made before a key was used
  ASSERT_TRUE(keyed.AdoptKey("systeem:test").ok());
  ASSERT_TRUE(keyed.AdoptKey("systeem:test").ok());  // once is enough
  EXPECT_EQ(store.Rows().size(), 5u);
  EXPECT_EQ(store.Rows().back().action, "key");
  auto r = keyed.Verify();
  EXPECT_TRUE(r->ok()) << r->problem;
  EXPECT_EQ(r->keyed_entries, 1);
  // Rewriting the old unkeyed part breaks the link to the first keyed entry.
  store.tamper = [](std::vector<AuditEntry>& rows) {
    rows[1].user_id = "usr-x";
    rows[1].hash = ComputeEntryHash(rows[1]);
  };
  EXPECT_EQ(*keyed.Verify()->first_broken_seq, 3);
  // Dropping the keyed tail and going on unkeyed is found: a chain in use ends keyed.
  store.tamper = [](std::vector<AuditEntry>& rows) { rows.pop_back(); };
  EXPECT_FALSE(keyed.Verify()->ok());
}

// Requests that log at the same time share a commit: while the first in line writes,
// everyone queueing behind it is written by the next writer in one transaction. Every
// Record still gets its own entry back, and the chain stays whole.
TEST(AuditGroupTest, ConcurrentRecordsShareACommitAndKeepTheChain) {
  constexpr int kThreads = 16;
  TestStores stores;
  TamperedLog store{stores.audit()};
  std::atomic<int> queued{0};  // the clock is read once per Record, as it joins the queue
  const Time t0 = *ParseUtc("2026-03-01T09:00:00Z");
  AuditLog log{store, [&] {
                 ++queued;
                 return t0;
               }};
  // The first writer waits (10 s at most) until all others have queued behind it.
  store.before_append = [&] {
    for (int i = 0; i < 10000 && queued < kThreads; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
  };
  std::vector<int64_t> seqs(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      auto e = log.Record({"usr-" + std::to_string(t), "oco", "org-a", "cli-1", "client", "read",
                           "toestemming cns-1", "127.0.0.1", "ses-" + std::to_string(t), ""});
      if (e.ok() && e->user_id == "usr-" + std::to_string(t) &&
          e->credential == "ses-" + std::to_string(t))
        seqs[t] = e->seq;
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(queued.load(), kThreads);
  EXPECT_EQ(store.appends.load(), 2);  // the first alone, then the other fifteen together
  EXPECT_EQ(std::set<int64_t>(seqs.begin(), seqs.end()).size(), size_t{kThreads});
  EXPECT_EQ(*std::min_element(seqs.begin(), seqs.end()), 1);
  EXPECT_EQ(*std::max_element(seqs.begin(), seqs.end()), kThreads);
  auto r = log.Verify();
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->ok()) << r->problem;
  EXPECT_EQ(r->entries, kThreads);
}

TEST(AuditHeadTest, ParsesSeqColonHash) {
  auto h = ParseAuditHead("12:" + std::string(64, 'a'));
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->seq, 12);
  for (std::string bad :
       std::vector<std::string>{"", "12", ":" + std::string(64, 'a'), "x:" + std::string(64, 'a'),
                                "12:" + std::string(63, 'a'), "0:" + std::string(64, 'a')})
    EXPECT_EQ(ParseAuditHead(bad).error().field(), "expect") << bad;
}

}  // namespace
}  // namespace passend::access
