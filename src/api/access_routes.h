#pragma once
// The endpoints of the access layer (permission keys in brackets):
//   POST   /api/v1/auth/login                       (public) e-mail + password -> session cookie
//   POST   /api/v1/auth/logout                      (auth.session)
//   GET    /api/v1/auth/me                          (auth.session) who am I, CSRF token
//   GET    /api/v1/organisations                    (organisation.list)
//   POST   /api/v1/organisations                    (organisation.create)
//   GET    /api/v1/users                            (user.list)
//   POST   /api/v1/users                            (user.create)
//   PATCH  /api/v1/users/{id}                       (user.update) block/unblock, password
//   GET    /api/v1/api-tokens                       (apitoken.list)
//   POST   /api/v1/api-tokens                       (apitoken.create) secret shown once
//   DELETE /api/v1/api-tokens/{id}                  (apitoken.revoke)
//   GET    /api/v1/audit/verify                     (audit.verify)
//   GET    /api/v1/clients/{id}/consents            (consent.list)
//   POST   /api/v1/clients/{id}/consents            (consent.create)
//   DELETE /api/v1/clients/{id}/consents/{consent}  (consent.withdraw)
//   GET    /api/v1/clients/{id}/access-log          (audit.read) who looked at my data
//   GET    /api/v1/clients/{id}/export              (client.export) AVG: everything, as JSON
//   POST   /api/v1/clients/{id}/erase               (client.erase) AVG: erasure
//   POST   /api/v1/registraties                     (public) self-service: account + dossier,
//                                                   logged in (registration_routes.cc)
// Each route declares its subject (api/route.h): the /clients/{id}/... routes are about
// that client, the rest about no single record. Handlers keep references to `access` and
// `intake` (the AVG export and erasure), which must outlive the server.
#include "access/access_service.h"
#include "api/route.h"
#include "intake/intake_service.h"

namespace passend::api {

void AddAccessRoutes(Router& router, access::AccessService& access, intake::IntakeService& intake);
// POST /api/v1/registraties: what a person told the anonymous search saved as their
// dossier with a new account, all or nothing, and that account logged in (throttled per
// address and e-mail address). `ref` checks the answers as the anonymous search does.
void AddRegistrationRoutes(Router& router, access::AccessService& access,
                           intake::IntakeService& intake, const domain::ReferenceData& ref);

}  // namespace passend::api
