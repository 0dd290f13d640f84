#pragma once
// AuditLog: the NEN 7513 access log. Every read or change of a client's personal data
// appends one entry (who, which client, what, when, why). Entries form a hash chain:
// entry n stores the hash of entry n-1 and its own hash over its canonical form, so
// changing, inserting or deleting a row in the middle is found by Verify at that seq.
// (Cutting off the newest rows is found only against a head hash kept elsewhere:
// Verify reports it so operators can note it.) Free text (a stated emergency reason) is
// outside the chain, covered by its digest, so an erasure can remove it and the chain
// still verifies. Safe for concurrent use: the store reads the newest entry and appends
// the next in one atomic step, also across processes.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/access_store.h"
#include "access/audit_entry.h"
#include "access/principal.h"
#include "access/timestamp.h"

namespace passend::access {

// What happened, before it gets its place in the chain.
struct AuditEvent {
  std::string user_id;
  std::string role;
  std::string organisation_id;
  std::string client_id;
  std::string resource;
  std::string action;
  std::string reason;
};
AuditEvent EventFor(const Principal& who, std::string client_id, std::string resource,
                    std::string action, std::string reason);

struct VerifyReport {
  int64_t entries = 0;
  std::string head_hash;  // hash of the newest entry: note it to detect truncation later
  std::optional<int64_t> first_broken_seq;
  std::string problem;  // Dutch, for people; empty when the chain is intact
  bool ok() const { return !first_broken_seq.has_value(); }
};

// The hash of the first entry's predecessor.
inline const std::string kGenesisHash(64, '0');

// The exact bytes the hash covers (length-prefixed fields, then prev_hash).
std::string CanonicalEntry(const AuditEntry& e);
std::string ComputeEntryHash(const AuditEntry& e);

class AuditLog {
 public:
  AuditLog(AuditStore& store, Clock clock) : store_(store), clock_(std::move(clock)) {}

  // Appends one entry; returns it with seq and hash.
  Result<AuditEntry> Record(const AuditEvent& event);
  // Walks the whole chain. An error only when the store fails; a broken chain is a report.
  Result<VerifyReport> Verify();
  // Entries about one client, newest first (for "wie bekeek mijn gegevens").
  Result<std::vector<AuditEntry>> ForClient(const std::string& client_id, int64_t before_seq,
                                            int limit);

 private:
  AuditStore& store_;
  Clock clock_;
};

}  // namespace passend::access
