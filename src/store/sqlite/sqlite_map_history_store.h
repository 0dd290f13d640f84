#pragma once
// monitor::MapHistoryStore on SQLite (table map_moments). Thread-safety as SqliteDatabase.
#include "monitor/map_history_store.h"

namespace passend::store::sqlite {

class SqliteDatabase;

class SqliteMapHistoryStore : public monitor::MapHistoryStore {
 public:
  explicit SqliteMapHistoryStore(SqliteDatabase& db) : db_(db) {}

  Status SaveMoment(const monitor::MapMoment& moment) override;
  Result<std::vector<monitor::MapMoment>> Moments(const std::string& region, int limit) override;

 private:
  SqliteDatabase& db_;
};

}  // namespace passend::store::sqlite
