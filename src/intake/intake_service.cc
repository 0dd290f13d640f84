#include "intake/intake_service.h"

#include <algorithm>

namespace passend::intake {

namespace a = passend::access;

namespace {

Status ForgetAccounts(a::AccountStore& accounts, const std::string& client_id, ErasureReport& r) {
  PASSEND_ASSIGN_OR_RETURN(std::vector<a::User> users, accounts.UsersForClient(client_id));
  for (a::User u : users) {
    std::erase(u.client_ids, client_id);
    if (u.role == a::Role::kClient) {
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

}  // namespace

IntakeService::IntakeService(store::Database& db, a::Clock clock, std::string audit_key)
    : db_(db), clock_(clock), log_(db.audit(), std::move(clock), std::move(audit_key)) {}

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
    PASSEND_RETURN_IF_ERROR(ForgetAccounts(db_.accounts(), client_id, r));
    PASSEND_RETURN_IF_ERROR(EndConsents(db_.consents(), by, client_id, now, r));
    PASSEND_RETURN_IF_ERROR(db_.audit().RedactReasons(client_id));
    PASSEND_ASSIGN_OR_RETURN(auto kept, WholeLog(db_.audit(), client_id));
    r.audit_entries_kept = static_cast<int64_t>(kept.size());
    auto entry = log_.Record(a::EventFor(by, client_id, "client", "erase", reason));
    if (!entry.ok()) return entry.error();
    return Ok();
  }));
  return r;
}

}  // namespace passend::intake
