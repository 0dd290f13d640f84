#pragma once
// intake::ClientStore on PostgreSQL (tables clients, client_wishes, client_needs,
// client_places). Thread-safety as PostgresDatabase.
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

 private:
  PostgresDatabase& db_;
};

}  // namespace passend::store::postgres
