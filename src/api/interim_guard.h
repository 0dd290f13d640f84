#pragma once
// AccessLayerMissingGuard: the Guard `passend serve` uses until the access layer provides
// the real one. It admits nobody: every non-public route answers 503 unavailable
// ("toegangscontrole is nog niet beschikbaar"), so no catalogue or client data leaves the
// server without authentication. Public routes (health, OpenAPI, reference data) work.
// Stateless; safe from any thread. Delete it when access/ ships its Guard.
#include "api/route.h"

namespace passend::api {

class AccessLayerMissingGuard : public Guard {
 public:
  Result<std::shared_ptr<const access::Principal>> Admit(const Route& route,
                                                         const ApiRequest& request) override;
};

}  // namespace passend::api
