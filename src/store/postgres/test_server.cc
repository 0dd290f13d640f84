#include "store/postgres/test_server.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>

#include "store/postgres/connection.h"

namespace passend::store::postgres::testing {
namespace {

std::atomic<int> next_database{0};

}  // namespace

Result<std::optional<std::string>> TestServerUri() {
  if (const char* uri = std::getenv("PASSEND_TEST_PG_URI"); uri != nullptr && *uri != '\0')
    return std::optional<std::string>(uri);
  const char* file = std::getenv("PASSEND_TEST_PG_URI_FILE");
  if (file == nullptr || *file == '\0') return std::optional<std::string>();
  std::ifstream in(file);
  std::string uri;
  if (!in || !std::getline(in, uri) || uri.empty())
    return Unavailable(std::string("Geen PostgreSQL-testserver: ") + file +
                       " ontbreekt (scripts/pg-test-server.sh start)");
  return std::optional<std::string>(uri);
}

std::string WithDatabase(const std::string& uri, const std::string& database) {
  const size_t authority = uri.find("://");
  const size_t slash = uri.find('/', authority == std::string::npos ? 0 : authority + 3);
  const size_t query = uri.find('?');
  std::string out = uri.substr(0, slash == std::string::npos ? query : slash);
  out += "/" + database;
  if (query != std::string::npos) out += uri.substr(query);
  return out;
}

Result<std::unique_ptr<ScratchDatabase>> ScratchDatabase::Create(const std::string& server_uri) {
  const std::string name =
      "passend_t_" + std::to_string(::getpid()) + "_" + std::to_string(next_database.fetch_add(1));
  PASSEND_ASSIGN_OR_RETURN(std::unique_ptr<Connection> admin,
                           Connection::Open(WithDatabase(server_uri, "postgres")));
  PASSEND_RETURN_IF_ERROR(admin->Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
  PASSEND_RETURN_IF_ERROR(admin->Exec("CREATE DATABASE " + name));
  return std::unique_ptr<ScratchDatabase>(
      new ScratchDatabase(server_uri, name, WithDatabase(server_uri, name)));
}

ScratchDatabase::~ScratchDatabase() {
  auto admin = Connection::Open(WithDatabase(server_uri_, "postgres"));
  if (admin.ok()) (void)(*admin)->Exec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
}

}  // namespace passend::store::postgres::testing
