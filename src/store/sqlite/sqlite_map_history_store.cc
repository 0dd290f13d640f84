#include "store/sqlite/sqlite_map_history_store.h"

#include <algorithm>

#include "store/sqlite/sqlite_database.h"

namespace passend::store::sqlite {

Status SqliteMapHistoryStore::SaveMoment(const monitor::MapMoment& m) {
  return db_.Write([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Statement st,
        conn.Prepare("INSERT OR REPLACE INTO map_moments (region, taken_at, map_json) "
                     "VALUES (?, ?, ?)"));
    return st.Bind(1, m.region).Bind(2, m.taken_at).Bind(3, m.map_json).Run();
  });
}

Result<std::vector<monitor::MapMoment>> SqliteMapHistoryStore::Moments(const std::string& region,
                                                                       int limit) {
  std::vector<monitor::MapMoment> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Statement st,
                             conn.Prepare("SELECT region, taken_at, map_json FROM map_moments "
                                          "WHERE region = ? ORDER BY taken_at DESC LIMIT ?"));
    st.Bind(1, region).Bind(2, static_cast<int64_t>(limit));
    while (true) {
      PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      out.push_back({st.Text(0), st.Text(1), st.Text(2)});
    }
    return Ok();
  }));
  std::reverse(out.begin(), out.end());  // oldest first
  return out;
}

}  // namespace passend::store::sqlite
