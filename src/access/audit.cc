#include "access/audit.h"

#include <algorithm>
#include <map>

#include "access/secret.h"

namespace passend::access {

AuditEvent EventFor(const Principal& who, std::string client_id, std::string resource,
                    std::string action, std::string reason) {
  return {who.user_id,         std::string(ToString(who.role)),
          who.organisation_id, std::move(client_id),
          std::move(resource), std::move(action),
          std::move(reason),   who.source,
          who.credential,      ""};
}

std::string CanonicalEntry(const AuditEntry& e, int version) {
  std::string out = version == 2 ? "passend-audit-v2;" : "passend-audit-v1;";
  auto field = [&out](std::string_view v) {
    out += std::to_string(v.size());
    out += ':';
    out += v;
    out += ';';
  };
  field(std::to_string(e.seq));
  field(e.ts);
  field(e.user_id);
  field(e.role);
  field(e.organisation_id);
  field(e.client_id);
  field(e.resource);
  field(e.action);
  field(e.reason_digest);
  field(e.prev_hash);
  // Source, credential and outcome (schema version 11) are covered once one is set; an
  // older entry has none, so its bytes, and its hash, stay what they were.
  if (!e.source.empty() || !e.credential.empty() || !e.outcome.empty()) {
    out += "x;";
    field(e.source);
    field(e.credential);
    field(e.outcome);
  }
  return out;
}

std::string ComputeEntryHash(const AuditEntry& e) { return Sha256Hex(CanonicalEntry(e, 1)); }

std::string ComputeKeyedEntryHash(const AuditEntry& e, std::string_view key) {
  return HmacSha256Hex(key, CanonicalEntry(e, 2));
}

Result<std::string> NewAuditKey() {
  PASSEND_RETURN_IF_ERROR(InitCrypto());
  return Sha256Hex(NewSecret() + NewSecret());
}

Result<AuditHead> ParseAuditHead(std::string_view text) {
  const size_t colon = text.find(':');
  AuditHead head;
  bool ok = colon != std::string_view::npos && colon > 0 && colon < 19;
  for (size_t i = 0; ok && i < colon; ++i) {
    if (text[i] < '0' || text[i] > '9') ok = false;
    head.seq = head.seq * 10 + (text[i] - '0');
  }
  if (ok) head.hash = std::string(text.substr(colon + 1));
  ok = ok && head.seq > 0 && head.hash.size() == 64 &&
       std::all_of(head.hash.begin(), head.hash.end(),
                   [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
  if (!ok)
    return InvalidArgument("Verwacht VOLGNUMMER:HASH, zoals 'passend audit head' die geeft.",
                           "expect");
  return head;
}

struct AuditLog::Waiting {
  const AuditEvent* event;
  std::string ts;
  std::optional<Result<AuditEntry>> result;  // set by the writer of its group
  std::condition_variable cv;
};

AuditEntry AuditLog::Chain(const Waiting& w, const std::optional<AuditEntry>& prev) const {
  const AuditEvent& ev = *w.event;
  AuditEntry e;
  e.seq = prev ? prev->seq + 1 : 1;
  e.ts = w.ts;
  e.user_id = ev.user_id;
  e.role = ev.role;
  e.organisation_id = ev.organisation_id;
  e.client_id = ev.client_id;
  e.resource = ev.resource;
  e.action = ev.action;
  e.reason = ev.reason;
  e.reason_digest = Sha256Hex(ev.reason);
  e.source = ev.source;
  e.credential = ev.credential;
  e.outcome = ev.outcome;
  e.prev_hash = prev ? prev->hash : kGenesisHash;
  e.hash = key_.empty() ? ComputeEntryHash(e) : ComputeKeyedEntryHash(e, key_);
  return e;
}

Status AuditLog::RefuseUnkeyedAfterKeyed() {
  if (key_.empty()) {
    // An unkeyed entry after a keyed one would break the chain: refuse it before writing.
    PASSEND_ASSIGN_OR_RETURN(std::optional<AuditEntry> last, store_.LastAudit());
    if (last && ComputeEntryHash(*last) != last->hash)
      return FailedPrecondition(
          "Het toegangslog is met een sleutel beveiligd: geef het sleutelbestand mee "
          "(--audit-key).");
  }
  return Ok();
}

Result<AuditEntry> AuditLog::Record(const AuditEvent& ev) {
  PASSEND_RETURN_IF_ERROR(RefuseUnkeyedAfterKeyed());
  if (store_.InOpenTransaction()) {
    // Inside the caller's transaction: the entry belongs to it, and another thread's
    // commit would wait for that transaction's lock while this one waited for it.
    Waiting alone{&ev, FormatUtc(clock_()), std::nullopt, {}};
    return store_.AppendAudit(
        [&](const std::optional<AuditEntry>& prev) { return Chain(alone, prev); });
  }
  std::unique_lock lock(mu_);
  // The time is taken in queue order, so the chain's times never go back.
  Waiting me{&ev, FormatUtc(clock_()), std::nullopt, {}};
  queue_.push_back(&me);
  while (!me.result && queue_.front() != &me) me.cv.wait(lock);
  if (me.result) return std::move(*me.result);

  // First in line: write this entry and those queued behind it in one transaction.
  const size_t n = std::min(queue_.size(), kMaxGroup);
  std::vector<Waiting*> group(queue_.begin(), queue_.begin() + static_cast<ptrdiff_t>(n));
  lock.unlock();
  Result<std::vector<AuditEntry>> written = Internal("Het toegangslog is niet bijgewerkt.");
  try {
    written = store_.AppendAudits(
        n, [&](size_t i, const std::optional<AuditEntry>& prev) { return Chain(*group[i], prev); });
  } catch (...) {
    // The others must not wait forever for a writer that is gone; they get the error.
  }
  lock.lock();
  for (size_t i = 0; i < n; ++i) {
    Waiting* w = queue_.front();
    queue_.pop_front();
    w->result =
        written.ok() ? Result<AuditEntry>((*written)[i]) : Result<AuditEntry>(written.error());
    if (w != &me) w->cv.notify_one();
  }
  if (!queue_.empty()) queue_.front()->cv.notify_one();  // the next group's writer
  return std::move(*me.result);
}

Status AuditLog::RecordAll(const std::vector<AuditEvent>& events) {
  if (events.empty()) return Ok();
  PASSEND_RETURN_IF_ERROR(RefuseUnkeyedAfterKeyed());
  for (size_t start = 0; start < events.size(); start += kMaxBatch) {
    const size_t n = std::min(kMaxBatch, events.size() - start);
    const std::string ts = FormatUtc(clock_());
    std::vector<Waiting> batch(n);
    for (size_t i = 0; i < n; ++i) batch[i].event = &events[start + i], batch[i].ts = ts;
    auto written = store_.AppendAudits(
        n, [&](size_t i, const std::optional<AuditEntry>& prev) { return Chain(batch[i], prev); });
    if (!written.ok()) return written.error();
  }
  return Ok();
}

Status AuditLog::AdoptKey(const std::string& actor) {
  if (key_.empty()) return FailedPrecondition("Geen sleutel voor het toegangslog.");
  PASSEND_ASSIGN_OR_RETURN(std::optional<AuditEntry> last, store_.LastAudit());
  if (!last || ComputeKeyedEntryHash(*last, key_) == last->hash) return Ok();
  if (ComputeEntryHash(*last) != last->hash)
    return FailedPrecondition(
        "De nieuwste regel van het toegangslog past niet bij deze sleutel (ander "
        "sleutelbestand?); controleer met 'passend audit verify'.");
  AuditEvent ev;
  ev.user_id = actor;
  ev.role = "admin";
  ev.resource = "audit";
  ev.action = "key";
  ev.reason = "het toegangslog wordt vanaf hier met een sleutel beveiligd";
  PASSEND_ASSIGN_OR_RETURN(AuditEntry made, Record(ev));
  (void)made;
  return Ok();
}

Result<VerifyReport> AuditLog::Verify(const std::optional<AuditHead>& expect) {
  VerifyReport r;
  std::string prev_hash = kGenesisHash;
  int64_t prev_seq = 0;
  bool last_keyed = false;
  std::optional<std::string> expected_found;      // the hash at expect->seq, when reached
  std::map<std::string, int64_t> first_redacted;  // client -> first redacted seq
  std::map<std::string, int64_t> erased_at;       // client -> seq of its erasure entry
  auto broken = [&r](int64_t seq, std::string problem) {
    if (!r.first_broken_seq) {
      r.first_broken_seq = seq;
      r.problem = std::move(problem);
    }
  };
  PASSEND_RETURN_IF_ERROR(store_.ForEachAudit([&](const AuditEntry& e) -> Status {
    ++r.entries;
    const std::string at = "Regel " + std::to_string(e.seq);
    const bool plain = ComputeEntryHash(e) == e.hash;
    const bool keyed = !plain && !key_.empty() && ComputeKeyedEntryHash(e, key_) == e.hash;
    if (e.seq != prev_seq + 1)
      broken(prev_seq + 1, "Regel " + std::to_string(prev_seq + 1) + " ontbreekt.");
    else if (e.prev_hash != prev_hash)
      broken(e.seq, at + " sluit niet aan op de regel ervoor.");
    else if (plain && r.keyed_entries > 0)
      broken(e.seq, at + " is zonder sleutel gemaakt na regels met sleutel (herschreven).");
    else if (!plain && !keyed && key_.empty())
      broken(e.seq, at + " is gewijzigd, of met een sleutel gemaakt: controleer het log met "
                         "het sleutelbestand (--audit-key).");
    else if (!plain && !keyed)
      broken(e.seq, at + " is gewijzigd.");
    else if (!e.redacted && Sha256Hex(e.reason) != e.reason_digest)
      broken(e.seq, "De reden in regel " + std::to_string(e.seq) + " is gewijzigd.");
    if (e.redacted && (!e.reason.empty() || e.client_id.empty()))
      broken(e.seq, at + " is ten onrechte als gewist gemarkeerd.");
    if (e.redacted) first_redacted.emplace(e.client_id, e.seq);
    if (e.resource == "client" && e.action == "erase") erased_at[e.client_id] = e.seq;
    if (keyed) ++r.keyed_entries;
    last_keyed = keyed;
    if (expect && e.seq == expect->seq) expected_found = e.hash;
    prev_seq = e.seq;
    prev_hash = e.hash;
    return Ok();
  }));
  // A redacted reason is legitimate only when the client's erasure is in the chain after it.
  for (const auto& [client, seq] : first_redacted) {
    auto it = erased_at.find(client);
    if (it == erased_at.end() || it->second < seq)
      broken(seq, "Regel " + std::to_string(seq) + " is gewist zonder wisverzoek in het log.");
  }
  if (!key_.empty() && r.entries > 0 && !last_keyed)
    broken(prev_seq, "De nieuwste regel (" + std::to_string(prev_seq) +
                         ") is niet met de sleutel gemaakt: het log is ingekort of herschreven, "
                         "of nog nooit met deze sleutel gebruikt.");
  if (expect && !expected_found)
    broken(expect->seq,
           "Regel " + std::to_string(expect->seq) +
               " ontbreekt: het log is ingekort (de genoteerde kop bestaat niet meer).");
  else if (expect && *expected_found != expect->hash)
    broken(expect->seq, "Regel " + std::to_string(expect->seq) +
                            " heeft niet meer de genoteerde hash: het log is herschreven.");
  r.head_seq = prev_seq;
  r.head_hash = prev_hash;
  return r;
}

Result<std::vector<AuditEntry>> AuditLog::ForClient(const std::string& client_id,
                                                    int64_t before_seq, int limit) {
  if (limit < 1 || limit > 500)
    return InvalidArgument("limit moet tussen 1 en 500 liggen.", "limit");
  return store_.AuditForClient(client_id, before_seq, limit);
}

}  // namespace passend::access
