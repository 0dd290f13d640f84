#include "store/postgres/postgres_client_store.h"

#include "store/client_rows.h"
#include "store/postgres/postgres_database.h"
#include "store/postgres/sql_query.h"

namespace passend::store::postgres {

namespace d = passend::domain;

namespace {

// Rows fetched per round trip when scanning all clients.
constexpr int kBatch = 2000;

using ChildTable = ClientChildTable;
constexpr const auto& kChildren = kClientChildren;

// Fills the lists of `clients` with one query per child table.
Status LoadChildren(Connection& conn, std::vector<d::Client>& clients) {
  if (clients.empty()) return Ok();
  std::unordered_map<std::string, d::Client*> by_id;
  std::vector<std::string> ids;
  for (auto& c : clients) {
    by_id.emplace(c.id, &c);
    ids.push_back(c.id);
  }
  const Param id_list = TextArray(ids);
  for (const ChildTable& t : kChildren) {
    PASSEND_ASSIGN_OR_RETURN(
        Rows rows, conn.Query(std::string(t.select) +
                                  " WHERE client_id = ANY($1::text[]) ORDER BY client_id, seq",
                              {id_list}));
    for (Rows::Row r : rows) {
      auto it = by_id.find(r.Text(0));
      if (it != by_id.end()) PASSEND_RETURN_IF_ERROR(t.Add(*it->second, r));
    }
  }
  return Ok();
}

SqlQuery ClientQuery(const char* select, const intake::ClientFilter& filter) {
  SqlQuery q(select);
  q.WhereIn("municipality_code", filter.municipality_codes);
  // lower() under COLLATE "C" folds A-Z only, as LowerAscii does (and SQLite's lower()).
  if (!filter.name_contains.empty())
    q.Where("strpos(lower(name), ?) > 0", {LowerAscii(filter.name_contains)});
  if (filter.birth_year != 0)
    q.Where("birth_year = ?::bigint", {std::to_string(filter.birth_year)});
  return q;
}

// Reads a cursor row by row, fetching in batches.
class CursorReader {
 public:
  explicit CursorReader(Cursor cursor) : cursor_(std::move(cursor)) {}
  // Moves to the next row; false at the end.
  Result<bool> Next() {
    if (rows_ && ++index_ < rows_->size()) return true;
    PASSEND_ASSIGN_OR_RETURN(Rows batch, cursor_.Fetch(kBatch));
    rows_.emplace(std::move(batch));
    index_ = 0;
    return !rows_->empty();
  }
  Rows::Row row() const { return (*rows_)[index_]; }

 private:
  Cursor cursor_;
  std::optional<Rows> rows_;
  int index_ = 0;
};

}  // namespace

Result<d::Client> PostgresClientStore::GetClient(const std::string& id) {
  std::vector<d::Client> found;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Rows rows,
                             conn.Query(std::string(kClientColumns) + " WHERE id = $1", {P(id)}));
    if (rows.empty()) return Ok();
    PASSEND_ASSIGN_OR_RETURN(d::Client c, ReadClient(rows[0]));
    found.push_back(std::move(c));
    return LoadChildren(conn, found);
  }));
  if (found.empty()) return NotFound("Cliënt '" + id + "' bestaat niet", "id");
  return std::move(found.front());
}

Result<std::string> PostgresClientStore::MunicipalityOf(const std::string& id) {
  std::optional<std::string> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Rows rows, conn.Query("SELECT municipality_code FROM clients WHERE id = $1", {P(id)}));
    if (!rows.empty()) out = rows[0].Text(0);
    return Ok();
  }));
  if (!out) return NotFound("Cliënt '" + id + "' bestaat niet", "id");
  return std::move(*out);
}

Result<Page<d::Client>> PostgresClientStore::ListClients(const intake::ClientFilter& filter,
                                                         const PageRequest& page) {
  SqlQuery q = ClientQuery(kClientColumns, filter);
  q.Page("id", page);
  Page<d::Client> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(out, ReadPage<d::Client>(conn, q, ReadClient<Rows::Row>));
    return LoadChildren(conn, out.items);
  }));
  return out;
}

Status PostgresClientStore::PutClient(const d::Client& c) {
  return db_.Write([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Rows up,
        conn.Query(
            "INSERT INTO clients (id, name, birth_year, municipality_code, lat, lon, sector, "
            "indication, profile, preferred_forms, seeking, representative_name, "
            "representative_relation, care_status, care_provider_id) VALUES ($1, $2, $3, $4, $5, "
            "$6, $7, $8, $9, $10, $11, $12, $13, $14, $15) ON CONFLICT (id) DO UPDATE SET name = "
            "excluded.name, "
            "birth_year = excluded.birth_year, municipality_code = excluded.municipality_code, "
            "lat = excluded.lat, lon = excluded.lon, sector = excluded.sector, "
            "indication = excluded.indication, profile = excluded.profile, "
            "preferred_forms = excluded.preferred_forms, seeking = excluded.seeking, "
            "representative_name = excluded.representative_name, "
            "representative_relation = excluded.representative_relation, "
            "care_status = excluded.care_status, care_provider_id = excluded.care_provider_id",
            {P(c.id), P(c.name), P(c.birth_year), P(c.municipality_code), P(c.home.lat),
             P(c.home.lon), P(d::ToString(c.sector)), P(d::ToString(c.indication)), P(c.profile),
             P(JoinEnums(c.preferred_forms)), P(JoinEnums(c.seeking)),
             c.representative ? P(c.representative->name) : Null(),
             c.representative ? P(c.representative->relation) : Null(),
             P(d::ToString(c.care_status)), P(c.care_provider_id)}));
    (void)up;
    // The lists are replaced whole: one statement clears them, one writes them.
    PASSEND_ASSIGN_OR_RETURN(
        Rows del, conn.Query("WITH a AS (DELETE FROM client_wishes WHERE client_id = $1), "
                             "b AS (DELETE FROM client_needs WHERE client_id = $1) "
                             "DELETE FROM client_places WHERE client_id = $1",
                             {P(c.id)}));
    (void)del;
    if (c.wishes.empty() && c.needs.empty() && c.places.empty()) return Ok();
    std::vector<std::string> wf, wi, wt, nf, nn, pk, pl, pi;
    std::vector<std::optional<double>> wv, plat, plon, pmax;
    for (const d::Wish& w : c.wishes) {
      wf.push_back(w.feature_id);
      wi.emplace_back(d::ToString(w.importance));
      wv.push_back(w.value);
      wt.push_back(w.text);
    }
    for (const d::Need& n : c.needs) {
      nf.push_back(n.feature_id);
      nn.push_back(n.note);
    }
    for (const d::Place& p : c.places) {
      pk.emplace_back(d::ToString(p.kind));
      pl.push_back(p.label);
      plat.push_back(p.position.lat);
      plon.push_back(p.position.lon);
      pmax.push_back(p.max_km);
      pi.emplace_back(d::ToString(p.importance));
    }
    PASSEND_ASSIGN_OR_RETURN(
        Rows ins,
        conn.Query(
            "WITH a AS (INSERT INTO client_wishes (client_id, seq, feature_id, importance, value, "
            "text) SELECT $1, n - 1, f, i, v, x FROM unnest($2::text[], $3::text[], "
            "$4::float8[], $5::text[]) WITH ORDINALITY AS t(f, i, v, x, n)), "
            "b AS (INSERT INTO client_needs (client_id, seq, feature_id, note) "
            "SELECT $1, n - 1, f, x FROM unnest($6::text[], $7::text[]) "
            "WITH ORDINALITY AS t(f, x, n)) "
            "INSERT INTO client_places (client_id, seq, kind, label, lat, lon, max_km, "
            "importance) SELECT $1, n - 1, k, l, la, lo, m, i FROM unnest($8::text[], "
            "$9::text[], $10::float8[], $11::float8[], $12::float8[], $13::text[]) "
            "WITH ORDINALITY AS t(k, l, la, lo, m, i, n)",
            {P(c.id), TextArray(wf), TextArray(wi), DoubleArray(wv), TextArray(wt), TextArray(nf),
             TextArray(nn), TextArray(pk), TextArray(pl), DoubleArray(plat), DoubleArray(plon),
             DoubleArray(pmax), TextArray(pi)}));
    (void)ins;
    return Ok();
  });
}

Status PostgresClientStore::ForEachClient(const intake::ClientFilter& filter,
                                          const std::function<Status(const d::Client&)>& fn) {
  // One ordered cursor per table on one snapshot, merged on client id: no query per
  // client, and never more than a batch of each in memory.
  return db_.ReadSnapshot([&](Connection& conn) -> Status {
    SqlQuery clients = ClientQuery(kClientColumns, filter);
    clients.OrderBy("id");
    PASSEND_ASSIGN_OR_RETURN(Cursor ccur, Cursor::Open(conn, clients.sql(), clients.params()));
    CursorReader client_rows(std::move(ccur));
    std::vector<CursorReader> child;
    std::vector<bool> has_row;
    for (const ChildTable& t : kChildren) {
      std::string sql = t.select;
      const SqlQuery ids = ClientQuery("SELECT id FROM clients", filter);
      const std::vector<Param> params = ids.params();
      if (!params.empty()) sql += " WHERE client_id IN (" + ids.sql() + ")";
      PASSEND_ASSIGN_OR_RETURN(Cursor cur,
                               Cursor::Open(conn, sql + " ORDER BY client_id, seq", params));
      child.emplace_back(std::move(cur));
      PASSEND_ASSIGN_OR_RETURN(bool row, child.back().Next());
      has_row.push_back(row);
    }
    while (true) {
      PASSEND_ASSIGN_OR_RETURN(bool row, client_rows.Next());
      if (!row) return Ok();
      PASSEND_ASSIGN_OR_RETURN(d::Client c, ReadClient(client_rows.row()));
      for (size_t t = 0; t < child.size(); ++t) {
        // Ids compare byte for byte here and in the database (COLLATE "C").
        while (has_row[t] && child[t].row().View(0) <= c.id) {
          if (child[t].row().View(0) == c.id)
            PASSEND_RETURN_IF_ERROR(kChildren[t].Add(c, child[t].row()));
          PASSEND_ASSIGN_OR_RETURN(bool more, child[t].Next());
          has_row[t] = more;
        }
      }
      PASSEND_RETURN_IF_ERROR(fn(c));
    }
  });
}

Result<int64_t> PostgresClientStore::CountClients(const intake::ClientFilter& filter) {
  int64_t n = 0;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    SqlQuery q = ClientQuery("SELECT COUNT(*) FROM clients", filter);
    PASSEND_ASSIGN_OR_RETURN(Rows rows, q.Run(conn));
    if (!rows.empty()) n = rows[0].Int(0);
    return Ok();
  }));
  return n;
}

Status PostgresClientStore::RecordVersion(const intake::ClientVersionInfo& v) {
  return db_.Write([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Rows head,
        conn.Query("INSERT INTO client_versions (client_id, version, recorded_at, author_id, "
                   "author_name, author_role, reason, " PASSEND_CLIENT_FIELDS
                   ") SELECT id, $2::bigint, $3::text, $4::text, $5::text, $6::text, "
                   "$7::text, " PASSEND_CLIENT_FIELDS
                   " FROM clients WHERE id = $1 RETURNING version",
                   {P(v.client_id), P(v.version), P(v.recorded_at), P(v.author_id),
                    P(v.author_name), P(v.author_role), P(v.reason)}));
    if (head.empty()) return NotFound("Cliënt '" + v.client_id + "' bestaat niet", "id");
    for (const ChildTable& t : kChildren) {
      PASSEND_ASSIGN_OR_RETURN(
          Rows rows,
          conn.Query(std::string("INSERT INTO ") + t.version_table + " (client_id, version, seq, " +
                         t.columns + ") SELECT client_id, $2::bigint, seq, " + t.columns +
                         " FROM " + t.table + " WHERE client_id = $1",
                     {P(v.client_id), P(v.version)}));
      (void)rows;
    }
    return Ok();
  });
}

Result<int> PostgresClientStore::LatestVersion(const std::string& client_id) {
  int latest = 0;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Rows rows,
        conn.Query("SELECT COALESCE(MAX(version), 0) FROM client_versions WHERE client_id = $1",
                   {P(client_id)}));
    if (!rows.empty()) latest = static_cast<int>(rows[0].Int(0));
    return Ok();
  }));
  return latest;
}

Result<std::vector<intake::ClientVersionInfo>> PostgresClientStore::ListVersions(
    const std::string& client_id) {
  std::vector<intake::ClientVersionInfo> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Rows rows, conn.Query("SELECT client_id, version, recorded_at, author_id, author_name, "
                              "author_role, reason FROM client_versions WHERE client_id = $1 "
                              "ORDER BY version",
                              {P(client_id)}));
    for (Rows::Row r : rows) out.push_back(ReadVersionInfo(r, 1));
    return Ok();
  }));
  return out;
}

Result<intake::ClientVersion> PostgresClientStore::GetVersion(const std::string& client_id,
                                                              int version) {
  std::optional<intake::ClientVersion> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Rows rows, conn.Query(std::string(kVersionColumns) +
                                                       " WHERE client_id = $1 AND version = $2",
                                                   {P(client_id), P(version)}));
    if (rows.empty()) return Ok();
    intake::ClientVersion v;
    PASSEND_ASSIGN_OR_RETURN(v.record, ReadClient(rows[0]));
    v.info = ReadVersionInfo(rows[0], kVersionHeadColumn);
    for (const ChildTable& t : kChildren) {
      PASSEND_ASSIGN_OR_RETURN(
          Rows children,
          conn.Query(std::string("SELECT client_id, ") + t.columns + " FROM " + t.version_table +
                         " WHERE client_id = $1 AND version = $2 ORDER BY seq",
                     {P(client_id), P(version)}));
      for (Rows::Row r : children) PASSEND_RETURN_IF_ERROR(t.Add(v.record, r));
    }
    out = std::move(v);
    return Ok();
  }));
  if (!out)
    return NotFound("Cliënt '" + client_id + "' heeft geen versie " + std::to_string(version),
                    "version");
  return std::move(*out);
}

Status PostgresClientStore::DeleteVersions(const std::string& client_id) {
  return db_.Write([&](Connection& conn) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Rows rows, conn.Query("DELETE FROM client_versions WHERE client_id = $1", {P(client_id)}));
    (void)rows;
    return Ok();
  });
}

}  // namespace passend::store::postgres
