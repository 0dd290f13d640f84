#pragma once
// The access layer's stores on PostgreSQL (migration 0002_access.sql): accounts, consents
// and the append-only access log. Thread-safety as PostgresDatabase.
#include "access/access_store.h"
#include "store/page.h"

namespace passend::store::postgres {

class PostgresDatabase;

class PostgresAccessStore : public access::AccountStore,
                            public access::ConsentStore,
                            public access::AuditStore {
 public:
  explicit PostgresAccessStore(PostgresDatabase& db) : db_(db) {}

  // AccountStore
  Status PutOrganisation(const access::Organisation& o) override;
  Result<access::Organisation> GetOrganisation(const std::string& id) override;
  Result<std::vector<access::Organisation>> ListOrganisations() override;
  Status PutUser(const access::User& u) override;
  Result<access::User> GetUser(const std::string& id) override;
  Result<access::User> FindUserByEmail(const std::string& email) override;
  Result<Page<access::User>> ListUsers(const PageRequest& page) override;
  Result<std::vector<access::User>> UsersForClient(const std::string& client_id) override;
  Status PutSession(const access::Session& s) override;
  Result<access::Session> FindSession(const std::string& secret_hash) override;
  Status DeleteSession(const std::string& id) override;
  Status DeleteSessionsOfUser(const std::string& user_id, const std::string& keep_id) override;
  Status PutApiToken(const access::ApiToken& t) override;
  Result<access::ApiToken> FindApiToken(const std::string& secret_hash) override;
  Result<std::vector<access::ApiToken>> ListApiTokens() override;
  Status RecordLoginAttempt(const std::string& key, access::Time at, bool success) override;
  Result<int> CountRecentFailures(const std::string& key, access::Time since) override;
  Status DeleteLoginAttempts(const std::string& key) override;

  // ConsentStore
  Status PutConsent(const access::ConsentForm& c) override;
  Result<access::ConsentForm> GetConsent(const std::string& id) override;
  Result<std::vector<access::ConsentForm>> ConsentsForClient(const std::string& client_id) override;
  Result<std::vector<access::ConsentForm>> ConsentsForOrganisation(
      const std::string& organisation_id) override;

  // AuditStore
  Result<std::vector<access::AuditEntry>> AppendAudits(size_t count,
                                                       const ChainedEntries& make) override;
  bool InOpenTransaction() const override;
  Result<std::optional<access::AuditEntry>> LastAudit() override;
  Result<std::vector<access::AuditEntry>> AuditForClient(const std::string& client_id,
                                                         int64_t before_seq, int limit) override;
  Status ForEachAudit(const std::function<Status(const access::AuditEntry&)>& fn) override;
  Status RedactReasons(const std::string& client_id) override;

 private:
  PostgresDatabase& db_;
};

}  // namespace passend::store::postgres
