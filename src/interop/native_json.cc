#include "interop/native_json.h"

#include <optional>
#include <sstream>
#include <vector>

#include "interop/json_reader.h"

namespace passend::interop {

using nlohmann::json;
namespace d = passend::domain;

namespace {

json PointJson(d::GeoPoint p) { return json{{"lat", p.lat}, {"lon", p.lon}}; }

Result<d::GeoPoint> PointFromJson(const json& j) {
  PASSEND_ASSIGN_OR_RETURN(ObjectReader r, ObjectReader::Open(j));
  d::GeoPoint p;
  PASSEND_RETURN_IF_ERROR(r.Double("lat", p.lat));
  PASSEND_RETURN_IF_ERROR(r.Double("lon", p.lon));
  PASSEND_RETURN_IF_ERROR(r.Finish());
  return p;
}

Status ReadPoint(ObjectReader& r, const char* key, d::GeoPoint& out) {
  const json* v = r.Raw(key);
  if (v == nullptr) return InvalidArgument("Dit veld is verplicht", key);
  auto p = PointFromJson(*v);
  if (!p.ok()) return p.error().WithFieldPrefix(key);
  out = *p;
  return Ok();
}

template <typename E>
json EnumList(const std::vector<E>& v) {
  json a = json::array();
  for (E e : v) a.push_back(d::ToString(e));
  return a;
}

template <typename E, typename ParseFn>
Status ReadEnum(ObjectReader& r, const char* key, E& out, ParseFn parse) {
  const json* v = r.Raw(key);
  if (v == nullptr) return InvalidArgument("Dit veld is verplicht", key);
  auto e = EnumFromJson<E>(*v, parse);
  if (!e.ok()) return e.error().WithFieldPrefix(key);
  out = *e;
  return Ok();
}

template <typename E, typename ParseFn>
Status ReadEnumList(ObjectReader& r, const char* key, std::vector<E>& out, ParseFn parse) {
  return r.List(key, out, [&](const json& e) { return EnumFromJson<E>(e, parse); });
}

Result<d::FeatureValue> FeatureValueFromJson(const json& j) {
  PASSEND_ASSIGN_OR_RETURN(ObjectReader r, ObjectReader::Open(j));
  d::FeatureValue f;
  PASSEND_RETURN_IF_ERROR(r.String("feature_id", f.feature_id));
  PASSEND_RETURN_IF_ERROR(r.Double("value", f.value));
  PASSEND_RETURN_IF_ERROR(r.Finish());
  return f;
}

Result<d::Need> NeedFromJson(const json& j) {
  PASSEND_ASSIGN_OR_RETURN(ObjectReader r, ObjectReader::Open(j));
  d::Need n;
  PASSEND_RETURN_IF_ERROR(r.String("feature_id", n.feature_id));
  PASSEND_RETURN_IF_ERROR(r.String("note", n.note, false));
  PASSEND_RETURN_IF_ERROR(r.Finish());
  return n;
}

}  // namespace

json ToJson(const d::Provider& p) {
  return json{{"id", p.id},
              {"name", p.name},
              {"established", p.established},
              {"website", p.website},
              {"agb_code", p.agb_code},
              {"kvk_number", p.kvk_number},
              {"ura_number", p.ura_number},
              {"register_status", d::ToString(p.register_status)}};
}

json ToJson(const d::Location& l) {
  return json{{"id", l.id},
              {"provider_id", l.provider_id},
              {"name", l.name},
              {"address", l.address},
              {"municipality_code", l.municipality_code},
              {"position", PointJson(l.position)}};
}

json ToJson(const d::QualityNote& n) {
  json j{{"kind", d::ToString(n.kind)}, {"source", n.source}, {"measured", n.measured}};
  if (n.kind == d::QualityKind::kReviews) {
    j["score"] = n.score;
    j["reviews"] = n.reviews;
  } else {
    j["outcome"] = d::ToString(n.outcome);
    if (!n.link.empty()) j["link"] = n.link;
  }
  j["text"] = d::QualityNl(n);
  return j;
}

json ToJson(const d::Offer& o) {
  json quality = json::array();
  for (const auto& n : o.quality) quality.push_back(ToJson(n));
  json features = json::array();
  for (const auto& f : o.features)
    features.push_back({{"feature_id", f.feature_id}, {"value", f.value}});
  json j{{"id", o.id},
         {"provider_id", o.provider_id},
         {"location_id", o.location_id},
         {"kind", d::ToString(o.kind)},
         {"name", o.name},
         {"description", o.description},
         {"sectors", EnumList(o.sectors)},
         {"profiles", o.profiles},
         {"delivery_forms", EnumList(o.delivery_forms)},
         {"capacity", o.capacity},
         {"free_places", o.free_places},
         {"waiting_people", o.waiting_people},
         {"waiting_weeks", o.waiting_weeks},
         {"contracted_regions", o.contracted_regions},
         {"features", std::move(features)},
         {"quality", std::move(quality)},
         {"service_radius_km", o.service_radius_km},
         {"temporary", o.temporary},
         {"intake_contact", o.intake_contact},
         {"intake_requirements", o.intake_requirements},
         {"places_updated", o.places_updated},
         {"details_updated", o.details_updated},
         {"last_updated", o.last_updated()}};
  return j;
}

json ToJson(const d::Wish& w) {
  json j{{"feature_id", w.feature_id}, {"importance", d::ToString(w.importance)}, {"text", w.text}};
  if (w.value) j["value"] = *w.value;
  return j;
}

json ToJson(const d::Place& p) {
  return json{{"kind", d::ToString(p.kind)},
              {"label", p.label},
              {"position", PointJson(p.position)},
              {"max_km", p.max_km},
              {"importance", d::ToString(p.importance)}};
}

json ToJson(const d::Client& c) {
  json wishes = json::array(), needs = json::array(), places = json::array();
  for (const auto& w : c.wishes) wishes.push_back(ToJson(w));
  for (const auto& n : c.needs) needs.push_back({{"feature_id", n.feature_id}, {"note", n.note}});
  for (const auto& p : c.places) places.push_back(ToJson(p));
  json j{{"id", c.id},
         {"name", c.name},
         {"birth_year", c.birth_year},
         {"municipality_code", c.municipality_code},
         {"home", PointJson(c.home)},
         {"sector", d::ToString(c.sector)},
         {"indication", d::ToString(c.indication)},
         {"profile", c.profile},
         {"care_status", d::ToString(c.care_status)},
         {"care_provider_id", c.care_provider_id},
         {"preferred_forms", EnumList(c.preferred_forms)},
         {"seeking", EnumList(c.seeking)},
         {"wishes", wishes},
         {"needs", needs},
         {"places", places}};
  if (c.representative)
    j["representative"] = {{"name", c.representative->name},
                           {"relation", c.representative->relation}};
  return j;
}

Result<d::Provider> ProviderFromJson(const json& j) {
  PASSEND_ASSIGN_OR_RETURN(ObjectReader r, ObjectReader::Open(j));
  d::Provider p;
  PASSEND_RETURN_IF_ERROR(r.String("id", p.id));
  PASSEND_RETURN_IF_ERROR(r.String("name", p.name));
  PASSEND_RETURN_IF_ERROR(r.Bool("established", p.established, false));
  PASSEND_RETURN_IF_ERROR(r.String("website", p.website, false));
  PASSEND_RETURN_IF_ERROR(r.String("agb_code", p.agb_code, false));
  PASSEND_RETURN_IF_ERROR(r.String("kvk_number", p.kvk_number, false));
  PASSEND_RETURN_IF_ERROR(r.String("ura_number", p.ura_number, false));
  if (r.Raw("register_status") != nullptr)
    PASSEND_RETURN_IF_ERROR(
        ReadEnum(r, "register_status", p.register_status, d::ParseRegisterStatus));
  PASSEND_RETURN_IF_ERROR(r.Finish());
  return p;
}

Result<d::Location> LocationFromJson(const json& j) {
  PASSEND_ASSIGN_OR_RETURN(ObjectReader r, ObjectReader::Open(j));
  d::Location l;
  PASSEND_RETURN_IF_ERROR(r.String("id", l.id));
  PASSEND_RETURN_IF_ERROR(r.String("provider_id", l.provider_id));
  PASSEND_RETURN_IF_ERROR(r.String("name", l.name));
  PASSEND_RETURN_IF_ERROR(r.String("address", l.address, false));
  PASSEND_RETURN_IF_ERROR(r.String("municipality_code", l.municipality_code));
  PASSEND_RETURN_IF_ERROR(ReadPoint(r, "position", l.position));
  PASSEND_RETURN_IF_ERROR(r.Finish());
  return l;
}

Result<d::QualityNote> QualityNoteFromJson(const json& j) {
  PASSEND_ASSIGN_OR_RETURN(ObjectReader r, ObjectReader::Open(j));
  d::QualityNote n;
  PASSEND_RETURN_IF_ERROR(ReadEnum(r, "kind", n.kind, d::ParseQualityKind));
  PASSEND_RETURN_IF_ERROR(r.String("source", n.source));
  PASSEND_RETURN_IF_ERROR(r.String("measured", n.measured));
  if (n.kind == d::QualityKind::kReviews) {
    PASSEND_RETURN_IF_ERROR(r.Double("score", n.score));
    PASSEND_RETURN_IF_ERROR(r.Int("reviews", n.reviews));
  } else {
    PASSEND_RETURN_IF_ERROR(ReadEnum(r, "outcome", n.outcome, d::ParseInspectionOutcome));
    PASSEND_RETURN_IF_ERROR(r.String("link", n.link, false));
  }
  r.Raw("text");  // derived from the rest (QualityNl): read back, never trusted
  PASSEND_RETURN_IF_ERROR(r.Finish());
  return n;
}

Result<d::Offer> OfferFromJson(const json& j) {
  PASSEND_ASSIGN_OR_RETURN(ObjectReader r, ObjectReader::Open(j));
  d::Offer o;
  PASSEND_RETURN_IF_ERROR(r.String("id", o.id));
  PASSEND_RETURN_IF_ERROR(r.String("provider_id", o.provider_id));
  PASSEND_RETURN_IF_ERROR(r.String("location_id", o.location_id));
  PASSEND_RETURN_IF_ERROR(ReadEnum(r, "kind", o.kind, d::ParseOfferKind));
  PASSEND_RETURN_IF_ERROR(r.String("name", o.name));
  PASSEND_RETURN_IF_ERROR(r.String("description", o.description, false));
  PASSEND_RETURN_IF_ERROR(ReadEnumList(r, "sectors", o.sectors, d::ParseSector));
  PASSEND_RETURN_IF_ERROR(r.StringList("profiles", o.profiles, false));
  PASSEND_RETURN_IF_ERROR(
      ReadEnumList(r, "delivery_forms", o.delivery_forms, d::ParseDeliveryForm));
  PASSEND_RETURN_IF_ERROR(r.Int("capacity", o.capacity));
  PASSEND_RETURN_IF_ERROR(r.Int("free_places", o.free_places, false));
  PASSEND_RETURN_IF_ERROR(r.Int("waiting_people", o.waiting_people, false));
  PASSEND_RETURN_IF_ERROR(r.Int("waiting_weeks", o.waiting_weeks, false));
  PASSEND_RETURN_IF_ERROR(r.StringList("contracted_regions", o.contracted_regions, false));
  PASSEND_RETURN_IF_ERROR(r.List("features", o.features, FeatureValueFromJson, false));
  PASSEND_RETURN_IF_ERROR(r.List("quality", o.quality, QualityNoteFromJson, false));
  PASSEND_RETURN_IF_ERROR(r.Double("service_radius_km", o.service_radius_km, false));
  PASSEND_RETURN_IF_ERROR(r.Bool("temporary", o.temporary, false));
  PASSEND_RETURN_IF_ERROR(r.String("intake_contact", o.intake_contact, false));
  PASSEND_RETURN_IF_ERROR(r.String("intake_requirements", o.intake_requirements, false));
  PASSEND_RETURN_IF_ERROR(r.String("places_updated", o.places_updated, false));
  PASSEND_RETURN_IF_ERROR(r.String("details_updated", o.details_updated, false));
  // last_updated is the later of the two; alone (a file from elsewhere) it stands for both.
  std::string last_updated;
  PASSEND_RETURN_IF_ERROR(r.String("last_updated", last_updated, false));
  if (o.places_updated.empty()) o.places_updated = last_updated;
  if (o.details_updated.empty()) o.details_updated = last_updated;
  PASSEND_RETURN_IF_ERROR(r.Finish());
  return o;
}

Result<d::Wish> WishFromJson(const json& j) {
  PASSEND_ASSIGN_OR_RETURN(ObjectReader r, ObjectReader::Open(j));
  d::Wish w;
  PASSEND_RETURN_IF_ERROR(r.String("feature_id", w.feature_id, false));
  PASSEND_RETURN_IF_ERROR(ReadEnum(r, "importance", w.importance, d::ParseImportance));
  PASSEND_RETURN_IF_ERROR(r.OptionalDouble("value", w.value));
  PASSEND_RETURN_IF_ERROR(r.String("text", w.text, false));
  PASSEND_RETURN_IF_ERROR(r.Finish());
  return w;
}

Result<d::Place> PlaceFromJson(const json& j) {
  PASSEND_ASSIGN_OR_RETURN(ObjectReader r, ObjectReader::Open(j));
  d::Place p;
  PASSEND_RETURN_IF_ERROR(ReadEnum(r, "kind", p.kind, d::ParsePlaceKind));
  PASSEND_RETURN_IF_ERROR(r.String("label", p.label, false));
  PASSEND_RETURN_IF_ERROR(ReadPoint(r, "position", p.position));
  PASSEND_RETURN_IF_ERROR(r.Double("max_km", p.max_km));
  if (r.Raw("importance") != nullptr)
    PASSEND_RETURN_IF_ERROR(ReadEnum(r, "importance", p.importance, d::ParseImportance));
  PASSEND_RETURN_IF_ERROR(r.Finish());
  return p;
}

Result<d::Client> ClientFromJson(const json& j) {
  PASSEND_ASSIGN_OR_RETURN(ObjectReader r, ObjectReader::Open(j));
  d::Client c;
  PASSEND_RETURN_IF_ERROR(r.String("id", c.id));
  PASSEND_RETURN_IF_ERROR(r.String("name", c.name, false));
  PASSEND_RETURN_IF_ERROR(r.Int("birth_year", c.birth_year, false));
  PASSEND_RETURN_IF_ERROR(r.String("municipality_code", c.municipality_code));
  PASSEND_RETURN_IF_ERROR(ReadPoint(r, "home", c.home));
  PASSEND_RETURN_IF_ERROR(ReadEnum(r, "sector", c.sector, d::ParseSector));
  PASSEND_RETURN_IF_ERROR(ReadEnum(r, "indication", c.indication, d::ParseIndicationStatus));
  PASSEND_RETURN_IF_ERROR(r.String("profile", c.profile, false));
  // Optional: files from before the care status read as searching (orienting).
  if (r.Raw("care_status") != nullptr)
    PASSEND_RETURN_IF_ERROR(ReadEnum(r, "care_status", c.care_status, d::ParseCareStatus));
  PASSEND_RETURN_IF_ERROR(r.String("care_provider_id", c.care_provider_id, false));
  PASSEND_RETURN_IF_ERROR(
      ReadEnumList(r, "preferred_forms", c.preferred_forms, d::ParseDeliveryForm));
  PASSEND_RETURN_IF_ERROR(ReadEnumList(r, "seeking", c.seeking, d::ParseOfferKind));
  if (const json* rep = r.Raw("representative"); rep != nullptr && !rep->is_null()) {
    auto rr = ObjectReader::Open(*rep);
    if (!rr.ok()) return rr.error().WithFieldPrefix("representative");
    d::Representative representative;
    Status s = rr->String("name", representative.name);
    if (s.ok()) s = rr->String("relation", representative.relation, false);
    if (s.ok()) s = rr->Finish();
    if (!s.ok()) return s.error().WithFieldPrefix("representative");
    c.representative = representative;
  }
  PASSEND_RETURN_IF_ERROR(r.List("wishes", c.wishes, WishFromJson, false));
  PASSEND_RETURN_IF_ERROR(r.List("needs", c.needs, NeedFromJson, false));
  PASSEND_RETURN_IF_ERROR(r.List("places", c.places, PlaceFromJson, false));
  PASSEND_RETURN_IF_ERROR(r.Finish());
  return c;
}

json DatasetToJson(const d::Dataset& ds) {
  json providers = json::array(), locations = json::array(), offers = json::array(),
       clients = json::array();
  for (const auto& p : ds.providers) providers.push_back(ToJson(p));
  for (const auto& l : ds.locations) locations.push_back(ToJson(l));
  for (const auto& o : ds.offers) offers.push_back(ToJson(o));
  for (const auto& c : ds.clients) clients.push_back(ToJson(c));
  return json{{"format", "passend"},    {"version", kNativeFormatVersion},
              {"providers", providers}, {"locations", locations},
              {"offers", offers},       {"clients", clients}};
}

Result<d::Dataset> DatasetFromJson(const json& j) {
  PASSEND_ASSIGN_OR_RETURN(ObjectReader r, ObjectReader::Open(j));
  std::string format;
  int version = 0;
  PASSEND_RETURN_IF_ERROR(r.String("format", format));
  if (format != "passend")
    return InvalidArgument("Geen Passend-bestand (format moet \"passend\" zijn)", "format");
  PASSEND_RETURN_IF_ERROR(r.Int("version", version));
  if (version != kNativeFormatVersion)
    return InvalidArgument("Versie " + std::to_string(version) +
                               " wordt niet ondersteund (verwacht " +
                               std::to_string(kNativeFormatVersion) + ")",
                           "version");
  d::Dataset ds;
  PASSEND_RETURN_IF_ERROR(r.List("providers", ds.providers, ProviderFromJson, false));
  PASSEND_RETURN_IF_ERROR(r.List("locations", ds.locations, LocationFromJson, false));
  PASSEND_RETURN_IF_ERROR(r.List("offers", ds.offers, OfferFromJson, false));
  PASSEND_RETURN_IF_ERROR(r.List("clients", ds.clients, ClientFromJson, false));
  PASSEND_RETURN_IF_ERROR(r.Finish());
  return ds;
}

namespace {

// Where the parser is in a document, from nlohmann's parse events: the path of the value
// being read ("wishes[3].value"), so an error can name the field it is in.
class JsonPathTracker {
 public:
  bool Event(json::parse_event_t event, const json& parsed) {
    using E = json::parse_event_t;
    switch (event) {
      case E::object_start: stack_.push_back({false, 0, {}}); break;
      case E::array_start: stack_.push_back({true, 0, {}}); break;
      case E::key:
        if (!stack_.empty()) stack_.back().key = parsed.get_ref<const std::string&>();
        NoteNul(parsed);
        break;
      case E::value:
        NoteNul(parsed);
        Next();
        break;
      case E::object_end:
      case E::array_end:
        if (!stack_.empty()) stack_.pop_back();
        Next();
        break;
    }
    return true;  // keep everything
  }

  std::string Path() const {
    std::string out;
    for (const Frame& f : stack_) {
      if (f.array) {
        out += "[" + std::to_string(f.count) + "]";
      } else if (!f.key.empty()) {
        out += (out.empty() ? "" : ".") + f.key;
      }
    }
    return out;
  }
  // The path of the first text holding a NUL character, if any.
  const std::optional<std::string>& nul_path() const { return nul_path_; }

 private:
  struct Frame {
    bool array = false;
    size_t count = 0;  // elements of an array already read
    std::string key;   // the key of the value being read in an object
  };
  void Next() {
    if (!stack_.empty() && stack_.back().array) ++stack_.back().count;
  }
  void NoteNul(const json& v) {
    if (!nul_path_ && v.is_string() &&
        v.get_ref<const std::string&>().find('\0') != std::string::npos)
      nul_path_ = Path();
  }
  std::vector<Frame> stack_;
  std::optional<std::string> nul_path_;
};

// "\u0000" written anywhere (a cheap test before the slower pass that finds where).
bool MayHoldNul(std::string_view text) { return text.find("\\u0000") != std::string_view::npos; }

// The slow pass: parses again following the path, to name the field at fault.
Result<json> ParseJsonTextTracked(std::string_view text) {
  JsonPathTracker tracker;
  json j;
  try {
    j = json::parse(
        text,
        [&tracker](int, json::parse_event_t event, json& parsed) {
          return tracker.Event(event, parsed);
        },
        /*allow_exceptions=*/true);
  } catch (const json::parse_error& e) {
    return InvalidArgument("Ongeldige JSON bij byte " + std::to_string(e.byte));
  } catch (const json::out_of_range&) {
    // 1e999 and -1e400 do not fit in a double.
    return InvalidArgument("Dit getal is te groot of te klein", tracker.Path());
  } catch (const json::exception&) {
    return InvalidArgument("Ongeldige JSON");
  }
  if (tracker.nul_path())
    return InvalidArgument("Tekst mag geen NUL-teken (\\u0000) bevatten", *tracker.nul_path());
  return j;
}

}  // namespace

Result<json> ParseJsonText(std::string_view text) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_discarded() && !MayHoldNul(text)) return j;
  return ParseJsonTextTracked(text);
}

Result<d::Dataset> ParseNativeDocument(std::string_view text) {
  PASSEND_ASSIGN_OR_RETURN(json j, ParseJsonText(text));
  return DatasetFromJson(j);
}

namespace {
constexpr const char* kSections[] = {"providers", "locations", "offers", "clients"};
}  // namespace

NativeWriter::NativeWriter(std::ostream& out) : out_(out) {
  out_ << "{\"format\":\"passend\",\"version\":" << kNativeFormatVersion;
}

void NativeWriter::OpenUpTo(int section) {
  while (section_ < section) {
    if (section_ >= 0) out_ << (first_ ? "]" : "\n]");
    ++section_;
    out_ << ",\n\"" << kSections[section_] << "\":[";
    first_ = true;
  }
}

void NativeWriter::Record(int section, const json& j) {
  OpenUpTo(section);
  out_ << (first_ ? "\n" : ",\n") << j.dump();
  first_ = false;
}

void NativeWriter::Finish() {
  OpenUpTo(3);
  out_ << (first_ ? "]" : "\n]") << "\n}\n";
}

std::string SerializeNativeDocument(const d::Dataset& ds) {
  std::ostringstream out;
  NativeWriter w(out);
  for (const auto& p : ds.providers) w.Add(p);
  for (const auto& l : ds.locations) w.Add(l);
  for (const auto& o : ds.offers) w.Add(o);
  for (const auto& c : ds.clients) w.Add(c);
  w.Finish();
  return out.str();
}

}  // namespace passend::interop
