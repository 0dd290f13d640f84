#include "store/postgres/postgres_tables.h"

#include <charconv>

#include "store/postgres/change_log.h"
#include "store/postgres/postgres_database.h"
#include "store/postgres/sql_query.h"

namespace passend::store::postgres {
namespace {

// The bookkeeping tables that are not the installation's data.
bool IsBookkeeping(std::string_view name) {
  return name == "schema_version" || name == "change_log" || name == "change_log_pruned";
}

std::string Quoted(std::string_view name) { return "\"" + std::string(name) + "\""; }

std::string ColumnList(const TableInfo& t) {
  std::string out;
  for (const auto& c : t.columns) out += (out.empty() ? "" : ", ") + Quoted(c);
  return out;
}

// pg_type oids of the column types the migrations use.
constexpr unsigned kInt8 = 20, kInt2 = 21, kInt4 = 23, kBool = 16, kFloat4 = 700, kFloat8 = 701;

Value ValueAt(const Rows::Row& r, int col, unsigned type) {
  if (r.IsNull(col)) return std::monostate{};
  switch (type) {
    case kInt8:
    case kInt2:
    case kInt4:
    case kBool: return r.Int(col);
    case kFloat4:
    case kFloat8: return r.Double(col);
    default: return r.Text(col);
  }
}

// One value in COPY's text format.
void AppendCopyValue(std::string& out, const Value& v) {
  if (std::holds_alternative<std::monostate>(v)) {
    out += "\\N";
  } else if (const auto* i = std::get_if<int64_t>(&v)) {
    out += std::to_string(*i);
  } else if (const auto* d = std::get_if<double>(&v)) {
    out += *P(*d);
  } else {
    for (char ch : std::get<std::string>(v)) {
      switch (ch) {
        case '\\': out += "\\\\"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        default: out += ch;
      }
    }
  }
}

}  // namespace

Result<std::vector<TableInfo>> PostgresTables::List() {
  std::vector<TableInfo> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& c) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Rows tables, c.Query("SELECT c.oid, c.relname FROM pg_class c WHERE c.relkind = 'r' AND "
                             "c.relnamespace = current_schema()::regnamespace ORDER BY c.oid"));
    for (Rows::Row t : tables) {
      if (IsBookkeeping(t.View(1))) continue;
      TableInfo info;
      info.name = t.Text(1);
      // Generated columns (offers.search, migration 12) follow the others: not copied.
      PASSEND_ASSIGN_OR_RETURN(
          Rows cols, c.Query("SELECT attname FROM pg_attribute WHERE attrelid = $1::oid AND "
                             "attnum > 0 AND NOT attisdropped AND attgenerated = '' "
                             "ORDER BY attnum",
                             {P(t.Text(0))}));
      for (Rows::Row col : cols) info.columns.push_back(col.Text(0));
      PASSEND_ASSIGN_OR_RETURN(
          Rows parents,
          c.Query("SELECT DISTINCT confrelid::regclass::text FROM pg_constraint WHERE conrelid "
                  "= $1::oid AND contype = 'f' AND confrelid <> conrelid ORDER BY 1",
                  {P(t.Text(0))}));
      for (Rows::Row p : parents) info.parents.push_back(p.Text(0));
      out.push_back(std::move(info));
    }
    return Ok();
  }));
  return out;
}

Result<int64_t> PostgresTables::Count(const TableInfo& table) {
  int64_t n = 0;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& c) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Rows rows, c.QueryOnce("SELECT COUNT(*) FROM " + Quoted(table.name)));
    n = rows[0].Int(0);
    return Ok();
  }));
  return n;
}

Status PostgresTables::Read(const TableInfo& table, const RowSink& sink) {
  return db_.ReadSnapshot([&](Connection& c) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Cursor cursor, Cursor::Open(c, "SELECT " + ColumnList(table) +
                                                                " FROM " + Quoted(table.name)));
    Row row(table.columns.size());
    while (true) {
      PASSEND_ASSIGN_OR_RETURN(Rows batch, cursor.Fetch(5000));
      if (batch.empty()) return Ok();
      std::vector<unsigned> types;
      for (int i = 0; i < batch.columns(); ++i) types.push_back(batch.column_type(i));
      for (Rows::Row r : batch) {
        for (size_t i = 0; i < row.size(); ++i) row[i] = ValueAt(r, static_cast<int>(i), types[i]);
        PASSEND_RETURN_IF_ERROR(sink(row));
      }
    }
  });
}

Status PostgresTables::Append(const TableInfo& table,
                              const std::function<Status(const RowSink&)>& produce) {
  return db_.Write([&](Connection& c) -> Status {
    const std::string name = Quoted(table.name);
    PASSEND_RETURN_IF_ERROR(c.Exec("ALTER TABLE " + name + " DISABLE TRIGGER USER"));
    std::string line;
    PASSEND_RETURN_IF_ERROR(c.CopyIn("COPY " + name + " (" + ColumnList(table) + ") FROM STDIN",
                                     [&](const std::function<Status(std::string_view)>& write) {
                                       return produce([&](const Row& row) -> Status {
                                         if (row.size() != table.columns.size())
                                           return Internal("Rij met " + std::to_string(row.size()) +
                                                           " waarden voor " + table.name);
                                         line.clear();
                                         for (size_t i = 0; i < row.size(); ++i) {
                                           if (i) line += '\t';
                                           AppendCopyValue(line, row[i]);
                                         }
                                         line += '\n';
                                         return write(line);
                                       });
                                     }));
    PASSEND_RETURN_IF_ERROR(c.Exec("ALTER TABLE " + name + " ENABLE TRIGGER USER"));
    // Identity columns continue after the highest value copied.
    PASSEND_ASSIGN_OR_RETURN(
        Rows identity, c.Query("SELECT attname FROM pg_attribute WHERE attrelid = $1::regclass "
                               "AND attidentity <> ''",
                               {P(table.name)}));
    for (Rows::Row col : identity) {
      PASSEND_ASSIGN_OR_RETURN(
          Rows set, c.QueryOnce("SELECT setval(pg_get_serial_sequence($1, $2), "
                                "COALESCE((SELECT MAX(" +
                                    Quoted(col.View(0)) + ") FROM " + name + "), 0) + 1, false)",
                                {P(table.name), P(col.Text(0))}));
      (void)set;
    }
    return Ok();
  });
}

// Append copies with the tables' triggers off, so the log has no entry for the copy.
Status PostgresTables::RestartChanges() { return db_.Write(RestartChangesOn); }

}  // namespace passend::store::postgres
