#pragma once
// monitor::MapHistoryStore on PostgreSQL (table map_moments). Thread-safety as PostgresDatabase.
#include "monitor/map_history_store.h"

namespace passend::store::postgres {

class PostgresDatabase;

class PostgresMapHistoryStore : public monitor::MapHistoryStore {
 public:
  explicit PostgresMapHistoryStore(PostgresDatabase& db) : db_(db) {}

  Status SaveMoment(const monitor::MapMoment& moment) override;
  Result<std::vector<monitor::MapMoment>> Moments(const std::string& region, int limit) override;

 private:
  PostgresDatabase& db_;
};

}  // namespace passend::store::postgres
