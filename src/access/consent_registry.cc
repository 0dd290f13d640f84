#include "access/consent_registry.h"

#include <algorithm>

#include "access/secret.h"

namespace passend::access {

Result<ConsentForm> ConsentRegistry::Give(const Principal& by, const NewConsent& in) {
  if (in.client_id.empty()) return InvalidArgument("Geen cliënt opgegeven.", "client_id");
  if (in.organisation_ids.empty())
    return InvalidArgument("Kies minstens één organisatie.", "organisation_ids");
  const Time now = clock_();
  if (in.valid_until && *in.valid_until <= now)
    return InvalidArgument("De einddatum ligt in het verleden.", "valid_until");
  ConsentForm f;
  for (size_t i = 0; i < in.organisation_ids.size(); ++i) {
    const std::string& org_id = in.organisation_ids[i];
    const std::string field = "organisation_ids[" + std::to_string(i) + "]";
    if (std::find(f.organisation_ids.begin(), f.organisation_ids.end(), org_id) !=
        f.organisation_ids.end())
      return InvalidArgument("Deze organisatie staat er twee keer in.", field);
    auto org = accounts_.GetOrganisation(org_id);
    if (!org.ok()) {
      if (org.error().code() == ErrorCode::kNotFound)
        return InvalidArgument("Organisatie " + org_id + " bestaat niet.", field);
      return org.error();
    }
    f.organisation_ids.push_back(org_id);
  }
  f.id = NewId("cns");
  f.client_id = in.client_id;
  f.purpose = in.purpose;
  f.granted_at = now;
  f.granted_by = by.user_id;
  f.valid_until = in.valid_until;
  PASSEND_RETURN_IF_ERROR(consents_.PutConsent(f));
  return f;
}

Result<ConsentForm> ConsentRegistry::Withdraw(const Principal& by, const std::string& client_id,
                                              const std::string& consent_id) {
  auto found = consents_.GetConsent(consent_id);
  if (!found.ok() || found->client_id != client_id) {
    if (!found.ok() && found.error().code() != ErrorCode::kNotFound) return found.error();
    return NotFound("Toestemming " + consent_id + " bestaat niet.", "consent_id");
  }
  ConsentForm f = std::move(found).value();
  if (f.withdrawn_at) return FailedPrecondition("Deze toestemming is al ingetrokken.");
  f.withdrawn_at = clock_();
  f.withdrawn_by = by.user_id;
  PASSEND_RETURN_IF_ERROR(consents_.PutConsent(f));
  return f;
}

Result<std::vector<ConsentForm>> ConsentRegistry::ForClient(const std::string& client_id) {
  return consents_.ConsentsForClient(client_id);
}

Result<std::vector<ConsentGrant>> ConsentRegistry::ValidGrantsFor(const std::string& client_id) {
  PASSEND_ASSIGN_OR_RETURN(std::vector<ConsentForm> forms, consents_.ConsentsForClient(client_id));
  return ValidGrants(forms, clock_());
}

Result<bool> ConsentRegistry::IsConsentValid(const std::string& client_id,
                                             const std::string& organisation_id,
                                             std::optional<Purpose> purpose) {
  PASSEND_ASSIGN_OR_RETURN(std::vector<ConsentGrant> grants, ValidGrantsFor(client_id));
  return std::any_of(grants.begin(), grants.end(), [&](const ConsentGrant& g) {
    return g.organisation_id == organisation_id && (!purpose || g.purpose == *purpose);
  });
}

}  // namespace passend::access
