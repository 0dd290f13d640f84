#pragma once
// Demo accounts for `make demo`: one organisation per kind and one user for every role,
// bound to real records of the generated region (provider staff to the first provider, a
// client user to a client, a representative to another client, care-office staff to the
// region of that client), with consent forms so each role has something to see: the client
// supporter (MEE) a caseload of thirty clients of the region, the neighbourhood team ten of
// the client's municipality.
// The passwords are fixed and printed: for demonstration databases only.
#include <string>
#include <vector>

#include "access/access_store.h"
#include "access/password.h"
#include "access/principal.h"
#include "access/timestamp.h"
#include "catalog/catalog_store.h"
#include "domain/reference.h"
#include "intake/client_store.h"

namespace passend::access {

struct DemoLogin {
  Role role;
  std::string email;
  std::string password;
  std::string user_id;
  std::string bound_to;  // "aanbieder prv-..", "cliënt cli-..", "regio 5531", ...
  bool existed = false;  // made by an earlier run; left as it was
};

// kFailedPrecondition when the database has no providers or fewer than two clients
// (run `passend generate` first).
Result<std::vector<DemoLogin>> CreateDemoAccounts(catalog::CatalogStore& catalog,
                                                  intake::ClientStore& clients,
                                                  const domain::ReferenceData& ref,
                                                  AccessStores stores, Clock clock,
                                                  HashCost cost = HashCost::kInteractive);

}  // namespace passend::access
