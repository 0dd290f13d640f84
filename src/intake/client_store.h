#pragma once
// ClientStore: the storage for clients with their wishes, needs and places.
// Same transaction, error and thread-safety contract as catalog::CatalogStore.
#include <functional>
#include <string>
#include <vector>

#include "domain/client.h"
#include "domain/error.h"
#include "store/page.h"

namespace passend::intake {

struct ClientFilter {
  std::vector<std::string> municipality_codes;  // living in any of these; empty: all
};

class ClientStore {
 public:
  virtual ~ClientStore() = default;

  virtual Result<domain::Client> GetClient(const std::string& id) = 0;
  // Where the client lives (the municipality code), without loading the dossier: enough
  // for the access check that runs before every request about one client. kNotFound when
  // there is no such client.
  virtual Result<std::string> MunicipalityOf(const std::string& id) = 0;
  virtual Result<store::Page<domain::Client>> ListClients(const ClientFilter& filter,
                                                          const store::PageRequest& page) = 0;
  // Inserts or replaces the client with that id, with all its wishes, needs and places.
  virtual Status PutClient(const domain::Client& c) = 0;
  // Calls `fn` for every matching client in id order without holding them all in memory;
  // stops at and returns the first error `fn` returns.
  virtual Status ForEachClient(const ClientFilter& filter,
                               const std::function<Status(const domain::Client&)>& fn) = 0;
  virtual Result<int64_t> CountClients(const ClientFilter& filter) = 0;
};

}  // namespace passend::intake
