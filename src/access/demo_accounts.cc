#include "access/demo_accounts.h"

#include "access/consent_registry.h"
#include "access/user_directory.h"

namespace passend::access {

namespace {

struct DemoOrg {
  Role role;
  const char* id;
  const char* name;
};
constexpr DemoOrg kOrgs[] = {
    {Role::kOco, "org-demo-mee", "MEE Zuid-Limburg (demo)"},
    {Role::kWijkteam, "org-demo-wijkteam", "Wijkteam Maastricht (demo)"},
    {Role::kCiz, "org-demo-ciz", "CIZ (demo)"},
    {Role::kZorgkantoor, "org-demo-zorgkantoor", "Zorgkantoor (demo)"},
    {Role::kProvider, "org-demo-aanbieder", "Zorgaanbieder (demo)"},
    {Role::kResearcher, "org-demo-onderzoek", "Onderzoeksbureau (demo)"},
    {Role::kAdmin, "org-demo-beheer", "Beheer Passend (demo)"},
};

// A person's name per demo account, as a real account has one: the organisations carry
// "(demo)", and the web app adds the role in words ("Sanne Jansen (cliëntondersteuner)"),
// so a role label here would be said twice.
struct DemoPerson {
  Role role;
  const char* name;
};
constexpr DemoPerson kPeople[] = {
    {Role::kRepresentative, "Marja de Wit"}, {Role::kOco, "Sanne Jansen"},
    {Role::kWijkteam, "Youssef el Amrani"},  {Role::kCiz, "Peter Smeets"},
    {Role::kZorgkantoor, "Linda Hermans"},   {Role::kProvider, "Ruud Janssen"},
    {Role::kResearcher, "Eva Bakker"},       {Role::kAdmin, "Tom Kuipers"},
};

std::string PersonFor(Role r) {
  for (const DemoPerson& p : kPeople)
    if (p.role == r) return p.name;
  return std::string(LabelNl(r));
}

// Clients in the client supporter's demo caseload (a supporter has some thirty).
constexpr int kDemoCaseload = 30;

std::string EmailFor(Role r) { return std::string(ToString(r)) + "@demo.passend.example"; }
std::string PasswordFor(Role r) { return "demo-" + std::string(ToString(r)) + "-wachtwoord"; }

}  // namespace

Result<std::vector<DemoLogin>> CreateDemoAccounts(catalog::CatalogStore& catalog,
                                                  intake::ClientStore& clients,
                                                  const domain::ReferenceData& ref,
                                                  AccessStores stores, Clock clock, HashCost cost) {
  PASSEND_ASSIGN_OR_RETURN(auto providers, catalog.ListProviders({}, {"", 1}));
  PASSEND_ASSIGN_OR_RETURN(auto some_clients, clients.ListClients({}, {"", 2}));
  if (providers.items.empty() || some_clients.items.size() < 2)
    return FailedPrecondition(
        "Er zijn nog geen aanbieders of cliënten: draai eerst `passend generate`.");
  const domain::Provider& provider = providers.items[0];
  const domain::Client& client = some_clients.items[0];
  const domain::Client& represented = some_clients.items[1];
  const domain::Municipality* m = ref.FindMunicipality(client.municipality_code);
  const std::string region = m ? m->zorgkantoor_code : "";
  if (region.empty())
    return FailedPrecondition("De gemeente van cliënt " + client.id + " is onbekend.");

  UserDirectory users(stores.accounts, clock, cost);
  for (const DemoOrg& o : kOrgs) {
    Organisation org{o.id, o.name, o.role, "", ""};
    if (o.role == Role::kProvider) {
      org.provider_id = provider.id;
      org.name = provider.name + " (demo)";
    }
    // The provider and the research bureau read the mismatch map of the demo's region; a
    // care office is bound to its region.
    if (o.role == Role::kProvider || o.role == Role::kResearcher) org.region = region;
    if (o.role == Role::kZorgkantoor) {
      org.region = region;
      if (m) org.name = m->zorgkantoor_name + " (demo)";
    }
    // The neighbourhood team works where its demo clients live.
    if (o.role == Role::kWijkteam && m) org.name = "Wijkteam " + m->name + " (demo)";
    auto added = users.AddOrganisation(org);
    if (!added.ok()) return added.error();
  }

  std::vector<DemoLogin> out;
  for (Role role : kAllRoles) {
    DemoLogin login{role, EmailFor(role), PasswordFor(role), "", "", false};
    NewUser u{login.email, PersonFor(role), role, "", {}, login.password};
    switch (role) {
      case Role::kClient:
        u.client_ids = {client.id};
        u.display_name = client.name;
        login.bound_to = "cliënt " + client.id;
        break;
      case Role::kRepresentative:
        u.client_ids = {represented.id};
        login.bound_to = "vertegenwoordiger van cliënt " + represented.id;
        break;
      default:
        for (const DemoOrg& o : kOrgs)
          if (o.role == role) u.organisation_id = o.id;
        login.bound_to = "organisatie " + u.organisation_id;
        // The provider's id stays the last word: tests read it there.
        if (role == Role::kZorgkantoor || role == Role::kProvider || role == Role::kResearcher)
          login.bound_to += ", regio " + region;
        if (role == Role::kProvider) login.bound_to += ", aanbieder " + provider.id;
    }
    auto existing = stores.accounts.FindUserByEmail(login.email);
    if (existing.ok()) {
      login.user_id = existing->id;
      login.existed = true;
    } else {
      PASSEND_ASSIGN_OR_RETURN(User made, users.Add(u));
      login.user_id = made.id;
    }
    out.push_back(std::move(login));
  }

  // Consent so the demo shows something: the client shares with the OCO and the
  // neighbourhood team (client support) and the provider (care delivery); the represented
  // client with the provider (registration), the CIZ (indication) and the research bureau
  // (research). A form an earlier run gave is kept.
  ConsentRegistry consents(stores.consents, stores.accounts, clock);
  auto give = [&](const domain::Client& c, const std::string& by_user,
                  std::vector<std::string> orgs, Purpose purpose) -> Status {
    PASSEND_ASSIGN_OR_RETURN(auto forms, consents.ForClient(c.id));
    for (const auto& f : forms)
      if (f.purpose == purpose && f.Names(orgs.front())) return Ok();
    Principal by;
    by.user_id = by_user;
    auto given = consents.Give(by, {c.id, std::move(orgs), purpose, std::nullopt});
    if (!given.ok()) return given.error();
    return Ok();
  };
  PASSEND_RETURN_IF_ERROR(
      give(client, out[0].user_id, {"org-demo-mee", "org-demo-wijkteam"}, Purpose::kClientSupport));
  PASSEND_RETURN_IF_ERROR(
      give(client, out[0].user_id, {"org-demo-aanbieder"}, Purpose::kCareDelivery));
  PASSEND_RETURN_IF_ERROR(
      give(represented, out[1].user_id, {"org-demo-aanbieder"}, Purpose::kRegistration));
  PASSEND_RETURN_IF_ERROR(
      give(represented, out[1].user_id, {"org-demo-ciz"}, Purpose::kIndication));
  PASSEND_RETURN_IF_ERROR(
      give(represented, out[1].user_id, {"org-demo-onderzoek"}, Purpose::kResearch));

  // A client supporter works with a caseload, not one client: clients of the region gave
  // MEE consent on a paper form that the supporter recorded (granted_by: the supporter), and
  // clients of the neighbourhood team's municipality gave it to the team.
  const auto of = [&](Role r) {
    for (const DemoLogin& l : out)
      if (l.role == r) return l.user_id;
    return std::string();
  };
  std::vector<std::string> region_codes;
  for (const domain::Municipality& each : ref.municipalities())
    if (each.zorgkantoor_code == region) region_codes.push_back(each.code);
  const auto share = [&](std::vector<std::string> codes, int count, const char* org,
                         Role by) -> Status {
    PASSEND_ASSIGN_OR_RETURN(auto found,
                             clients.ListClients({std::move(codes), "", 0}, {"", count}));
    for (const domain::Client& c : found.items)
      if (c.id != represented.id)
        PASSEND_RETURN_IF_ERROR(give(c, of(by), {org}, Purpose::kClientSupport));
    return Ok();
  };
  PASSEND_RETURN_IF_ERROR(share(region_codes, kDemoCaseload, "org-demo-mee", Role::kOco));
  PASSEND_RETURN_IF_ERROR(
      share({client.municipality_code}, kDemoCaseload / 3, "org-demo-wijkteam", Role::kWijkteam));
  return out;
}

}  // namespace passend::access
