#include "intake/intake_service.h"

#include <algorithm>

#include "access/access_store.h"
#include "domain/record_id.h"
#include "domain/validation.h"

namespace passend::intake {

namespace a = passend::access;

namespace {

Status ForgetAccounts(a::AccountStore& accounts, const std::string& client_id, ErasureReport& r) {
  PASSEND_ASSIGN_OR_RETURN(std::vector<a::User> users, accounts.UsersForClient(client_id));
  for (a::User u : users) {
    std::erase(u.client_ids, client_id);
    if (u.role == a::Role::kClient) {
      // The e-mail address also keys the attempts to log in and to register (the
      // throttles); the sessions end with the account.
      for (const std::string& key : a::AccountThrottleKeys(u.email))
        PASSEND_RETURN_IF_ERROR(accounts.DeleteLoginAttempts(key));
      PASSEND_RETURN_IF_ERROR(accounts.DeleteSessionsOfUser(u.id, ""));
      u.display_name = std::string(kErasedName);
      u.email = "gewist+" + u.id + "@passend.invalid";
      u.password_hash.clear();
      u.active = false;
      ++r.accounts_blocked;
    } else {
      ++r.representative_links;
    }
    PASSEND_RETURN_IF_ERROR(accounts.PutUser(u));
  }
  return Ok();
}

Status EndConsents(a::ConsentStore& consents, const a::Principal& by, const std::string& client_id,
                   a::Time now, ErasureReport& r) {
  PASSEND_ASSIGN_OR_RETURN(std::vector<a::ConsentForm> forms,
                           consents.ConsentsForClient(client_id));
  r.consents_kept = static_cast<int>(forms.size());
  for (a::ConsentForm f : forms) {
    if (!f.IsValidAt(now)) continue;
    f.withdrawn_at = now;
    f.withdrawn_by = by.user_id;
    ++r.consents_withdrawn;
    PASSEND_RETURN_IF_ERROR(consents.PutConsent(f));
  }
  return Ok();
}

// Every entry about the client, newest first, read in pages.
Result<std::vector<a::AuditEntry>> WholeLog(a::AuditStore& audit, const std::string& client_id) {
  constexpr int kPage = 500;
  std::vector<a::AuditEntry> log;
  int64_t before = 0;
  while (true) {
    PASSEND_ASSIGN_OR_RETURN(std::vector<a::AuditEntry> page,
                             audit.AuditForClient(client_id, before, kPage));
    log.insert(log.end(), page.begin(), page.end());
    if (static_cast<int>(page.size()) < kPage) return log;
    before = page.back().seq;
  }
}

// Needs come from the indication or a professional's assessment; the client and the
// representative tell their wishes.
bool RecordsNeeds(a::Role role) {
  return role == a::Role::kOco || role == a::Role::kWijkteam || role == a::Role::kCiz ||
         role == a::Role::kZorgkantoor || role == a::Role::kAdmin;
}

Status CheckReason(const std::string& reason, bool required) {
  if ((required && reason.empty()) || reason.size() > 500)
    return InvalidArgument("Zeg in 1 tot 500 tekens waarom het dossier verandert.", "reason");
  return Ok();
}

// A client or representative who writes their own dossier: the new client joins the
// account's clients, so the account reaches it as its own (scope own client) and nobody
// else does until the client gives consent. A client account is one person: bound to
// exactly one client record.
Result<a::User> AccountThatMayCreate(a::AccountStore& accounts, const a::Principal& by) {
  PASSEND_ASSIGN_OR_RETURN(a::User user, accounts.GetUser(by.user_id));
  if (user.role == a::Role::kClient && !user.client_ids.empty())
    return Error(ErrorCode::kConflict,
                 "Uw account hoort al bij een dossier. Een vertegenwoordiger kan voor meer "
                 "cliënten een dossier maken.",
                 "account");
  return user;
}

Status LinkAccount(a::AccountStore& accounts, const a::Principal& by,
                   const std::string& client_id) {
  PASSEND_ASSIGN_OR_RETURN(a::User user, AccountThatMayCreate(accounts, by));
  user.client_ids.push_back(client_id);
  return accounts.PutUser(user);
}

bool WritesOwnDossier(const a::Principal& by) {
  return by.role == a::Role::kClient || by.role == a::Role::kRepresentative;
}

// Version 1 of a client read in before the dossier existed: the record as it is.
ClientVersionInfo ImportedVersion(const std::string& client_id, std::string recorded_at) {
  return {client_id,
          1,
          std::move(recorded_at),
          std::string(kSystemAuthor),
          "Passend",
          std::string(kSystemAuthor),
          "Ingelezen voordat het dossier bestond"};
}

}  // namespace

IntakeService::IntakeService(store::Database& db, const domain::ReferenceData& ref, a::Clock clock,
                             std::string audit_key)
    : db_(db), ref_(ref), clock_(clock), log_(db.audit(), std::move(clock), std::move(audit_key)) {}

ClientVersionInfo IntakeService::VersionBy(const a::Principal& by, const std::string& client_id,
                                           int version, const std::string& reason) {
  return {client_id,  version,         a::FormatUtc(clock_()),
          by.user_id, by.display_name, std::string(a::ToString(by.role)),
          reason};
}

Status IntakeService::CheckDossier(const a::Principal& by, const domain::Client& c,
                                   const domain::Client* before) {
  PASSEND_RETURN_IF_ERROR(domain::ValidateClient(c, ref_));
  // A provider named before may have left the catalogue since; only a new one must exist.
  if (!c.care_provider_id.empty() &&
      (before == nullptr || c.care_provider_id != before->care_provider_id)) {
    auto provider = db_.catalog().GetProvider(c.care_provider_id);
    if (!provider.ok()) {
      if (provider.error().code() != ErrorCode::kNotFound) return provider.error();
      return InvalidArgument("Onbekende aanbieder '" + c.care_provider_id + "'",
                             "care_provider_id");
    }
  }
  const std::vector<domain::Need> none;
  if (!RecordsNeeds(by.role) && c.needs != (before ? before->needs : none))
    return Error(ErrorCode::kPermissionDenied,
                 "Behoeften legt een professional vast (uit de indicatie of een beoordeling); "
                 "wensen kunt u zelf aanpassen.",
                 "needs");
  return Ok();
}

Result<ClientVersion> IntakeService::CreateClient(const a::Principal& by, domain::Client c,
                                                  const std::string& reason) {
  if (!c.id.empty())
    return InvalidArgument("Een nieuwe cliënt krijgt zijn id van Passend; laat id weg.", "id");
  PASSEND_RETURN_IF_ERROR(CheckReason(reason, false));
  c.id = domain::NewRecordId("cli");
  if (WritesOwnDossier(by)) {  // checked again when linking, in the transaction
    PASSEND_RETURN_IF_ERROR(AccountThatMayCreate(db_.accounts(), by));
  }
  PASSEND_RETURN_IF_ERROR(CheckDossier(by, c, nullptr));
  ClientVersion out{VersionBy(by, c.id, 1, reason.empty() ? "Dossier aangemaakt" : reason), c};
  PASSEND_RETURN_IF_ERROR(db_.InTransaction([&] { return WriteNewDossier(by, out); }));
  return out;
}

Status IntakeService::WriteNewDossier(const a::Principal& by, const ClientVersion& made) {
  const domain::Client& c = made.record;
  PASSEND_RETURN_IF_ERROR(db_.clients().PutClient(c));
  PASSEND_RETURN_IF_ERROR(db_.clients().RecordVersion(made.info));
  if (WritesOwnDossier(by)) {
    PASSEND_RETURN_IF_ERROR(LinkAccount(db_.accounts(), by, c.id));
  } else if ((by.role == a::Role::kOco || by.role == a::Role::kWijkteam) &&
             !by.organisation_id.empty()) {
    a::ConsentForm form;
    form.id = domain::NewRecordId("cns");
    form.client_id = c.id;
    form.organisation_ids = {by.organisation_id};
    form.purpose = a::Purpose::kClientSupport;
    form.granted_at = clock_();
    form.granted_by = by.user_id;
    PASSEND_RETURN_IF_ERROR(db_.consents().PutConsent(form));
  }
  // NEN 7513: the creation is the first processing of the client's data; no route could
  // admit it against a client that did not exist yet, so the use case logs it.
  auto entry = log_.Record(a::EventFor(by, c.id, "client", "create", made.info.reason));
  if (!entry.ok()) return entry.error();
  return Ok();
}

Result<ClientVersion> IntakeService::Register(a::User account, domain::Client c) {
  if (account.role != a::Role::kClient && account.role != a::Role::kRepresentative)
    return InvalidArgument(
        "Maak een account voor uzelf (client) of als vertegenwoordiger "
        "(representative).",
        "role");
  if (account.id.empty() || !account.client_ids.empty())
    return Internal(
        "Register verwacht een nieuw account zonder cliënten (UserDirectory::Prepare).");
  if (!c.id.empty())
    return InvalidArgument("Een nieuwe cliënt krijgt zijn id van Passend; laat id weg.", "id");
  c.id = domain::NewRecordId("cli");
  a::Principal by;
  by.user_id = account.id;
  by.display_name = account.display_name;
  by.role = account.role;
  PASSEND_RETURN_IF_ERROR(CheckDossier(by, c, nullptr));
  ClientVersion out{VersionBy(by, c.id, 1, "Dossier aangemaakt bij het aanmelden"), c};
  PASSEND_RETURN_IF_ERROR(db_.InTransaction([&]() -> Status {
    auto existing = db_.accounts().FindUserByEmail(account.email);
    if (existing.ok())
      return AlreadyExists("Er is al een account met dit e-mailadres. Log in.", "email");
    if (existing.error().code() != ErrorCode::kNotFound) return existing.error();
    PASSEND_RETURN_IF_ERROR(db_.accounts().PutUser(account));
    return WriteNewDossier(by, out);
  }));
  return out;
}

Result<ClientVersion> IntakeService::UpdateClient(const a::Principal& by, const domain::Client& c,
                                                  int expected_version, const std::string& reason) {
  PASSEND_RETURN_IF_ERROR(CheckReason(reason, true));
  ClientVersion out;
  PASSEND_RETURN_IF_ERROR(db_.InTransaction([&]() -> Status {
    PASSEND_ASSIGN_OR_RETURN(domain::Client before, db_.clients().GetClient(c.id));
    if (domain::IsErased(before)) return FailedPrecondition("Deze cliënt is gewist.");
    PASSEND_ASSIGN_OR_RETURN(int latest, db_.clients().LatestVersion(c.id));
    const int current = std::max(latest, 1);
    if (expected_version != current)
      return Error(ErrorCode::kConflict,
                   "Het dossier is intussen veranderd: het is nu bij versie " +
                       std::to_string(current) + ", u werkte op versie " +
                       std::to_string(expected_version) + ". Lees het opnieuw.",
                   "version");
    if (c == before) {  // nothing to keep
      PASSEND_ASSIGN_OR_RETURN(out, GetVersion(c.id, current));
      return Ok();
    }
    PASSEND_RETURN_IF_ERROR(CheckDossier(by, c, &before));
    int next = current + 1;
    if (latest == 0) {
      PASSEND_RETURN_IF_ERROR(
          db_.clients().RecordVersion(ImportedVersion(c.id, a::FormatUtc(clock_()))));
    } else {
      // A whole-file import may have replaced the record since the last version: keep what
      // it wrote as a version of its own, so nothing is lost between two versions.
      PASSEND_ASSIGN_OR_RETURN(ClientVersion last, db_.clients().GetVersion(c.id, latest));
      if (!(last.record == before)) {
        ClientVersionInfo outside = ImportedVersion(c.id, a::FormatUtc(clock_()));
        outside.version = next++;
        outside.reason = "Buiten het dossier veranderd (ingelezen bestand)";
        PASSEND_RETURN_IF_ERROR(db_.clients().RecordVersion(outside));
      }
    }
    out = {VersionBy(by, c.id, next, reason), c};
    PASSEND_RETURN_IF_ERROR(db_.clients().PutClient(c));
    return db_.clients().RecordVersion(out.info);
  }));
  return out;
}

Result<int> IntakeService::CurrentVersion(const std::string& client_id) {
  PASSEND_ASSIGN_OR_RETURN(int latest, db_.clients().LatestVersion(client_id));
  if (latest > 0) return latest;
  PASSEND_RETURN_IF_ERROR(db_.clients().MunicipalityOf(client_id));  // kNotFound
  return 1;
}

Result<std::vector<ClientVersionInfo>> IntakeService::History(const std::string& client_id) {
  PASSEND_ASSIGN_OR_RETURN(auto versions, db_.clients().ListVersions(client_id));
  if (!versions.empty()) return versions;
  PASSEND_RETURN_IF_ERROR(db_.clients().MunicipalityOf(client_id));  // kNotFound
  return std::vector<ClientVersionInfo>{ImportedVersion(client_id, "")};
}

Result<ClientVersion> IntakeService::GetVersion(const std::string& client_id, int version) {
  auto v = db_.clients().GetVersion(client_id, version);
  if (v.ok() || v.error().code() != ErrorCode::kNotFound || version != 1) return v;
  PASSEND_ASSIGN_OR_RETURN(int latest, db_.clients().LatestVersion(client_id));
  if (latest > 0) return v.error();
  PASSEND_ASSIGN_OR_RETURN(domain::Client c, db_.clients().GetClient(client_id));
  return ClientVersion{ImportedVersion(client_id, ""), std::move(c)};
}

Result<DossierDiff> IntakeService::Diff(const std::string& client_id, int from, int to) {
  PASSEND_ASSIGN_OR_RETURN(ClientVersion a, GetVersion(client_id, from));
  PASSEND_ASSIGN_OR_RETURN(ClientVersion b, GetVersion(client_id, to));
  return DossierDiff{a.info, b.info, DiffClients(a.record, b.record, ref_)};
}

Result<domain::Client> IntakeService::GetClient(const std::string& id) {
  return db_.clients().GetClient(id);
}

Result<std::string> IntakeService::MunicipalityOf(const std::string& id) {
  return db_.clients().MunicipalityOf(id);
}

Result<store::Page<domain::Client>> IntakeService::ListClients(const ClientFilter& filter,
                                                               const store::PageRequest& page) {
  return db_.clients().ListClients(filter, page);
}

Result<int64_t> IntakeService::CountClients(const ClientFilter& filter) {
  return db_.clients().CountClients(filter);
}

Result<DossierReport> IntakeService::Report(const std::string& client_id) {
  DossierReport r;
  r.made_at = clock_();
  PASSEND_ASSIGN_OR_RETURN(int version, CurrentVersion(client_id));
  PASSEND_ASSIGN_OR_RETURN(r.current, GetVersion(client_id, version));
  if (domain::IsErased(r.current.record)) return FailedPrecondition("Deze cliënt is gewist.");
  PASSEND_ASSIGN_OR_RETURN(auto history, History(client_id));
  for (const auto& v : history) {
    const bool seen =
        std::any_of(r.participants.begin(), r.participants.end(),
                    [&](const ClientVersionInfo& p) { return p.author_id == v.author_id; });
    if (!seen) r.participants.push_back(v);
  }
  return r;
}

Result<RegistrationForm> IntakeService::MakeRegistrationForm(const std::string& client_id,
                                                             const std::string& offer_id) {
  RegistrationForm f;
  auto offer = db_.catalog().GetOffer(offer_id);
  if (!offer.ok()) {
    if (offer.error().code() == ErrorCode::kNotFound)
      return NotFound("Aanbod '" + offer_id + "' bestaat niet", "offer");
    return offer.error();
  }
  f.offer = std::move(*offer);
  PASSEND_ASSIGN_OR_RETURN(domain::Provider provider,
                           db_.catalog().GetProvider(f.offer.provider_id));
  f.provider_name = provider.name;
  PASSEND_ASSIGN_OR_RETURN(DossierReport report, Report(client_id));
  f.made_at = report.made_at;
  f.current = std::move(report.current);
  // The provider's organisations in Passend, and the client's valid consent naming one.
  PASSEND_ASSIGN_OR_RETURN(auto organisations, db_.accounts().ListOrganisations());
  PASSEND_ASSIGN_OR_RETURN(auto forms, db_.consents().ConsentsForClient(client_id));
  for (const auto& form : forms) {
    if (!form.IsValidAt(f.made_at)) continue;
    if (form.purpose != a::Purpose::kRegistration && form.purpose != a::Purpose::kCareDelivery)
      continue;
    for (const auto& o : organisations) {
      if (o.kind == a::Role::kProvider && o.provider_id == f.offer.provider_id &&
          form.Names(o.id)) {
        f.consent_id = form.id;
        return f;
      }
    }
  }
  return Error(ErrorCode::kFailedPrecondition,
               "De cliënt gaf " + f.provider_name +
                   " (nog) geen toestemming voor aanmelding; zonder toestemming geen "
                   "aanmeldformulier.",
               "offer");
}

Result<ClientExport> IntakeService::ExportClient(const std::string& client_id) {
  ClientExport out;
  out.generated_at = clock_();
  PASSEND_ASSIGN_OR_RETURN(out.client, db_.clients().GetClient(client_id));
  PASSEND_ASSIGN_OR_RETURN(out.accounts, db_.accounts().UsersForClient(client_id));
  PASSEND_ASSIGN_OR_RETURN(out.consents, db_.consents().ConsentsForClient(client_id));
  PASSEND_ASSIGN_OR_RETURN(out.access_log, WholeLog(db_.audit(), client_id));
  std::reverse(out.access_log.begin(), out.access_log.end());  // oldest first
  return out;
}

Result<ErasureReport> IntakeService::EraseClient(const a::Principal& by,
                                                 const std::string& client_id,
                                                 const std::string& reason) {
  if (reason.size() < 5 || reason.size() > 500)
    return InvalidArgument("Geef een reden voor het wissen (5 tot 500 tekens).", "reason");
  const a::Time now = clock_();
  ErasureReport r;
  r.client_id = client_id;
  PASSEND_RETURN_IF_ERROR(db_.InTransaction([&]() -> Status {
    PASSEND_ASSIGN_OR_RETURN(domain::Client old, db_.clients().GetClient(client_id));
    if (old.name == kErasedName) return FailedPrecondition("Deze cliënt is al gewist.");
    domain::Client tombstone;
    tombstone.id = old.id;
    tombstone.name = std::string(kErasedName);
    PASSEND_RETURN_IF_ERROR(db_.clients().PutClient(tombstone));
    PASSEND_RETURN_IF_ERROR(db_.clients().DeleteVersions(client_id));
    PASSEND_RETURN_IF_ERROR(ForgetAccounts(db_.accounts(), client_id, r));
    PASSEND_RETURN_IF_ERROR(EndConsents(db_.consents(), by, client_id, now, r));
    PASSEND_RETURN_IF_ERROR(db_.audit().RedactReasons(client_id));
    PASSEND_ASSIGN_OR_RETURN(auto kept, WholeLog(db_.audit(), client_id));
    r.audit_entries_kept = static_cast<int64_t>(kept.size());
    auto entry = log_.Record(a::EventFor(by, client_id, "client", "erase", reason));
    if (!entry.ok()) return entry.error();
    return Ok();
  }));
  r.old_versions_discarded = db_.DiscardOldVersions().ok();
  return r;
}

}  // namespace passend::intake
