#include "cli/operator.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

#include "access/audit.h"

namespace passend::cli {

void AddOperatorOptions(CLI::App* cmd, OperatorOptions& o) {
  cmd->add_option("--as", o.as,
                  "Uw account (e-mailadres of id) voor het toegangslog; zonder: de "
                  "systeemgebruiker van deze computer");
  cmd->add_option("--reason", o.reason,
                  "Waarom u deze persoonsgegevens inziet of wijzigt (komt in het toegangslog); "
                  "verplicht");
}

Status RequireReason(const OperatorOptions& o, std::string_view what) {
  if (!o.reason.empty()) return Ok();
  return InvalidArgument("Geef met --reason op waarom u " + std::string(what) +
                             ": dat komt in het toegangslog (bijvoorbeeld het kenmerk van het "
                             "verzoek).",
                         "reason");
}

std::string OperatingSystemUser() {
  if (const passwd* pw = ::getpwuid(::geteuid()); pw != nullptr && pw->pw_name != nullptr)
    return pw->pw_name;
  if (const char* user = std::getenv("USER"); user != nullptr && *user != '\0') return user;
  return "uid" + std::to_string(::geteuid());
}

Result<access::Principal> Operator(Modules& m, const OperatorOptions& o) {
  const std::string os_user = OperatingSystemUser();
  access::Principal p;
  if (o.as.empty()) {
    p.user_id = "systeem:" + os_user;
    p.display_name = "Systeemgebruiker " + os_user + " (opdrachtregel)";
    p.role = access::Role::kAdmin;
  } else {
    access::AccountStore& accounts = m.access().identity.accounts();
    auto user = accounts.FindUserByEmail(o.as);
    if (!user.ok() && user.error().code() == ErrorCode::kNotFound) user = accounts.GetUser(o.as);
    if (!user.ok() && user.error().code() == ErrorCode::kNotFound)
      return InvalidArgument("--as: er is geen account '" + o.as + "'.", "as");
    if (!user.ok()) return user.error();
    auto who = m.access().identity.users().PrincipalFor(*user);
    if (!who.ok() && who.error().code() == ErrorCode::kUnauthenticated)
      return InvalidArgument("--as: het account '" + o.as + "' is geblokkeerd.", "as");
    if (!who.ok()) return who.error();
    p = std::move(who).value();
  }
  p.source = "opdrachtregel";
  p.credential = "os:" + os_user;
  return p;
}

Result<std::unique_ptr<Modules>> OpenKeyed(const OpenModules& open, const std::string& db,
                                           const std::string& audit_key_file,
                                           ModuleOptions options) {
  if (!audit_key_file.empty()) {
    PASSEND_ASSIGN_OR_RETURN(options.audit_key, ReadAuditKey(audit_key_file));
  }
  return open(db, options);
}

Status LogClients(Modules& m, const access::Principal& who,
                  const std::vector<std::string>& client_ids, const std::string& resource,
                  const std::string& action, const std::string& reason) {
  std::vector<access::AuditEvent> events;
  events.reserve(client_ids.size());
  for (const std::string& id : client_ids)
    events.push_back(access::EventFor(who, id, resource, action, reason));
  return m.access().audit.RecordAll(events);
}

}  // namespace passend::cli
