#pragma once
// For tests: the PostgreSQL server they run against (scripts/pg-test-server.sh, started
// by CTest's `postgres` fixture, see passend_test's POSTGRES option) and a fresh database
// on it for each test. Test-only.
#include <memory>
#include <optional>
#include <string>

#include "domain/error.h"

namespace passend::store::postgres::testing {

// The test server's URI: PASSEND_TEST_PG_URI, else the contents of the file named by
// PASSEND_TEST_PG_URI_FILE. nullopt when neither is set (a test binary run by hand
// without a server); kUnavailable when the file is named but there is no server.
Result<std::optional<std::string>> TestServerUri();

// `uri` with its database name replaced by `database`.
std::string WithDatabase(const std::string& uri, const std::string& database);

// A new, empty database on the server; dropped, with any connections still open to it,
// when this is destroyed.
class ScratchDatabase {
 public:
  static Result<std::unique_ptr<ScratchDatabase>> Create(const std::string& server_uri);
  ~ScratchDatabase();
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;

  const std::string& uri() const { return uri_; }
  const std::string& name() const { return name_; }

 private:
  ScratchDatabase(std::string server_uri, std::string name, std::string uri)
      : server_uri_(std::move(server_uri)), name_(std::move(name)), uri_(std::move(uri)) {}
  std::string server_uri_;
  std::string name_;
  std::string uri_;
};

}  // namespace passend::store::postgres::testing
