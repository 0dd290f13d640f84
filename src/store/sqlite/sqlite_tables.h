#pragma once
// store::Tables on SQLite: plain reads and inserts. Inserting fires the tables' triggers
// (SQLite cannot switch them off), so a copy into SQLite fills its change log with the
// copied records, which is what a reader of that log should see. Thread-safety as
// SqliteDatabase.
#include "store/tables.h"

namespace passend::store::sqlite {

class SqliteDatabase;

class SqliteTables : public Tables {
 public:
  explicit SqliteTables(SqliteDatabase& db) : db_(db) {}

  Result<std::vector<TableInfo>> List() override;
  Result<int64_t> Count(const TableInfo& table) override;
  Status Read(const TableInfo& table, const RowSink& sink) override;
  Status Append(const TableInfo& table,
                const std::function<Status(const RowSink&)>& produce) override;
  Status RestartChanges() override;

 private:
  SqliteDatabase& db_;
};

}  // namespace passend::store::sqlite
