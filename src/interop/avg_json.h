#pragma once
// JSON of the access layer's records (users, consent forms, access-log entries) and of the
// AVG export of one client (intake::ClientExport) as one document, for the API and the
// command line alike. Rendering only: the records come from intake/ and access/.
// Pure functions; safe from any thread.
#include <nlohmann/json.hpp>

#include "access/account.h"
#include "access/audit_entry.h"
#include "access/consent.h"
#include "access/timestamp.h"
#include "intake/intake_service.h"

namespace passend::interop {

nlohmann::json ToJson(const access::ConsentForm& c, access::Time now);
nlohmann::json ToJson(const access::AuditEntry& e);
nlohmann::json ToJson(const access::User& u);  // no password hash

// {"format": "passend-avg-export", "version", "generated_at", "client_id", "client" (as in
// the native format), "accounts", "consents", "access_log" (oldest first)}.
nlohmann::json ToJson(const intake::ClientExport& x);

}  // namespace passend::interop
