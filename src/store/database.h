#pragma once
// Database: the one storage seam. A backend (store/sqlite today, store/postgres later)
// implements every module's store interface and hands them out here; modules see only
// those interfaces, never SQL. Safe for concurrent use by many threads.
#include <functional>
#include <memory>
#include <string>

#include "access/access_store.h"
#include "catalog/catalog_store.h"
#include "domain/error.h"
#include "intake/client_store.h"

namespace passend::store {

class Database {
 public:
  virtual ~Database() = default;

  virtual catalog::CatalogStore& catalog() = 0;
  virtual intake::ClientStore& clients() = 0;
  virtual access::AccountStore& accounts() = 0;
  virtual access::ConsentStore& consents() = 0;
  virtual access::AuditStore& audit() = 0;

  // Runs `fn` in one transaction on the calling thread: every store write `fn` makes
  // commits together when it returns Ok, and none does when it returns an error (which
  // is passed on) or throws. Transactions do not nest.
  virtual Status InTransaction(const std::function<Status()>& fn) = 0;

  // The schema version the database is at (the number of the last migration applied).
  virtual Result<int> SchemaVersion() = 0;
};

}  // namespace passend::store
