#pragma once
// Principal: who is making a request, as the access layer knows them after
// authentication: the user, their role, their organisation and what they are bound to
// (a provider for provider staff, clients for a client or representative). A plain value;
// copy freely between threads.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace passend::access {

// The roles of DOMAIN.md. Each has a stable wire name ("provider", "zorgkantoor").
enum class Role {
  kClient,          // the person who needs care
  kRepresentative,  // vertegenwoordiger: acts for one or more clients
  kOco,             // onafhankelijke cliëntondersteuner
  kWijkteam,        // municipality / neighbourhood team (Wmo)
  kCiz,             // CIZ assessor (indicatiestelling)
  kZorgkantoor,     // care-office staff, bound to one region
  kProvider,        // provider staff, bound to one provider
  kResearcher,      // aggregates only, never one person's record
  kAdmin,           // user management, audit verification, AVG requests
};
inline constexpr Role kAllRoles[] = {
    Role::kClient,      Role::kRepresentative, Role::kOco,        Role::kWijkteam, Role::kCiz,
    Role::kZorgkantoor, Role::kProvider,       Role::kResearcher, Role::kAdmin};

std::string_view ToString(Role role);  // "client", "representative", "oco", ...
std::optional<Role> ParseRole(std::string_view s);
std::string_view LabelNl(Role role);  // "Cliëntondersteuner (OCO)"

struct Principal {
  std::string user_id;
  std::string display_name;
  Role role = Role::kClient;
  std::string organisation_id;
  std::string provider_id;              // provider staff: the provider they work for
  std::string region;                   // care-office staff: the care-office region code
  std::vector<std::string> client_ids;  // the client themself, or the clients represented
  std::string session_id;  // opaque id of the session (not its secret); empty for tokens
  bool via_api_token = false;
  // For the access log: the request's client address ("cli" on the command line) and the
  // id of the session, API token or operating-system user it came through.
  std::string source;
  std::string credential;

  bool ActsFor(std::string_view client_id) const;
};

}  // namespace passend::access
