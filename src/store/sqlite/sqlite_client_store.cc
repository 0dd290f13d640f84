#include "store/sqlite/sqlite_client_store.h"

#include "store/client_rows.h"
#include "store/sqlite/sql_query.h"
#include "store/sqlite/sqlite_database.h"

namespace passend::store::sqlite {

namespace d = passend::domain;

namespace {

using ChildTable = ClientChildTable;
constexpr const auto& kChildren = kClientChildren;

std::string VersionChildSelect(const ChildTable& t) {
  return std::string("SELECT client_id, ") + t.columns + " FROM " + t.version_table +
         " WHERE client_id = ? AND version = ? ORDER BY seq";
}

Status LoadChildren(Connection& conn, d::Client& c) {
  for (const ChildTable& t : kChildren) {
    PASSEND_ASSIGN_OR_RETURN(
        Statement st, conn.Prepare(std::string(t.select) + " WHERE client_id = ? ORDER BY seq"));
    st.Bind(1, c.id);
    while (true) {
      PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      PASSEND_RETURN_IF_ERROR(t.Add(c, st));
    }
  }
  return Ok();
}

// The filter as one condition on clients ("" for none) and its parameters.
struct Condition {
  std::string sql;
  std::vector<std::string> params;
  void And(const std::string& part, std::vector<std::string> values) {
    sql += (sql.empty() ? "" : " AND ") + part;
    for (auto& v : values) params.push_back(std::move(v));
  }
};

Condition ClientCondition(const intake::ClientFilter& filter) {
  Condition c;
  if (!filter.municipality_codes.empty()) {
    std::string in = "municipality_code IN (";
    for (size_t i = 0; i < filter.municipality_codes.size(); ++i) in += i ? ",?" : "?";
    c.And(in + ")", filter.municipality_codes);
  }
  // SQLite's lower() folds A-Z only, as LowerAscii does.
  if (!filter.name_contains.empty())
    c.And("instr(lower(name), ?) > 0", {LowerAscii(filter.name_contains)});
  if (filter.birth_year != 0) c.And("birth_year = ?", {std::to_string(filter.birth_year)});
  return c;
}

SqlQuery ClientQuery(const char* select, const intake::ClientFilter& filter) {
  SqlQuery q(select);
  Condition c = ClientCondition(filter);
  if (!c.sql.empty()) q.Where(c.sql, std::move(c.params));
  return q;
}

}  // namespace

Result<d::Client> SqliteClientStore::GetClient(const std::string& id) {
  std::optional<d::Client> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Statement st,
                             conn.Prepare(std::string(kClientColumns) + " WHERE id = ?"));
    st.Bind(1, id);
    PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return Ok();
    PASSEND_ASSIGN_OR_RETURN(d::Client c, ReadClient(st));
    PASSEND_RETURN_IF_ERROR(LoadChildren(conn, c));
    out = std::move(c);
    return Ok();
  }));
  if (!out) return NotFound("Cliënt '" + id + "' bestaat niet", "id");
  return std::move(*out);
}

Result<std::string> SqliteClientStore::MunicipalityOf(const std::string& id) {
  std::optional<std::string> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Statement st,
                             conn.Prepare("SELECT municipality_code FROM clients WHERE id = ?"));
    st.Bind(1, id);
    PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
    if (row) out = st.Text(0);
    return Ok();
  }));
  if (!out) return NotFound("Cliënt '" + id + "' bestaat niet", "id");
  return std::move(*out);
}

Result<Page<d::Client>> SqliteClientStore::ListClients(const intake::ClientFilter& filter,
                                                       const PageRequest& page) {
  SqlQuery q = ClientQuery(kClientColumns, filter);
  q.Page("id", page);
  Page<d::Client> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(out, ReadPage<d::Client>(conn, q, ReadClient<Statement>));
    for (auto& c : out.items) PASSEND_RETURN_IF_ERROR(LoadChildren(conn, c));
    return Ok();
  }));
  return out;
}

Status SqliteClientStore::PutClient(const d::Client& c) {
  return db_.Write([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Statement st,
        conn.Prepare(
            "INSERT INTO clients (id, name, birth_year, municipality_code, lat, lon, sector, "
            "indication, profile, preferred_forms, seeking, representative_name, "
            "representative_relation, care_status, care_provider_id) VALUES (?, ?, ?, ?, ?, ?, "
            "?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET name = excluded.name, birth_year = excluded.birth_year, "
            "municipality_code = excluded.municipality_code, lat = excluded.lat, lon = "
            "excluded.lon, "
            "sector = excluded.sector, indication = excluded.indication, profile = "
            "excluded.profile, "
            "preferred_forms = excluded.preferred_forms, seeking = excluded.seeking, "
            "representative_name = excluded.representative_name, "
            "representative_relation = excluded.representative_relation, "
            "care_status = excluded.care_status, care_provider_id = excluded.care_provider_id"));
    st.Bind(1, c.id)
        .Bind(2, c.name)
        .Bind(3, c.birth_year)
        .Bind(4, c.municipality_code)
        .Bind(5, c.home.lat)
        .Bind(6, c.home.lon)
        .Bind(7, d::ToString(c.sector))
        .Bind(8, d::ToString(c.indication))
        .Bind(9, c.profile)
        .Bind(10, JoinEnums(c.preferred_forms))
        .Bind(11, JoinEnums(c.seeking))
        .Bind(14, d::ToString(c.care_status))
        .Bind(15, c.care_provider_id);
    if (c.representative) {
      st.Bind(12, c.representative->name).Bind(13, c.representative->relation);
    } else {
      st.BindNull(12).BindNull(13);
    }
    PASSEND_RETURN_IF_ERROR(st.Run());
    for (const char* table : {"client_wishes", "client_needs", "client_places"}) {
      PASSEND_ASSIGN_OR_RETURN(Statement del, conn.Prepare(std::string("DELETE FROM ") + table +
                                                           " WHERE client_id = ?"));
      PASSEND_RETURN_IF_ERROR(del.Bind(1, c.id).Run());
    }
    {
      // Prepared once for all rows; reset after each.
      PASSEND_ASSIGN_OR_RETURN(Statement ins,
                               conn.Prepare("INSERT INTO client_wishes VALUES (?, ?, ?, ?, ?, ?)"));
      for (size_t i = 0; i < c.wishes.size(); ++i) {
        const d::Wish& w = c.wishes[i];
        PASSEND_RETURN_IF_ERROR(ins.Bind(1, c.id)
                                    .Bind(2, static_cast<int64_t>(i))
                                    .Bind(3, w.feature_id)
                                    .Bind(4, d::ToString(w.importance))
                                    .Bind(5, w.value)
                                    .Bind(6, w.text)
                                    .Run());
        ins.Reset();
      }
    }
    {
      // Prepared once for all rows; reset after each.
      PASSEND_ASSIGN_OR_RETURN(Statement ins,
                               conn.Prepare("INSERT INTO client_needs VALUES (?, ?, ?, ?)"));
      for (size_t i = 0; i < c.needs.size(); ++i) {
        PASSEND_RETURN_IF_ERROR(ins.Bind(1, c.id)
                                    .Bind(2, static_cast<int64_t>(i))
                                    .Bind(3, c.needs[i].feature_id)
                                    .Bind(4, c.needs[i].note)
                                    .Run());
        ins.Reset();
      }
    }
    {
      // Prepared once for all rows; reset after each.
      PASSEND_ASSIGN_OR_RETURN(
          Statement ins, conn.Prepare("INSERT INTO client_places VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
      for (size_t i = 0; i < c.places.size(); ++i) {
        const d::Place& p = c.places[i];
        PASSEND_RETURN_IF_ERROR(ins.Bind(1, c.id)
                                    .Bind(2, static_cast<int64_t>(i))
                                    .Bind(3, d::ToString(p.kind))
                                    .Bind(4, p.label)
                                    .Bind(5, p.position.lat)
                                    .Bind(6, p.position.lon)
                                    .Bind(7, p.max_km)
                                    .Bind(8, d::ToString(p.importance))
                                    .Run());
        ins.Reset();
      }
    }
    return Ok();
  });
}

Status SqliteClientStore::ForEachClient(const intake::ClientFilter& filter,
                                        const std::function<Status(const d::Client&)>& fn) {
  return db_.WithConnection([&](Connection& conn) -> Status {
    // One ordered scan per table, merged on client id: no query per client.
    SqlQuery clients = ClientQuery(kClientColumns, filter);
    clients.OrderBy("id");
    PASSEND_ASSIGN_OR_RETURN(Statement cst, clients.Prepare(conn));
    std::vector<Statement> child;
    std::vector<bool> has_row;
    for (const ChildTable& t : kChildren) {
      SqlQuery q(t.select);
      Condition c = ClientCondition(filter);
      if (!c.sql.empty())
        q.Where("client_id IN (SELECT id FROM clients WHERE " + c.sql + ")", std::move(c.params));
      q.OrderBy("client_id, seq");
      PASSEND_ASSIGN_OR_RETURN(Statement st, q.Prepare(conn));
      PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
      has_row.push_back(row);
      child.push_back(std::move(st));
    }
    while (true) {
      PASSEND_ASSIGN_OR_RETURN(bool row, cst.Step());
      if (!row) return Ok();
      PASSEND_ASSIGN_OR_RETURN(d::Client c, ReadClient(cst));
      for (size_t t = 0; t < child.size(); ++t) {
        // Child rows of clients outside the filter cannot occur (same filter); rows of a
        // client id below the current one would mean orphans, which the foreign keys forbid.
        while (has_row[t] && child[t].Text(0) <= c.id) {
          if (child[t].Text(0) == c.id) PASSEND_RETURN_IF_ERROR(kChildren[t].Add(c, child[t]));
          PASSEND_ASSIGN_OR_RETURN(bool more, child[t].Step());
          has_row[t] = more;
        }
      }
      PASSEND_RETURN_IF_ERROR(fn(c));
    }
  });
}

Result<int64_t> SqliteClientStore::CountClients(const intake::ClientFilter& filter) {
  int64_t n = 0;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    SqlQuery q = ClientQuery("SELECT COUNT(*) FROM clients", filter);
    PASSEND_ASSIGN_OR_RETURN(Statement st, q.Prepare(conn));
    PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
    if (row) n = st.Int(0);
    return Ok();
  }));
  return n;
}

}  // namespace passend::store::sqlite

namespace passend::store::sqlite {

Status SqliteClientStore::RecordVersion(const intake::ClientVersionInfo& v) {
  return db_.Write([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Statement exists, conn.Prepare("SELECT 1 FROM clients WHERE id = ?"));
    exists.Bind(1, v.client_id);
    PASSEND_ASSIGN_OR_RETURN(bool found, exists.Step());
    if (!found) return NotFound("Cliënt '" + v.client_id + "' bestaat niet", "id");
    PASSEND_ASSIGN_OR_RETURN(
        Statement head,
        conn.Prepare("INSERT INTO client_versions (client_id, version, recorded_at, author_id, "
                     "author_name, author_role, reason, " PASSEND_CLIENT_FIELDS
                     ") SELECT id, ?, ?, ?, ?, ?, ?, " PASSEND_CLIENT_FIELDS
                     " FROM clients WHERE id = ?"));
    PASSEND_RETURN_IF_ERROR(head.Bind(1, v.version)
                                .Bind(2, v.recorded_at)
                                .Bind(3, v.author_id)
                                .Bind(4, v.author_name)
                                .Bind(5, v.author_role)
                                .Bind(6, v.reason)
                                .Bind(7, v.client_id)
                                .Run());
    for (const ChildTable& t : kChildren) {
      PASSEND_ASSIGN_OR_RETURN(
          Statement rows,
          conn.Prepare(std::string("INSERT INTO ") + t.version_table +
                       " (client_id, version, seq, " + t.columns + ") SELECT client_id, ?, seq, " +
                       t.columns + " FROM " + t.table + " WHERE client_id = ?"));
      PASSEND_RETURN_IF_ERROR(rows.Bind(1, v.version).Bind(2, v.client_id).Run());
    }
    return Ok();
  });
}

Result<int> SqliteClientStore::LatestVersion(const std::string& client_id) {
  int latest = 0;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Statement st,
        conn.Prepare("SELECT COALESCE(MAX(version), 0) FROM client_versions WHERE client_id = ?"));
    st.Bind(1, client_id);
    PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
    if (row) latest = static_cast<int>(st.Int(0));
    return Ok();
  }));
  return latest;
}

Result<std::vector<intake::ClientVersionInfo>> SqliteClientStore::ListVersions(
    const std::string& client_id) {
  std::vector<intake::ClientVersionInfo> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Statement st,
        conn.Prepare("SELECT client_id, version, recorded_at, author_id, author_name, "
                     "author_role, reason FROM client_versions WHERE client_id = ? "
                     "ORDER BY version"));
    st.Bind(1, client_id);
    while (true) {
      PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) return Ok();
      out.push_back(ReadVersionInfo(st, 1));
    }
  }));
  return out;
}

Result<intake::ClientVersion> SqliteClientStore::GetVersion(const std::string& client_id,
                                                            int version) {
  std::optional<intake::ClientVersion> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Statement st, conn.Prepare(std::string(kVersionColumns) +
                                                        " WHERE client_id = ? AND version = ?"));
    st.Bind(1, client_id).Bind(2, version);
    PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return Ok();
    intake::ClientVersion v;
    PASSEND_ASSIGN_OR_RETURN(v.record, ReadClient(st));
    v.info = ReadVersionInfo(st, kVersionHeadColumn);
    for (const ChildTable& t : kChildren) {
      PASSEND_ASSIGN_OR_RETURN(Statement rows, conn.Prepare(VersionChildSelect(t)));
      rows.Bind(1, client_id).Bind(2, version);
      while (true) {
        PASSEND_ASSIGN_OR_RETURN(bool more, rows.Step());
        if (!more) break;
        PASSEND_RETURN_IF_ERROR(t.Add(v.record, rows));
      }
    }
    out = std::move(v);
    return Ok();
  }));
  if (!out)
    return NotFound("Cliënt '" + client_id + "' heeft geen versie " + std::to_string(version),
                    "version");
  return std::move(*out);
}

Status SqliteClientStore::DeleteVersions(const std::string& client_id) {
  return db_.Write([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Statement st,
                             conn.Prepare("DELETE FROM client_versions WHERE client_id = ?"));
    return st.Bind(1, client_id).Run();
  });
}

}  // namespace passend::store::sqlite
