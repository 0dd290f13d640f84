#pragma once
// AuditLog: the NEN 7513 access log. Every read or change of a client's personal data
// appends one entry (who, which client, what, when, why). Entries form a hash chain:
// entry n stores the hash of entry n-1 and its own hash over its canonical form, so
// changing, inserting or deleting a row in the middle is found by Verify at that seq.
//
// Keyed: with a key (a file outside the database, `--audit-key`), an entry's hash is an
// HMAC-SHA-256 under that key, so someone who can write the database but not read the
// key cannot rewrite entries and recompute the chain. Entries made before a key was used
// keep their plain SHA-256 ("v1"); the first keyed entry covers their hash, and after it
// every entry must be keyed. AdoptKey appends a keyed entry when the newest one is not,
// so a chain in use with a key always ends keyed. Cutting off the newest rows leaves a
// valid shorter chain: it is found against a head (seq and hash, `passend audit head`)
// that the operator keeps elsewhere (Verify's `expect`).
//
// Free text (a stated emergency reason) is outside the chain, covered by its digest, so
// an erasure can remove it and the chain still verifies. Safe for concurrent use: the
// store reads the newest entry and appends the next in one atomic step, also across
// processes. Concurrent Records share that step (group commit, as LevelDB's writers
// do): the first in line writes its own entry and those queued behind it in one
// transaction, so logged requests do not wait for one commit each.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
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
  std::string source;      // AuditEntry::source
  std::string credential;  // AuditEntry::credential
  std::string outcome;     // AuditEntry::outcome: "" or kOutcomeDenied
};
inline constexpr std::string_view kOutcomeDenied = "denied";
// The event for `who`, with its source and credential (Principal::source, credential).
AuditEvent EventFor(const Principal& who, std::string client_id, std::string resource,
                    std::string action, std::string reason);

// A new random key for the keyed chain: 32 random bytes as 64 hex digits (libsodium).
Result<std::string> NewAuditKey();

// An entry the operator noted elsewhere (`passend audit head`): "SEQ:HASH".
struct AuditHead {
  int64_t seq = 0;
  std::string hash;
};
// Parses "SEQ:HASH"; kInvalidArgument (field "expect") otherwise.
Result<AuditHead> ParseAuditHead(std::string_view text);

struct VerifyReport {
  int64_t entries = 0;
  int64_t head_seq = 0;   // seq of the newest entry (0: empty)
  std::string head_hash;  // hash of the newest entry: note it to detect truncation later
  int64_t keyed_entries = 0;
  std::optional<int64_t> first_broken_seq;
  std::string problem;  // Dutch, for people; empty when the chain is intact
  bool ok() const { return !first_broken_seq.has_value(); }
};

// The hash of the first entry's predecessor.
inline const std::string kGenesisHash(64, '0');

// The exact bytes the hash covers (length-prefixed fields, then prev_hash); `version` 1
// is the unkeyed form, 2 the keyed one.
std::string CanonicalEntry(const AuditEntry& e, int version = 1);
// v1: SHA-256 of the canonical form. Keyed: HMAC-SHA-256 under `key` of the v2 form.
std::string ComputeEntryHash(const AuditEntry& e);
std::string ComputeKeyedEntryHash(const AuditEntry& e, std::string_view key);

// A key shorter than this is refused (HMAC-SHA-256 wants 32 bytes of secret).
inline constexpr size_t kMinAuditKeyBytes = 32;

class AuditLog {
 public:
  // `key` empty: the unkeyed chain of old (tests, and databases not yet given a key).
  AuditLog(AuditStore& store, Clock clock, std::string key = {})
      : store_(store), clock_(std::move(clock)), key_(std::move(key)) {}

  // Appends one entry; returns it with seq and hash once it is committed.
  // kFailedPrecondition without a key when the chain is keyed (an unkeyed entry would
  // break it).
  Result<AuditEntry> Record(const AuditEvent& event);
  // Appends many entries (a command line export: one per dossier) in commits of at most
  // kMaxBatch entries, each chained to the one before; Record's refusal without a key.
  // All of one commit or none of it is written.
  Status RecordAll(const std::vector<AuditEvent>& events);
  // With a key: appends a keyed entry ("audit" "key") when the newest entry is not keyed,
  // so the chain ends keyed from now on. Nothing to do for an empty chain.
  Status AdoptKey(const std::string& actor);
  // Walks the whole chain. An error only when the store fails; a broken chain is a report.
  // Without a key, keyed entries cannot be checked: a report that says so. With `expect`,
  // the chain must still hold that entry with that hash (else: cut off or rewritten).
  Result<VerifyReport> Verify(const std::optional<AuditHead>& expect = std::nullopt);
  bool keyed() const { return !key_.empty(); }
  // Entries about one client, newest first (for "wie bekeek mijn gegevens").
  Result<std::vector<AuditEntry>> ForClient(const std::string& client_id, int64_t before_seq,
                                            int limit);

 private:
  struct Waiting;  // one Record in the queue
  // Entries of one commit at most: bounds the time the first in line writes for others.
  static constexpr size_t kMaxGroup = 256;
  static constexpr size_t kMaxBatch = 1000;  // RecordAll's entries per commit
  Status RefuseUnkeyedAfterKeyed();
  AuditEntry Chain(const Waiting& w, const std::optional<AuditEntry>& prev) const;

  AuditStore& store_;
  Clock clock_;
  std::string key_;
  std::mutex mu_;
  std::deque<Waiting*> queue_;  // guarded by mu_; the front one writes
};

}  // namespace passend::access
