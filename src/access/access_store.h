#pragma once
// The storage the access layer needs, in three small interfaces (accounts, consents,
// the access log), implemented by each backend and handed out by store::Database.
// Writes made inside store::Database::InTransaction join that transaction. Errors:
// kNotFound for an unknown id, kAlreadyExists for a taken e-mail address or audit seq,
// kUnavailable when the database cannot be reached, kInternal otherwise.
// Implementations are safe for concurrent use.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "access/account.h"
#include "access/audit_entry.h"
#include "access/consent.h"
#include "domain/error.h"
#include "store/page.h"

namespace passend::access {

// Organisations, users, sessions, API tokens and login attempts.
class AccountStore {
 public:
  virtual ~AccountStore() = default;

  virtual Status PutOrganisation(const Organisation& o) = 0;  // insert or replace
  virtual Result<Organisation> GetOrganisation(const std::string& id) = 0;
  virtual Result<std::vector<Organisation>> ListOrganisations() = 0;  // ordered by name

  // Insert or replace by id; kAlreadyExists when another user has the e-mail address.
  virtual Status PutUser(const User& u) = 0;
  virtual Result<User> GetUser(const std::string& id) = 0;
  virtual Result<User> FindUserByEmail(const std::string& email) = 0;
  virtual Result<store::Page<User>> ListUsers(const store::PageRequest& page) = 0;
  // Users bound to `client_id` (the client themself and their representatives).
  virtual Result<std::vector<User>> UsersForClient(const std::string& client_id) = 0;

  virtual Status PutSession(const Session& s) = 0;  // insert or replace by id
  virtual Result<Session> FindSession(const std::string& secret_hash) = 0;
  virtual Status DeleteSession(const std::string& id) = 0;  // ok when already gone
  // Ends every session of `user_id` except `keep_id` ("": all of them).
  virtual Status DeleteSessionsOfUser(const std::string& user_id, const std::string& keep_id) = 0;

  virtual Status PutApiToken(const ApiToken& t) = 0;  // insert or replace by id
  virtual Result<ApiToken> FindApiToken(const std::string& secret_hash) = 0;
  virtual Result<std::vector<ApiToken>> ListApiTokens() = 0;

  // Login attempts per key ("account:ann@example.nl", "ip:10.0.0.1").
  virtual Status RecordLoginAttempt(const std::string& key, Time at, bool success) = 0;
  // Failed attempts for `key` at or after `since` and after the last success.
  virtual Result<int> CountRecentFailures(const std::string& key, Time since) = 0;
  // Forgets every attempt under `key`, compared without regard to ASCII case (an e-mail
  // address typed in capitals is the same account): for an erasure.
  virtual Status DeleteLoginAttempts(const std::string& key) = 0;
};

// Every key under which the login and the registration throttle (login_throttle.h) count
// attempts on one e-mail address ("account:<email>", "registratie:account:<email>"): an
// erasure forgets them all (DeleteLoginAttempts on each).
std::vector<std::string> AccountThrottleKeys(const std::string& email);

// Consent forms.
class ConsentStore {
 public:
  virtual ~ConsentStore() = default;
  virtual Status PutConsent(const ConsentForm& c) = 0;  // insert or replace by id
  virtual Result<ConsentForm> GetConsent(const std::string& id) = 0;
  // All forms of one client, oldest first, withdrawn and expired ones included.
  virtual Result<std::vector<ConsentForm>> ConsentsForClient(const std::string& client_id) = 0;
  // Every form naming `organisation_id`, withdrawn and expired ones included.
  virtual Result<std::vector<ConsentForm>> ConsentsForOrganisation(
      const std::string& organisation_id) = 0;
};

// The append-only access log. No method edits an entry, except RedactReasons, which
// the erasure of a client uses to remove free text (the chain covers only its digest).
class AuditStore {
 public:
  virtual ~AuditStore() = default;
  // Appends `count` entries in one atomic step: entry i is `make(i, prev)`, prev being the
  // entry before it (the newest stored one for i = 0, nullopt for an empty log). The read
  // and the inserts are one transaction, so concurrent writers (threads or processes)
  // never fork the chain, and many entries share one commit (AuditLog groups the entries
  // of concurrent requests). kAlreadyExists when `make` returns a seq that is taken.
  using ChainedEntries = std::function<AuditEntry(size_t i, const std::optional<AuditEntry>& prev)>;
  virtual Result<std::vector<AuditEntry>> AppendAudits(size_t count,
                                                       const ChainedEntries& make) = 0;
  // Whether the calling thread has a write transaction of the store's database open: an
  // entry appended now commits or rolls back with it (an erasure logs itself that way),
  // so AuditLog writes it at once instead of handing it to another thread's commit.
  virtual bool InOpenTransaction() const = 0;
  // One entry, built from the newest (nullopt for an empty log).
  using ChainedEntry = std::function<AuditEntry(const std::optional<AuditEntry>& last)>;
  Result<AuditEntry> AppendAudit(const ChainedEntry& make) {
    Result<std::vector<AuditEntry>> one =
        AppendAudits(1, [&](size_t, const std::optional<AuditEntry>& last) { return make(last); });
    if (!one.ok()) return one.error();
    return std::move(one->front());
  }
  virtual Result<std::optional<AuditEntry>> LastAudit() = 0;
  // Entries about one client, newest first, `limit` at most, older than `before_seq`
  // (0: from the newest).
  virtual Result<std::vector<AuditEntry>> AuditForClient(const std::string& client_id,
                                                         int64_t before_seq, int limit) = 0;
  // Every entry in seq order; stops at and returns the first error `fn` returns.
  virtual Status ForEachAudit(const std::function<Status(const AuditEntry&)>& fn) = 0;
  // Empties the reason text of every entry about `client_id` and marks them redacted.
  virtual Status RedactReasons(const std::string& client_id) = 0;
};

// The three, borrowed together (one backend object usually implements all of them).
struct AccessStores {
  AccountStore& accounts;
  ConsentStore& consents;
  AuditStore& audit;
};

}  // namespace passend::access
