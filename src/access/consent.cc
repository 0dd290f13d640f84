#include "access/consent.h"

#include <algorithm>

namespace passend::access {

std::string_view ToString(Purpose p) {
  switch (p) {
    case Purpose::kRegistration: return "registration";
    case Purpose::kCareDelivery: return "care_delivery";
    case Purpose::kIndication: return "indication";
    case Purpose::kClientSupport: return "client_support";
    case Purpose::kResearch: return "research";
  }
  return "care_delivery";
}

std::optional<Purpose> ParsePurpose(std::string_view s) {
  for (Purpose p : kAllPurposes)
    if (ToString(p) == s) return p;
  return std::nullopt;
}

std::string_view LabelNl(Purpose p) {
  switch (p) {
    case Purpose::kRegistration: return "Aanmelding";
    case Purpose::kCareDelivery: return "Zorgverlening";
    case Purpose::kIndication: return "Indicatiestelling";
    case Purpose::kClientSupport: return "Cliëntondersteuning";
    case Purpose::kResearch: return "Onderzoek";
  }
  return "";
}

bool ConsentForm::IsValidAt(Time now) const {
  if (now < granted_at) return false;
  if (withdrawn_at && *withdrawn_at <= now) return false;
  if (valid_until && *valid_until < now) return false;
  return true;
}

bool ConsentForm::Names(std::string_view organisation_id) const {
  return std::find(organisation_ids.begin(), organisation_ids.end(), organisation_id) !=
         organisation_ids.end();
}

std::vector<ConsentGrant> ValidGrants(const std::vector<ConsentForm>& forms, Time now) {
  std::vector<ConsentGrant> grants;
  for (const auto& f : forms) {
    if (!f.IsValidAt(now)) continue;
    for (const auto& org : f.organisation_ids) grants.push_back({f.id, org, f.purpose});
  }
  return grants;
}

}  // namespace passend::access
