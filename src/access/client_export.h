#pragma once
// The AVG right of access and portability (art. 15, 20): everything Passend holds about
// one client, as one JSON document: the client record (wishes, needs, places, as in the
// native format), the accounts bound to the client (without password hashes), every
// consent form, and the whole access log about them (who looked, when, why).
// Thread-safe as the stores it reads.
#include <nlohmann/json.hpp>
#include <string>

#include "access/access_store.h"
#include "access/timestamp.h"
#include "intake/client_store.h"

namespace passend::access {

inline constexpr int kClientExportVersion = 1;

// kNotFound when the client does not exist.
Result<nlohmann::json> ExportClient(intake::ClientStore& clients, AccessStores stores,
                                    const std::string& client_id, Time now);

// JSON of the access layer's records, shared with the API.
nlohmann::json ToJson(const ConsentForm& c, Time now);
nlohmann::json ToJson(const AuditEntry& e);
nlohmann::json ToJson(const User& u);  // no password hash

}  // namespace passend::access
