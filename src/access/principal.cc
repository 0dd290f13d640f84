#include "access/principal.h"

#include <algorithm>

namespace passend::access {

namespace {
struct RoleNames {
  Role role;
  std::string_view wire;
  std::string_view label_nl;
};
constexpr RoleNames kRoleNames[] = {
    {Role::kClient, "client", "Cliënt"},
    {Role::kRepresentative, "representative", "Vertegenwoordiger"},
    {Role::kOco, "oco", "Cliëntondersteuner (OCO)"},
    {Role::kWijkteam, "wijkteam", "Wijkteam"},
    {Role::kCiz, "ciz", "CIZ-indicatiesteller"},
    {Role::kZorgkantoor, "zorgkantoor", "Medewerker zorgkantoor"},
    {Role::kProvider, "provider", "Medewerker zorgaanbieder"},
    {Role::kResearcher, "researcher", "Onderzoeker"},
    {Role::kAdmin, "admin", "Beheerder"},
};
}  // namespace

std::string_view ToString(Role role) {
  for (const auto& r : kRoleNames)
    if (r.role == role) return r.wire;
  return "client";
}

std::optional<Role> ParseRole(std::string_view s) {
  for (const auto& r : kRoleNames)
    if (r.wire == s) return r.role;
  return std::nullopt;
}

std::string_view LabelNl(Role role) {
  for (const auto& r : kRoleNames)
    if (r.role == role) return r.label_nl;
  return "";
}

bool Principal::ActsFor(std::string_view client_id) const {
  return !client_id.empty() &&
         std::find(client_ids.begin(), client_ids.end(), client_id) != client_ids.end();
}

}  // namespace passend::access
