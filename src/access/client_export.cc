#include "access/client_export.h"

#include "interop/native_json.h"

namespace passend::access {

namespace {
nlohmann::json OptTime(const std::optional<Time>& t) {
  return t ? nlohmann::json(FormatUtc(*t)) : nlohmann::json(nullptr);
}
}  // namespace

nlohmann::json ToJson(const ConsentForm& c, Time now) {
  return {{"id", c.id},
          {"client_id", c.client_id},
          {"organisation_ids", c.organisation_ids},
          {"purpose", ToString(c.purpose)},
          {"granted_at", FormatUtc(c.granted_at)},
          {"granted_by", c.granted_by},
          {"valid_until", OptTime(c.valid_until)},
          {"withdrawn_at", OptTime(c.withdrawn_at)},
          {"valid_now", c.IsValidAt(now)}};
}

nlohmann::json ToJson(const AuditEntry& e) {
  return {{"seq", e.seq},
          {"ts", e.ts},
          {"user_id", e.user_id},
          {"role", e.role},
          {"organisation_id", e.organisation_id},
          {"client_id", e.client_id},
          {"resource", e.resource},
          {"action", e.action},
          {"reason", e.redacted ? nlohmann::json("gewist") : nlohmann::json(e.reason)},
          {"redacted", e.redacted}};
}

nlohmann::json ToJson(const User& u) {
  return {{"id", u.id},
          {"email", u.email},
          {"display_name", u.display_name},
          {"role", ToString(u.role)},
          {"organisation_id", u.organisation_id},
          {"client_ids", u.client_ids},
          {"active", u.active},
          {"created_at", FormatUtc(u.created_at)}};
}

Result<nlohmann::json> ExportClient(intake::ClientStore& clients, AccessStores stores,
                                    const std::string& client_id, Time now) {
  PASSEND_ASSIGN_OR_RETURN(domain::Client client, clients.GetClient(client_id));
  nlohmann::json doc = {{"format", "passend-avg-export"},
                        {"version", kClientExportVersion},
                        {"generated_at", FormatUtc(now)},
                        {"client_id", client_id},
                        {"client", interop::ToJson(client)}};
  PASSEND_ASSIGN_OR_RETURN(std::vector<User> users, stores.accounts.UsersForClient(client_id));
  doc["accounts"] = nlohmann::json::array();
  for (const auto& u : users) doc["accounts"].push_back(ToJson(u));
  PASSEND_ASSIGN_OR_RETURN(std::vector<ConsentForm> consents,
                           stores.consents.ConsentsForClient(client_id));
  doc["consents"] = nlohmann::json::array();
  for (const auto& c : consents) doc["consents"].push_back(ToJson(c, now));
  // The whole log about this client, oldest first.
  std::vector<AuditEntry> log;
  int64_t before = 0;
  while (true) {
    PASSEND_ASSIGN_OR_RETURN(std::vector<AuditEntry> page,
                             stores.audit.AuditForClient(client_id, before, 500));
    if (page.empty()) break;
    before = page.back().seq;
    log.insert(log.end(), page.begin(), page.end());
    if (page.size() < 500) break;
  }
  doc["access_log"] = nlohmann::json::array();
  for (auto it = log.rbegin(); it != log.rend(); ++it) doc["access_log"].push_back(ToJson(*it));
  return doc;
}

}  // namespace passend::access
