#include "store/postgres/postgres_catalog_store.h"

#include <cmath>
#include <unordered_map>

#include "store/enum_list.h"
#include "store/postgres/postgres_database.h"
#include "store/postgres/sql_query.h"

namespace passend::store::postgres {

namespace d = passend::domain;

namespace {

// Locations within `near.km` of the point, on the flat-earth approximation (exact to well
// under 1% over the distances of one country). The band of latitudes first (no point outside
// it is that close) lets locations_by_position narrow the scan. Bound, not formatted in, so
// every point shares one prepared statement.
void WhereNear(SqlQuery& q, const catalog::NearPoint& near) {
  constexpr double kKmPerDegree = 111.195;
  const double lon_km = kKmPerDegree * std::cos(near.lat * 3.14159265358979323846 / 180.0);
  const double band = near.km / kKmPerDegree * 1.001;  // a little wider than rounding
  std::vector<std::string> params;
  for (double v : {near.lat - band, near.lat + band, near.lat, kKmPerDegree, near.lat, kKmPerDegree,
                   near.lon, lon_km, near.lon, lon_km, near.km * near.km})
    params.push_back(*P(v));
  q.Where(
      "o.location_id IN (SELECT id FROM locations WHERE lat BETWEEN ?::float8 AND ?::float8 AND "
      "((lat - ?::float8) * ?::float8) * ((lat - ?::float8) * ?::float8) + "
      "((lon - ?::float8) * ?::float8) * ((lon - ?::float8) * ?::float8) <= ?::float8)",
      std::move(params));
}

constexpr const char* kProviderColumns =
    "SELECT id, name, established, website, agb_code, kvk_number, ura_number, register_status "
    "FROM providers";
constexpr const char* kLocationColumns =
    "SELECT id, provider_id, name, address, municipality_code, lat, lon FROM locations";
constexpr const char* kOfferColumns =
    "SELECT o.id, o.provider_id, o.location_id, o.kind, o.name, o.description, o.sectors, "
    "o.delivery_forms, o.capacity, o.free_places, o.waiting_people, o.waiting_weeks, "
    "o.service_radius_km, o.temporary, o.intake_contact, o.intake_requirements, o.places_updated, "
    "o.details_updated FROM offers o";

d::Provider ReadProvider(const Rows::Row& r) {
  return {r.Text(0), r.Text(1), r.Int(2) != 0, r.Text(3), r.Text(4), r.Text(5), r.Text(6),
          // Written by PutProvider only; an unknown name would be a bug.
          d::ParseRegisterStatus(r.Text(7)).value_or(d::RegisterStatus::kSuspended)};
}

d::Location ReadLocation(const Rows::Row& r) {
  return {r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), {r.Double(5), r.Double(6)}};
}

Result<d::Offer> ReadOffer(const Rows::Row& r) {
  d::Offer o;
  o.id = r.Text(0);
  o.provider_id = r.Text(1);
  o.location_id = r.Text(2);
  auto kind = d::ParseOfferKind(r.Text(3));
  if (!kind) return Internal("Onbekende soort aanbod in database bij " + o.id);
  o.kind = *kind;
  o.name = r.Text(4);
  o.description = r.Text(5);
  PASSEND_ASSIGN_OR_RETURN(o.sectors, SplitEnums<d::Sector>(r.Text(6), d::ParseSector));
  PASSEND_ASSIGN_OR_RETURN(o.delivery_forms,
                           SplitEnums<d::DeliveryForm>(r.Text(7), d::ParseDeliveryForm));
  o.capacity = static_cast<int>(r.Int(8));
  o.free_places = static_cast<int>(r.Int(9));
  o.waiting_people = static_cast<int>(r.Int(10));
  o.waiting_weeks = static_cast<int>(r.Int(11));
  o.service_radius_km = r.Double(12);
  o.temporary = r.Int(13) != 0;
  o.intake_contact = r.Text(14);
  o.intake_requirements = r.Text(15);
  o.places_updated = r.Text(16);
  o.details_updated = r.Text(17);
  return o;
}

// Fills profiles, regions and features of `offers`: with `all`, one scan per child table
// in id order; else only the children of these offers.
Status LoadOfferChildren(Connection& c, std::vector<d::Offer>& offers, bool all) {
  if (offers.empty()) return Ok();
  std::unordered_map<std::string, d::Offer*> by_id;
  std::vector<std::string> ids;
  for (auto& o : offers) {
    by_id.emplace(o.id, &o);
    ids.push_back(o.id);
  }
  struct Child {
    const char* select;  // "SELECT offer_id, ... FROM t"
    void (*add)(d::Offer&, const Rows::Row&);
  };
  const Child children[] = {
      {"SELECT offer_id, profile FROM offer_profiles",
       [](d::Offer& o, const Rows::Row& r) { o.profiles.push_back(r.Text(1)); }},
      {"SELECT offer_id, region_code FROM offer_regions",
       [](d::Offer& o, const Rows::Row& r) { o.contracted_regions.push_back(r.Text(1)); }},
      {"SELECT offer_id, feature_id, value FROM offer_features",
       [](d::Offer& o, const Rows::Row& r) {
         o.features.push_back({r.Text(1), r.Double(2)});
       }},
      {"SELECT offer_id, kind, source, measured, score, reviews, outcome, link FROM "
       "offer_quality",
       [](d::Offer& o, const Rows::Row& r) {
         // Written by PutOffer from validated notes; an unknown code would be a bug.
         o.quality.push_back(
             {d::ParseQualityKind(r.Text(1)).value_or(d::QualityKind::kInspection), r.Text(2),
              r.Text(3), r.Double(4), static_cast<int>(r.Int(5)),
              d::ParseInspectionOutcome(r.Text(6)).value_or(d::InspectionOutcome::kMeets),
              r.Text(7)});
       }},
  };
  const Param id_list = TextArray(ids);
  for (const Child& child : children) {
    std::string sql = child.select;
    std::vector<Param> params;
    if (!all) {
      sql += " WHERE offer_id = ANY($1::text[])";
      params.push_back(id_list);
    }
    PASSEND_ASSIGN_OR_RETURN(Rows rows, c.Query(sql + " ORDER BY offer_id, seq", params));
    d::Offer* current = nullptr;
    std::string_view current_id;
    for (Rows::Row r : rows) {
      const std::string_view id = r.View(0);
      if (current == nullptr || id != current_id) {
        auto it = by_id.find(std::string(id));
        current = it == by_id.end() ? nullptr : it->second;
        current_id = id;
        if (current == nullptr) continue;
      }
      child.add(*current, r);
    }
  }
  return Ok();
}

}  // namespace

Result<d::Provider> PostgresCatalogStore::GetProvider(const std::string& id) {
  std::optional<d::Provider> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& c) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Rows rows,
                             c.Query(std::string(kProviderColumns) + " WHERE id = $1", {P(id)}));
    if (!rows.empty()) out = ReadProvider(rows[0]);
    return Ok();
  }));
  if (!out) return NotFound("Aanbieder '" + id + "' bestaat niet", "id");
  return *out;
}

Result<Page<d::Provider>> PostgresCatalogStore::ListProviders(const catalog::ProviderFilter& filter,
                                                              const PageRequest& page) {
  SqlQuery q(kProviderColumns);
  if (filter.status) q.Where("register_status = ?", {std::string(d::ToString(*filter.status))});
  if (filter.listed_only) q.Where("register_status = 'approved'", {});
  q.Page("id", page);
  Page<d::Provider> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& c) -> Status {
    PASSEND_ASSIGN_OR_RETURN(out, ReadPage<d::Provider>(c, q, ReadProvider));
    return Ok();
  }));
  return out;
}

Result<d::Location> PostgresCatalogStore::GetLocation(const std::string& id) {
  std::optional<d::Location> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& c) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Rows rows,
                             c.Query(std::string(kLocationColumns) + " WHERE id = $1", {P(id)}));
    if (!rows.empty()) out = ReadLocation(rows[0]);
    return Ok();
  }));
  if (!out) return NotFound("Locatie '" + id + "' bestaat niet", "id");
  return *out;
}

Result<Page<d::Location>> PostgresCatalogStore::ListLocations(const catalog::LocationFilter& filter,
                                                              const PageRequest& page) {
  SqlQuery q(kLocationColumns);
  if (filter.provider_id) q.Where("provider_id = ?", {*filter.provider_id});
  if (filter.listed_only)
    q.Where("provider_id IN (SELECT id FROM providers WHERE register_status = 'approved')", {});
  q.WhereIn("municipality_code", filter.municipality_codes);
  q.Page("id", page);
  Page<d::Location> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& c) -> Status {
    PASSEND_ASSIGN_OR_RETURN(out, ReadPage<d::Location>(c, q, ReadLocation));
    return Ok();
  }));
  return out;
}

Result<d::Offer> PostgresCatalogStore::GetOffer(const std::string& id) {
  std::vector<d::Offer> found;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& c) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Rows rows,
                             c.Query(std::string(kOfferColumns) + " WHERE o.id = $1", {P(id)}));
    if (rows.empty()) return Ok();
    PASSEND_ASSIGN_OR_RETURN(d::Offer o, ReadOffer(rows[0]));
    found.push_back(std::move(o));
    return LoadOfferChildren(c, found, false);
  }));
  if (found.empty()) return NotFound("Aanbod '" + id + "' bestaat niet", "id");
  return std::move(found.front());
}

Result<Page<d::Offer>> PostgresCatalogStore::ListOffers(const catalog::OfferFilter& filter,
                                                        const PageRequest& page) {
  SqlQuery q(kOfferColumns);
  if (filter.provider_id) q.Where("o.provider_id = ?", {*filter.provider_id});
  if (filter.kind) q.Where("o.kind = ?", {std::string(d::ToString(*filter.kind))});
  if (filter.profile) {
    // An offer without a profile list accepts every profile of its sectors.
    if (filter.sector) {
      q.Where(
          "(EXISTS (SELECT 1 FROM offer_profiles p WHERE p.offer_id = o.id AND p.profile = ?) OR "
          "(NOT EXISTS (SELECT 1 FROM offer_profiles p WHERE p.offer_id = o.id) AND "
          "? = ANY(string_to_array(o.sectors, ','))))",
          {*filter.profile, std::string(d::ToString(*filter.sector))});
    } else {
      q.Where("EXISTS (SELECT 1 FROM offer_profiles p WHERE p.offer_id = o.id AND p.profile = ?)",
              {*filter.profile});
    }
  }
  if (filter.contracted_region)
    q.Where("EXISTS (SELECT 1 FROM offer_regions r WHERE r.offer_id = o.id AND r.region_code = ?)",
            {*filter.contracted_region});
  if (!filter.municipality_codes.empty())
    q.Where("o.location_id IN (SELECT id FROM locations WHERE municipality_code = ANY(?::text[]))",
            {*TextArray(filter.municipality_codes)});
  if (!filter.words.empty()) {
    // tsquery: every word a prefix (clienten:*), all of them required; folded like the column.
    std::string query;
    for (const std::string& w : filter.words) query += (query.empty() ? "" : " & ") + w + ":*";
    q.Where("o.search @@ to_tsquery('simple', passend_fold(?))", {query});
  }
  if (filter.near) WhereNear(q, *filter.near);
  if (filter.outdated)
    q.Where("(o.places_updated < ? OR o.details_updated < ?)",
            {filter.outdated->places_before, filter.outdated->details_before});
  if (filter.listed_only)
    q.Where(
        "EXISTS (SELECT 1 FROM providers p WHERE p.id = o.provider_id AND "
        "p.register_status = 'approved')",
        {});
  q.Page("o.id", page);
  Page<d::Offer> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& c) -> Status {
    PASSEND_ASSIGN_OR_RETURN(out, ReadPage<d::Offer>(c, q, ReadOffer));
    return LoadOfferChildren(c, out.items, false);
  }));
  return out;
}

Status PostgresCatalogStore::PutProvider(const d::Provider& p) {
  return db_.Write([&](Connection& c) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Rows r, c.Query("INSERT INTO providers (id, name, established, website, "
                        "agb_code, kvk_number, ura_number, register_status) "
                        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO "
                        "UPDATE SET name = excluded.name, "
                        "established = excluded.established, "
                        "website = excluded.website, agb_code = excluded.agb_code, "
                        "kvk_number = excluded.kvk_number, "
                        "ura_number = excluded.ura_number, "
                        "register_status = excluded.register_status",
                        {P(p.id), P(p.name), P(p.established ? 1 : 0), P(p.website), P(p.agb_code),
                         P(p.kvk_number), P(p.ura_number),
                         P(std::string(d::ToString(p.register_status)))}));
    (void)r;
    return Ok();
  });
}

Status PostgresCatalogStore::PutLocation(const d::Location& l) {
  return db_.Write([&](Connection& c) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Rows r,
        c.Query("INSERT INTO locations (id, provider_id, name, address, municipality_code, lat, "
                "lon) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO UPDATE SET "
                "provider_id = excluded.provider_id, name = excluded.name, "
                "address = excluded.address, municipality_code = excluded.municipality_code, "
                "lat = excluded.lat, lon = excluded.lon",
                {P(l.id), P(l.provider_id), P(l.name), P(l.address), P(l.municipality_code),
                 P(l.position.lat), P(l.position.lon)}));
    (void)r;
    return Ok();
  });
}

Status PostgresCatalogStore::PutOffer(const d::Offer& o) {
  return db_.Write([&](Connection& c) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Rows r,
        c.Query(
            "INSERT INTO offers (id, provider_id, location_id, kind, name, description, "
            "sectors, delivery_forms, capacity, free_places, waiting_people, waiting_weeks, "
            "service_radius_km, temporary, intake_contact, intake_requirements, "
            "places_updated, details_updated) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
            "$9, $10, $11, $12, $13, $14, $15, $16, $17, $18) ON CONFLICT (id) DO UPDATE SET "
            "provider_id = excluded.provider_id, location_id = excluded.location_id, "
            "kind = excluded.kind, name = excluded.name, description = excluded.description, "
            "sectors = excluded.sectors, delivery_forms = excluded.delivery_forms, "
            "capacity = excluded.capacity, free_places = excluded.free_places, "
            "waiting_people = excluded.waiting_people, waiting_weeks = excluded.waiting_weeks, "
            "service_radius_km = excluded.service_radius_km, "
            "temporary = excluded.temporary, intake_contact = excluded.intake_contact, "
            "intake_requirements = excluded.intake_requirements, "
            "places_updated = excluded.places_updated, details_updated = excluded.details_updated",
            {P(o.id), P(o.provider_id), P(o.location_id), P(d::ToString(o.kind)), P(o.name),
             P(o.description), P(JoinEnums(o.sectors)), P(JoinEnums(o.delivery_forms)),
             P(o.capacity), P(o.free_places), P(o.waiting_people), P(o.waiting_weeks),
             P(o.service_radius_km), P(o.temporary ? 1 : 0), P(o.intake_contact),
             P(o.intake_requirements), P(o.places_updated), P(o.details_updated)}));
    (void)r;
    // The lists are replaced whole: one statement clears them, one writes them (arrays
    // unnested with their positions), so an offer costs three round trips (four with
    // quality notes).
    PASSEND_ASSIGN_OR_RETURN(Rows del,
                             c.Query("WITH a AS (DELETE FROM offer_profiles WHERE offer_id = $1), "
                                     "b AS (DELETE FROM offer_regions WHERE offer_id = $1), "
                                     "c AS (DELETE FROM offer_quality WHERE offer_id = $1) "
                                     "DELETE FROM offer_features WHERE offer_id = $1",
                                     {P(o.id)}));
    (void)del;
    std::vector<std::string> feature_ids;
    std::vector<std::optional<double>> feature_values;
    for (const auto& f : o.features) {
      feature_ids.push_back(f.feature_id);
      feature_values.push_back(f.value);
    }
    PASSEND_ASSIGN_OR_RETURN(
        Rows ins,
        c.Query("WITH a AS (INSERT INTO offer_profiles (offer_id, seq, profile) "
                "SELECT $1, n - 1, v FROM unnest($2::text[]) WITH ORDINALITY AS t(v, n)), "
                "b AS (INSERT INTO offer_regions (offer_id, seq, region_code) "
                "SELECT $1, n - 1, v FROM unnest($3::text[]) WITH ORDINALITY AS t(v, n)) "
                "INSERT INTO offer_features (offer_id, seq, feature_id, value) "
                "SELECT $1, n - 1, f, v FROM unnest($4::text[], $5::float8[]) "
                "WITH ORDINALITY AS t(f, v, n)",
                {P(o.id), TextArray(o.profiles), TextArray(o.contracted_regions),
                 TextArray(feature_ids), DoubleArray(feature_values)}));
    (void)ins;
    if (!o.quality.empty()) {
      std::vector<std::string> kinds, sources, measured, outcomes, links;
      std::vector<std::optional<double>> scores, reviews;
      for (const d::QualityNote& n : o.quality) {
        kinds.emplace_back(d::ToString(n.kind));
        sources.push_back(n.source);
        measured.push_back(n.measured);
        scores.push_back(n.score);
        reviews.push_back(n.reviews);
        outcomes.emplace_back(n.kind == d::QualityKind::kInspection ? d::ToString(n.outcome) : "");
        links.push_back(n.link);
      }
      PASSEND_ASSIGN_OR_RETURN(
          Rows q, c.Query("INSERT INTO offer_quality (offer_id, seq, kind, source, measured, "
                          "score, reviews, outcome, link) SELECT $1, n - 1, k, s, m, sc, rv::int, "
                          "oc, l FROM unnest($2::text[], $3::text[], $4::text[], $5::float8[], "
                          "$6::float8[], $7::text[], $8::text[]) WITH ORDINALITY "
                          "AS t(k, s, m, sc, rv, oc, l, n)",
                          {P(o.id), TextArray(kinds), TextArray(sources), TextArray(measured),
                           DoubleArray(scores), DoubleArray(reviews), TextArray(outcomes),
                           TextArray(links)}));
      (void)q;
    }
    return Ok();
  });
}

namespace {

// The change history tables (offer_changes, provider_changes) have the same shape; `table`
// and `id_column` are constants of this file.
Status AddChanges(PostgresDatabase& db, const char* table, const char* id_column,
                  const std::vector<catalog::RecordChange>& changes) {
  if (changes.empty()) return Ok();
  return db.Write([&](Connection& c) -> Status {
    std::vector<std::string> cols[7];
    for (const auto& ch : changes) {
      cols[0].push_back(ch.record_id);
      cols[1].push_back(ch.changed_at);
      cols[2].push_back(ch.user_id);
      cols[3].push_back(ch.organisation_id);
      cols[4].push_back(ch.field);
      cols[5].push_back(ch.old_value);
      cols[6].push_back(ch.new_value);
    }
    // In the given order, so seq follows it.
    PASSEND_ASSIGN_OR_RETURN(
        Rows r,
        c.Query(std::string("INSERT INTO ") + table + " (" + id_column +
                    ", changed_at, user_id, organisation_id, field, old_value, new_value) "
                    "SELECT a, b, c, d, e, f, g FROM unnest($1::text[], $2::text[], "
                    "$3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) "
                    "WITH ORDINALITY AS t(a, b, c, d, e, f, g, n) ORDER BY n",
                {TextArray(cols[0]), TextArray(cols[1]), TextArray(cols[2]), TextArray(cols[3]),
                 TextArray(cols[4]), TextArray(cols[5]), TextArray(cols[6])}));
    (void)r;
    return Ok();
  });
}

Result<std::vector<catalog::RecordChange>> Changes(PostgresDatabase& db, const char* table,
                                                   const char* id_column, const std::string& id) {
  std::vector<catalog::RecordChange> out;
  PASSEND_RETURN_IF_ERROR(db.WithConnection([&](Connection& c) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Rows rows,
        c.Query(std::string("SELECT ") + id_column +
                    ", changed_at, user_id, organisation_id, field, old_value, new_value FROM " +
                    table + " WHERE " + id_column + " = $1 ORDER BY seq",
                {P(id)}));
    for (Rows::Row r : rows)
      out.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6)});
    return Ok();
  }));
  return out;
}

}  // namespace

Status PostgresCatalogStore::AddOfferChanges(const std::vector<catalog::OfferChange>& changes) {
  return AddChanges(db_, "offer_changes", "offer_id", changes);
}

Result<std::vector<catalog::OfferChange>> PostgresCatalogStore::OfferChanges(
    const std::string& offer_id) {
  return Changes(db_, "offer_changes", "offer_id", offer_id);
}

Status PostgresCatalogStore::AddProviderChanges(
    const std::vector<catalog::ProviderChange>& changes) {
  return AddChanges(db_, "provider_changes", "provider_id", changes);
}

Result<std::vector<catalog::ProviderChange>> PostgresCatalogStore::ProviderChanges(
    const std::string& provider_id) {
  return Changes(db_, "provider_changes", "provider_id", provider_id);
}

Result<std::vector<d::Provider>> PostgresCatalogStore::AllProviders() {
  std::vector<d::Provider> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& c) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Rows rows, c.Query(std::string(kProviderColumns) + " ORDER BY id"));
    for (Rows::Row r : rows) out.push_back(ReadProvider(r));
    return Ok();
  }));
  return out;
}

Result<std::vector<d::Location>> PostgresCatalogStore::AllLocations() {
  std::vector<d::Location> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& c) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Rows rows, c.Query(std::string(kLocationColumns) + " ORDER BY id"));
    for (Rows::Row r : rows) out.push_back(ReadLocation(r));
    return Ok();
  }));
  return out;
}

Result<std::vector<d::Offer>> PostgresCatalogStore::AllOffers() {
  std::vector<d::Offer> out;
  // One snapshot: the offers and their lists as of one moment.
  PASSEND_RETURN_IF_ERROR(db_.ReadSnapshot([&](Connection& c) -> Status {
    out.clear();
    PASSEND_ASSIGN_OR_RETURN(Rows rows, c.Query(std::string(kOfferColumns) + " ORDER BY o.id"));
    for (Rows::Row r : rows) {
      PASSEND_ASSIGN_OR_RETURN(d::Offer o, ReadOffer(r));
      out.push_back(std::move(o));
    }
    return LoadOfferChildren(c, out, true);
  }));
  return out;
}

}  // namespace passend::store::postgres
