#pragma once
// ClientStore: the storage for clients with their wishes, needs and places, and the
// versions of their dossier. Same transaction, error and thread-safety contract as
// catalog::CatalogStore.
#include <functional>
#include <string>
#include <vector>

#include "domain/client.h"
#include "domain/error.h"
#include "store/page.h"

namespace passend::intake {

struct ClientFilter {
  std::vector<std::string> municipality_codes;  // living in any of these; empty: all
  // A part of the name, matched without regard to case (A-Z); empty: any name.
  std::string name_contains;
  int birth_year = 0;  // born in this year; 0: any year
};

// Who changed a dossier, when and why: the head of one version. `recorded_at` is UTC,
// ISO 8601 ("2026-03-01T09:00:00Z").
struct ClientVersionInfo {
  std::string client_id;
  int version = 0;  // 1, 2, ...
  std::string recorded_at;
  std::string author_id;    // user id; "system" for records read in from a file
  std::string author_name;  // as the author was named then
  std::string author_role;  // access::Role's wire name, or "system"
  std::string reason;
  bool operator==(const ClientVersionInfo&) const = default;
};

// One version: the whole record as it was after that change.
struct ClientVersion {
  ClientVersionInfo info;
  domain::Client record;
};

class ClientStore {
 public:
  virtual ~ClientStore() = default;

  virtual Result<domain::Client> GetClient(const std::string& id) = 0;
  // Where the client lives (the municipality code), without loading the dossier: enough
  // for the access check that runs before every request about one client. kNotFound when
  // there is no such client.
  virtual Result<std::string> MunicipalityOf(const std::string& id) = 0;
  virtual Result<store::Page<domain::Client>> ListClients(const ClientFilter& filter,
                                                          const store::PageRequest& page) = 0;
  // Inserts or replaces the client with that id, with all its wishes, needs and places.
  virtual Status PutClient(const domain::Client& c) = 0;
  // Calls `fn` for every matching client in id order without holding them all in memory;
  // stops at and returns the first error `fn` returns.
  virtual Status ForEachClient(const ClientFilter& filter,
                               const std::function<Status(const domain::Client&)>& fn) = 0;
  virtual Result<int64_t> CountClients(const ClientFilter& filter) = 0;

  // --- versions of the dossier (nothing in them is ever changed) ---
  // Keeps a copy of the client's current record (as the last PutClient left it) as
  // version `info.version` of `info.client_id`. kNotFound when there is no such client;
  // kAlreadyExists when that version exists (another writer was first).
  virtual Status RecordVersion(const ClientVersionInfo& info) = 0;
  // The newest version number; 0 when the client has none (or does not exist).
  virtual Result<int> LatestVersion(const std::string& client_id) = 0;
  // Every version's head, oldest first.
  virtual Result<std::vector<ClientVersionInfo>> ListVersions(const std::string& client_id) = 0;
  // kNotFound (field "version") when the client has no such version.
  virtual Result<ClientVersion> GetVersion(const std::string& client_id, int version) = 0;
  // Removes every version of the client (the AVG erasure); the current record stays.
  virtual Status DeleteVersions(const std::string& client_id) = 0;
};

}  // namespace passend::intake
