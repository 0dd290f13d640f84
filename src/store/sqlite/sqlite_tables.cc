#include "store/sqlite/sqlite_tables.h"

#include "store/sqlite/change_log.h"
#include "store/sqlite/sqlite_database.h"

namespace passend::store::sqlite {
namespace {

// The bookkeeping tables that are not the installation's data, and the search index
// (offer_search, an FTS5 table, and its shadow tables offer_search_*): derived from offers
// by the triggers of migration 12, like an index, so every copy builds its own.
bool IsBookkeeping(const std::string& name) {
  return name == "schema_version" || name == "change_log" || name == "change_log_pruned" ||
         name == "offer_search" || name.rfind("offer_search_", 0) == 0;
}

std::string Quoted(const std::string& name) { return "\"" + name + "\""; }

std::string ColumnList(const TableInfo& t) {
  std::string out;
  for (const auto& c : t.columns) out += (out.empty() ? "" : ", ") + Quoted(c);
  return out;
}

}  // namespace

Result<std::vector<TableInfo>> SqliteTables::List() {
  std::vector<TableInfo> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& c) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Statement tables,
                             c.Prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND "
                                       "name NOT LIKE 'sqlite_%' ORDER BY name"));
    std::vector<std::string> names;
    while (true) {
      PASSEND_ASSIGN_OR_RETURN(bool row, tables.Step());
      if (!row) break;
      if (!IsBookkeeping(tables.Text(0))) names.push_back(tables.Text(0));
    }
    for (const auto& name : names) {
      TableInfo info{name, {}, {}};
      PASSEND_ASSIGN_OR_RETURN(Statement cols,
                               c.Prepare("SELECT name FROM pragma_table_info(?) ORDER BY cid"));
      cols.Bind(1, name);
      while (true) {
        PASSEND_ASSIGN_OR_RETURN(bool row, cols.Step());
        if (!row) break;
        info.columns.push_back(cols.Text(0));
      }
      PASSEND_ASSIGN_OR_RETURN(
          Statement parents,
          c.Prepare("SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?) ORDER BY 1"));
      parents.Bind(1, name);
      while (true) {
        PASSEND_ASSIGN_OR_RETURN(bool row, parents.Step());
        if (!row) break;
        if (parents.Text(0) != name) info.parents.push_back(parents.Text(0));
      }
      out.push_back(std::move(info));
    }
    return Ok();
  }));
  return out;
}

Result<int64_t> SqliteTables::Count(const TableInfo& table) {
  int64_t n = 0;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& c) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Statement st, c.Prepare("SELECT COUNT(*) FROM " + Quoted(table.name)));
    PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
    if (row) n = st.Int(0);
    return Ok();
  }));
  return n;
}

Status SqliteTables::Read(const TableInfo& table, const RowSink& sink) {
  return db_.WithConnection([&](Connection& c) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Statement st, c.Prepare("SELECT " + ColumnList(table) + " FROM " + Quoted(table.name)));
    Row row(table.columns.size());
    while (true) {
      PASSEND_ASSIGN_OR_RETURN(bool more, st.Step());
      if (!more) return Ok();
      for (size_t i = 0; i < row.size(); ++i) row[i] = st.ValueAt(static_cast<int>(i));
      PASSEND_RETURN_IF_ERROR(sink(row));
    }
  });
}

Status SqliteTables::Append(const TableInfo& table,
                            const std::function<Status(const RowSink&)>& produce) {
  return db_.Write([&](Connection& c) -> Status {
    std::string sql = "INSERT INTO " + Quoted(table.name) + " (" + ColumnList(table) + ") VALUES (";
    for (size_t i = 0; i < table.columns.size(); ++i) sql += i ? ", ?" : "?";
    PASSEND_ASSIGN_OR_RETURN(Statement st, c.Prepare(sql + ")"));
    return produce([&](const Row& row) -> Status {
      if (row.size() != table.columns.size())
        return Internal("Rij met " + std::to_string(row.size()) + " waarden voor " + table.name);
      for (size_t i = 0; i < row.size(); ++i) st.BindValue(static_cast<int>(i) + 1, row[i]);
      PASSEND_RETURN_IF_ERROR(st.Run());
      st.Reset();
      return Ok();
    });
  });
}

// Append's inserts fired the change log's triggers: RestartChangesOn drops their entries.
Status SqliteTables::RestartChanges() { return db_.Write(RestartChangesOn); }

}  // namespace passend::store::sqlite
