#include "access/client_erasure.h"

#include <algorithm>

namespace passend::access {

namespace {

Status ForgetAccounts(AccountStore& accounts, const std::string& client_id, ErasureReport& r) {
  PASSEND_ASSIGN_OR_RETURN(std::vector<User> users, accounts.UsersForClient(client_id));
  for (User u : users) {
    std::erase(u.client_ids, client_id);
    if (u.role == Role::kClient) {
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

Status EndConsents(ConsentStore& consents, const Principal& by, const std::string& client_id,
                   Time now, ErasureReport& r) {
  PASSEND_ASSIGN_OR_RETURN(std::vector<ConsentForm> forms, consents.ConsentsForClient(client_id));
  r.consents_kept = static_cast<int>(forms.size());
  for (ConsentForm f : forms) {
    if (!f.IsValidAt(now)) continue;
    f.withdrawn_at = now;
    f.withdrawn_by = by.user_id;
    ++r.consents_withdrawn;
    PASSEND_RETURN_IF_ERROR(consents.PutConsent(f));
  }
  return Ok();
}

Result<int64_t> CountEntries(AuditStore& audit, const std::string& client_id) {
  int64_t n = 0, before = 0;
  while (true) {
    PASSEND_ASSIGN_OR_RETURN(std::vector<AuditEntry> page,
                             audit.AuditForClient(client_id, before, 500));
    n += static_cast<int64_t>(page.size());
    if (page.size() < 500) return n;
    before = page.back().seq;
  }
}

}  // namespace

Result<ErasureReport> EraseClient(intake::ClientStore& clients, AccessStores stores, AuditLog& log,
                                  const Transaction& transaction, const Principal& by,
                                  const std::string& client_id, const std::string& reason,
                                  Time now) {
  if (reason.size() < 5 || reason.size() > 500)
    return InvalidArgument("Geef een reden voor het wissen (5 tot 500 tekens).", "reason");
  ErasureReport r;
  r.client_id = client_id;
  PASSEND_RETURN_IF_ERROR(transaction([&]() -> Status {
    PASSEND_ASSIGN_OR_RETURN(domain::Client old, clients.GetClient(client_id));
    if (old.name == kErasedName) return FailedPrecondition("Deze cliënt is al gewist.");
    domain::Client tombstone;
    tombstone.id = old.id;
    tombstone.name = std::string(kErasedName);
    PASSEND_RETURN_IF_ERROR(clients.PutClient(tombstone));
    PASSEND_RETURN_IF_ERROR(ForgetAccounts(stores.accounts, client_id, r));
    PASSEND_RETURN_IF_ERROR(EndConsents(stores.consents, by, client_id, now, r));
    PASSEND_RETURN_IF_ERROR(stores.audit.RedactReasons(client_id));
    PASSEND_ASSIGN_OR_RETURN(r.audit_entries_kept, CountEntries(stores.audit, client_id));
    auto entry = log.Record(EventFor(by, client_id, "client", "erase", reason));
    if (!entry.ok()) return entry.error();
    return Ok();
  }));
  return r;
}

}  // namespace passend::access
