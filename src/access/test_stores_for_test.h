#pragma once
// The access stores of a private in-memory database, for this module's unit tests: the
// real backend (store::OpenDatabase(":memory:")), so the tests run on the same contract
// as production, foreign keys included. Not thread-safe to construct; the stores are.
#include <memory>

#include "access/access_store.h"
#include "store/open_database.h"

namespace passend::access {

class TestStores {
 public:
  TestStores() : db_(std::move(store::OpenDatabase(":memory:")).value()) {}
  AccountStore& accounts() { return db_->accounts(); }
  ConsentStore& consents() { return db_->consents(); }
  AuditStore& audit() { return db_->audit(); }

 private:
  std::unique_ptr<store::Database> db_;
};

}  // namespace passend::access
