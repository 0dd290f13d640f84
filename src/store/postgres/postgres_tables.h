#pragma once
// store::Tables on PostgreSQL: the catalogue's tables read through cursors, written with
// COPY (its text format) with the tables' own triggers off for the copy, so the target's
// change log does not fill with the copy. Thread-safety as PostgresDatabase.
#include "store/tables.h"

namespace passend::store::postgres {

class PostgresDatabase;

class PostgresTables : public Tables {
 public:
  explicit PostgresTables(PostgresDatabase& db) : db_(db) {}

  Result<std::vector<TableInfo>> List() override;
  Result<int64_t> Count(const TableInfo& table) override;
  Status Read(const TableInfo& table, const RowSink& sink) override;
  Status Append(const TableInfo& table,
                const std::function<Status(const RowSink&)>& produce) override;
  Status RestartChanges() override;

 private:
  PostgresDatabase& db_;
};

}  // namespace passend::store::postgres
