#include "interop/fhir_directory.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "domain/validation.h"
#include "interop/hsds.h"
#include "interop/native_json.h"

namespace passend::interop {

using nlohmann::json;
namespace d = passend::domain;

namespace {

constexpr const char* kUra = "http://fhir.nl/fhir/NamingSystem/ura";
constexpr const char* kAgb = "http://fhir.nl/fhir/NamingSystem/agb-z";
constexpr const char* kKvk = "http://fhir.nl/fhir/NamingSystem/kvk";
constexpr const char* kCod163 =
    "https://informatiemodel.istandaarden.nl/informatiemodel/iwlz/estafette/2.4/codelijsten/"
    "cod163";
constexpr const char* kPassendId = "https://passend.nl/fhir/NamingSystem/id";
constexpr const char* kExt = "https://passend.nl/fhir/StructureDefinition/";

std::string NumberText(double v) {
  char buf[64];
  auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, ec == std::errc() ? p : buf);
}

std::string Uuid(std::string_view kind, const std::string& id) { return HsdsUuid(kind, id); }

json Identifier(const char* system, const std::string& value) {
  return json{{"system", system}, {"value", value}};
}

json Ext(const std::string& name, const char* value_type, json value) {
  return json{{"url", std::string(kExt) + name}, {value_type, std::move(value)}};
}

json OrganizationResource(const d::Provider& p) {
  json ids = json::array({Identifier(kPassendId, p.id)});
  if (!p.ura_number.empty()) ids.push_back(Identifier(kUra, p.ura_number));
  if (!p.agb_code.empty()) ids.push_back(Identifier(kAgb, p.agb_code));
  if (!p.kvk_number.empty()) ids.push_back(Identifier(kKvk, p.kvk_number));
  json r{{"resourceType", "Organization"},
         {"id", Uuid("organization", p.id)},
         {"identifier", std::move(ids)},
         {"active", p.Listed()},
         {"name", p.name},
         {"extension", json::array({Ext("provider-established", "valueBoolean", p.established)})}};
  if (!p.website.empty())
    r["telecom"] = json::array({json{{"system", "url"}, {"value", p.website}}});
  return r;
}

json LocationResource(const d::Location& l, const d::ReferenceData& ref) {
  json address{{"country", "NL"}};
  if (!l.address.empty()) address["line"] = json::array({l.address});
  if (const d::Municipality* m = ref.FindMunicipality(l.municipality_code))
    address["district"] = m->name;
  return json{{"resourceType", "Location"},
              {"id", Uuid("location", l.id)},
              {"identifier", json::array({Identifier(kPassendId, l.id)})},
              {"status", "active"},
              {"name", l.name},
              {"address", std::move(address)},
              {"position", {{"latitude", l.position.lat}, {"longitude", l.position.lon}}},
              {"managingOrganization",
               {{"reference", "Organization/" + Uuid("organization", l.provider_id)}}},
              {"extension",
               json::array({Ext("location-municipality-code", "valueCode", l.municipality_code)})}};
}

json ServiceResource(const d::Offer& o, const d::ReferenceData& ref) {
  json types = json::array();
  for (const std::string& code : o.profiles) {
    const d::CareProfile* p = ref.FindProfile(code);
    if (p == nullptr || p->vektis_code == 0) continue;
    types.push_back({{"coding", json::array({json{{"system", kCod163},
                                                  {"code", std::to_string(p->vektis_code)},
                                                  {"display", p->code + ": " + p->name_nl}}})}});
  }
  json ext = json::array();
  ext.push_back(Ext("offer-kind", "valueCode", std::string(d::ToString(o.kind))));
  for (d::Sector s : o.sectors)
    ext.push_back(Ext("offer-sector", "valueCode", std::string(d::ToString(s))));
  for (const std::string& p : o.profiles) ext.push_back(Ext("offer-profile", "valueCode", p));
  for (d::DeliveryForm f : o.delivery_forms)
    ext.push_back(Ext("offer-delivery-form", "valueCode", std::string(d::ToString(f))));
  ext.push_back(Ext("offer-capacity", "valueInteger", o.capacity));
  ext.push_back(Ext("offer-free-places", "valueInteger", o.free_places));
  ext.push_back(Ext("offer-waiting-people", "valueInteger", o.waiting_people));
  ext.push_back(Ext("offer-waiting-weeks", "valueInteger", o.waiting_weeks));
  for (const std::string& r : o.contracted_regions)
    ext.push_back(Ext("offer-contracted-region", "valueCode", r));
  for (const auto& f : o.features)
    ext.push_back(Ext("offer-feature", "valueString", f.feature_id + "=" + NumberText(f.value)));
  // A quality note is a complex extension: its parts as sub-extensions (docs/formats.md).
  for (const auto& n : o.quality) {
    json parts = json::array({json{{"url", "kind"}, {"valueCode", d::ToString(n.kind)}},
                              json{{"url", "source"}, {"valueString", n.source}},
                              json{{"url", "measured"}, {"valueDate", n.measured}}});
    if (n.kind == d::QualityKind::kReviews) {
      parts.push_back(json{{"url", "score"}, {"valueDecimal", n.score}});
      parts.push_back(json{{"url", "reviews"}, {"valueInteger", n.reviews}});
    } else {
      parts.push_back(json{{"url", "outcome"}, {"valueCode", d::ToString(n.outcome)}});
      if (!n.link.empty()) parts.push_back(json{{"url", "link"}, {"valueUrl", n.link}});
    }
    ext.push_back(json{{"url", std::string(kExt) + "offer-quality"}, {"extension", parts}});
  }
  ext.push_back(Ext("offer-service-radius-km", "valueDecimal", o.service_radius_km));
  ext.push_back(Ext("offer-temporary", "valueBoolean", o.temporary));
  if (!o.intake_contact.empty())
    ext.push_back(Ext("offer-intake-contact", "valueString", o.intake_contact));
  if (!o.places_updated.empty())
    ext.push_back(Ext("offer-places-updated", "valueDateTime", o.places_updated));
  if (!o.details_updated.empty())
    ext.push_back(Ext("offer-details-updated", "valueDateTime", o.details_updated));
  json r{{"resourceType", "HealthcareService"},
         {"id", Uuid("service", o.id)},
         {"identifier", json::array({Identifier(kPassendId, o.id)})},
         {"active", true},
         {"providedBy", {{"reference", "Organization/" + Uuid("organization", o.provider_id)}}},
         {"location",
          json::array({json{{"reference", "Location/" + Uuid("location", o.location_id)}}})},
         {"name", o.name},
         {"extension", std::move(ext)}};
  if (!types.empty()) r["type"] = std::move(types);
  if (!o.description.empty()) r["comment"] = o.description;
  if (!o.intake_requirements.empty()) r["extraDetails"] = o.intake_requirements;
  return r;
}

// --- reading ---

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The values of the Passend extensions of a resource, by name, in order.
std::map<std::string, std::vector<json>> Extensions(const json& r) {
  std::map<std::string, std::vector<json>> out;
  auto it = r.find("extension");
  if (it == r.end() || !it->is_array()) return out;
  const std::string prefix = kExt;
  for (const json& e : *it) {
    if (!e.is_object()) continue;
    const std::string url = Str(e, "url");
    if (url.rfind(prefix, 0) != 0) continue;
    for (auto v = e.begin(); v != e.end(); ++v)
      if (v.key().rfind("value", 0) == 0) out[url.substr(prefix.size())].push_back(v.value());
    // A complex extension: its sub-extensions' array stands for its value.
    if (auto sub = e.find("extension"); sub != e.end() && sub->is_array())
      out[url.substr(prefix.size())].push_back(*sub);
  }
  return out;
}

std::string IdentifierOf(const json& r, const char* system) {
  auto it = r.find("identifier");
  if (it == r.end() || !it->is_array()) return "";
  for (const json& i : *it)
    if (i.is_object() && Str(i, "system") == system) return Str(i, "value");
  return "";
}

// A Passend id for a resource without the Passend identifier: "fhir-" and its FHIR id
// with the characters Passend ids do not have replaced.
std::string FallbackId(const std::string& fhir_id) {
  std::string id = "fhir-" + fhir_id;
  for (char& c : id)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) c = '-';
  return id.substr(0, 64);
}

struct Record {
  std::string key, path;  // "Organization/abc", "entry[3]"
  json resource;
  std::vector<ImportProblem> problems;
};

// The key a reference resolves by: "urn:uuid:..." as is, else its last "Type/id".
std::string RefKey(const json& reference) {
  const std::string ref = reference.is_object() ? Str(reference, "reference") : "";
  if (ref.rfind("urn:uuid:", 0) == 0) return ref;
  const size_t last = ref.rfind('/');
  if (last == std::string::npos || last == 0) return ref;
  const size_t before = ref.rfind('/', last - 1);
  return before == std::string::npos ? ref : ref.substr(before + 1);
}

}  // namespace

std::string FhirDirectoryWriter::Finish() const {
  json entries = json::array();
  auto add = [&](json r) {
    const std::string url = "urn:uuid:" + r["id"].get<std::string>();
    entries.push_back({{"fullUrl", url}, {"resource", std::move(r)}});
  };
  for (const auto& p : providers_) add(OrganizationResource(p));
  for (const auto& l : locations_) add(LocationResource(l, ref_));
  for (const auto& o : offers_) add(ServiceResource(o, ref_));
  json bundle{{"resourceType", "Bundle"}, {"type", "collection"}, {"entry", std::move(entries)}};
  return bundle.dump(2) + "\n";
}

FormatImport ParseFhirDirectory(std::string_view text, const d::ReferenceData& ref) {
  FormatImport out;
  auto parsed = ParseJsonText(text);
  if (!parsed.ok()) {
    out.problems.push_back({"bestand", "", parsed.error().message()});
    return out;
  }
  const json& doc = *parsed;
  // The resources, each under "Type/id" (and its fullUrl in a Bundle).
  std::vector<Record> records;
  std::map<std::string, size_t> by_key;
  auto take = [&](const json& r, const std::string& path, const std::string& full_url) {
    if (!r.is_object() || Str(r, "resourceType").empty()) {
      out.problems.push_back({path, "resourceType", "Geen FHIR-resource"});
      return;
    }
    const std::string type = Str(r, "resourceType");
    if (type == "Endpoint" || type == "OrganizationAffiliation") return;  // not kept
    if (type != "Organization" && type != "Location" && type != "HealthcareService") {
      out.problems.push_back({path, "resourceType", "Passend leest geen " + type});
      return;
    }
    Record rec{type + "/" + Str(r, "id"), path, r, {}};
    by_key[rec.key] = records.size();
    if (!full_url.empty()) by_key[full_url] = records.size();
    records.push_back(std::move(rec));
  };
  if (Str(doc, "resourceType") == "Bundle") {
    auto e = doc.find("entry");
    if (e != doc.end() && e->is_array())
      for (size_t i = 0; i < e->size(); ++i) {
        const json& entry = (*e)[i];
        const std::string path = "entry[" + std::to_string(i) + "]";
        if (!entry.is_object() || !entry.contains("resource")) {
          out.problems.push_back({path, "resource", "Dit veld is verplicht"});
          continue;
        }
        take(entry["resource"], path + ".resource", Str(entry, "fullUrl"));
      }
  } else {
    take(doc, Str(doc, "resourceType"), "");
  }
  auto find = [&](const json& reference) -> Record* {
    auto it = by_key.find(RefKey(reference));
    return it == by_key.end() ? nullptr : &records[it->second];
  };

  std::map<const Record*, std::string> provider_of;  // Organization -> provider id (valid)
  std::map<const Record*, std::pair<std::string, std::string>> location_of;  // -> id, provider
  auto left_out = [&](Record& r) {
    ++out.records_left_out;
    for (auto& p : r.problems) out.problems.push_back(std::move(p));
  };
  for (Record& r : records) {
    if (Str(r.resource, "resourceType") != "Organization") continue;
    ++out.records_read;
    const json& o = r.resource;
    d::Provider p;
    p.id = IdentifierOf(o, kPassendId);
    if (p.id.empty()) p.id = FallbackId(Str(o, "id"));
    p.name = Str(o, "name");
    p.ura_number = IdentifierOf(o, kUra);
    p.agb_code = IdentifierOf(o, kAgb);
    p.kvk_number = IdentifierOf(o, kKvk);
    if (auto t = o.find("telecom"); t != o.end() && t->is_array())
      for (const json& c : *t)
        if (c.is_object() && Str(c, "system") == "url") p.website = Str(c, "value");
    auto ext = Extensions(o);
    if (!ext["provider-established"].empty() && ext["provider-established"][0].is_boolean())
      p.established = ext["provider-established"][0].get<bool>();
    if (auto s = d::ValidateProvider(p); !s.ok())
      r.problems.push_back({r.path, "Organization." + s.error().field(), s.error().message()});
    if (!r.problems.empty()) {
      left_out(r);
      continue;
    }
    provider_of[&r] = p.id;
    out.dataset.providers.push_back(std::move(p));
  }
  for (Record& r : records) {
    if (Str(r.resource, "resourceType") != "Location") continue;
    ++out.records_read;
    const json& j = r.resource;
    d::Location l;
    l.id = IdentifierOf(j, kPassendId);
    if (l.id.empty()) l.id = FallbackId(Str(j, "id"));
    l.name = Str(j, "name");
    const Record* org =
        j.contains("managingOrganization") ? find(j["managingOrganization"]) : nullptr;
    if (org == nullptr)
      r.problems.push_back(
          {r.path, "Location.managingOrganization", "Hoort bij geen Organization in het bestand"});
    else if (!provider_of.count(org))
      r.problems.push_back(
          {r.path, "Location.managingOrganization", "De organisatie is overgeslagen"});
    else
      l.provider_id = provider_of[org];
    if (auto a = j.find("address"); a != j.end() && a->is_object())
      if (auto line = a->find("line");
          line != a->end() && line->is_array() && !line->empty() && (*line)[0].is_string())
        l.address = (*line)[0].get<std::string>();
    auto pos = j.find("position");
    if (pos == j.end() || !pos->is_object() || !pos->contains("latitude") ||
        !(*pos)["latitude"].is_number() || !(*pos)["longitude"].is_number()) {
      r.problems.push_back(
          {r.path, "Location.position", "Passend heeft de coördinaten van een locatie nodig"});
    } else {
      l.position = {(*pos)["latitude"].get<double>(), (*pos)["longitude"].get<double>()};
      auto ext = Extensions(j);
      if (!ext["location-municipality-code"].empty() &&
          ext["location-municipality-code"][0].is_string())
        l.municipality_code = ext["location-municipality-code"][0].get<std::string>();
      else
        l.municipality_code = NearestMunicipalityCode(ref, l.position);
    }
    if (r.problems.empty())
      if (auto s = d::ValidateLocation(l, ref); !s.ok())
        r.problems.push_back({r.path, "Location." + s.error().field(), s.error().message()});
    if (!r.problems.empty()) {
      left_out(r);
      continue;
    }
    location_of[&r] = {l.id, l.provider_id};
    out.dataset.locations.push_back(std::move(l));
  }
  std::set<std::string> offer_ids;
  for (Record& r : records) {
    if (Str(r.resource, "resourceType") != "HealthcareService") continue;
    const json& j = r.resource;
    auto ext = Extensions(j);
    d::Offer base;
    base.name = Str(j, "name");
    base.description = Str(j, "comment");
    base.intake_requirements = Str(j, "extraDetails");
    auto problem = [&](const std::string& field, const std::string& message) {
      r.problems.push_back({r.path, field, message});
    };
    auto codes = [&](const char* name) {
      std::vector<std::string> v;
      for (const json& x : ext[name])
        if (x.is_string()) v.push_back(x.get<std::string>());
      return v;
    };
    const auto kinds = codes("offer-kind");
    if (kinds.empty()) {
      problem("HealthcareService.extension (offer-kind)",
              "De soort aanbod ontbreekt (wonen, dagbesteding, logeren of zorg_thuis)");
    } else if (auto k = d::ParseOfferKind(kinds[0])) {
      base.kind = *k;
    } else {
      problem("HealthcareService.extension (offer-kind)", "Onbekende soort '" + kinds[0] + "'");
    }
    for (const std::string& s : codes("offer-sector")) {
      if (auto v = d::ParseSector(s))
        base.sectors.push_back(*v);
      else
        problem("HealthcareService.extension (offer-sector)", "Onbekende sector '" + s + "'");
    }
    base.profiles = codes("offer-profile");
    if (base.profiles.empty())  // the iWlz care profiles it is typed with
      if (auto t = j.find("type"); t != j.end() && t->is_array())
        for (const json& c : *t)
          if (c.is_object() && c.contains("coding") && c["coding"].is_array())
            for (const json& coding : c["coding"])
              if (coding.is_object() && Str(coding, "system") == kCod163)
                for (const auto& p : ref.profiles())
                  if (std::to_string(p.vektis_code) == Str(coding, "code"))
                    base.profiles.push_back(p.code);
    if (base.sectors.empty())
      for (const std::string& code : base.profiles)
        if (const d::CareProfile* p = ref.FindProfile(code))
          if (std::find(base.sectors.begin(), base.sectors.end(), p->sector) == base.sectors.end())
            base.sectors.push_back(p->sector);
    for (const std::string& f : codes("offer-delivery-form")) {
      if (auto v = d::ParseDeliveryForm(f))
        base.delivery_forms.push_back(*v);
      else
        problem("HealthcareService.extension (offer-delivery-form)", "Onbekende leveringsvorm");
    }
    for (const auto& [name, target] : {std::pair{"offer-capacity", &base.capacity},
                                       std::pair{"offer-free-places", &base.free_places},
                                       std::pair{"offer-waiting-people", &base.waiting_people},
                                       std::pair{"offer-waiting-weeks", &base.waiting_weeks}})
      if (!ext[name].empty() && ext[name][0].is_number_integer()) *target = ext[name][0].get<int>();
    base.contracted_regions = codes("offer-contracted-region");
    for (const json& f : ext["offer-feature"]) {
      const std::string s = f.is_string() ? f.get<std::string>() : "";
      const size_t eq = s.find('=');
      double v = 0;
      const char* begin = s.data() + (eq == std::string::npos ? s.size() : eq + 1);
      auto [end, ec] = std::from_chars(begin, s.data() + s.size(), v);
      if (eq == std::string::npos || ec != std::errc() || end != s.data() + s.size()) {
        problem("HealthcareService.extension (offer-feature)",
                "Schrijf kenmerk=getal, niet '" + s + "'");
        continue;
      }
      base.features.push_back({s.substr(0, eq), v});
    }
    for (const json& parts : ext["offer-quality"]) {
      // Sub-extensions by name; the note is read as native JSON so its checks are the same.
      json note = json::object();
      if (parts.is_array())
        for (const json& e : parts)
          if (e.is_object())
            for (auto v = e.begin(); v != e.end(); ++v)
              if (v.key().rfind("value", 0) == 0) note[Str(e, "url")] = v.value();
      auto n = QualityNoteFromJson(note);
      if (n.ok())
        base.quality.push_back(*n);
      else
        problem("HealthcareService.extension (offer-quality)." + n.error().field(),
                n.error().message());
    }
    if (!ext["offer-service-radius-km"].empty() && ext["offer-service-radius-km"][0].is_number())
      base.service_radius_km = ext["offer-service-radius-km"][0].get<double>();
    if (!ext["offer-temporary"].empty() && ext["offer-temporary"][0].is_boolean())
      base.temporary = ext["offer-temporary"][0].get<bool>();
    if (auto c = codes("offer-intake-contact"); !c.empty()) base.intake_contact = c[0];
    if (auto c = codes("offer-places-updated"); !c.empty()) base.places_updated = c[0];
    if (auto c = codes("offer-details-updated"); !c.empty()) base.details_updated = c[0];

    const Record* org = j.contains("providedBy") ? find(j["providedBy"]) : nullptr;
    std::vector<const Record*> places;
    if (auto loc = j.find("location"); loc != j.end() && loc->is_array())
      for (const json& x : *loc) places.push_back(find(x));
    if (places.empty()) {
      ++out.records_read;
      problem("HealthcareService.location", "Passend kent aanbod alleen op een locatie");
      left_out(r);
      continue;
    }
    const std::string own_id = IdentifierOf(j, kPassendId);
    for (size_t i = 0; i < places.size(); ++i) {
      ++out.records_read;
      Record one{r.key, r.path, json(), r.problems};
      d::Offer o = base;
      o.id =
          !own_id.empty() && places.size() == 1
              ? own_id
              : FallbackId(Str(j, "id") + (places.size() > 1 ? "-" + std::to_string(i + 1) : ""));
      if (org == nullptr || !provider_of.count(org)) {
        one.problems.push_back({r.path, "HealthcareService.providedBy",
                                org == nullptr ? "Hoort bij geen Organization in het bestand"
                                               : "De organisatie is overgeslagen"});
      } else if (places[i] == nullptr || !location_of.count(places[i])) {
        one.problems.push_back({r.path, "HealthcareService.location[" + std::to_string(i) + "]",
                                places[i] == nullptr ? "De Location staat niet in het bestand"
                                                     : "De locatie is overgeslagen"});
      } else {
        o.provider_id = provider_of[org];
        o.location_id = location_of[places[i]].first;
        if (location_of[places[i]].second != o.provider_id)
          one.problems.push_back({r.path, "HealthcareService.location",
                                  "De locatie hoort bij een andere organisatie"});
        else if (auto s = d::ValidateOffer(o, ref); !s.ok() && one.problems.empty())
          one.problems.push_back(
              {r.path, "HealthcareService." + s.error().field(), s.error().message()});
        else if (one.problems.empty() && !offer_ids.insert(o.id).second)
          one.problems.push_back(
              {r.path, "identifier", "Dit aanbod staat twee keer in het bestand"});
      }
      if (!one.problems.empty()) {
        left_out(one);
        continue;
      }
      out.dataset.offers.push_back(std::move(o));
    }
  }
  return out;
}

}  // namespace passend::interop
