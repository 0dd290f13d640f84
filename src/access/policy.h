#pragma once
// Policy, the authorisation part of the access layer: may this principal use this
// permission on this subject? It decides from the permission matrix (permissions.h), the
// subject's care-office region and the client's valid consents (consent_registry.h), and
// writes the NEN 7513 access log (audit.h) for personal data before anything is shown.
//
// The caller (the API's guard) says what a request concerns, as the route declares it:
// one client (with where the client lives), one provider, or no single record (lists,
// aggregates, the caller's own session, administration). It never decides itself.
// Safe for concurrent use.
#include <functional>
#include <set>
#include <string>
#include <string_view>

#include "access/access_store.h"
#include "access/audit.h"
#include "access/consent_registry.h"
#include "access/permissions.h"
#include "access/principal.h"
#include "access/timestamp.h"
#include "domain/reference.h"

namespace passend::access {

// What a request concerns.
enum class SubjectKind {
  kNone,      // no single record: a list, an aggregate, the caller's own session, admin
  kClient,    // one client's data
  kProvider,  // one provider's record
  kRegion,    // an aggregate of one care-office region (the mismatch map, its trend)
};

struct Subject {
  SubjectKind kind = SubjectKind::kNone;
  std::string id;  // the client or provider id
  // kClient: where the client lives; kProvider: where the record asked for is (an offer's
  // location), empty for the provider as a whole. Its care-office region follows.
  std::string municipality_code;
  // kProvider: the care-office region the request is for when it names one (a care
  // office's contract for an offer); empty: the region of municipality_code. kRegion: the
  // region the aggregate is about.
  std::string region;
};

// Which clients a list may show, for list permissions about clients; and the log entry
// each shown client needs (NEN 7513: every client in a list is a read of personal data).
struct ListScope {
  bool all = false;
  std::set<std::string> client_ids;
  std::set<std::string> municipalities;
  std::function<Status(const std::string& client_id)> log_shown;

  bool May(const std::string& client_id, const std::string& municipality_code) const {
    return all || client_ids.count(client_id) > 0 || municipalities.count(municipality_code) > 0;
  }
};

// Why a request was allowed, and what it may see.
struct Decision {
  AccessBasis basis;
  std::string client_id;  // the client the request is about; empty when none
  ListScope list;         // list permissions only
};

class Policy {
 public:
  Policy(ConsentStore& consents, ConsentRegistry& registry, AuditLog& audit,
         const domain::ReferenceData& ref, Clock clock)
      : consents_(consents), registry_(registry), audit_(audit), ref_(ref), clock_(clock) {}

  // Decides and, for a permission about one client's personal data, writes the access-log
  // entry first (unless the permission's use case writes its own: Permission::
  // logged_by_use_case). `emergency_reason`: stated by the user, opens cells marked for
  // emergencies (logged as the reason). Errors: as Decide (kNotFound outside scope for
  // one client, kPermissionDenied otherwise), kInternal for an unknown permission,
  // kUnavailable when the access log cannot be written (nothing is shown then).
  Result<Decision> Admit(const Principal& who, std::string_view permission, const Subject& subject,
                         const std::string& emergency_reason);

  // Logs a refused attempt about one client (outcome "denied"): the policy refused it, or
  // the client does not exist (both answer 404 alike). `client_id` as the request named it
  // (at most 200 bytes are kept). kUnavailable when the log cannot be written.
  Status RecordDenied(const Principal& who, std::string_view permission,
                      const std::string& client_id);

  // Logs a refused read of a region's aggregate (outcome "denied", the region as the
  // request named it in the reason, at most 20 bytes of it). An allowed read is logged by
  // Admit: every read of the mismatch map is in the log (issue 23.2), without a client.
  Status RecordDeniedRegion(const Principal& who, std::string_view permission,
                            const std::string& region);

  // The care-office region of a municipality ("" when unknown).
  std::string RegionOf(const std::string& municipality_code) const;

 private:
  Status FillListScope(const Principal& who, const MatrixCell& cell, ListScope& list);

  ConsentStore& consents_;
  ConsentRegistry& registry_;
  AuditLog& audit_;
  const domain::ReferenceData& ref_;
  Clock clock_;
};

}  // namespace passend::access
