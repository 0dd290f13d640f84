#pragma once
// The client record in rows, the same on every backend: the columns of clients and
// client_versions, the three child tables, and how a result row reads back into a
// domain::Client. Each backend's store (sqlite_client_store.cc, postgres_client_store.cc)
// keeps only what differs between the dialects: placeholders, batching and cursors. `Row`
// is a backend's result row with Text, Int, Double and IsNull by column index.
#include <string>

#include "domain/client.h"
#include "domain/error.h"
#include "intake/client_store.h"
#include "store/enum_list.h"

namespace passend::store {

// The record's columns after its id, the same in clients and client_versions.
#define PASSEND_CLIENT_FIELDS                                                             \
  "name, birth_year, municipality_code, lat, lon, sector, indication, profile, "          \
  "preferred_forms, seeking, representative_name, representative_relation, care_status, " \
  "care_provider_id"

inline constexpr const char* kClientColumns = "SELECT id, " PASSEND_CLIENT_FIELDS " FROM clients";
// A version's record (same positions as kClientColumns), then its head from column 15.
inline constexpr const char* kVersionColumns =
    "SELECT client_id, " PASSEND_CLIENT_FIELDS
    ", version, recorded_at, author_id, author_name, author_role, reason FROM client_versions";
inline constexpr int kVersionHeadColumn = 15;

template <typename Row>
Result<domain::Client> ReadClient(const Row& r) {
  domain::Client c;
  c.id = r.Text(0);
  c.name = r.Text(1);
  c.birth_year = static_cast<int>(r.Int(2));
  c.municipality_code = r.Text(3);
  c.home = {r.Double(4), r.Double(5)};
  auto sector = domain::ParseSector(r.Text(6));
  auto indication = domain::ParseIndicationStatus(r.Text(7));
  if (!sector || !indication)
    return Internal("Onbekende sector of indicatie in database bij " + c.id);
  c.sector = *sector;
  c.indication = *indication;
  c.profile = r.Text(8);
  PASSEND_ASSIGN_OR_RETURN(c.preferred_forms,
                           SplitEnums<domain::DeliveryForm>(r.Text(9), domain::ParseDeliveryForm));
  PASSEND_ASSIGN_OR_RETURN(c.seeking,
                           SplitEnums<domain::OfferKind>(r.Text(10), domain::ParseOfferKind));
  if (!r.IsNull(11)) c.representative = domain::Representative{r.Text(11), r.Text(12)};
  auto care_status = domain::ParseCareStatus(r.Text(13));
  if (!care_status) return Internal("Onbekende zorgstatus in database bij " + c.id);
  c.care_status = *care_status;
  c.care_provider_id = r.Text(14);
  return c;
}

// A version's head (who, when, why) from column `first` of a row whose column 0 is the id.
template <typename Row>
intake::ClientVersionInfo ReadVersionInfo(const Row& r, int first) {
  intake::ClientVersionInfo v;
  v.client_id = r.Text(0);
  v.version = static_cast<int>(r.Int(first));
  v.recorded_at = r.Text(first + 1);
  v.author_id = r.Text(first + 2);
  v.author_name = r.Text(first + 3);
  v.author_role = r.Text(first + 4);
  v.reason = r.Text(first + 5);
  return v;
}

// One of the three child tables: its select (column 0 is client_id), its columns after
// seq, the table of the same rows per version, and how a row adds to a client.
struct ClientChildTable {
  enum class Kind { kWishes, kNeeds, kPlaces };
  Kind kind;
  const char* select;  // "SELECT client_id, ... FROM t"
  const char* table;
  const char* columns;        // the columns after seq, as in `select`
  const char* version_table;  // the same rows of a version: client_id, version, seq, ...

  template <typename Row>
  Status Add(domain::Client& c, const Row& r) const {
    switch (kind) {
      case Kind::kWishes: {
        auto importance = domain::ParseImportance(r.Text(2));
        if (!importance) return Internal("Onbekend belang in database bij " + c.id);
        domain::Wish w{r.Text(1), *importance, std::nullopt, r.Text(4)};
        if (!r.IsNull(3)) w.value = r.Double(3);
        c.wishes.push_back(std::move(w));
        return Ok();
      }
      case Kind::kNeeds: c.needs.push_back({r.Text(1), r.Text(2)}); return Ok();
      case Kind::kPlaces: {
        auto place_kind = domain::ParsePlaceKind(r.Text(1));
        auto importance = domain::ParseImportance(r.Text(6));
        if (!place_kind || !importance) return Internal("Onbekende plek in database bij " + c.id);
        c.places.push_back(
            {*place_kind, r.Text(2), {r.Double(3), r.Double(4)}, r.Double(5), *importance});
        return Ok();
      }
    }
    return Internal("Onbekende kindtabel");
  }
};

inline constexpr ClientChildTable kClientChildren[] = {
    {ClientChildTable::Kind::kWishes,
     "SELECT client_id, feature_id, importance, value, text FROM client_wishes", "client_wishes",
     "feature_id, importance, value, text", "client_version_wishes"},
    {ClientChildTable::Kind::kNeeds, "SELECT client_id, feature_id, note FROM client_needs",
     "client_needs", "feature_id, note", "client_version_needs"},
    {ClientChildTable::Kind::kPlaces,
     "SELECT client_id, kind, label, lat, lon, max_km, importance FROM client_places",
     "client_places", "kind, label, lat, lon, max_km, importance", "client_version_places"},
};

// ASCII lower case: what lower() does in SQLite, and in PostgreSQL under COLLATE "C".
inline std::string LowerAscii(std::string s) {
  for (char& ch : s)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return s;
}

}  // namespace passend::store
