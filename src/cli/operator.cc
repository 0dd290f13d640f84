#include "cli/operator.h"

#include <cstdlib>

namespace passend::cli {

access::Principal Operator() {
  access::Principal p;
  const char* user = std::getenv("USER");
  p.user_id = std::string("cli:") + (user ? user : "onbekend");
  p.display_name = "Beheerder (opdrachtregel)";
  p.role = access::Role::kAdmin;
  return p;
}

Result<std::unique_ptr<Modules>> OpenKeyed(const OpenModules& open, const std::string& db,
                                           const std::string& audit_key_file) {
  ModuleOptions m;
  if (!audit_key_file.empty()) {
    PASSEND_ASSIGN_OR_RETURN(m.audit_key, ReadAuditKey(audit_key_file));
  }
  return open(db, m);
}

}  // namespace passend::cli
