#pragma once
// ConsentRegistry: giving, withdrawing and checking consent forms. Whether the caller may
// act for the client is the permission matrix's job (consent.create / consent.withdraw);
// this checks the form itself. Thread-safe (state lives in the store).
#include <optional>
#include <string>
#include <vector>

#include "access/access_store.h"
#include "access/consent.h"
#include "access/principal.h"
#include "access/timestamp.h"

namespace passend::access {

struct NewConsent {
  std::string client_id;
  std::vector<std::string> organisation_ids;  // one or more, each an existing organisation
  Purpose purpose = Purpose::kCareDelivery;
  std::optional<Time> valid_until;  // in the future when set
};

class ConsentRegistry {
 public:
  ConsentRegistry(ConsentStore& consents, AccountStore& accounts, Clock clock)
      : consents_(consents), accounts_(accounts), clock_(std::move(clock)) {}

  // kInvalidArgument (field "organisation_ids", "valid_until") for a bad form.
  Result<ConsentForm> Give(const Principal& by, const NewConsent& form);
  // kNotFound when the form is not this client's; kFailedPrecondition when already
  // withdrawn.
  Result<ConsentForm> Withdraw(const Principal& by, const std::string& client_id,
                               const std::string& consent_id);
  Result<std::vector<ConsentForm>> ForClient(const std::string& client_id);
  // The grants valid now, for the permission check (Scope::consents).
  Result<std::vector<ConsentGrant>> ValidGrantsFor(const std::string& client_id);
  // Whether `organisation_id` has valid consent for `client_id` now (for `purpose`, or
  // for any purpose when unset).
  Result<bool> IsConsentValid(const std::string& client_id, const std::string& organisation_id,
                              std::optional<Purpose> purpose = std::nullopt);

 private:
  ConsentStore& consents_;
  AccountStore& accounts_;
  Clock clock_;
};

}  // namespace passend::access
