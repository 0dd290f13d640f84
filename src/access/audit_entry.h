#pragma once
// One entry of the NEN 7513 access log: who (user, role, organisation), which client,
// what (resource and action), when (UTC), why (consent, purpose or emergency reason),
// chained to the entry before it by SHA-256. Plain value.
#include <cstdint>
#include <string>

namespace passend::access {

struct AuditEntry {
  int64_t seq = 0;  // 1, 2, 3, ... without gaps
  std::string ts;   // UTC ISO 8601
  std::string user_id;
  std::string role;  // wire name of the role
  std::string organisation_id;
  std::string client_id;      // empty: not about one client (e.g. a login)
  std::string resource;       // "dossier"
  std::string action;         // "read"
  std::string reason;         // "toestemming cns-... (care_delivery)"; emptied by erasure
  std::string reason_digest;  // SHA-256 hex of reason: the chain covers this, not the text
  std::string prev_hash;      // hash of entry seq-1 (64 zeros for the first)
  std::string hash;           // SHA-256 hex over the canonical entry and prev_hash
  bool redacted = false;      // reason text removed by an erasure (the digest stays)
  // Where it came from (issue 23.16): the client address of the request, or "cli" for the
  // command line; the session ("ses-..."), API token ("tok-...") or operating-system user
  // ("os:ann") it came through; "denied" for an attempt the policy refused (answered 404
  // like a missing client), else empty. Empty in entries from before schema version 11.
  std::string source;
  std::string credential;
  std::string outcome;
};

}  // namespace passend::access
