#pragma once
// The AVG right to erasure (art. 17) for one client, done in one transaction.
//
// Erased:
//  - the client record: name, birth year, address, municipality, care profile and
//    indication, care status and care provider, wishes, needs, places and representative
//    are removed; only the opaque
//    id stays, on a record named "[gewist]", so references elsewhere (journeys, matches,
//    the access log) do not dangle and nobody can re-register the id;
//  - the client's own login account: name and e-mail replaced, password removed, blocked;
//  - the free text of the access log's reasons about this client (a stated emergency
//    reason may describe the client); the digest of each reason stays in the hash chain,
//    so `passend audit verify` still passes, and the entries show "gewist".
// Kept, because the law requires it or because it holds no personal text:
//  - every access log entry (NEN 7513 requires the log of access to health data to be
//    kept; who looked, when and on what basis stays visible to supervisors), with the
//    client id kept and the entry marked redacted;
//  - consent forms (ids, organisations, purpose, dates): the evidence of the lawful basis
//    of each access in the log; forms still valid are withdrawn by the erasure;
//  - representatives' own accounts (their data, not the client's): only their link to
//    this client is removed.
// The erasure itself is appended to the log (resource "client", action "erase").
// Thread-safe as the stores and the log it uses.
#include <functional>
#include <string>

#include "access/access_store.h"
#include "access/audit.h"
#include "access/principal.h"
#include "intake/client_store.h"

namespace passend::access {

inline constexpr std::string_view kErasedName = "[gewist]";

struct ErasureReport {
  std::string client_id;
  int accounts_blocked = 0;        // the client's own accounts
  int representative_links = 0;    // representatives no longer linked
  int consents_withdrawn = 0;      // still valid at erasure
  int consents_kept = 0;           // all forms, kept as evidence
  int64_t audit_entries_kept = 0;  // entries about the client, reasons redacted
};

// Runs `fn` as one transaction (store::Database::InTransaction).
using Transaction = std::function<Status(const std::function<Status()>&)>;

// kInvalidArgument (field "reason") without a stated reason; kNotFound for an unknown
// client; kFailedPrecondition when the client was erased before.
Result<ErasureReport> EraseClient(intake::ClientStore& clients, AccessStores stores, AuditLog& log,
                                  const Transaction& transaction, const Principal& by,
                                  const std::string& client_id, const std::string& reason,
                                  Time now);

}  // namespace passend::access
