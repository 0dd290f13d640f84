// The access log under concurrent requests: every logged read of personal data appends one
// entry (docs/access.md). Many request threads append at once; the baseline is one
// transaction and one commit per entry (AuditStore::AppendAudit from each thread, how
// AuditLog wrote before it grouped), measured in the same run against AuditLog::Record,
// which lets the first in line write the entries queued behind it in one commit.
//
//   audit_bench [DB] [THREADS] [ENTRIES_PER_THREAD]
// DB: an SQLite file (default: a fresh file in /tmp) or a postgresql:// URI of an empty
// database. Prints entries per second for both and their ratio; the chain is verified.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "access/audit.h"
#include "access/secret.h"
#include "access/timestamp.h"
#include "store/open_database.h"

namespace {

using namespace passend;
using Clock = std::chrono::steady_clock;

access::AuditEvent Event(int thread, int i) {
  return {"usr-" + std::to_string(thread),
          "oco",
          "org-1",
          "cli-" + std::to_string(i % 97),
          "client",
          "read",
          "toestemming cns-1",
          "127.0.0.1",  // a request's source and session, as every entry has them now
          "ses-" + std::to_string(thread),
          ""};
}

// Runs `threads` threads of `per_thread` appends each; returns entries per second.
template <typename Append>
double Rate(int threads, int per_thread, Append append) {
  std::atomic<int> failures{0};
  const auto start = Clock::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      for (int i = 0; i < per_thread; ++i)
        if (!append(t, i)) ++failures;
    });
  for (auto& th : pool) th.join();
  const double s = std::chrono::duration<double>(Clock::now() - start).count();
  if (failures > 0) std::fprintf(stderr, "audit_bench: %d appends failed\n", failures.load());
  return threads * per_thread / s;
}

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::string db_name = argc > 1 ? argv[1] : "";
  const int threads = argc > 2 ? std::atoi(argv[2]) : 32;
  const int per_thread = argc > 3 ? std::atoi(argv[3]) : 200;
  fs::path tmp;
  if (db_name.empty()) {
    tmp = fs::temp_directory_path() / ("passend-audit-bench-" + std::to_string(::getpid()));
    fs::create_directories(tmp);
    db_name = (tmp / "audit.db").string();
  }
  auto db = store::OpenDatabase(db_name);
  if (!db.ok()) {
    std::fprintf(stderr, "audit_bench: %s\n", db.error().ToString().c_str());
    return 1;
  }
  access::AuditStore& store = (*db)->audit();
  const std::string key(64, 'k');
  const access::Clock now = [] {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  };
  access::AuditLog log(store, now, key);

  // Baseline: one transaction per entry, chained the same way (keyed hash).
  const double one_by_one = Rate(threads, per_thread, [&](int t, int i) {
    const access::AuditEvent ev = Event(t, i);
    const std::string ts = access::FormatUtc(now());
    return store
        .AppendAudit([&](const std::optional<access::AuditEntry>& prev) {
          access::AuditEntry e;
          e.seq = prev ? prev->seq + 1 : 1;
          e.ts = ts;
          e.user_id = ev.user_id;
          e.role = ev.role;
          e.organisation_id = ev.organisation_id;
          e.client_id = ev.client_id;
          e.resource = ev.resource;
          e.action = ev.action;
          e.reason = ev.reason;
          e.reason_digest = access::Sha256Hex(ev.reason);
          e.prev_hash = prev ? prev->hash : access::kGenesisHash;
          e.hash = access::ComputeKeyedEntryHash(e, key);
          return e;
        })
        .ok();
  });
  const double grouped =
      Rate(threads, per_thread, [&](int t, int i) { return log.Record(Event(t, i)).ok(); });
  auto report = log.Verify();
  std::printf("access log, %d threads x %d entries on %s\n", threads, per_thread,
              store::DatabaseDisplayName(db_name).c_str());
  std::printf("  one commit per entry (baseline): %10.0f entries/s\n", one_by_one);
  std::printf("  grouped (AuditLog::Record):      %10.0f entries/s  (x%.1f)\n", grouped,
              grouped / one_by_one);
  std::printf("  chain: %lld entries, %s\n",
              static_cast<long long>(report.ok() ? report->entries : -1),
              report.ok() && report->ok() ? "intact" : "BROKEN");
  db->reset();
  if (!tmp.empty()) fs::remove_all(tmp);
  return report.ok() && report->ok() ? 0 : 1;
}
