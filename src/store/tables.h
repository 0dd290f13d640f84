#pragma once
// Tables: the database as plain tables of plain values, below the module stores. Only for
// moving a whole installation from one backend to another (store/copy_database.h,
// `passend migrate-db`) and checking that nothing changed on the way; modules use their
// stores. Opened with store::OpenDatabaseWithTables; safe for concurrent use like the
// stores.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "domain/error.h"
#include "store/database.h"

namespace passend::store {

// One column value: NULL, an integer, a double or text.
using Value = std::variant<std::monostate, int64_t, double, std::string>;
using Row = std::vector<Value>;
using RowSink = std::function<Status(const Row&)>;

struct TableInfo {
  std::string name;
  std::vector<std::string> columns;  // the order Read gives and Append takes values in
  std::vector<std::string> parents;  // tables its foreign keys refer to
};

class Tables {
 public:
  virtual ~Tables() = default;
  // The tables that hold the installation's data; not the schema version nor the
  // backend's own bookkeeping (the change log, which a copy starts afresh: RestartChanges).
  virtual Result<std::vector<TableInfo>> List() = 0;
  virtual Result<int64_t> Count(const TableInfo& table) = 0;
  // Passes every row of `table` to `sink`, in no particular order; stops at its first error.
  virtual Status Read(const TableInfo& table, const RowSink& sink) = 0;
  // Writes the rows `produce` passes to the sink it is given into `table`, as they are:
  // inside Database::InTransaction, and without firing the table's own triggers where the
  // backend can avoid it. Generated keys continue after the highest one written.
  virtual Status Append(const TableInfo& table,
                        const std::function<Status(const RowSink&)>& produce) = 0;
  // After Append has written a whole installation, in the same transaction: the change
  // feed (store/change.h) starts after the copied data. The log keeps no entry for the
  // copied records; its head (LastChange) moves past every seq handed out before and
  // everything up to it counts as pruned. So a reader that followed this database before
  // the copy gets a gap and rebuilds from the full data, and one that starts afterwards
  // (a `passend serve` on the new database) reads everything once and follows from the
  // head. Copying the source's log instead would carry seqs that mean nothing here.
  virtual Status RestartChanges() = 0;
};

// A database opened with its plain tables (store::OpenDatabaseWithTables); the tables
// borrow the database and are destroyed first.
struct DatabaseWithTables {
  std::unique_ptr<Database> db;
  std::unique_ptr<Tables> tables;
};

}  // namespace passend::store
