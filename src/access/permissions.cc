#include "access/permissions.h"

#include <algorithm>

namespace passend::access {

namespace {

// Every permission. `about_client`: personal data of one client, logged per NEN 7513.
constexpr Permission kPermissions[] = {
    {"auth.session", "auth", "session", false, "Eigen sessie bekijken of beëindigen", false},
    {"organisation.list", "organisation", "list", false, "Organisaties bekijken", false},
    {"organisation.create", "organisation", "create", false, "Organisatie aanmaken", false},
    {"catalog.read", "catalog", "read", false, "Zorgaanbod bekijken", false},
    {"catalog.update", "catalog", "update", false, "Zorgaanbod wijzigen", false},
    {"catalog.contract", "catalog", "contract", false,
     "Contract per zorgkantoorregio vastleggen (in natura of alleen pgb)", false},
    {"catalog.monitor", "catalog", "list", false, "Verouderd aanbod in de regio bekijken", false},
    {"catalog.export", "catalog", "export", false, "Het hele aanbod downloaden (CSV, HSDS)", false},
    {"catalog.import", "catalog", "import", false, "Aanbod inlezen uit een bestand (CSV, HSDS)",
     false},
    {"register.submit", "register", "create", false, "Nieuwe zorgaanbieder aanmelden", false},
    {"register.decide", "register", "update", false, "Zorgaanbieder toelaten of schorsen", false},
    {"register.read", "register", "read", false, "Register van zorgaanbieders bekijken", false},
    {"client.list", "client", "list", false, "Cliënten opzoeken", false},
    {"client.create", "client", "create", false, "Cliënt inschrijven", false},
    {"client.read", "client", "read", true, "Gegevens van een cliënt bekijken", false},
    {"client.update", "client", "update", true, "Gegevens van een cliënt wijzigen", false},
    {"dossier.read", "dossier", "read", true, "Dossier (wensen, behoeften) bekijken", false},
    {"dossier.update", "dossier", "update", true, "Dossier wijzigen", false},
    {"indication.update", "indication", "update", true, "Indicatiebesluit vastleggen", false},
    {"match.read", "match", "read", true, "Passend aanbod voor een cliënt zoeken", false},
    {"consent.list", "consent", "list", true, "Toestemmingen bekijken", false},
    {"consent.create", "consent", "create", true, "Toestemming geven", false},
    {"consent.withdraw", "consent", "delete", true, "Toestemming intrekken", false},
    {"audit.read", "audit", "read", true, "Zien wie de gegevens bekeek", false},
    {"audit.verify", "audit", "verify", false, "Toegangslog controleren", false},
    {"client.export", "client", "export", true, "Alle gegevens van een cliënt downloaden", false},
    {"client.erase", "client", "erase", true, "Gegevens van een cliënt wissen", true},
    {"user.list", "user", "list", false, "Gebruikers bekijken", false},
    {"user.create", "user", "create", false, "Gebruiker aanmaken", false},
    {"user.update", "user", "update", false, "Gebruiker wijzigen of blokkeren", false},
    {"apitoken.list", "apitoken", "list", false, "API-sleutels bekijken", false},
    {"apitoken.create", "apitoken", "create", false, "API-sleutel aanmaken", false},
    {"apitoken.revoke", "apitoken", "delete", false, "API-sleutel intrekken", false},
    {"report.read", "report", "read", false, "Cijfers en mismatch (geaggregeerd) bekijken", false},
};

using R = Role;
using S = ScopeRule;
using P = Purpose;

// THE matrix. A cell not listed is denied. Reasons for the less obvious cells:
// - provider staff see a client only under consent for registration or care delivery,
//   or with a stated emergency reason; the CIZ only under consent for the indication;
//   client supporters (OCO) and neighbourhood teams only under consent for client support;
//   a researcher sees one client's record only under the client's consent for research;
// - the care office (zorgkantoor) is responsible for clients in its region (bemiddeling,
//   toewijzing) and reads their records there, but does not change the dossier;
// - the administrator manages users and executes AVG requests, but reads no dossiers;
// - otherwise the researcher sees aggregates only.
const std::vector<MatrixCell>& Matrix() {
  static const std::vector<MatrixCell> m = {
      // Every signed-in user sees and ends their own session, and sees which organisations
      // exist (to choose whom to give consent).
      {R::kClient, "auth.session", S::kAll, {}},
      {R::kRepresentative, "auth.session", S::kAll, {}},
      {R::kOco, "auth.session", S::kAll, {}},
      {R::kWijkteam, "auth.session", S::kAll, {}},
      {R::kCiz, "auth.session", S::kAll, {}},
      {R::kZorgkantoor, "auth.session", S::kAll, {}},
      {R::kProvider, "auth.session", S::kAll, {}},
      {R::kResearcher, "auth.session", S::kAll, {}},
      {R::kAdmin, "auth.session", S::kAll, {}},
      {R::kClient, "organisation.list", S::kAll, {}},
      {R::kRepresentative, "organisation.list", S::kAll, {}},
      {R::kOco, "organisation.list", S::kAll, {}},
      {R::kWijkteam, "organisation.list", S::kAll, {}},
      {R::kCiz, "organisation.list", S::kAll, {}},
      {R::kZorgkantoor, "organisation.list", S::kAll, {}},
      {R::kProvider, "organisation.list", S::kAll, {}},
      {R::kResearcher, "organisation.list", S::kAll, {}},
      {R::kAdmin, "organisation.list", S::kAll, {}},
      {R::kAdmin, "organisation.create", S::kAll, {}},
      // The catalogue is public information.
      {R::kClient, "catalog.read", S::kAll, {}},
      {R::kRepresentative, "catalog.read", S::kAll, {}},
      {R::kOco, "catalog.read", S::kAll, {}},
      {R::kWijkteam, "catalog.read", S::kAll, {}},
      {R::kCiz, "catalog.read", S::kAll, {}},
      {R::kZorgkantoor, "catalog.read", S::kAll, {}},
      {R::kProvider, "catalog.read", S::kAll, {}},
      {R::kResearcher, "catalog.read", S::kAll, {}},
      {R::kAdmin, "catalog.read", S::kAll, {}},
      // A provider keeps its own offer up to date; the care office the offers in its region.
      {R::kProvider, "catalog.update", S::kOwnProvider, {}},
      {R::kZorgkantoor, "catalog.update", S::kRegion, {}},
      {R::kAdmin, "catalog.update", S::kAll, {}},
      // The care office contracts for its own region (any offer, also one just across the
      // border) and watches which offers in its region are out of date.
      {R::kZorgkantoor, "catalog.contract", S::kRegion, {}},
      {R::kAdmin, "catalog.contract", S::kAll, {}},
      {R::kZorgkantoor, "catalog.monitor", S::kRegion, {}},
      {R::kAdmin, "catalog.monitor", S::kAll, {}},
      // The field's formats (docs/formats.md): the care office keeps the register, which is
      // one for the country, so it reads and writes the whole catalogue in a file.
      {R::kZorgkantoor, "catalog.export", S::kAll, {}},
      {R::kAdmin, "catalog.export", S::kAll, {}},
      {R::kZorgkantoor, "catalog.import", S::kAll, {}},
      {R::kAdmin, "catalog.import", S::kAll, {}},
      // The register: a provider submits itself (its account names the provider), the care
      // office submits one too, and approves or suspends; the register is one for all care
      // offices, like the AGB register, so any care office may decide (and is recorded).
      {R::kProvider, "register.submit", S::kOwnProvider, {}},
      {R::kZorgkantoor, "register.submit", S::kAll, {}},
      {R::kAdmin, "register.submit", S::kAll, {}},
      {R::kZorgkantoor, "register.decide", S::kAll, {}},
      {R::kAdmin, "register.decide", S::kAll, {}},
      {R::kZorgkantoor, "register.read", S::kAll, {}},
      {R::kAdmin, "register.read", S::kAll, {}},
      // Clients and their dossier.
      {R::kClient, "client.list", S::kOwnClient, {}},
      {R::kRepresentative, "client.list", S::kOwnClient, {}},
      {R::kOco, "client.list", S::kConsent, {P::kClientSupport}},
      {R::kWijkteam, "client.list", S::kConsent, {P::kClientSupport}},
      {R::kCiz, "client.list", S::kConsent, {P::kIndication}},
      {R::kProvider, "client.list", S::kConsent, {P::kRegistration, P::kCareDelivery}},
      {R::kZorgkantoor, "client.list", S::kRegion, {}},
      // A new client has no record to scope by; the client or representative who writes
      // their own dossier is linked to it (intake), the supporter gets the intake's consent.
      {R::kClient, "client.create", S::kAll, {}},
      {R::kRepresentative, "client.create", S::kAll, {}},
      {R::kOco, "client.create", S::kAll, {}},
      {R::kWijkteam, "client.create", S::kAll, {}},
      {R::kClient, "client.read", S::kOwnClient, {}},
      {R::kRepresentative, "client.read", S::kOwnClient, {}},
      {R::kOco, "client.read", S::kConsent, {P::kClientSupport}},
      {R::kWijkteam, "client.read", S::kConsent, {P::kClientSupport}},
      {R::kCiz, "client.read", S::kConsent, {P::kIndication}},
      {R::kProvider, "client.read", S::kConsent, {P::kRegistration, P::kCareDelivery}, true},
      {R::kZorgkantoor, "client.read", S::kRegion, {}},
      {R::kResearcher, "client.read", S::kConsent, {P::kResearch}},
      {R::kClient, "client.update", S::kOwnClient, {}},
      {R::kRepresentative, "client.update", S::kOwnClient, {}},
      {R::kOco, "client.update", S::kConsent, {P::kClientSupport}},
      {R::kClient, "dossier.read", S::kOwnClient, {}},
      {R::kRepresentative, "dossier.read", S::kOwnClient, {}},
      {R::kOco, "dossier.read", S::kConsent, {P::kClientSupport}},
      {R::kWijkteam, "dossier.read", S::kConsent, {P::kClientSupport}},
      {R::kCiz, "dossier.read", S::kConsent, {P::kIndication}},
      {R::kProvider, "dossier.read", S::kConsent, {P::kRegistration, P::kCareDelivery}, true},
      {R::kZorgkantoor, "dossier.read", S::kRegion, {}},
      {R::kResearcher, "dossier.read", S::kConsent, {P::kResearch}},
      {R::kClient, "dossier.update", S::kOwnClient, {}},
      {R::kRepresentative, "dossier.update", S::kOwnClient, {}},
      {R::kOco, "dossier.update", S::kConsent, {P::kClientSupport}},
      {R::kWijkteam, "dossier.update", S::kConsent, {P::kClientSupport}},
      {R::kCiz, "indication.update", S::kConsent, {P::kIndication}},
      {R::kClient, "match.read", S::kOwnClient, {}},
      {R::kRepresentative, "match.read", S::kOwnClient, {}},
      {R::kOco, "match.read", S::kConsent, {P::kClientSupport}},
      {R::kWijkteam, "match.read", S::kConsent, {P::kClientSupport}},
      {R::kZorgkantoor, "match.read", S::kRegion, {}},
      // Consent: only the client (or their representative) gives and withdraws it.
      {R::kClient, "consent.list", S::kOwnClient, {}},
      {R::kRepresentative, "consent.list", S::kOwnClient, {}},
      {R::kOco, "consent.list", S::kConsent, {P::kClientSupport}},
      {R::kClient, "consent.create", S::kOwnClient, {}},
      {R::kRepresentative, "consent.create", S::kOwnClient, {}},
      {R::kClient, "consent.withdraw", S::kOwnClient, {}},
      {R::kRepresentative, "consent.withdraw", S::kOwnClient, {}},
      // The access log and the AVG rights.
      {R::kClient, "audit.read", S::kOwnClient, {}},
      {R::kRepresentative, "audit.read", S::kOwnClient, {}},
      {R::kAdmin, "audit.read", S::kAll, {}},
      {R::kAdmin, "audit.verify", S::kAll, {}},
      // The export holds all the dossier holds, so it follows client.read: the client and
      // the representative export their own; the administrator, who reads no dossier,
      // exports none (a request on paper goes through `passend client export --reason`).
      {R::kClient, "client.export", S::kOwnClient, {}},
      {R::kRepresentative, "client.export", S::kOwnClient, {}},
      {R::kAdmin, "client.erase", S::kAll, {}},
      // Users and system access.
      {R::kAdmin, "user.list", S::kAll, {}},
      {R::kAdmin, "user.create", S::kAll, {}},
      {R::kAdmin, "user.update", S::kAll, {}},
      {R::kAdmin, "apitoken.list", S::kAll, {}},
      {R::kAdmin, "apitoken.create", S::kAll, {}},
      {R::kAdmin, "apitoken.revoke", S::kAll, {}},
      // Aggregates (never one person's record).
      // The mismatch map and its trend: every role that reads them, its own region only
      // (the region of the user's organisation; issue 23.2).
      {R::kResearcher, "report.read", S::kRegion, {}},
      {R::kZorgkantoor, "report.read", S::kRegion, {}},
      {R::kProvider, "report.read", S::kRegion, {}},
  };
  return m;
}

const ConsentGrant* MatchingConsent(const Principal& who, const MatrixCell& cell,
                                    const Scope& target) {
  if (who.organisation_id.empty()) return nullptr;
  for (const auto& g : target.consents) {
    if (g.organisation_id != who.organisation_id) continue;
    if (cell.purposes.empty() ||
        std::find(cell.purposes.begin(), cell.purposes.end(), g.purpose) != cell.purposes.end())
      return &g;
  }
  return nullptr;
}

}  // namespace

std::span<const Permission> AllPermissions() { return kPermissions; }

const Permission* FindPermission(std::string_view key) {
  for (const auto& p : kPermissions)
    if (p.key == key) return &p;
  return nullptr;
}

std::string_view ToString(ScopeRule rule) {
  switch (rule) {
    case ScopeRule::kAll: return "all";
    case ScopeRule::kOwnClient: return "own_client";
    case ScopeRule::kConsent: return "consent";
    case ScopeRule::kRegion: return "region";
    case ScopeRule::kOwnProvider: return "own_provider";
  }
  return "all";
}

std::span<const MatrixCell> PermissionMatrix() { return Matrix(); }

const MatrixCell* FindCell(Role role, std::string_view permission) {
  for (const auto& c : Matrix())
    if (c.role == role && c.permission == permission) return &c;
  return nullptr;
}

Error NotFoundOrHidden() { return NotFound("Niet gevonden."); }

bool InScope(const Principal& who, const MatrixCell& cell, const Scope& target) {
  switch (cell.scope) {
    case ScopeRule::kAll: return true;
    case ScopeRule::kOwnClient: return who.ActsFor(target.client_id);
    case ScopeRule::kConsent:
      return !target.client_id.empty() && MatchingConsent(who, cell, target) != nullptr;
    case ScopeRule::kRegion: return !who.region.empty() && target.region == who.region;
    case ScopeRule::kOwnProvider:
      return !who.provider_id.empty() && target.provider_id == who.provider_id;
  }
  return false;
}

Result<AccessBasis> Decide(const Principal& who, std::string_view permission, const Scope& target) {
  if (FindPermission(permission) == nullptr)
    return Internal("Onbekende bevoegdheid: " + std::string(permission));
  const bool one_record = !target.client_id.empty() || !target.provider_id.empty();
  const MatrixCell* cell = FindCell(who.role, permission);
  if (cell == nullptr) {
    if (one_record) return NotFoundOrHidden();
    return PermissionDenied("U heeft geen toegang tot deze functie.");
  }
  // A list or an aggregate: allowed here; the records in it are filtered with InScope.
  if (!one_record) {
    if (cell->scope == ScopeRule::kRegion && who.region.empty())
      return PermissionDenied("Uw account hoort bij geen zorgkantoorregio.");
    // An aggregate of one region (the mismatch map): the principal's own region only.
    if (!target.region.empty() && cell->scope == ScopeRule::kRegion && target.region != who.region)
      return PermissionDenied("U kunt alleen de cijfers van uw eigen zorgkantoorregio bekijken.");
    return AccessBasis{
        cell->scope, "",
        target.region.empty() ? std::string(LabelNl(who.role)) : "regio " + target.region, false};
  }
  AccessBasis basis{cell->scope, "", "", false};
  switch (cell->scope) {
    case ScopeRule::kAll: basis.reason = "taak " + std::string(LabelNl(who.role)); break;
    case ScopeRule::kOwnClient:
      if (!who.ActsFor(target.client_id)) break;
      basis.reason = who.role == Role::kClient ? "eigen gegevens" : "vertegenwoordiging";
      return basis;
    case ScopeRule::kConsent:
      if (const ConsentGrant* g = MatchingConsent(who, *cell, target);
          g != nullptr && !target.client_id.empty()) {
        basis.consent_id = g->consent_id;
        basis.reason =
            "toestemming " + g->consent_id + " (" + std::string(ToString(g->purpose)) + ")";
        return basis;
      }
      break;
    case ScopeRule::kRegion:
      if (!InScope(who, *cell, target)) break;
      basis.reason = "zorgkantoorregio " + who.region;
      return basis;
    case ScopeRule::kOwnProvider:
      if (!InScope(who, *cell, target)) break;
      basis.reason = "eigen zorgaanbieder";
      return basis;
  }
  if (cell->scope == ScopeRule::kAll) return basis;
  if (cell->emergency && !target.client_id.empty() && !target.emergency_reason.empty()) {
    basis.emergency = true;
    basis.reason = "noodtoegang: " + target.emergency_reason;
    return basis;
  }
  return NotFoundOrHidden();
}

}  // namespace passend::access
