#include "store/sqlite/sqlite_catalog_store.h"

#include <cmath>
#include <unordered_map>

#include "store/enum_list.h"
#include "store/sqlite/sql_query.h"
#include "store/sqlite/sqlite_database.h"

namespace passend::store::sqlite {

namespace d = passend::domain;

namespace {

// Locations within `near.km` of the point, on the flat-earth approximation (exact to well
// under 1% over the distances of one country). The band of latitudes first (no point outside
// it is that close) lets locations_by_position answer from the index alone. Bound, not
// formatted in, so every point shares one cached statement.
void WhereNear(SqlQuery& q, const catalog::NearPoint& near) {
  constexpr double kKmPerDegree = 111.195;
  const double lon_km = kKmPerDegree * std::cos(near.lat * 3.14159265358979323846 / 180.0);
  const double band = near.km / kKmPerDegree * 1.001;  // a little wider than rounding
  q.WhereNumbers(
      "o.location_id IN (SELECT id FROM locations WHERE lat BETWEEN ? AND ? AND "
      "((lat - ?) * ?) * ((lat - ?) * ?) + ((lon - ?) * ?) * ((lon - ?) * ?) <= ?)",
      {near.lat - band, near.lat + band, near.lat, kKmPerDegree, near.lat, kKmPerDegree, near.lon,
       lon_km, near.lon, lon_km, near.km * near.km});
}

// FTS5: every word a quoted prefix ("clienten"*), all of them required.
std::string MatchExpression(const std::vector<std::string>& words) {
  std::string match;
  for (const std::string& w : words) match += (match.empty() ? "\"" : " \"") + w + "\"*";
  return match;
}

// Up to this many matches a search page is sorted from the matches; beyond it, walking
// the offers in id order and stopping after a page reads fewer rows.
constexpr int kFewMatches = 300;

Result<bool> FewMatches(Connection& c, const std::string& match) {
  PASSEND_ASSIGN_OR_RETURN(Statement st,
                           c.Prepare("SELECT count(*) FROM (SELECT rowid FROM offer_search WHERE "
                                     "offer_search MATCH ? LIMIT ?)"));
  st.Bind(1, match).Bind(2, static_cast<int64_t>(kFewMatches) + 1);
  PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
  const bool few = row && st.Int(0) <= kFewMatches;
  return few;
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

d::Provider ReadProvider(const Statement& st) {
  return {st.Text(0), st.Text(1), st.Int(2) != 0, st.Text(3), st.Text(4), st.Text(5), st.Text(6),
          // Written by PutProvider only; an unknown name would be a bug.
          d::ParseRegisterStatus(st.Text(7)).value_or(d::RegisterStatus::kSuspended)};
}

d::Location ReadLocation(const Statement& st) {
  return {st.Text(0), st.Text(1), st.Text(2), st.Text(3), st.Text(4), {st.Double(5), st.Double(6)}};
}

Result<d::Offer> ReadOffer(const Statement& st) {
  d::Offer o;
  o.id = st.Text(0);
  o.provider_id = st.Text(1);
  o.location_id = st.Text(2);
  auto kind = d::ParseOfferKind(st.Text(3));
  if (!kind) return Internal("Onbekende soort aanbod in database bij " + o.id);
  o.kind = *kind;
  o.name = st.Text(4);
  o.description = st.Text(5);
  PASSEND_ASSIGN_OR_RETURN(o.sectors, SplitEnums<d::Sector>(st.Text(6), d::ParseSector));
  PASSEND_ASSIGN_OR_RETURN(o.delivery_forms,
                           SplitEnums<d::DeliveryForm>(st.Text(7), d::ParseDeliveryForm));
  o.capacity = static_cast<int>(st.Int(8));
  o.free_places = static_cast<int>(st.Int(9));
  o.waiting_people = static_cast<int>(st.Int(10));
  o.waiting_weeks = static_cast<int>(st.Int(11));
  o.service_radius_km = st.Double(12);
  o.temporary = st.Int(13) != 0;
  o.intake_contact = st.Text(14);
  o.intake_requirements = st.Text(15);
  o.places_updated = st.Text(16);
  o.details_updated = st.Text(17);
  return o;
}

// Fills profiles, regions and features of `offers`. With one offer it looks them up by
// id; with many it scans the child tables once in id order and merges.
Status LoadOfferChildren(Connection& c, std::vector<d::Offer>& offers, bool all) {
  if (offers.empty()) return Ok();
  std::unordered_map<std::string, d::Offer*> by_id;
  for (auto& o : offers) by_id.emplace(o.id, &o);
  struct Child {
    const char* one;
    const char* every;
    std::function<void(d::Offer&, const Statement&)> add;
  };
  const Child children[] = {
      {"SELECT offer_id, profile FROM offer_profiles WHERE offer_id = ? ORDER BY offer_id, seq",
       "SELECT offer_id, profile FROM offer_profiles ORDER BY offer_id, seq",
       [](d::Offer& o, const Statement& st) { o.profiles.push_back(st.Text(1)); }},
      {"SELECT offer_id, region_code FROM offer_regions WHERE offer_id = ? ORDER BY offer_id, seq",
       "SELECT offer_id, region_code FROM offer_regions ORDER BY offer_id, seq",
       [](d::Offer& o, const Statement& st) { o.contracted_regions.push_back(st.Text(1)); }},
      {"SELECT offer_id, feature_id, value FROM offer_features WHERE offer_id = ? ORDER BY "
       "offer_id, seq",
       "SELECT offer_id, feature_id, value FROM offer_features ORDER BY offer_id, seq",
       [](d::Offer& o, const Statement& st) {
         o.features.push_back({st.Text(1), st.Double(2)});
       }},
      {"SELECT offer_id, kind, source, measured, score, reviews, outcome, link FROM "
       "offer_quality WHERE offer_id = ? ORDER BY offer_id, seq",
       "SELECT offer_id, kind, source, measured, score, reviews, outcome, link FROM "
       "offer_quality ORDER BY offer_id, seq",
       [](d::Offer& o, const Statement& st) {
         // Written by PutOffer from validated notes; an unknown code would be a bug.
         o.quality.push_back(
             {d::ParseQualityKind(st.Text(1)).value_or(d::QualityKind::kInspection), st.Text(2),
              st.Text(3), st.Double(4), static_cast<int>(st.Int(5)),
              d::ParseInspectionOutcome(st.Text(6)).value_or(d::InspectionOutcome::kMeets),
              st.Text(7)});
       }},
  };
  for (const Child& child : children) {
    if (all) {
      PASSEND_ASSIGN_OR_RETURN(Statement st, c.Prepare(child.every));
      d::Offer* current = nullptr;
      std::string current_id;
      while (true) {
        PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
        if (!row) break;
        std::string id = st.Text(0);
        if (id != current_id) {
          auto it = by_id.find(id);
          current = it == by_id.end() ? nullptr : it->second;
          current_id = std::move(id);
        }
        if (current) child.add(*current, st);
      }
    } else {
      // One statement per page (of up to 500 offers, as the page size), not one per offer.
      std::string sql = child.one;
      std::string in = "IN (?";
      for (size_t i = 1; i < offers.size(); ++i) in += ",?";
      sql.replace(sql.find("= ?"), 3, in + ")");
      PASSEND_ASSIGN_OR_RETURN(Statement st, c.Prepare(sql));
      for (size_t i = 0; i < offers.size(); ++i) st.Bind(static_cast<int>(i) + 1, offers[i].id);
      while (true) {
        PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
        if (!row) break;
        auto it = by_id.find(st.Text(0));
        if (it != by_id.end()) child.add(*it->second, st);
      }
    }
  }
  return Ok();
}

}  // namespace

Result<d::Provider> SqliteCatalogStore::GetProvider(const std::string& id) {
  std::optional<d::Provider> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& c) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Statement st,
                             c.Prepare(std::string(kProviderColumns) + " WHERE id = ?"));
    st.Bind(1, id);
    PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
    if (row) out = ReadProvider(st);
    return Ok();
  }));
  if (!out) return NotFound("Aanbieder '" + id + "' bestaat niet", "id");
  return *out;
}

Result<Page<d::Provider>> SqliteCatalogStore::ListProviders(const catalog::ProviderFilter& filter,
                                                            const PageRequest& page) {
  SqlQuery q(kProviderColumns);
  if (filter.status) q.Where("register_status = ?", {std::string(d::ToString(*filter.status))});
  if (filter.listed_only) q.Where("register_status = 'approved'", {});
  q.Page("id", page);
  Result<Page<d::Provider>> out = Page<d::Provider>{};
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& c) -> Status {
    out = ReadPage<d::Provider>(c, q, ReadProvider);
    return out.ok() ? Ok() : Status(out.error());
  }));
  return out;
}

Result<d::Location> SqliteCatalogStore::GetLocation(const std::string& id) {
  std::optional<d::Location> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& c) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Statement st,
                             c.Prepare(std::string(kLocationColumns) + " WHERE id = ?"));
    st.Bind(1, id);
    PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
    if (row) out = ReadLocation(st);
    return Ok();
  }));
  if (!out) return NotFound("Locatie '" + id + "' bestaat niet", "id");
  return *out;
}

Result<Page<d::Location>> SqliteCatalogStore::ListLocations(const catalog::LocationFilter& filter,
                                                            const PageRequest& page) {
  SqlQuery q(kLocationColumns);
  if (filter.provider_id) q.Where("provider_id = ?", {*filter.provider_id});
  if (filter.listed_only)
    q.Where("provider_id IN (SELECT id FROM providers WHERE register_status = 'approved')", {});
  q.WhereIn("municipality_code", filter.municipality_codes);
  q.Page("id", page);
  Result<Page<d::Location>> out = Page<d::Location>{};
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& c) -> Status {
    out = ReadPage<d::Location>(c, q, ReadLocation);
    return out.ok() ? Ok() : Status(out.error());
  }));
  return out;
}

Result<d::Offer> SqliteCatalogStore::GetOffer(const std::string& id) {
  std::vector<d::Offer> found;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& c) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Statement st,
                             c.Prepare(std::string(kOfferColumns) + " WHERE o.id = ?"));
    st.Bind(1, id);
    PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return Ok();
    PASSEND_ASSIGN_OR_RETURN(d::Offer o, ReadOffer(st));
    found.push_back(std::move(o));
    return LoadOfferChildren(c, found, false);
  }));
  if (found.empty()) return NotFound("Aanbod '" + id + "' bestaat niet", "id");
  return std::move(found.front());
}

Result<Page<d::Offer>> SqliteCatalogStore::ListOffers(const catalog::OfferFilter& filter,
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
          "instr(',' || o.sectors || ',', ',' || ? || ',') > 0))",
          {*filter.profile, std::string(d::ToString(*filter.sector))});
    } else {
      q.Where("EXISTS (SELECT 1 FROM offer_profiles p WHERE p.offer_id = o.id AND p.profile = ?)",
              {*filter.profile});
    }
  }
  if (filter.contracted_region)
    q.Where("EXISTS (SELECT 1 FROM offer_regions r WHERE r.offer_id = o.id AND r.region_code = ?)",
            {*filter.contracted_region});
  if (!filter.municipality_codes.empty()) {
    std::string cond = "o.location_id IN (SELECT id FROM locations WHERE municipality_code IN (";
    for (size_t i = 0; i < filter.municipality_codes.size(); ++i) cond += i ? ",?" : "?";
    q.Where(cond + "))", filter.municipality_codes);
  }
  const std::string match = MatchExpression(filter.words);
  if (filter.outdated)
    q.Where("(o.places_updated < ? OR o.details_updated < ?)",
            {filter.outdated->places_before, filter.outdated->details_before});
  if (filter.listed_only)
    q.Where(
        "EXISTS (SELECT 1 FROM providers p WHERE p.id = o.provider_id AND "
        "p.register_status = 'approved')",
        {});
  if (filter.near) WhereNear(q, *filter.near);
  Result<Page<d::Offer>> out = Page<d::Offer>{};
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& c) -> Status {
    if (!filter.words.empty()) {
      // Few matches: look the offers up by them and sort. Many: "+" keeps the planner from
      // looking up by rowid, so it walks an index in id order and stops after a page.
      PASSEND_ASSIGN_OR_RETURN(bool few, FewMatches(c, match));
      q.Where(std::string(few ? "" : "+") +
                  "o.rowid IN (SELECT rowid FROM offer_search WHERE offer_search MATCH ?)",
              {match});
    }
    q.Page("o.id", page);
    out = ReadPage<d::Offer>(c, q, ReadOffer);
    if (!out.ok()) return out.error();
    return LoadOfferChildren(c, out->items, false);
  }));
  return out;
}

Status SqliteCatalogStore::PutProvider(const d::Provider& p) {
  return db_.Write([&](Connection& c) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Statement st,
        c.Prepare("INSERT INTO providers (id, name, established, website, agb_code, kvk_number, "
                  "ura_number, register_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                  "ON CONFLICT(id) DO UPDATE SET name = excluded.name, "
                  "established = excluded.established, website = excluded.website, "
                  "agb_code = excluded.agb_code, kvk_number = excluded.kvk_number, "
                  "ura_number = excluded.ura_number, register_status = excluded.register_status"));
    return st.Bind(1, p.id)
        .Bind(2, p.name)
        .Bind(3, p.established ? 1 : 0)
        .Bind(4, p.website)
        .Bind(5, p.agb_code)
        .Bind(6, p.kvk_number)
        .Bind(7, p.ura_number)
        .Bind(8, std::string(d::ToString(p.register_status)))
        .Run();
  });
}

Status SqliteCatalogStore::PutLocation(const d::Location& l) {
  return db_.Write([&](Connection& c) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Statement st,
        c.Prepare(
            "INSERT INTO locations (id, provider_id, name, address, municipality_code, lat, lon) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
            "provider_id = excluded.provider_id, name = excluded.name, address = excluded.address, "
            "municipality_code = excluded.municipality_code, lat = excluded.lat, lon = "
            "excluded.lon"));
    return st.Bind(1, l.id)
        .Bind(2, l.provider_id)
        .Bind(3, l.name)
        .Bind(4, l.address)
        .Bind(5, l.municipality_code)
        .Bind(6, l.position.lat)
        .Bind(7, l.position.lon)
        .Run();
  });
}

Status SqliteCatalogStore::PutOffer(const d::Offer& o) {
  return db_.Write([&](Connection& c) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Statement st,
        c.Prepare(
            "INSERT INTO offers (id, provider_id, location_id, kind, name, description, sectors, "
            "delivery_forms, capacity, free_places, waiting_people, waiting_weeks, "
            "service_radius_km, temporary, intake_contact, intake_requirements, places_updated, "
            "details_updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET provider_id = excluded.provider_id, "
            "location_id = excluded.location_id, kind = excluded.kind, name = excluded.name, "
            "description = excluded.description, sectors = excluded.sectors, "
            "delivery_forms = excluded.delivery_forms, capacity = excluded.capacity, "
            "free_places = excluded.free_places, waiting_people = excluded.waiting_people, "
            "waiting_weeks = excluded.waiting_weeks, "
            "service_radius_km = excluded.service_radius_km, temporary = excluded.temporary, "
            "intake_contact = excluded.intake_contact, "
            "intake_requirements = excluded.intake_requirements, "
            "places_updated = excluded.places_updated, details_updated = "
            "excluded.details_updated"));
    PASSEND_RETURN_IF_ERROR(st.Bind(1, o.id)
                                .Bind(2, o.provider_id)
                                .Bind(3, o.location_id)
                                .Bind(4, d::ToString(o.kind))
                                .Bind(5, o.name)
                                .Bind(6, o.description)
                                .Bind(7, JoinEnums(o.sectors))
                                .Bind(8, JoinEnums(o.delivery_forms))
                                .Bind(9, o.capacity)
                                .Bind(10, o.free_places)
                                .Bind(11, o.waiting_people)
                                .Bind(12, o.waiting_weeks)
                                .Bind(13, o.service_radius_km)
                                .Bind(14, o.temporary ? 1 : 0)
                                .Bind(15, o.intake_contact)
                                .Bind(16, o.intake_requirements)
                                .Bind(17, o.places_updated)
                                .Bind(18, o.details_updated)
                                .Run());
    for (const char* table :
         {"offer_profiles", "offer_regions", "offer_features", "offer_quality"}) {
      PASSEND_ASSIGN_OR_RETURN(
          Statement del, c.Prepare(std::string("DELETE FROM ") + table + " WHERE offer_id = ?"));
      PASSEND_RETURN_IF_ERROR(del.Bind(1, o.id).Run());
    }
    {
      // Prepared once for all rows; reset after each.
      PASSEND_ASSIGN_OR_RETURN(Statement ins,
                               c.Prepare("INSERT INTO offer_profiles VALUES (?, ?, ?)"));
      for (size_t i = 0; i < o.profiles.size(); ++i) {
        PASSEND_RETURN_IF_ERROR(
            ins.Bind(1, o.id).Bind(2, static_cast<int64_t>(i)).Bind(3, o.profiles[i]).Run());
        ins.Reset();
      }
    }
    {
      // Prepared once for all rows; reset after each.
      PASSEND_ASSIGN_OR_RETURN(Statement ins,
                               c.Prepare("INSERT INTO offer_regions VALUES (?, ?, ?)"));
      for (size_t i = 0; i < o.contracted_regions.size(); ++i) {
        PASSEND_RETURN_IF_ERROR(ins.Bind(1, o.id)
                                    .Bind(2, static_cast<int64_t>(i))
                                    .Bind(3, o.contracted_regions[i])
                                    .Run());
        ins.Reset();
      }
    }
    {
      // Prepared once for all rows; reset after each.
      PASSEND_ASSIGN_OR_RETURN(Statement ins,
                               c.Prepare("INSERT INTO offer_features VALUES (?, ?, ?, ?)"));
      for (size_t i = 0; i < o.features.size(); ++i) {
        PASSEND_RETURN_IF_ERROR(ins.Bind(1, o.id)
                                    .Bind(2, static_cast<int64_t>(i))
                                    .Bind(3, o.features[i].feature_id)
                                    .Bind(4, o.features[i].value)
                                    .Run());
        ins.Reset();
      }
    }
    {
      PASSEND_ASSIGN_OR_RETURN(Statement ins,
                               c.Prepare("INSERT INTO offer_quality (offer_id, seq, kind, source, "
                                         "measured, score, reviews, outcome, link) "
                                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
      for (size_t i = 0; i < o.quality.size(); ++i) {
        const d::QualityNote& n = o.quality[i];
        const bool inspection = n.kind == d::QualityKind::kInspection;
        PASSEND_RETURN_IF_ERROR(
            ins.Bind(1, o.id)
                .Bind(2, static_cast<int64_t>(i))
                .Bind(3, d::ToString(n.kind))
                .Bind(4, n.source)
                .Bind(5, n.measured)
                .Bind(6, n.score)
                .Bind(7, n.reviews)
                .Bind(8, inspection ? std::string(d::ToString(n.outcome)) : std::string())
                .Bind(9, n.link)
                .Run());
        ins.Reset();
      }
    }
    return Ok();
  });
}

namespace {

// The change history tables (offer_changes, provider_changes) have the same shape; `table`
// and `id_column` are constants of this file.
Status AddChanges(SqliteDatabase& db, const char* table, const char* id_column,
                  const std::vector<catalog::RecordChange>& changes) {
  return db.Write([&](Connection& c) -> Status {
    const std::string sql = std::string("INSERT INTO ") + table + " (" + id_column +
                            ", changed_at, user_id, organisation_id, field, old_value, "
                            "new_value) VALUES (?, ?, ?, ?, ?, ?, ?)";
    for (const auto& ch : changes) {
      PASSEND_ASSIGN_OR_RETURN(Statement st, c.Prepare(sql));
      PASSEND_RETURN_IF_ERROR(st.Bind(1, ch.record_id)
                                  .Bind(2, ch.changed_at)
                                  .Bind(3, ch.user_id)
                                  .Bind(4, ch.organisation_id)
                                  .Bind(5, ch.field)
                                  .Bind(6, ch.old_value)
                                  .Bind(7, ch.new_value)
                                  .Run());
    }
    return Ok();
  });
}

Result<std::vector<catalog::RecordChange>> Changes(SqliteDatabase& db, const char* table,
                                                   const char* id_column, const std::string& id) {
  std::vector<catalog::RecordChange> out;
  PASSEND_RETURN_IF_ERROR(db.WithConnection([&](Connection& c) -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        Statement st,
        c.Prepare(std::string("SELECT ") + id_column +
                  ", changed_at, user_id, organisation_id, field, old_value, new_value FROM " +
                  table + " WHERE " + id_column + " = ? ORDER BY seq"));
    st.Bind(1, id);
    while (true) {
      PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) return Ok();
      out.push_back(
          {st.Text(0), st.Text(1), st.Text(2), st.Text(3), st.Text(4), st.Text(5), st.Text(6)});
    }
  }));
  return out;
}

}  // namespace

Status SqliteCatalogStore::AddOfferChanges(const std::vector<catalog::OfferChange>& changes) {
  return AddChanges(db_, "offer_changes", "offer_id", changes);
}

Result<std::vector<catalog::OfferChange>> SqliteCatalogStore::OfferChanges(
    const std::string& offer_id) {
  return Changes(db_, "offer_changes", "offer_id", offer_id);
}

Status SqliteCatalogStore::AddProviderChanges(const std::vector<catalog::ProviderChange>& changes) {
  return AddChanges(db_, "provider_changes", "provider_id", changes);
}

Result<std::vector<catalog::ProviderChange>> SqliteCatalogStore::ProviderChanges(
    const std::string& provider_id) {
  return Changes(db_, "provider_changes", "provider_id", provider_id);
}

Result<std::vector<d::Provider>> SqliteCatalogStore::AllProviders() {
  std::vector<d::Provider> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& c) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Statement st,
                             c.Prepare(std::string(kProviderColumns) + " ORDER BY id"));
    while (true) {
      PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) return Ok();
      out.push_back(ReadProvider(st));
    }
  }));
  return out;
}

Result<std::vector<d::Location>> SqliteCatalogStore::AllLocations() {
  std::vector<d::Location> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& c) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Statement st,
                             c.Prepare(std::string(kLocationColumns) + " ORDER BY id"));
    while (true) {
      PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) return Ok();
      out.push_back(ReadLocation(st));
    }
  }));
  return out;
}

Result<std::vector<d::Offer>> SqliteCatalogStore::AllOffers() {
  std::vector<d::Offer> out;
  PASSEND_RETURN_IF_ERROR(db_.WithConnection([&](Connection& c) -> Status {
    PASSEND_ASSIGN_OR_RETURN(Statement st,
                             c.Prepare(std::string(kOfferColumns) + " ORDER BY o.id"));
    while (true) {
      PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      PASSEND_ASSIGN_OR_RETURN(d::Offer o, ReadOffer(st));
      out.push_back(std::move(o));
    }
    return LoadOfferChildren(c, out, true);
  }));
  return out;
}

}  // namespace passend::store::sqlite
