#pragma once
// The operator of the command line: who the access log records for commands that read or
// change a client's personal data ("cli:<user>"), and the modules opened with the log's key.
#include <memory>
#include <string>

#include "access/principal.h"
#include "cli/command.h"

namespace passend::cli {

access::Principal Operator();

// The modules over `db`, the access log keyed when `audit_key_file` names the key file
// (ReadAuditKey's errors otherwise).
Result<std::unique_ptr<Modules>> OpenKeyed(const OpenModules& open, const std::string& db,
                                           const std::string& audit_key_file);

}  // namespace passend::cli
