#pragma once
// AccessServices: the access layer as the API uses it, built once at start-up from the
// access stores, the database and the reference data: sessions, API tokens, users,
// consent, the access log and password login. Shared by the AccessGuard and the access
// routes. Every member is safe for concurrent use; the object must outlive the server.
#include <string>

#include "access/access_store.h"
#include "access/api_token.h"
#include "access/audit.h"
#include "access/authenticator.h"
#include "access/consent_registry.h"
#include "access/login_throttle.h"
#include "access/session.h"
#include "access/user_directory.h"
#include "domain/reference.h"
#include "store/database.h"

namespace passend::api {

struct AccessOptions {
  bool secure_cookies = false;  // set the Secure flag (behind HTTPS)
  access::HashCost hash_cost = access::HashCost::kInteractive;
  access::SessionPolicy sessions;
  access::ThrottlePolicy throttle;
};

class AccessServices {
 public:
  AccessServices(access::AccessStores stores, store::Database& db, const domain::ReferenceData& ref,
                 access::Clock clock, AccessOptions options = {})
      : stores(stores),
        db(db),
        ref(ref),
        clock(clock),
        options(options),
        sessions(stores.accounts, clock, options.sessions),
        tokens(stores.accounts, clock),
        users(stores.accounts, clock, options.hash_cost),
        consents(stores.consents, stores.accounts, clock),
        audit(stores.audit, clock),
        throttle(stores.accounts, clock, options.throttle),
        password_login(stores.accounts, throttle) {}

  // The care-office region of a municipality ("" when unknown).
  std::string RegionOf(const std::string& municipality_code) const {
    const domain::Municipality* m = ref.FindMunicipality(municipality_code);
    return m ? m->zorgkantoor_code : std::string();
  }

  access::AccessStores stores;
  store::Database& db;
  const domain::ReferenceData& ref;
  access::Clock clock;
  AccessOptions options;
  access::Sessions sessions;
  access::ApiTokens tokens;
  access::UserDirectory users;
  access::ConsentRegistry consents;
  access::AuditLog audit;
  access::LoginThrottle throttle;
  access::PasswordAuthenticator password_login;
};

}  // namespace passend::api
