#pragma once
// intake::ClientStore on PostgreSQL (tables clients, client_wishes, client_needs,
// client_places; the versions in client_versions and client_version_*). Thread-safety as
// PostgresDatabase.
#include "intake/client_store.h"

namespace passend::store::postgres {

class PostgresDatabase;

class PostgresClientStore : public intake::ClientStore {
 public:
  explicit PostgresClientStore(PostgresDatabase& db) : db_(db) {}

  Result<domain::Client> GetClient(const std::string& id) override;
  Result<std::string> MunicipalityOf(const std::string& id) override;
  Result<Page<domain::Client>> ListClients(const intake::ClientFilter& filter,
                                           const PageRequest& page) override;
  Status PutClient(const domain::Client& c) override;
  Status ForEachClient(const intake::ClientFilter& filter,
                       const std::function<Status(const domain::Client&)>& fn) override;
  Result<int64_t> CountClients(const intake::ClientFilter& filter) override;
  Status RecordVersion(const intake::ClientVersionInfo& info) override;
  Result<int> LatestVersion(const std::string& client_id) override;
  Result<std::vector<intake::ClientVersionInfo>> ListVersions(
      const std::string& client_id) override;
  Result<intake::ClientVersion> GetVersion(const std::string& client_id, int version) override;
  Status DeleteVersions(const std::string& client_id) override;

 private:
  PostgresDatabase& db_;
};

}  // namespace passend::store::postgres
