#pragma once
// CopyDatabase: moves a whole installation from one database to another (any backend to
// any backend; `passend migrate-db`), table by table through store::Tables, and proves
// the copy: per table the number of rows and a checksum over every value, computed on
// both sides. Stop the servers on the source first: the source is read table by table.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.h"
#include "store/tables.h"

namespace passend::store {

// The number of rows of a table and a checksum of its contents that does not depend on
// the order of the rows: the sum of a SHA-256 digest per row over its typed values.
struct TableSum {
  std::string table;
  int64_t rows = 0;
  std::string checksum;  // 32 hex digits
  bool operator==(const TableSum&) const = default;
};

// Counts and checksums every data table (store::Tables::List), in name order.
Result<std::vector<TableSum>> SumTables(Tables& tables);

struct TableCopy {
  TableSum source;
  TableSum target;
};

using CopyProgressFn = std::function<void(std::string_view table, int64_t rows)>;

// Copies every data table of `from` into `to` in one transaction on `to`, parents first,
// then sums both sides and commits only when every table arrived with the same count and
// checksum. The target's change feed starts after the copied data (Tables::RestartChanges):
// a server started on it builds its match index from the full data. Errors: kFailedPrecondition
// when `to` already holds data or the two have different schema versions or tables; kInternal, with
// nothing written, when a table arrives different; the backends' errors otherwise.
Result<std::vector<TableCopy>> CopyDatabase(DatabaseWithTables& from, DatabaseWithTables& to,
                                            const CopyProgressFn& progress = {});

}  // namespace passend::store
