#include "access/authenticator.h"

#include <cctype>

#include "access/password.h"

namespace passend::access {

std::string NormaliseEmail(std::string_view email) {
  while (!email.empty() && std::isspace(static_cast<unsigned char>(email.front())))
    email.remove_prefix(1);
  while (!email.empty() && std::isspace(static_cast<unsigned char>(email.back())))
    email.remove_suffix(1);
  std::string out(email);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Result<User> PasswordAuthenticator::Authenticate(const LoginRequest& request) {
  const std::string email = NormaliseEmail(request.email);
  if (email.empty()) return InvalidArgument("Vul uw e-mailadres in.", "email");
  if (request.password.empty()) return InvalidArgument("Vul uw wachtwoord in.", "password");
  PASSEND_RETURN_IF_ERROR(throttle_.Begin(email, request.remote_addr));
  const Error refused = Unauthenticated("E-mailadres of wachtwoord klopt niet.");
  auto user = store_.FindUserByEmail(email);
  if (!user.ok() && user.error().code() != ErrorCode::kNotFound) {
    (void)throttle_.Finish(email, request.remote_addr, false);  // the attempt ends here
    return user.error();
  }
  // Hash even for an unknown account, so timing does not tell which accounts exist.
  static const std::string kDummyHash = [] {
    auto h = HashPassword("passend-dummy-wachtwoord", HashCost::kInteractive);
    return h.ok() ? h.value() : std::string();
  }();
  const bool known = user.ok() && user->active && !user->password_hash.empty();
  const bool match = VerifyPassword(request.password, known ? user->password_hash : kDummyHash);
  PASSEND_RETURN_IF_ERROR(throttle_.Finish(email, request.remote_addr, known && match));
  if (!known || !match) return refused;
  return std::move(user).value();
}

}  // namespace passend::access
