#include "store/postgres/postgres_map_history_store.h"

#include <algorithm>

#include "store/postgres/postgres_database.h"

namespace passend::store::postgres {

Status PostgresMapHistoryStore::SaveMoment(const monitor::MapMoment& m) {
  return db_.Write([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Rows rows,
                             conn.Query("INSERT INTO map_moments (region, taken_at, map_json) "
                                        "VALUES ($1, $2, $3) ON CONFLICT (region, taken_at) "
                                        "DO UPDATE SET map_json = EXCLUDED.map_json",
                                        {P(m.region), P(m.taken_at), P(m.map_json)}));
    (void)rows;
    return Ok();
  });
}

Result<std::vector<monitor::MapMoment>> PostgresMapHistoryStore::Moments(const std::string& region,
                                                                         int limit) {
  std::vector<monitor::MapMoment> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Rows rows,
                             conn.Query("SELECT region, taken_at, map_json FROM map_moments "
                                        "WHERE region = $1 ORDER BY taken_at DESC LIMIT $2::bigint",
                                        {P(region), P(std::to_string(limit))}));
    for (Rows::Row r : rows) out.push_back({r.Text(0), r.Text(1), r.Text(2)});
    return Ok();
  }));
  std::reverse(out.begin(), out.end());  // oldest first
  return out;
}

}  // namespace passend::store::postgres
