#include "interop/hsds.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "domain/validation.h"
#include "interop/native_json.h"

namespace passend::interop {

using nlohmann::json;
namespace d = passend::domain;

namespace {

constexpr const char* kPassend = "Passend";          // the taxonomy of Passend's fields
constexpr const char* kProfile = "Wlz zorgprofiel";  // iWlz care profiles ("5VV")
constexpr const char* kFeature = "Passend kenmerk";  // the feature vocabulary
constexpr const char* kFieldNote = "Veld van Passend (docs/formats.md)";

uint64_t Fnv1a(std::string_view s, uint64_t h) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

std::string NumberText(double v) {
  char buf[64];
  auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, ec == std::errc() ? p : buf);
}

json Term(const std::string& taxonomy, const std::string& code, const std::string& name,
          const std::string& description) {
  return json{{"id", HsdsUuid("taxonomy_term", taxonomy + ":" + code)},
              {"taxonomy", taxonomy},
              {"code", code},
              {"name", name},
              {"description", description}};
}

// Attributes of one entity, in the order added.
class Attributes {
 public:
  Attributes(std::string entity, std::string link_uuid)
      : entity_(std::move(entity)), link_(std::move(link_uuid)) {}
  void Add(const std::string& taxonomy, const std::string& code, const std::string& name,
           const std::string& description, const std::string& value) {
    json term = Term(taxonomy, code, name, description);
    json a{{"id", HsdsUuid("attribute", link_ + ":" + taxonomy + ":" + code + ":" + value)},
           {"link_id", link_},
           {"link_type", "taxonomy_term"},
           {"link_entity", entity_},
           {"taxonomy_term_id", term["id"]},
           {"taxonomy_term", std::move(term)},
           {"value", value}};
    list_.push_back(std::move(a));
  }
  void Field(const std::string& field, const std::string& value) {
    Add(kPassend, field, field, kFieldNote, value);
  }
  json Take() { return std::move(list_); }

 private:
  std::string entity_, link_;
  json list_ = json::array();
};

json OrganizationJson(const d::Provider& p) {
  const std::string uuid = HsdsUuid("organization", p.id);
  json ids = json::array();
  for (const auto& [scheme, type, number] :
       {std::tuple{"AGB", "AGB-code", &p.agb_code}, std::tuple{"KVK", "KvK-nummer", &p.kvk_number},
        std::tuple{"URA", "URA", &p.ura_number}}) {
    if (number->empty()) continue;
    ids.push_back({{"id", HsdsUuid("organization_identifier", p.id + ":" + scheme)},
                   {"organization_id", uuid},
                   {"identifier_scheme", scheme},
                   {"identifier_type", type},
                   {"identifier", *number}});
  }
  Attributes attrs("organization", uuid);
  attrs.Field("id", p.id);
  attrs.Field("established", p.established ? "true" : "false");
  json o{{"id", uuid},
         {"name", p.name},
         {"description", ""},
         {"organization_identifiers", std::move(ids)},
         {"attributes", attrs.Take()},
         {"locations", json::array()},
         {"services", json::array()}};
  if (!p.website.empty()) o["website"] = p.website;
  return o;
}

json LocationJson(const d::Location& l, const d::ReferenceData& ref) {
  const std::string uuid = HsdsUuid("location", l.id);
  Attributes attrs("location", uuid);
  attrs.Field("id", l.id);
  attrs.Field("municipality_code", l.municipality_code);
  json j{{"id", uuid},
         {"location_type", "physical"},
         {"name", l.name},
         {"organization_id", HsdsUuid("organization", l.provider_id)},
         {"latitude", l.position.lat},
         {"longitude", l.position.lon},
         {"attributes", attrs.Take()}};
  if (!l.address.empty()) {
    const d::Municipality* m = ref.FindMunicipality(l.municipality_code);
    // Passend keeps street and number only: HSDS's required postal code and province stay
    // empty (docs/formats.md).
    j["addresses"] = json::array({json{{"id", HsdsUuid("address", l.id)},
                                       {"location_id", uuid},
                                       {"address_1", l.address},
                                       {"city", m != nullptr ? m->name : ""},
                                       {"state_province", ""},
                                       {"postal_code", ""},
                                       {"country", "NL"},
                                       {"address_type", "physical"}}});
  }
  return j;
}

json ServiceJson(const d::Offer& o, const d::ReferenceData& ref) {
  const std::string uuid = HsdsUuid("service", o.id);
  Attributes attrs("service", uuid);
  attrs.Field("id", o.id);
  attrs.Field("kind", std::string(d::ToString(o.kind)));
  for (d::Sector s : o.sectors) attrs.Field("sectors", std::string(d::ToString(s)));
  for (const std::string& code : o.profiles) {
    const d::CareProfile* p = ref.FindProfile(code);
    const std::string name = p != nullptr ? p->name_nl : code;
    attrs.Add(kProfile, code, code, name, "");
  }
  for (d::DeliveryForm f : o.delivery_forms)
    attrs.Field("delivery_forms", std::string(d::ToString(f)));
  attrs.Field("capacity", std::to_string(o.capacity));
  attrs.Field("free_places", std::to_string(o.free_places));
  attrs.Field("waiting_people", std::to_string(o.waiting_people));
  attrs.Field("waiting_weeks", std::to_string(o.waiting_weeks));
  for (const std::string& r : o.contracted_regions) attrs.Field("contracted_regions", r);
  for (const auto& f : o.features) {
    const d::Feature* def = ref.FindFeature(f.feature_id);
    const std::string label = def != nullptr ? def->label_nl : f.feature_id;
    attrs.Add(kFeature, f.feature_id, f.feature_id, label, NumberText(f.value));
  }
  // HSDS has no place for reviews or inspections: each note is one attribute whose value
  // is the note as Passend's native JSON (docs/formats.md).
  for (const auto& n : o.quality) {
    json note = ToJson(n);
    note.erase("text");
    attrs.Field("quality", note.dump());
  }
  attrs.Field("service_radius_km", NumberText(o.service_radius_km));
  attrs.Field("temporary", o.temporary ? "true" : "false");
  if (!o.intake_contact.empty()) attrs.Field("intake_contact", o.intake_contact);
  if (!o.places_updated.empty()) attrs.Field("places_updated", o.places_updated);
  if (!o.details_updated.empty()) attrs.Field("details_updated", o.details_updated);
  json j{
      {"id", uuid},
      {"name", o.name},
      {"description", o.description},
      {"status", "active"},
      {"organization_id", HsdsUuid("organization", o.provider_id)},
      {"wait_time", std::to_string(o.waiting_weeks) + (o.waiting_weeks == 1 ? " week" : " weken")},
      {"service_at_locations",
       json::array({json{{"id", HsdsUuid("service_at_location", o.id)},
                         {"service_id", uuid},
                         {"location_id", HsdsUuid("location", o.location_id)}}})},
      {"attributes", attrs.Take()}};
  if (!o.intake_requirements.empty()) j["application_process"] = o.intake_requirements;
  if (!o.last_updated().empty()) j["last_modified"] = o.last_updated();
  return j;
}

// --- reading ---

// The attributes of an entity: taxonomy -> (code, value) in document order.
using AttributeMap = std::map<std::string, std::vector<std::pair<std::string, std::string>>>;

AttributeMap ReadAttributes(const json& entity) {
  AttributeMap out;
  auto it = entity.find("attributes");
  if (it == entity.end() || !it->is_array()) return out;
  for (const json& a : *it) {
    if (!a.is_object()) continue;
    auto t = a.find("taxonomy_term");
    if (t == a.end() || !t->is_object()) continue;
    const std::string taxonomy = t->value("taxonomy", "");
    const std::string code = t->value("code", "");
    if (code.empty()) continue;
    std::string value;
    if (auto v = a.find("value"); v != a.end() && v->is_string()) value = v->get<std::string>();
    out[taxonomy].emplace_back(code, value);
  }
  return out;
}

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

const std::string* One(const AttributeMap& a, const char* taxonomy, const char* code) {
  auto t = a.find(taxonomy);
  if (t == a.end()) return nullptr;
  for (const auto& [c, value] : t->second)
    if (c == code) return &value;
  return nullptr;
}

std::vector<std::string> All(const AttributeMap& a, const char* taxonomy, const char* code) {
  std::vector<std::string> out;
  auto t = a.find(taxonomy);
  if (t == a.end()) return out;
  for (const auto& [c, value] : t->second)
    if (c == code) out.push_back(value);
  return out;
}

// The (code, value) pairs of a taxonomy, in document order.
const std::vector<std::pair<std::string, std::string>>& Terms(const AttributeMap& a,
                                                              const char* taxonomy) {
  static const std::vector<std::pair<std::string, std::string>> none;
  auto t = a.find(taxonomy);
  return t == a.end() ? none : t->second;
}

template <typename N>
std::optional<N> Number(const std::string& s) {
  N v{};
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

struct OrgRecord {
  d::Provider provider;
  std::string path;
  std::vector<ImportProblem> problems;
};
struct LocRecord {
  d::Location location;
  std::string org_uuid, path;
  std::vector<ImportProblem> problems;
};
struct OfferRecord {
  d::Offer offer;
  std::string org_uuid, loc_uuid, path;
  std::vector<ImportProblem> problems;
};

// The HSDS field a native field comes from, for problems found by domain validation.
std::string HsdsField(const std::string& native) {
  static const std::map<std::string, std::string> standard = {
      {"name", "name"},
      {"description", "description"},
      {"website", "website"},
      {"address", "addresses[0].address_1"},
      {"position", "latitude"},
      {"intake_requirements", "application_process"},
      {"agb_code", "organization_identifiers (AGB)"},
      {"kvk_number", "organization_identifiers (KVK)"},
      {"ura_number", "organization_identifiers (URA)"},
      {"profiles", "attributes (Wlz zorgprofiel)"},
      {"features", "attributes (Passend kenmerk)"},
  };
  const std::string head = native.substr(0, native.find_first_of(".["));
  auto it = standard.find(head);
  if (it != standard.end()) return it->second;
  return "attributes (Passend " + head + ")";
}

class Reader {
 public:
  explicit Reader(const d::ReferenceData& ref) : ref_(ref) {}

  void Document(const json& j) {
    if (j.is_object() && j.contains("contents") && j["contents"].is_array()) {
      const json& c = j["contents"];
      for (size_t i = 0; i < c.size(); ++i) Item(c[i], "contents[" + std::to_string(i) + "]");
    } else if (j.is_array()) {
      for (size_t i = 0; i < j.size(); ++i) Item(j[i], "[" + std::to_string(i) + "]");
    } else {
      Item(j, "document");
    }
  }

  FormatImport Result();

 private:
  void Item(const json& j, const std::string& path) {
    if (!j.is_object()) {
      problems_.push_back({path, "", "Verwacht een HSDS-object"});
      return;
    }
    const bool sal = (j.contains("service") && j["service"].is_object()) ||
                     (j.contains("location") && j["location"].is_object() && !j.contains("status"));
    if (sal) {
      // The location belongs to the service's organization unless it says otherwise.
      std::string org;
      if (j.contains("service") && j["service"].is_object()) {
        const json& service = j["service"];
        org = Str(service, "organization_id");
        if (service.contains("organization") && service["organization"].is_object())
          org = Str(service["organization"], "id");
      }
      std::string loc_uuid = Str(j, "location_id");
      if (j.contains("location") && j["location"].is_object())
        loc_uuid = Location(j["location"], path + ".location", org);
      if (j.contains("service") && j["service"].is_object())
        Service(j["service"], path + ".service", "", loc_uuid, Str(j, "id"));
      else
        problems_.push_back({path, "service", "Een service_at_location zonder service"});
    } else if (j.contains("status")) {
      Service(j, path, "", "", "");
    } else if (j.contains("location_type")) {
      Location(j, path, "");
    } else {
      Organization(j, path);
    }
  }

  std::string Organization(const json& j, const std::string& path) {
    const std::string uuid = Str(j, "id");
    if (uuid.empty()) {
      problems_.push_back({path, "id", "Dit veld is verplicht"});
      return uuid;
    }
    if (!orgs_.count(uuid)) {
      OrgRecord r;
      r.path = path;
      const AttributeMap a = ReadAttributes(j);
      const std::string* id = One(a, kPassend, "id");
      r.provider.id = id != nullptr ? *id : "hsds-" + uuid;
      r.provider.name = Str(j, "name");
      r.provider.website = Str(j, "website");
      if (const std::string* e = One(a, kPassend, "established"))
        r.provider.established = *e != "false";
      if (auto ids = j.find("organization_identifiers"); ids != j.end() && ids->is_array()) {
        for (const json& i : *ids) {
          if (!i.is_object()) continue;
          std::string kind = Str(i, "identifier_scheme") + " " + Str(i, "identifier_type");
          for (char& c : kind) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          std::string number;
          for (char c : Str(i, "identifier"))
            if (c != ' ' && c != '.') number += c;
          if (kind.find("agb") != std::string::npos)
            r.provider.agb_code = number;
          else if (kind.find("kvk") != std::string::npos)
            r.provider.kvk_number = number;
          else if (kind.find("ura") != std::string::npos)
            r.provider.ura_number = number;
        }
      }
      orgs_.emplace(uuid, std::move(r));
      org_order_.push_back(uuid);
    }
    for (const char* key : {"locations", "services"}) {
      auto it = j.find(key);
      if (it == j.end() || !it->is_array()) continue;
      for (size_t i = 0; i < it->size(); ++i) {
        const std::string p = path + "." + key + "[" + std::to_string(i) + "]";
        if (std::string(key) == "locations")
          Location((*it)[i], p, uuid);
        else
          Service((*it)[i], p, uuid, "", "");
      }
    }
    return uuid;
  }

  std::string Location(const json& j, const std::string& path, const std::string& parent_org) {
    const std::string uuid = j.is_object() ? Str(j, "id") : "";
    if (uuid.empty()) {
      problems_.push_back({path, "id", "Dit veld is verplicht"});
      return uuid;
    }
    if (locs_.count(uuid)) return uuid;
    LocRecord r;
    r.path = path;
    r.org_uuid = Str(j, "organization_id");
    if (r.org_uuid.empty()) r.org_uuid = parent_org;
    const AttributeMap a = ReadAttributes(j);
    const std::string* id = One(a, kPassend, "id");
    r.location.id = id != nullptr ? *id : "hsds-" + uuid;
    r.location.name = Str(j, "name");
    auto lat = j.find("latitude"), lon = j.find("longitude");
    if (lat == j.end() || !lat->is_number() || lon == j.end() || !lon->is_number()) {
      r.problems.push_back(
          {path, "latitude", "Passend heeft de coördinaten van een locatie nodig"});
    } else {
      r.location.position = {lat->get<double>(), lon->get<double>()};
    }
    if (auto ad = j.find("addresses");
        ad != j.end() && ad->is_array() && !ad->empty() && (*ad)[0].is_object())
      r.location.address = Str((*ad)[0], "address_1");
    if (const std::string* m = One(a, kPassend, "municipality_code")) {
      r.location.municipality_code = *m;
    } else if (r.problems.empty()) {
      r.location.municipality_code = NearestMunicipalityCode(ref_, r.location.position);
      if (r.location.municipality_code.empty())
        r.problems.push_back({path, "latitude",
                              "Passend kent alleen locaties in Nederland; deze ligt op " +
                                  NumberText(r.location.position.lat) + ", " +
                                  NumberText(r.location.position.lon)});
    }
    locs_.emplace(uuid, std::move(r));
    loc_order_.push_back(uuid);
    return uuid;
  }

  void Service(const json& j, const std::string& path, const std::string& parent_org,
               const std::string& sal_loc, const std::string& sal_id) {
    if (!j.is_object() || Str(j, "id").empty()) {
      problems_.push_back({path, "id", "Dit veld is verplicht"});
      return;
    }
    const std::string uuid = Str(j, "id");
    std::string org = Str(j, "organization_id");
    if (auto o = j.find("organization"); o != j.end() && o->is_object())
      org = Organization(*o, path + ".organization");
    if (org.empty()) org = parent_org;
    // Where it is offered: one offer per location.
    std::vector<std::pair<std::string, std::string>> at;  // service_at_location id, location
    if (!sal_loc.empty()) at.emplace_back(sal_id, sal_loc);
    if (auto s = j.find("service_at_locations"); s != j.end() && s->is_array()) {
      for (size_t i = 0; i < s->size(); ++i) {
        const json& x = (*s)[i];
        if (!x.is_object()) continue;
        std::string loc = Str(x, "location_id");
        if (auto l = x.find("location"); l != x.end() && l->is_object())
          loc =
              Location(*l, path + ".service_at_locations[" + std::to_string(i) + "].location", org);
        if (!loc.empty()) at.emplace_back(Str(x, "id"), loc);
      }
    }
    const AttributeMap a = ReadAttributes(j);
    if (at.empty()) {
      OfferRecord r;
      r.path = path;
      r.problems.push_back(
          {path, "service_at_locations",
           "Passend kent aanbod alleen op een locatie; deze service heeft er geen"});
      offers_.push_back(std::move(r));
      return;
    }
    const std::string* id = One(a, kPassend, "id");
    for (const auto& [sal, loc] : at) {
      OfferRecord r;
      r.path = path;
      r.org_uuid = org;
      r.loc_uuid = loc;
      r.offer.id = id != nullptr && at.size() == 1 ? *id : "hsds-" + (sal.empty() ? uuid : sal);
      ReadOffer(j, a, r);
      offers_.push_back(std::move(r));
    }
  }

  void ReadOffer(const json& j, const AttributeMap& a, OfferRecord& r) {
    d::Offer& o = r.offer;
    auto problem = [&](const std::string& field, const std::string& message) {
      r.problems.push_back({r.path, field, message});
    };
    o.name = Str(j, "name");
    o.description = Str(j, "description");
    o.intake_requirements = Str(j, "application_process");
    if (const std::string* k = One(a, kPassend, "kind")) {
      if (auto kind = d::ParseOfferKind(*k))
        o.kind = *kind;
      else
        problem("attributes (Passend kind)", "Onbekende soort '" + *k + "'");
    } else {
      problem("attributes (Passend kind)",
              "De soort aanbod ontbreekt (wonen, dagbesteding, logeren of zorg_thuis)");
    }
    for (const std::string& s : All(a, kPassend, "sectors")) {
      if (auto v = d::ParseSector(s))
        o.sectors.push_back(*v);
      else
        problem("attributes (Passend sectors)", "Onbekende sector '" + s + "'");
    }
    for (const auto& term : Terms(a, kProfile)) o.profiles.push_back(term.first);
    if (o.sectors.empty())  // the sectors of its profiles
      for (const std::string& code : o.profiles)
        if (const d::CareProfile* p = ref_.FindProfile(code))
          if (std::find(o.sectors.begin(), o.sectors.end(), p->sector) == o.sectors.end())
            o.sectors.push_back(p->sector);
    for (const std::string& f : All(a, kPassend, "delivery_forms")) {
      if (auto v = d::ParseDeliveryForm(f))
        o.delivery_forms.push_back(*v);
      else
        problem("attributes (Passend delivery_forms)", "Onbekende leveringsvorm '" + f + "'");
    }
    for (const auto& [field, out] :
         {std::pair{"capacity", &o.capacity}, std::pair{"free_places", &o.free_places},
          std::pair{"waiting_people", &o.waiting_people},
          std::pair{"waiting_weeks", &o.waiting_weeks}}) {
      const std::string* v = One(a, kPassend, field);
      if (v == nullptr) continue;
      if (auto n = Number<int>(*v))
        *out = *n;
      else
        problem(std::string("attributes (Passend ") + field + ")",
                "Geen geheel getal: '" + *v + "'");
    }
    o.contracted_regions = All(a, kPassend, "contracted_regions");
    for (const auto& [code, value] : Terms(a, kFeature)) {
      auto v = Number<double>(value);
      if (!v) {
        problem("attributes (Passend kenmerk " + code + ")", "Geen getal: '" + value + "'");
        continue;
      }
      o.features.push_back({code, *v});
    }
    for (const std::string& q : All(a, kPassend, "quality")) {
      json note = json::parse(q, nullptr, false);
      auto n = QualityNoteFromJson(note);
      if (n.ok())
        o.quality.push_back(*n);
      else
        problem("attributes (Passend quality)." + n.error().field(),
                note.is_discarded() ? "Geen kwaliteitsgegeven in JSON: '" + q + "'"
                                    : n.error().message());
    }
    if (const std::string* s = One(a, kPassend, "service_radius_km")) {
      if (auto v = Number<double>(*s))
        o.service_radius_km = *v;
      else
        problem("attributes (Passend service_radius_km)", "Geen getal: '" + *s + "'");
    }
    if (const std::string* t = One(a, kPassend, "temporary")) o.temporary = *t == "true";
    if (const std::string* c = One(a, kPassend, "intake_contact")) o.intake_contact = *c;
    if (const std::string* p = One(a, kPassend, "places_updated")) o.places_updated = *p;
    if (const std::string* p = One(a, kPassend, "details_updated")) o.details_updated = *p;
  }

  const d::ReferenceData& ref_;
  std::map<std::string, OrgRecord> orgs_;
  std::map<std::string, LocRecord> locs_;
  std::vector<std::string> org_order_, loc_order_;
  std::vector<OfferRecord> offers_;
  std::vector<ImportProblem> problems_;  // of the document, outside any record
};

FormatImport Reader::Result() {
  FormatImport out;
  out.problems = problems_;
  std::set<std::string> good_orgs, good_locs;
  auto report = [&](std::vector<ImportProblem>& problems) {
    ++out.records_left_out;
    for (auto& p : problems) out.problems.push_back(std::move(p));
  };
  for (const std::string& uuid : org_order_) {
    OrgRecord& r = orgs_.at(uuid);
    ++out.records_read;
    if (auto s = d::ValidateProvider(r.provider); !s.ok())
      r.problems.push_back({r.path, HsdsField(s.error().field()), s.error().message()});
    if (!r.problems.empty()) {
      report(r.problems);
      continue;
    }
    good_orgs.insert(uuid);
    out.dataset.providers.push_back(r.provider);
  }
  for (const std::string& uuid : loc_order_) {
    LocRecord& r = locs_.at(uuid);
    ++out.records_read;
    if (r.org_uuid.empty() || !orgs_.count(r.org_uuid))
      r.problems.push_back(
          {r.path, "organization_id", "Hoort bij geen organisatie in het bestand"});
    else if (!good_orgs.count(r.org_uuid))
      r.problems.push_back({r.path, "organization_id", "De organisatie is overgeslagen"});
    else
      r.location.provider_id = orgs_.at(r.org_uuid).provider.id;
    if (r.problems.empty())
      if (auto s = d::ValidateLocation(r.location, ref_); !s.ok())
        r.problems.push_back({r.path, HsdsField(s.error().field()), s.error().message()});
    if (!r.problems.empty()) {
      report(r.problems);
      continue;
    }
    good_locs.insert(uuid);
    out.dataset.locations.push_back(r.location);
  }
  std::set<std::string> offer_ids;
  for (OfferRecord& r : offers_) {
    ++out.records_read;
    if (r.problems.empty()) {
      if (!good_orgs.count(r.org_uuid)) {
        r.problems.push_back({r.path, "organization_id",
                              orgs_.count(r.org_uuid)
                                  ? "De organisatie is overgeslagen"
                                  : "Hoort bij geen organisatie in het bestand"});
      } else if (!good_locs.count(r.loc_uuid)) {
        r.problems.push_back({r.path, "service_at_locations",
                              locs_.count(r.loc_uuid) ? "De locatie is overgeslagen"
                                                      : "De locatie staat niet in het bestand"});
      } else {
        r.offer.provider_id = orgs_.at(r.org_uuid).provider.id;
        r.offer.location_id = locs_.at(r.loc_uuid).location.id;
        if (locs_.at(r.loc_uuid).org_uuid != r.org_uuid)
          r.problems.push_back(
              {r.path, "service_at_locations", "De locatie hoort bij een andere organisatie"});
        else if (auto s = d::ValidateOffer(r.offer, ref_); !s.ok())
          r.problems.push_back({r.path, HsdsField(s.error().field()), s.error().message()});
        else if (!offer_ids.insert(r.offer.id).second)
          r.problems.push_back({r.path, "id", "Dit aanbod staat twee keer in het bestand"});
      }
    }
    if (!r.problems.empty()) {
      report(r.problems);
      continue;
    }
    out.dataset.offers.push_back(r.offer);
  }
  return out;
}

}  // namespace

std::string NearestMunicipalityCode(const d::ReferenceData& ref, d::GeoPoint p) {
  if (p.lat < 50.7 || p.lat > 53.6 || p.lon < 3.3 || p.lon > 7.3) return "";
  const d::Municipality* best = nullptr;
  double best_d = 0;
  const double k = std::cos(p.lat * 3.14159265358979 / 180);
  for (const auto& m : ref.municipalities()) {
    const double dy = m.centroid.lat - p.lat, dx = (m.centroid.lon - p.lon) * k;
    const double dist = dy * dy + dx * dx;
    if (best == nullptr || dist < best_d) {
      best = &m;
      best_d = dist;
    }
  }
  return best != nullptr ? best->code : "";
}

std::string HsdsUuid(std::string_view kind, std::string_view id) {
  // Name-based: two 64-bit FNV-1a hashes of kind and id, shaped as a version 8 (custom)
  // UUID with the RFC 9562 variant.
  std::string name = std::string(kind) + ":" + std::string(id);
  uint64_t hi = Fnv1a(name, 14695981039346656037ULL);
  uint64_t lo = Fnv1a(name, hi ^ 0x9e3779b97f4a7c15ULL);
  hi = (hi & ~0xF000ULL) | 0x8000ULL;                         // version 8
  lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;  // variant 10
  char buf[37];
  std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(hi >> 32),
                static_cast<unsigned>((hi >> 16) & 0xFFFF), static_cast<unsigned>(hi & 0xFFFF),
                static_cast<unsigned>(lo >> 48),
                static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFULL));
  return buf;
}

std::string HsdsWriter::Finish() const {
  std::map<std::string, size_t> index;
  json contents = json::array();
  for (const auto& p : providers_) {
    index.emplace(p.id, contents.size());
    contents.push_back(OrganizationJson(p));
  }
  for (const auto& l : locations_)
    if (auto it = index.find(l.provider_id); it != index.end())
      contents[it->second]["locations"].push_back(LocationJson(l, ref_));
  for (const auto& o : offers_)
    if (auto it = index.find(o.provider_id); it != index.end())
      contents[it->second]["services"].push_back(ServiceJson(o, ref_));
  const size_t n = contents.size();
  json page{{"total_items", n},   {"total_pages", 1},
            {"page_number", 1},   {"size", n},
            {"first_page", true}, {"last_page", true},
            {"empty", n == 0},    {"contents", std::move(contents)}};
  return page.dump(2) + "\n";
}

FormatImport ParseHsds(std::string_view text, const d::ReferenceData& ref) {
  auto j = ParseJsonText(text);
  if (!j.ok()) {
    FormatImport out;
    out.problems.push_back({"bestand", "", j.error().message()});
    return out;
  }
  Reader r(ref);
  r.Document(*j);
  return r.Result();
}

}  // namespace passend::interop
