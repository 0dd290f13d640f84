#include "access/audit.h"

#include <map>

#include "access/secret.h"

namespace passend::access {

AuditEvent EventFor(const Principal& who, std::string client_id, std::string resource,
                    std::string action, std::string reason) {
  return {who.user_id,         std::string(ToString(who.role)),
          who.organisation_id, std::move(client_id),
          std::move(resource), std::move(action),
          std::move(reason)};
}

std::string CanonicalEntry(const AuditEntry& e) {
  std::string out = "passend-audit-v1;";
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
  return out;
}

std::string ComputeEntryHash(const AuditEntry& e) { return Sha256Hex(CanonicalEntry(e)); }

Result<AuditEntry> AuditLog::Record(const AuditEvent& ev) {
  const std::string ts = FormatUtc(clock_());
  return store_.AppendAudit([&](const std::optional<AuditEntry>& last) {
    AuditEntry e;
    e.seq = last ? last->seq + 1 : 1;
    e.ts = ts;
    e.user_id = ev.user_id;
    e.role = ev.role;
    e.organisation_id = ev.organisation_id;
    e.client_id = ev.client_id;
    e.resource = ev.resource;
    e.action = ev.action;
    e.reason = ev.reason;
    e.reason_digest = Sha256Hex(ev.reason);
    e.prev_hash = last ? last->hash : kGenesisHash;
    e.hash = ComputeEntryHash(e);
    return e;
  });
}

Result<VerifyReport> AuditLog::Verify() {
  VerifyReport r;
  std::string prev_hash = kGenesisHash;
  int64_t prev_seq = 0;
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
    if (e.seq != prev_seq + 1)
      broken(prev_seq + 1, "Regel " + std::to_string(prev_seq + 1) + " ontbreekt.");
    else if (e.prev_hash != prev_hash)
      broken(e.seq, "Regel " + std::to_string(e.seq) + " sluit niet aan op de regel ervoor.");
    else if (ComputeEntryHash(e) != e.hash)
      broken(e.seq, "Regel " + std::to_string(e.seq) + " is gewijzigd.");
    else if (!e.redacted && Sha256Hex(e.reason) != e.reason_digest)
      broken(e.seq, "De reden in regel " + std::to_string(e.seq) + " is gewijzigd.");
    if (e.redacted && (!e.reason.empty() || e.client_id.empty()))
      broken(e.seq, "Regel " + std::to_string(e.seq) + " is ten onrechte als gewist gemarkeerd.");
    if (e.redacted) first_redacted.emplace(e.client_id, e.seq);
    if (e.resource == "client" && e.action == "erase") erased_at[e.client_id] = e.seq;
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
