#pragma once
// The operator of the command line: who the access log records for commands that read or
// change a client's personal data, and why (issue 23.11). With `--as USER` the entry names
// that account (checked against the accounts: it must exist and be active); without it the
// operating-system user as a named system actor, "systeem:<name>". Every such command takes
// `--reason`, required when personal data is read or written. Also the modules opened with
// the log's key.
#include <memory>
#include <string>
#include <string_view>

#include "access/principal.h"
#include "cli/command.h"

namespace passend::cli {

// What `--as` and `--reason` set.
struct OperatorOptions {
  std::string as;  // e-mail address or id of an account; empty: the operating-system user
  std::string reason;
};

// Adds `--as` and `--reason` to a command that reads or writes personal data. The reason is
// checked when the command runs (RequireReason), so a command without personal data to show
// (an import of offers only) needs none.
void AddOperatorOptions(CLI::App* cmd, OperatorOptions& o);

// kInvalidArgument (exit 2, field "reason") when no reason was given; `what` says, in
// Dutch, what the command reads or writes ("het dossier lezen").
Status RequireReason(const OperatorOptions& o, std::string_view what);

// The operating-system user running this process ("beheer"), as the system actor names it.
std::string OperatingSystemUser();

// Who the access log names: the account of `--as` (kInvalidArgument, field "as", when it
// does not exist or is blocked), or "systeem:<os user>" as an administrator. Source
// "opdrachtregel", credential "os:<os user>": which login on the machine ran it.
Result<access::Principal> Operator(Modules& m, const OperatorOptions& o);

// The modules over `db`, the access log keyed when `audit_key_file` names the key file
// (ReadAuditKey's errors otherwise).
Result<std::unique_ptr<Modules>> OpenKeyed(const OpenModules& open, const std::string& db,
                                           const std::string& audit_key_file,
                                           ModuleOptions options = {});

// Writes one entry per client in `client_ids` (resource, action, the reason) as `who`,
// in as few commits as the log allows (a whole export: every dossier).
Status LogClients(Modules& m, const access::Principal& who,
                  const std::vector<std::string>& client_ids, const std::string& resource,
                  const std::string& action, const std::string& reason);

}  // namespace passend::cli
