#include "bench/sql_baseline.h"

#include <cstdio>
#include <map>

#include "catalog/catalog_service.h"
#include "match/applicability.h"
#include "store/sqlite/sqlite_database.h"

namespace passend::bench {
namespace {

// The ranking of score.h in SQL; {name} are the weights. ?1 is the client id, ?2 k.
// hav(a, b) is written out where needed: 2 R asin(sqrt(sin^2(dlat/2) + cos cos sin^2(dlon/2))).
constexpr const char* kQuery = R"sql(
WITH
c AS (
  SELECT cl.id, cl.lat, cl.lon, cl.sector, cl.profile, cl.preferred_forms AS pf,
         CASE WHEN cl.seeking = '' THEN 'wonen' ELSE cl.seeking END AS seeking,
         m.zorgkantoor_code AS region, p.code IS NOT NULL AS known,
         p.sector AS psector, COALESCE(p.pgb_possible, 1) AS pgb_ok,
         instr(',' || cl.preferred_forms || ',', ',pgb,') > 0 AS prefers_pgb,
         CASE WHEN cl.sector = 'VV' THEN {reach_vv} ELSE {reach} END AS reach
  FROM clients cl JOIN ref_municipalities m ON m.code = cl.municipality_code
  LEFT JOIN ref_profiles p ON p.code = cl.profile
  WHERE cl.id = ?1),
w AS (
  SELECT cw.feature_id, cw.importance = 'must' AS must, f.kind AS fkind, f.level_max, f.kinds,
         f.higher_is_better AS hib, cw.value AS wv,
         CASE cw.importance WHEN 'must' THEN {wish_must} WHEN 'important' THEN {wish_important}
              ELSE {wish_nice} END AS weight
  FROM client_wishes cw JOIN ref_features f ON f.id = cw.feature_id
  WHERE cw.client_id = ?1 AND cw.feature_id <> ''),
nd AS (
  SELECT cn.feature_id, f.kind AS fkind, f.kinds FROM client_needs cn
  JOIN ref_features f ON f.id = cn.feature_id WHERE cn.client_id = ?1),
pl AS (
  SELECT lat, lon, max_km, importance = 'must' AS must,
         CASE importance WHEN 'must' THEN {place_must} WHEN 'important' THEN {place_important}
              ELSE {place_nice} END AS weight
  FROM client_places WHERE client_id = ?1),
o AS (
  SELECT o.id, o.kind, o.sectors, o.delivery_forms AS df, o.free_places, o.waiting_weeks,
         (SELECT q.score FROM offer_quality q WHERE q.offer_id = o.id AND q.kind = 'reviews'
            AND q.reviews >= {min_reviews} ORDER BY q.measured DESC, q.seq LIMIT 1) AS quality,
         o.service_radius_km, l.lat AS olat, l.lon AS olon,
         CASE o.kind WHEN 'wonen' THEN 1 WHEN 'dagbesteding' THEN 2 WHEN 'logeren' THEN 4
              ELSE 8 END AS kbit,
         lm.zorgkantoor_code AS oregion,
         CASE WHEN o.free_places > 0 THEN 0 ELSE max(0, o.waiting_weeks) END AS wait_weeks,
         2 * 6371.0088 * asin(sqrt(min(1,
           pow(sin(radians(l.lat - c.lat) / 2), 2) +
           cos(radians(c.lat)) * cos(radians(l.lat)) * pow(sin(radians(l.lon - c.lon) / 2), 2))))
           AS home_km
  FROM offers o JOIN locations l ON l.id = o.location_id
  LEFT JOIN ref_municipalities lm ON lm.code = l.municipality_code, c
  WHERE instr(',' || c.seeking || ',', ',' || o.kind || ',') > 0),
st AS (
  SELECT o.id, w.must, w.weight,
    CASE
      WHEN v.value IS NULL THEN 3
      WHEN w.fkind = 'yes_no' THEN CASE WHEN v.value >= 1 THEN 2 ELSE 0 END
      WHEN w.fkind = 'level' THEN
        CASE WHEN v.value >= COALESCE(w.wv, w.level_max) THEN 2
             WHEN COALESCE(w.wv, w.level_max) - 1 >= 1
                  AND v.value >= COALESCE(w.wv, w.level_max) - 1 THEN 1 ELSE 0 END
      WHEN w.wv IS NULL THEN 2
      WHEN w.hib THEN CASE WHEN v.value >= w.wv THEN 2
                           WHEN v.value >= w.wv * (1 - {number_margin}) THEN 1 ELSE 0 END
      ELSE CASE WHEN v.value <= w.wv THEN 2
                WHEN v.value <= w.wv * (1 + {number_margin}) THEN 1 ELSE 0 END
    END AS status
  FROM o CROSS JOIN w
  LEFT JOIN offer_features v ON v.offer_id = o.id AND v.feature_id = w.feature_id
  WHERE (w.kinds & o.kbit) <> 0),
ws AS (
  SELECT id, SUM(weight * CASE status WHEN 2 THEN 1.0 WHEN 1 THEN {partly_factor}
                                     WHEN 3 THEN {unknown_factor} ELSE 0 END) AS wsum,
         SUM(must AND status IN (0, 1)) AS wunmet, SUM(must AND status = 3) AS wunknown
  FROM st GROUP BY id),
nu AS (
  SELECT o.id, SUM(EXISTS (SELECT 1 FROM offer_features v WHERE v.offer_id = o.id
                   AND v.feature_id = nd.feature_id AND NOT (nd.fkind = 'number' OR v.value >= 1)))
           AS nunmet,
         SUM(NOT EXISTS (SELECT 1 FROM offer_features v WHERE v.offer_id = o.id
                   AND v.feature_id = nd.feature_id)) AS nunknown
  FROM o CROSS JOIN nd WHERE (nd.kinds & o.kbit) <> 0 GROUP BY o.id),
pd AS (
  SELECT o.id, pl.weight, pl.must, pl.max_km,
         2 * 6371.0088 * asin(sqrt(min(1,
           pow(sin(radians(pl.lat - o.olat) / 2), 2) +
           cos(radians(o.olat)) * cos(radians(pl.lat)) * pow(sin(radians(pl.lon - o.olon) / 2), 2))))
           AS d
  FROM o CROSS JOIN pl WHERE o.kind = 'wonen'),
ps AS (
  SELECT id, SUM(weight * CASE WHEN d <= max_km THEN 1.0
                              ELSE max(0.0, 1 - (d - max_km) / {distance_decay_km}) END) AS psum,
         SUM(must AND d > max_km) AS punmet
  FROM pd GROUP BY id),
ik AS (
  SELECT o.id,
      EXISTS (SELECT 1 FROM offer_regions r WHERE r.offer_id = o.id
              AND r.region_code = CASE WHEN o.kind = 'wonen' THEN o.oregion ELSE c.region END)
           AND ((instr(',' || o.df || ',', ',verblijf,') > 0
                 AND (c.pf = '' OR instr(',' || c.pf || ',', ',verblijf,') > 0))
             OR (instr(',' || o.df || ',', ',vpt,') > 0
                 AND (c.pf = '' OR instr(',' || c.pf || ',', ',vpt,') > 0))
             OR (instr(',' || o.df || ',', ',mpt,') > 0
                 AND (c.pf = '' OR instr(',' || c.pf || ',', ',mpt,') > 0))) AS inkind
  FROM o, c),
oc AS (
  SELECT o.*, ik.inkind,
    CASE
      WHEN ik.inkind THEN 1.0
      WHEN instr(',' || o.df || ',', ',pgb,') > 0 AND c.pgb_ok THEN
        CASE WHEN c.prefers_pgb THEN 1.0 ELSE {pgb_factor} END
      ELSE NULL END AS contract,
    CASE
      WHEN c.known AND EXISTS (SELECT 1 FROM offer_profiles p WHERE p.offer_id = o.id) THEN
        EXISTS (SELECT 1 FROM offer_profiles p WHERE p.offer_id = o.id AND p.profile = c.profile)
      WHEN c.known THEN instr(',' || o.sectors || ',', ',' || c.psector || ',') > 0
      ELSE instr(',' || o.sectors || ',', ',' || c.sector || ',') > 0
        OR EXISTS (SELECT 1 FROM offer_profiles p JOIN ref_profiles rp ON rp.code = p.profile
                   WHERE p.offer_id = o.id AND rp.sector = c.sector) END AS accepts
  FROM o JOIN ik ON ik.id = o.id, c),
r AS (
SELECT oc.id, oc.home_km, oc.wait_weeks,
  (NOT oc.accepts) * 1099511627776
  + 4 * (COALESCE(ws.wunknown, 0) + COALESCE(nu.nunknown, 0))
  + 16777216 * (COALESCE(ws.wunmet, 0) + COALESCE(nu.nunmet, 0) + COALESCE(ps.punmet, 0)
    + (oc.contract IS NULL)
    + (oc.kind = 'zorg_thuis' AND oc.service_radius_km > 0
       AND oc.home_km > oc.service_radius_km))
  + 2 * (oc.contract IS NOT NULL AND NOT oc.inkind AND NOT c.prefers_pgb)
  + CASE oc.kind WHEN 'wonen' THEN oc.home_km > c.reach
                 WHEN 'dagbesteding' THEN oc.home_km > {dag_limit}
                 WHEN 'logeren' THEN oc.home_km > {log_limit} ELSE 0 END AS tier,
  100.0 * (COALESCE(ws.wsum, 0) + COALESCE(ps.psum, 0)
    + CASE oc.kind
        WHEN 'wonen' THEN {home} * CASE WHEN oc.home_km <= c.reach THEN 1.0
          ELSE max(0.0, 1 - (oc.home_km - c.reach) / {distance_decay_km}) END
        WHEN 'dagbesteding' THEN {travel} * CASE WHEN oc.home_km <= {travel_dag} THEN 1.0
          ELSE max(0.0, 1 - (oc.home_km - {travel_dag}) / {distance_decay_km}) END
        WHEN 'logeren' THEN {travel} * CASE WHEN oc.home_km <= {travel_log} THEN 1.0
          ELSE max(0.0, 1 - (oc.home_km - {travel_log}) / {distance_decay_km}) END
        ELSE 0 END
    + {wait} * max(0.0, 1 - oc.wait_weeks / {wait_zero_weeks})
    + {contract} * COALESCE(oc.contract, 0)
    + {quality} * CASE WHEN oc.quality IS NULL THEN {quality_unknown}
                       ELSE min(1.0, max(0.0, (oc.quality - 1) / 9)) END)
  / ((SELECT COALESCE(SUM(weight), 0) FROM w WHERE (w.kinds & oc.kbit) <> 0)
     + CASE WHEN oc.kind = 'wonen' THEN (SELECT COALESCE(SUM(weight), 0) FROM pl) ELSE 0 END
     + {wait} + {contract} + {quality}
     + CASE oc.kind WHEN 'wonen' THEN {home} WHEN 'zorg_thuis' THEN 0 ELSE {travel} END) AS score
FROM oc LEFT JOIN ws ON ws.id = oc.id LEFT JOIN nu ON nu.id = oc.id LEFT JOIN ps ON ps.id = oc.id,
  c)
SELECT id FROM r ORDER BY tier, score DESC, home_km, wait_weeks, id
LIMIT ?2
)sql";

std::string Num(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  std::string s = buf;
  if (s.find_first_of(".e") == std::string::npos) s += ".0";
  return s;
}

std::string Fill(std::string sql, const std::map<std::string, double>& values) {
  for (const auto& [name, v] : values) {
    const std::string key = "{" + name + "}";
    for (size_t at; (at = sql.find(key)) != std::string::npos;) sql.replace(at, key.size(), Num(v));
  }
  return sql;
}

Status Exec(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    const std::string msg = err ? err : "?";
    sqlite3_free(err);
    return Internal("sqlite: " + msg);
  }
  return Ok();
}

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char ch : s) out += ch == '\'' ? std::string("''") : std::string(1, ch);
  return out + "'";
}

}  // namespace

Status WriteBaselineDb(const std::string& path, const domain::Dataset& data,
                       const std::vector<domain::Client>& clients,
                       const domain::ReferenceData& ref) {
  {
    PASSEND_ASSIGN_OR_RETURN(auto db, store::sqlite::OpenSqliteDatabase(path));
    domain::Dataset d{data.providers, data.locations, data.offers, clients};
    auto written = catalog::CatalogService(*db, ref).Import(d);
    if (!written.ok()) return written.error();
  }
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) return Internal("sqlite open " + path);
  std::string sql =
      "BEGIN;"
      "CREATE TABLE ref_features (id TEXT PRIMARY KEY, kind TEXT, level_max INTEGER,"
      " higher_is_better INTEGER, kinds INTEGER);"
      "CREATE TABLE ref_profiles (code TEXT PRIMARY KEY, sector TEXT, pgb_possible INTEGER);"
      "CREATE TABLE ref_municipalities (code TEXT PRIMARY KEY, zorgkantoor_code TEXT);";
  // The kinds of care each feature belongs to (match/applicability.h), as a bit mask.
  PASSEND_ASSIGN_OR_RETURN(match::Applicability applies, match::Applicability::BuiltIn(ref));
  for (uint32_t i = 0; i < ref.features().size(); ++i) {
    const auto& f = ref.features()[i];
    sql += "INSERT INTO ref_features VALUES (" + Quote(f.id) + "," +
           Quote(std::string(domain::ToString(f.kind))) + "," + std::to_string(f.level_max) + "," +
           (f.higher_is_better ? "1" : "0") + "," + std::to_string(applies.kinds(i)) + ");";
  }
  for (const auto& p : ref.profiles())
    sql += "INSERT INTO ref_profiles VALUES (" + Quote(p.code) + "," +
           Quote(std::string(domain::ToString(p.sector))) + "," + (p.pgb_possible ? "1" : "0") +
           ");";
  for (const auto& m : ref.municipalities())
    sql += "INSERT INTO ref_municipalities VALUES (" + Quote(m.code) + "," +
           Quote(m.zorgkantoor_code) + ");";
  sql += "COMMIT; ANALYZE;";
  const Status st = Exec(db, sql);
  sqlite3_close(db);
  return st;
}

SqlRanking::~SqlRanking() {
  sqlite3_finalize(stmt_);
  sqlite3_close(db_);
}

Result<std::unique_ptr<SqlRanking>> SqlRanking::Open(const std::string& path,
                                                     const match::Weights& w) {
  std::unique_ptr<SqlRanking> r(new SqlRanking());
  if (sqlite3_open_v2(path.c_str(), &r->db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    return Internal("sqlite open " + path);
  }
  r->sql_ = Fill(kQuery, {{"wish_must", w.wish_must},
                          {"wish_important", w.wish_important},
                          {"wish_nice", w.wish_nice},
                          {"place_must", w.place_must},
                          {"place_important", w.place_important},
                          {"place_nice", w.place_nice},
                          {"number_margin", w.number_margin},
                          {"partly_factor", w.partly_factor},
                          {"unknown_factor", w.unknown_factor},
                          {"distance_decay_km", w.distance_decay_km},
                          {"pgb_factor", w.pgb_factor},
                          {"travel", w.travel},
                          {"travel_dag", w.travel_dagbesteding_max_km},
                          {"travel_log", w.travel_logeren_max_km},
                          {"wait", w.wait},
                          {"wait_zero_weeks", w.wait_zero_weeks},
                          {"contract", w.contract},
                          {"quality", w.quality},
                          {"quality_unknown", w.quality_unknown},
                          {"min_reviews", domain::kMinReviewsToRank},
                          {"home", w.home},
                          {"reach_vv", w.home_reach_vv_km},
                          {"reach", w.home_reach_other_km},
                          {"dag_limit", w.travel_dagbesteding_limit_km},
                          {"log_limit", w.travel_logeren_limit_km}});
  if (sqlite3_prepare_v2(r->db_, r->sql_.c_str(), -1, &r->stmt_, nullptr) != SQLITE_OK) {
    const std::string msg = sqlite3_errmsg(r->db_);
    return Internal("sqlite prepare: " + msg);
  }
  return r;
}

Result<std::vector<std::string>> SqlRanking::Top(const std::string& client_id, int k) {
  sqlite3_reset(stmt_);
  sqlite3_bind_text(stmt_, 1, client_id.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int(stmt_, 2, k);
  std::vector<std::string> ids;
  int rc;
  while ((rc = sqlite3_step(stmt_)) == SQLITE_ROW)
    ids.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt_, 0)));
  if (rc != SQLITE_DONE) return Internal(std::string("sqlite step: ") + sqlite3_errmsg(db_));
  return ids;
}

}  // namespace passend::bench
