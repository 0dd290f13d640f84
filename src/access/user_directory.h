#pragma once
// UserDirectory: creating and changing users with their organisation, and turning a
// user into the Principal the permission check works with. Rules: a role fits its
// organisation (provider staff at a provider organisation bound to a catalogue provider,
// care-office staff at a care office with a region); clients and representatives have no
// organisation but are bound to clients. Thread-safe (state lives in the store).
#include <string>
#include <vector>

#include "access/access_store.h"
#include "access/password.h"
#include "access/principal.h"
#include "access/timestamp.h"

namespace passend::access {

struct NewUser {
  std::string email;
  std::string display_name;
  Role role = Role::kClient;
  std::string organisation_id;
  std::vector<std::string> client_ids;
  std::string password;  // checked by CheckPasswordStrength; empty: no password login
};

// The error of an e-mail address another user has (kAlreadyExists, field "email").
Error EmailTaken();

class UserDirectory {
 public:
  UserDirectory(AccountStore& store, Clock clock, HashCost cost = HashCost::kInteractive)
      : store_(store), clock_(std::move(clock)), cost_(cost) {}

  // kInvalidArgument with the field at fault; kAlreadyExists (EmailTaken) for a taken
  // e-mail address.
  Result<User> Add(const NewUser& u);
  // Add's checks on their own: nothing hashed, looked up or written (a form's answer).
  Status Check(const NewUser& u);
  // The user Add would write, with a new id and the password hashed, but not written and
  // the e-mail address not looked up: for a use case that writes the user in a
  // transaction of its own (intake's registration) and checks the address there.
  Result<User> Prepare(const NewUser& u);
  // Organisation with a fitting kind; kInvalidArgument for a missing name or binding.
  Result<Organisation> AddOrganisation(Organisation o);
  // Blocking a user ends every session and API token of the account (EndAccess), so
  // unblocking it later does not bring them back.
  Status SetActive(const std::string& user_id, bool active);
  // A new password ends every session and API token of the account except the session
  // `keep_session_id` (the user's own, changing their own password).
  Status SetPassword(const std::string& user_id, const std::string& password,
                     const std::string& keep_session_id = {});
  // Ends the sessions (but `keep_session_id`) and revokes the live API tokens of a user:
  // after a change of password, role or status nothing issued before it works.
  Status EndAccess(const std::string& user_id, const std::string& keep_session_id = {});

  // The principal of an active user. kUnauthenticated for a blocked user.
  Result<Principal> PrincipalFor(const User& user);

 private:
  Result<User> Validated(const NewUser& u);

  AccountStore& store_;
  Clock clock_;
  HashCost cost_;
};

}  // namespace passend::access
