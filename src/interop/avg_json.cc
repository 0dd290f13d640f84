#include "interop/avg_json.h"

#include "interop/native_json.h"

namespace passend::interop {

namespace a = passend::access;

namespace {
nlohmann::json OptTime(const std::optional<a::Time>& t) {
  return t ? nlohmann::json(a::FormatUtc(*t)) : nlohmann::json(nullptr);
}
}  // namespace

nlohmann::json ToJson(const a::ConsentForm& c, a::Time now) {
  return {{"id", c.id},
          {"client_id", c.client_id},
          {"organisation_ids", c.organisation_ids},
          {"purpose", ToString(c.purpose)},
          {"granted_at", a::FormatUtc(c.granted_at)},
          {"granted_by", c.granted_by},
          {"valid_until", OptTime(c.valid_until)},
          {"withdrawn_at", OptTime(c.withdrawn_at)},
          {"valid_now", c.IsValidAt(now)}};
}

nlohmann::json ToJson(const a::AuditEntry& e) {
  return {{"seq", e.seq},
          {"ts", e.ts},
          {"user_id", e.user_id},
          {"role", e.role},
          {"organisation_id", e.organisation_id},
          {"client_id", e.client_id},
          {"resource", e.resource},
          {"action", e.action},
          {"reason", e.redacted ? nlohmann::json("gewist") : nlohmann::json(e.reason)},
          {"redacted", e.redacted},
          {"source", e.source},
          {"credential", e.credential},
          {"outcome", e.outcome.empty() ? "allowed" : e.outcome}};
}

nlohmann::json ToJson(const a::User& u) {
  return {{"id", u.id},
          {"email", u.email},
          {"display_name", u.display_name},
          {"role", ToString(u.role)},
          {"organisation_id", u.organisation_id},
          {"client_ids", u.client_ids},
          {"active", u.active},
          {"created_at", a::FormatUtc(u.created_at)}};
}

nlohmann::json ToJson(const intake::ClientExport& x) {
  nlohmann::json doc = {{"format", "passend-avg-export"},
                        {"version", intake::kClientExportVersion},
                        {"generated_at", a::FormatUtc(x.generated_at)},
                        {"client_id", x.client.id},
                        {"client", ToJson(x.client)}};
  doc["accounts"] = nlohmann::json::array();
  for (const auto& u : x.accounts) doc["accounts"].push_back(ToJson(u));
  doc["consents"] = nlohmann::json::array();
  for (const auto& c : x.consents) doc["consents"].push_back(ToJson(c, x.generated_at));
  doc["access_log"] = nlohmann::json::array();
  for (const auto& e : x.access_log) doc["access_log"].push_back(ToJson(e));
  return doc;
}

}  // namespace passend::interop
