#pragma once
// The permission matrix: which role may do which action on which resource, and within
// which scope. Declared once, as data, in permissions.cc; every endpoint names one
// permission key ("dossier.read") and the guard asks Authorize before the handler runs.
// A denied request reveals nothing: where the request is about one client, a denial
// answers kNotFound exactly like a client that does not exist; kPermissionDenied only
// where there is no record to reveal (a list or an aggregate). Pure functions over
// constant data: safe from any thread.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "access/consent.h"
#include "access/principal.h"
#include "domain/error.h"

namespace passend::access {

// A permission: an action on a resource. `about_client` marks personal data of one
// client: every use of such a permission is written to the access log (NEN 7513), by the
// policy before the request is served (policy.h), or, where `logged_by_use_case`, by the
// use case itself in the same transaction as its change (the erasure logs its own entry
// with the stated reason).
struct Permission {
  std::string_view key;  // "resource.action"
  std::string_view resource;
  std::string_view action;
  bool about_client;
  std::string_view description_nl;
  bool logged_by_use_case;
};

// Every permission that exists, in a stable order.
std::span<const Permission> AllPermissions();
const Permission* FindPermission(std::string_view key);

// Where a role's permission reaches.
enum class ScopeRule {
  kAll,          // every record (or no record: lists, aggregates, the catalogue)
  kOwnClient,    // the client themself, or a client the representative acts for
  kConsent,      // a client who gave the principal's organisation valid consent
  kRegion,       // a client or record in the care-office region of the principal
  kOwnProvider,  // a record of the provider the principal works for
};
std::string_view ToString(ScopeRule rule);

// One allowed cell of the matrix. Cells not listed are denied.
struct MatrixCell {
  Role role;
  std::string_view permission;
  ScopeRule scope;
  // kConsent: the purposes a consent must have for this role; empty: any purpose.
  std::vector<Purpose> purposes;
  // A stated emergency reason opens this cell for a client outside the scope (logged).
  bool emergency = false;
};

std::span<const MatrixCell> PermissionMatrix();
// The cell for (role, permission), or nullptr when the matrix denies it.
const MatrixCell* FindCell(Role role, std::string_view permission);

// What a request is about, filled by the caller from the record asked for.
struct Scope {
  std::string client_id;  // the client whose data this is; empty: not one client's
  // The care-office region of that client or record; without a client or provider: the
  // region an aggregate is about (the mismatch map of a region).
  std::string region;
  std::string provider_id;             // the provider a catalogue record belongs to
  std::vector<ConsentGrant> consents;  // valid consents for client_id right now
  std::string emergency_reason;        // stated by the user; empty: none
};

// Why access was allowed; the reason goes into the access log.
struct AccessBasis {
  ScopeRule rule = ScopeRule::kAll;
  std::string consent_id;  // set when a consent allowed it
  std::string reason;      // "eigen gegevens", "toestemming cns-1 (care_delivery)", ...
  bool emergency = false;
};

// Decides one request. Errors: kNotFound (outside scope, or no access to one client's
// record), kPermissionDenied (no access, nothing to reveal), kInternal (unknown key).
Result<AccessBasis> Decide(const Principal& who, std::string_view permission, const Scope& target);
inline Status Authorize(const Principal& who, std::string_view permission, const Scope& target) {
  auto d = Decide(who, permission, target);
  if (!d.ok()) return d.error();
  return Ok();
}

// Whether `target` lies inside `cell` for `who` (no emergency). For list endpoints that
// filter records one by one after Decide allowed the list itself.
bool InScope(const Principal& who, const MatrixCell& cell, const Scope& target);

// The one answer for "does not exist or not yours", so both read the same.
Error NotFoundOrHidden();

}  // namespace passend::access
