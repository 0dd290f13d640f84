#pragma once
// AccessService: the access layer as the rest of Passend uses it, built once at start-up
// (app/) from the access stores and shared by every request. Its four parts, each in its
// own files:
//  - identity  (identity.h): who is calling: sessions, API tokens, password login, users
//    and organisations;
//  - policy    (policy.h, permissions.h): may they do this, to this subject; writes the
//    access log for personal data;
//  - consents  (consent_registry.h, consent.h): giving, withdrawing and checking consent;
//  - audit     (audit.h, audit_entry.h): the NEN 7513 access log, hash-chained.
// Every part is safe for concurrent use; the object must outlive its users.
#include "access/access_store.h"
#include "access/audit.h"
#include "access/consent_registry.h"
#include "access/identity.h"
#include "access/policy.h"
#include "access/timestamp.h"
#include "domain/reference.h"

namespace passend::access {

struct AccessOptions {
  bool secure_cookies = false;  // set the Secure flag on session cookies (behind HTTPS)
  IdentityOptions identity;
  // The key of the access log's HMAC chain (access/audit.h); empty: unkeyed.
  std::string audit_key;
};

class AccessService {
 public:
  AccessService(AccessStores stores, const domain::ReferenceData& ref, Clock clock,
                AccessOptions options = {})
      : clock(clock),
        options(options),
        identity(stores.accounts, clock, options.identity),
        consents(stores.consents, stores.accounts, clock),
        audit(stores.audit, clock, options.audit_key),
        policy(stores.consents, consents, audit, ref, clock) {}

  const Clock clock;
  const AccessOptions options;
  Identity identity;
  ConsentRegistry consents;
  AuditLog audit;
  Policy policy;
};

}  // namespace passend::access
