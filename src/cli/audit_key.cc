// The key of the access log (access/audit.h) as the command line reads and makes it: a
// file outside the database holding at least 32 bytes of secret, one line (what
// `passend audit keygen` writes: 64 hex characters). Others may not read it.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "access/audit.h"
#include "cli/command.h"

namespace passend::cli {

Result<std::string> ReadAuditKey(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    return InvalidArgument("Kan het sleutelbestand " + path + " niet lezen.", "audit-key");
  if ((st.st_mode & (S_IROTH | S_IWOTH | S_IWGRP)) != 0)
    return InvalidArgument("Het sleutelbestand " + path +
                               " is door anderen te lezen of te wijzigen; zet het op "
                               "'chmod 600'.",
                           "audit-key");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  std::string key = text.str();
  while (!key.empty() && (key.back() == '\n' || key.back() == '\r' || key.back() == ' '))
    key.pop_back();
  if (!in || key.size() < access::kMinAuditKeyBytes)
    return InvalidArgument("Het sleutelbestand " + path + " bevat geen sleutel van minstens " +
                               std::to_string(access::kMinAuditKeyBytes) +
                               " tekens (maak er een met 'passend audit keygen').",
                           "audit-key");
  return key;
}

Status WriteNewAuditKey(const std::string& path) {
  // A new file, readable by its owner only.
  PASSEND_ASSIGN_OR_RETURN(std::string key, access::NewAuditKey());
  key += "\n";
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) return AlreadyExists("Kan " + path + " niet aanmaken (bestaat het al?).", "out");
  const bool written = ::write(fd, key.data(), key.size()) == static_cast<ssize_t>(key.size());
  const bool closed = ::close(fd) == 0;
  if (!written || !closed) return Unavailable("Kan " + path + " niet schrijven.");
  return Ok();
}

}  // namespace passend::cli
