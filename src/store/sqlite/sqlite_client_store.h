#pragma once
// intake::ClientStore on SQLite (tables clients, client_wishes, client_needs,
// client_places). Thread-safety as SqliteDatabase.
#include "intake/client_store.h"

namespace passend::store::sqlite {

class SqliteDatabase;

class SqliteClientStore : public intake::ClientStore {
 public:
  explicit SqliteClientStore(SqliteDatabase& db) : db_(db) {}

  Result<domain::Client> GetClient(const std::string& id) override;
  Result<std::string> MunicipalityOf(const std::string& id) override;
  Result<Page<domain::Client>> ListClients(const intake::ClientFilter& filter,
                                           const PageRequest& page) override;
  Status PutClient(const domain::Client& c) override;
  Status ForEachClient(const intake::ClientFilter& filter,
                       const std::function<Status(const domain::Client&)>& fn) override;
  Result<int64_t> CountClients(const intake::ClientFilter& filter) override;

 private:
  SqliteDatabase& db_;
};

}  // namespace passend::store::sqlite
