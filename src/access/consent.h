#pragma once
// Consent (toestemming): a client, or a representative for them, grants one or more
// organisations access to the client's dossier for a purpose, optionally until a date,
// and can withdraw it. One form can name several organisations: the client tells the
// story once. Plain values and pure rules; storage and use are in consent_registry.h.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "access/timestamp.h"

namespace passend::access {

// Why an organisation may see the dossier: the purposes the field tells apart, each the
// task of some roles (access/permissions.cc). Wire names: "registration", "client_support",
// "indication", "care_delivery", "research".
enum class Purpose {
  kRegistration,   // aanmelding bij een zorgaanbieder
  kCareDelivery,   // zorgverlening
  kIndication,     // indicatiestelling door het CIZ
  kClientSupport,  // cliëntondersteuning (OCO, wijkteam)
  kResearch,       // wetenschappelijk onderzoek
};
inline constexpr Purpose kAllPurposes[] = {Purpose::kRegistration, Purpose::kClientSupport,
                                           Purpose::kIndication, Purpose::kCareDelivery,
                                           Purpose::kResearch};
std::string_view ToString(Purpose p);
std::optional<Purpose> ParsePurpose(std::string_view s);
std::string_view LabelNl(Purpose p);

struct ConsentForm {
  std::string id;  // "cns-..."
  std::string client_id;
  std::vector<std::string> organisation_ids;  // at least one
  Purpose purpose = Purpose::kCareDelivery;
  Time granted_at{};
  std::string granted_by;  // user id of the client or representative
  std::optional<Time> valid_until;
  std::optional<Time> withdrawn_at;
  std::string withdrawn_by;

  // Valid at `now`: not withdrawn (or withdrawn later) and not past valid_until.
  bool IsValidAt(Time now) const;
  bool Names(std::string_view organisation_id) const;
};

// One organisation's valid access to one client, as the permission check sees it.
struct ConsentGrant {
  std::string consent_id;
  std::string organisation_id;
  Purpose purpose = Purpose::kCareDelivery;
};

// The grants that `forms` give at `now`, one per (form, organisation).
std::vector<ConsentGrant> ValidGrants(const std::vector<ConsentForm>& forms, Time now);

}  // namespace passend::access
