#include "interop/fhir_dossier.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <set>

#include "interop/fhir_questionnaire.h"

namespace passend::interop::fhir {
namespace {

using nlohmann::json;
namespace d = passend::domain;

// A stable urn:uuid for one resource of one client's Bundle (RFC 9562 version 8: custom
// bits), so the same dossier always gives the same bytes.
std::string StableUuid(const std::string& client_id, std::string_view role) {
  auto fnv = [](std::string_view s, uint64_t h) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
    return h;
  };
  const std::string key = client_id + "/" + std::string(role);
  uint64_t hi = fnv(key, 14695981039346656037ULL);
  uint64_t lo = fnv(key, hi ^ 0x9e3779b97f4a7c15ULL);
  hi = (hi & ~0xF000ULL) | 0x8000ULL;                         // version 8
  lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;  // variant 10
  char out[48];
  std::snprintf(out, sizeof out, "urn:uuid:%08x-%04x-%04x-%04x-%012llx",
                static_cast<unsigned>(hi >> 32), static_cast<unsigned>((hi >> 16) & 0xFFFF),
                static_cast<unsigned>(hi & 0xFFFF), static_cast<unsigned>(lo >> 48),
                static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFULL));
  return out;
}

json Coding(std::string_view system, std::string_view code) {
  return {{"system", system}, {"code", code}};
}

json CodingAnswer(std::string_view system, std::string_view code) {
  return {{"valueCoding", Coding(system, code)}};
}

json Answered(std::string_view link_id, json answers) {
  return {{"linkId", link_id}, {"answer", std::move(answers)}};
}

json Group(std::string_view link_id, json items) {
  return {{"linkId", link_id}, {"item", std::move(items)}};
}

json ImportanceAnswer(d::Importance i) { return CodingAnswer(kImportanceSystem, d::ToString(i)); }

json WishAnswer(const d::Wish& w, const d::Feature& f) {
  json answer = ImportanceAnswer(w.importance);
  json nested = json::array();
  if (w.value) {
    json value;
    switch (f.kind) {
      case d::FeatureKind::kLevel: value = {{"valueInteger", static_cast<int>(*w.value)}}; break;
      case d::FeatureKind::kNumber: value = {{"valueDecimal", *w.value}}; break;
      case d::FeatureKind::kYesNo: value = {{"valueBoolean", *w.value != 0}}; break;
    }
    nested.push_back(Answered(FeatureValueLinkId(f.id), json::array({std::move(value)})));
  }
  if (!w.text.empty())
    nested.push_back(Answered(FeatureWordsLinkId(f.id), json::array({{{"valueString", w.text}}})));
  if (!nested.empty()) answer["item"] = std::move(nested);
  return answer;
}

// The life-domain part: domain group > question group > feature item, one answer per wish,
// in the Questionnaire's order; only what the dossier answers.
json DomainItems(const d::Client& c, const d::Guideline& g, const d::ReferenceData& ref) {
  const auto where = FeatureQuestions(g, ref);
  std::map<std::string, json> answers;  // feature id -> its answers, in the dossier's order
  for (const auto& w : c.wishes) {
    const d::Feature* f = w.feature_id.empty() ? nullptr : ref.FindFeature(w.feature_id);
    if (f != nullptr) answers[f->id].push_back(WishAnswer(w, *f));
  }
  auto feature_item = [&answers](const std::string& id) {
    return json{{"linkId", FeatureLinkId(id)}, {"answer", answers.at(id)}};
  };
  json domains = json::array();
  for (const auto& domain : g.domains) {
    json children = json::array();
    for (const auto& q : domain.questions) {
      json features = json::array();
      for (const auto& id : q.feature_ids)
        if (answers.count(id) && where.at(id) == QuestionLinkId(q.id))
          features.push_back(feature_item(id));
      if (!features.empty()) children.push_back(Group(QuestionLinkId(q.id), std::move(features)));
    }
    json rest = json::array();
    const std::string other = DomainLinkId(domain.domain) + ".overige";
    for (const auto& f : ref.features())
      if (answers.count(f.id) && f.domain == domain.domain && where.at(f.id) == other)
        rest.push_back(feature_item(f.id));
    if (!rest.empty()) children.push_back(Group(other, std::move(rest)));
    if (!children.empty())
      domains.push_back(Group(DomainLinkId(domain.domain), std::move(children)));
  }
  return domains;
}

json String(std::string_view link_id, const std::string& s) {
  return Answered(link_id, json::array({{{"valueString", s}}}));
}
json Decimal(std::string_view link_id, double v) {
  return Answered(link_id, json::array({{{"valueDecimal", v}}}));
}

json QuestionnaireResponse(const intake::ClientVersion& v, const d::Guideline& g,
                           const d::ReferenceData& ref, const std::string& patient_url) {
  const d::Client& c = v.record;
  json items = DomainItems(c, g, ref);
  for (const auto& w : c.wishes) {
    if (!w.feature_id.empty() && ref.FindFeature(w.feature_id) != nullptr) continue;
    json own = json::array();
    if (!w.text.empty()) own.push_back(String(link::kOwnWordsText, w.text));
    own.push_back(
        Answered(link::kOwnWordsImportance, json::array({ImportanceAnswer(w.importance)})));
    items.push_back(Group(link::kOwnWords, std::move(own)));
  }
  for (const auto& n : c.needs) {
    json need = json::array(
        {Answered(link::kNeedFeature, json::array({CodingAnswer(kFeatureSystem, n.feature_id)}))});
    if (!n.note.empty()) need.push_back(String(link::kNeedNote, n.note));
    items.push_back(Group(link::kNeeds, std::move(need)));
  }
  for (const auto& p : c.places) {
    json place = json::array(
        {Answered(link::kPlaceKind,
                  json::array({CodingAnswer(PassendSystem("plek"), d::ToString(p.kind))}))});
    if (!p.label.empty()) place.push_back(String(link::kPlaceLabel, p.label));
    place.push_back(Decimal(link::kPlaceLat, p.position.lat));
    place.push_back(Decimal(link::kPlaceLon, p.position.lon));
    place.push_back(Decimal(link::kPlaceMaxKm, p.max_km));
    place.push_back(
        Answered(link::kPlaceImportance, json::array({ImportanceAnswer(p.importance)})));
    items.push_back(Group(link::kPlaces, std::move(place)));
  }
  json situation = json::array(
      {Answered(link::kSector,
                json::array({CodingAnswer(PassendSystem("sector"), d::ToString(c.sector))})),
       Answered(link::kIndication, json::array({CodingAnswer(PassendSystem("indicatie"),
                                                             d::ToString(c.indication))}))});
  if (!c.profile.empty())
    situation.push_back(Answered(
        link::kProfile, json::array({CodingAnswer(PassendSystem("zorgprofiel"), c.profile)})));
  situation.push_back(Answered(
      link::kCareStatus,
      json::array({CodingAnswer(PassendSystem("zorgstatus"), d::ToString(c.care_status))})));
  if (!c.care_provider_id.empty())
    situation.push_back(String(link::kCareProvider, c.care_provider_id));
  if (!c.seeking.empty()) {
    json kinds = json::array();
    for (auto k : c.seeking) kinds.push_back(CodingAnswer(PassendSystem("aanbod"), d::ToString(k)));
    situation.push_back(Answered(link::kSeeking, std::move(kinds)));
  }
  if (!c.preferred_forms.empty()) {
    json forms = json::array();
    for (auto f : c.preferred_forms)
      forms.push_back(CodingAnswer(PassendSystem("leveringsvorm"), d::ToString(f)));
    situation.push_back(Answered(link::kForms, std::move(forms)));
  }
  items.push_back(Group(link::kSituation, std::move(situation)));

  json qr = {
      {"resourceType", "QuestionnaireResponse"},
      {"questionnaire", std::string(kQuestionnaireUrl) + "|" + std::string(kQuestionnaireVersion)},
      {"status", "completed"},
      {"subject", {{"reference", patient_url}}}};
  if (!c.id.empty() && v.info.version > 0)
    qr["identifier"] = {{"system", "urn:passend:fhir:NamingSystem:dossierversie"},
                        {"value", c.id + "/" + std::to_string(v.info.version)}};
  if (!v.info.recorded_at.empty()) qr["authored"] = v.info.recorded_at;
  if (!v.info.author_name.empty()) qr["author"] = {{"display", v.info.author_name}};
  qr["item"] = std::move(items);
  return qr;
}

json Patient(const d::Client& c, const d::ReferenceData& ref) {
  json p = {{"resourceType", "Patient"}};
  if (!c.id.empty()) p["identifier"] = {{{"system", kClientIdSystem}, {"value", c.id}}};
  if (!c.name.empty()) p["name"] = {{{"text", c.name}}};
  if (c.birth_year != 0) p["birthDate"] = std::to_string(c.birth_year);
  json address = {{"use", "home"}};
  address["extension"] = {{{"url", kMunicipalityExtension}, {"valueCode", c.municipality_code}},
                          {{"url", kGeolocationExtension},
                           {"extension",
                            {{{"url", "latitude"}, {"valueDecimal", c.home.lat}},
                             {{"url", "longitude"}, {"valueDecimal", c.home.lon}}}}}};
  if (const d::Municipality* m = ref.FindMunicipality(c.municipality_code))
    address["district"] = m->name;
  address["country"] = "NL";
  p["address"] = json::array({std::move(address)});
  return p;
}

// ---- reading ----

// A path into the Bundle, for error fields.
std::string At(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}
std::string At(const std::string& path, const std::string& key, size_t i) {
  return At(path, key) + "[" + std::to_string(i) + "]";
}

Error Invalid(std::string message, std::string field) {
  return InvalidArgument(std::move(message), std::move(field));
}

Result<const json*> ArrayAt(const json& j, const char* key, const std::string& path,
                            bool required) {
  if (!j.contains(key)) {
    if (required) return Invalid("Dit veld is verplicht", At(path, key));
    static const json empty = json::array();
    return &empty;
  }
  const json& a = j[key];
  if (!a.is_array()) return Invalid("Verwacht een lijst", At(path, key));
  return &a;
}

Result<std::string> StringAt(const json& j, const char* key, const std::string& path) {
  if (!j.contains(key)) return Invalid("Dit veld is verplicht", At(path, key));
  if (!j[key].is_string()) return Invalid("Verwacht een tekst", At(path, key));
  return j[key].get<std::string>();
}

// The answers of one QuestionnaireResponse item and what they hold.
class Answers {
 public:
  Answers(const json& item, std::string path) : item_(item), path_(std::move(path)) {}

  Result<size_t> Count(bool required) const {
    PASSEND_ASSIGN_OR_RETURN(const json* a, ArrayAt(item_, "answer", path_, required));
    if (required && a->empty()) return Invalid("Geef een antwoord", At(path_, "answer"));
    return a->size();
  }
  std::string PathOf(size_t i) const { return At(path_, "answer", i); }
  const json& Answer(size_t i) const { return item_["answer"][i]; }

  // answer[i].value<type>, with no other value[x].
  Result<const json*> Value(size_t i, const char* type) const {
    const json& a = Answer(i);
    const std::string path = PathOf(i);
    if (!a.is_object()) return Invalid("Verwacht een object", path);
    const std::string key = std::string("value") + type;
    for (const auto& [k, v] : a.items()) {
      if (k.rfind("value", 0) == 0 && k != key)
        return Invalid(std::string("Verwacht value") + type + ", niet " + k, At(path, k));
    }
    if (!a.contains(key)) return Invalid(std::string("Verwacht value") + type, At(path, key));
    return &a[key];
  }
  Result<std::string> Code(size_t i, std::string_view system) const {
    PASSEND_ASSIGN_OR_RETURN(const json* coding, Value(i, "Coding"));
    const std::string path = At(PathOf(i), "valueCoding");
    if (!coding->is_object()) return Invalid("Verwacht een Coding", path);
    if (coding->contains("system") && (*coding)["system"] != system)
      return Invalid("Verwacht system " + std::string(system), At(path, "system"));
    return StringAt(*coding, "code", path);
  }
  Result<std::string> Text(size_t i) const {
    PASSEND_ASSIGN_OR_RETURN(const json* v, Value(i, "String"));
    if (!v->is_string()) return Invalid("Verwacht een tekst", At(PathOf(i), "valueString"));
    return v->get<std::string>();
  }
  Result<double> Number(size_t i, const char* type) const {
    PASSEND_ASSIGN_OR_RETURN(const json* v, Value(i, type));
    if (!v->is_number())
      return Invalid("Verwacht een getal", At(PathOf(i), std::string("value") + type));
    return v->get<double>();
  }

  // The one answer of a single-answer item.
  Result<size_t> One(bool required) const {
    PASSEND_ASSIGN_OR_RETURN(size_t n, Count(required));
    if (n > 1) return Invalid("Hier hoort één antwoord", At(path_, "answer"));
    return n;
  }

 private:
  const json& item_;
  std::string path_;
};

template <typename E, typename ParseFn>
Result<E> EnumCode(const Answers& a, size_t i, std::string_view system_name, ParseFn parse) {
  PASSEND_ASSIGN_OR_RETURN(std::string code, a.Code(i, PassendSystem(system_name)));
  auto v = parse(code);
  if (!v) return Invalid("Onbekende code '" + code + "'", At(a.PathOf(i), "valueCoding.code"));
  return *v;
}

Result<d::Importance> ImportanceCode(const Answers& a, size_t i) {
  PASSEND_ASSIGN_OR_RETURN(std::string code, a.Code(i, kImportanceSystem));
  auto v = d::ParseImportance(code);
  if (!v)
    return Invalid("Onbekend belang '" + code + "'; kies must, important of nice",
                   At(a.PathOf(i), "valueCoding.code"));
  return *v;
}

// The child items of a group, by linkId; a linkId outside `allowed` is an error.
Result<std::map<std::string, std::pair<const json*, std::string>>> Children(
    const json& group, const std::string& path, std::initializer_list<std::string_view> allowed) {
  std::map<std::string, std::pair<const json*, std::string>> out;
  PASSEND_ASSIGN_OR_RETURN(const json* items, ArrayAt(group, "item", path, true));
  for (size_t i = 0; i < items->size(); ++i) {
    const std::string p = At(path, "item", i);
    if (!(*items)[i].is_object()) return Invalid("Verwacht een object", p);
    PASSEND_ASSIGN_OR_RETURN(std::string id, StringAt((*items)[i], "linkId", p));
    if (std::find(allowed.begin(), allowed.end(), id) == allowed.end())
      return Invalid("Onbekende vraag (linkId) '" + id + "' in deze groep", At(p, "linkId"));
    if (!out.emplace(id, std::make_pair(&(*items)[i], p)).second)
      return Invalid("Deze vraag staat twee keer in de groep", At(p, "linkId"));
  }
  return out;
}

class ResponseReader {
 public:
  ResponseReader(const d::Guideline& g, const d::ReferenceData& ref, d::Client& c)
      : ref_(ref), c_(c) {
    for (const auto& domain : g.domains) {
      groups_.insert(DomainLinkId(domain.domain));
      groups_.insert(DomainLinkId(domain.domain) + ".overige");
      for (const auto& q : domain.questions) groups_.insert(QuestionLinkId(q.id));
    }
  }

  Status Items(const json& parent, const std::string& path) {
    PASSEND_ASSIGN_OR_RETURN(const json* items, ArrayAt(parent, "item", path, false));
    for (size_t i = 0; i < items->size(); ++i) {
      const std::string p = At(path, "item", i);
      const json& item = (*items)[i];
      if (!item.is_object()) return Invalid("Verwacht een object", p);
      PASSEND_ASSIGN_OR_RETURN(std::string id, StringAt(item, "linkId", p));
      PASSEND_RETURN_IF_ERROR(Item(id, item, p));
    }
    return Ok();
  }

  Status Finish(const std::string& path) {
    if (!situation_seen_) return Invalid("De groep 'situatie' ontbreekt", At(path, "item"));
    return Ok();
  }

 private:
  static bool StartsWith(const std::string& s, std::string_view prefix) {
    return s.rfind(prefix, 0) == 0;
  }

  Status Item(const std::string& id, const json& item, const std::string& path) {
    if (groups_.count(id)) {
      if (item.contains("answer"))
        return Invalid("Een groep heeft geen antwoord", At(path, "answer"));
      return Items(item, path);
    }
    if (StartsWith(id, "kenmerk.")) return Feature(id.substr(8), item, path);
    if (id == link::kOwnWords) return OwnWords(item, path);
    if (id == link::kNeeds) return NeedGroup(item, path);
    if (id == link::kPlaces) return PlaceGroup(item, path);
    if (id == link::kSituation) return Situation(item, path);
    return Invalid("Onbekende vraag (linkId) '" + id + "'", At(path, "linkId"));
  }

  Status Feature(const std::string& feature_id, const json& item, const std::string& path) {
    const d::Feature* f = ref_.FindFeature(feature_id);
    if (f == nullptr) return Invalid("Onbekend kenmerk '" + feature_id + "'", At(path, "linkId"));
    if (item.contains("item"))
      return Invalid("De vragen bij een kenmerk staan onder het antwoord", At(path, "item"));
    Answers a(item, path);
    PASSEND_ASSIGN_OR_RETURN(size_t n, a.Count(false));
    for (size_t i = 0; i < n; ++i) {
      PASSEND_ASSIGN_OR_RETURN(std::string code, a.Code(i, kImportanceSystem));
      d::Wish w;
      w.feature_id = f->id;
      const bool unknown = code == kUnknownCode;
      if (!unknown) {
        PASSEND_ASSIGN_OR_RETURN(w.importance, ImportanceCode(a, i));
      }
      const json& answer = a.Answer(i);
      const std::string ap = a.PathOf(i);
      if (answer.contains("item")) {
        PASSEND_ASSIGN_OR_RETURN(
            auto children,
            Children(answer, ap, {FeatureValueLinkId(f->id), FeatureWordsLinkId(f->id)}));
        if (auto it = children.find(FeatureValueLinkId(f->id)); it != children.end()) {
          Answers v(*it->second.first, it->second.second);
          PASSEND_ASSIGN_OR_RETURN(size_t has, v.One(true));
          (void)has;
          switch (f->kind) {
            case d::FeatureKind::kLevel: {
              PASSEND_ASSIGN_OR_RETURN(double level, v.Number(0, "Integer"));
              w.value = level;
              break;
            }
            case d::FeatureKind::kNumber: {
              PASSEND_ASSIGN_OR_RETURN(double amount, v.Number(0, "Decimal"));
              w.value = amount;
              break;
            }
            case d::FeatureKind::kYesNo: {
              PASSEND_ASSIGN_OR_RETURN(const json* b, v.Value(0, "Boolean"));
              if (!b->is_boolean())
                return Invalid("Verwacht true of false", At(v.PathOf(0), "valueBoolean"));
              w.value = b->get<bool>() ? 1 : 0;
              break;
            }
          }
        }
        if (auto it = children.find(FeatureWordsLinkId(f->id)); it != children.end()) {
          Answers t(*it->second.first, it->second.second);
          PASSEND_ASSIGN_OR_RETURN(size_t has, t.One(true));
          (void)has;
          PASSEND_ASSIGN_OR_RETURN(w.text, t.Text(0));
        }
      }
      if (unknown) {
        // "Weet ik nog niet" is no wish for the feature; the client's words stay, as a
        // wish in their own words.
        if (w.text.empty()) continue;
        w.feature_id.clear();
        w.value.reset();
        w.importance = d::Wish{}.importance;
      }
      wishes_.push_back(std::move(w));
    }
    return Ok();
  }

  Status OwnWords(const json& group, const std::string& path) {
    PASSEND_ASSIGN_OR_RETURN(
        auto children, Children(group, path, {link::kOwnWordsText, link::kOwnWordsImportance}));
    d::Wish w;
    auto text = children.find(std::string(link::kOwnWordsText));
    if (text == children.end())
      return Invalid("Een wens in eigen woorden heeft een tekst", At(path, "item"));
    Answers t(*text->second.first, text->second.second);
    PASSEND_ASSIGN_OR_RETURN(size_t n, t.One(true));
    (void)n;
    PASSEND_ASSIGN_OR_RETURN(w.text, t.Text(0));
    if (auto it = children.find(std::string(link::kOwnWordsImportance)); it != children.end()) {
      Answers a(*it->second.first, it->second.second);
      PASSEND_ASSIGN_OR_RETURN(size_t has, a.One(true));
      (void)has;
      PASSEND_ASSIGN_OR_RETURN(w.importance, ImportanceCode(a, 0));
    }
    own_words_.push_back(std::move(w));
    return Ok();
  }

  Status NeedGroup(const json& group, const std::string& path) {
    PASSEND_ASSIGN_OR_RETURN(auto children,
                             Children(group, path, {link::kNeedFeature, link::kNeedNote}));
    auto feature = children.find(std::string(link::kNeedFeature));
    if (feature == children.end())
      return Invalid("Een behoefte heeft een kenmerk", At(path, "item"));
    d::Need n;
    Answers a(*feature->second.first, feature->second.second);
    PASSEND_ASSIGN_OR_RETURN(size_t has, a.One(true));
    (void)has;
    PASSEND_ASSIGN_OR_RETURN(n.feature_id, a.Code(0, kFeatureSystem));
    if (ref_.FindFeature(n.feature_id) == nullptr)
      return Invalid("Onbekend kenmerk '" + n.feature_id + "'",
                     At(a.PathOf(0), "valueCoding.code"));
    if (auto it = children.find(std::string(link::kNeedNote)); it != children.end()) {
      Answers t(*it->second.first, it->second.second);
      PASSEND_ASSIGN_OR_RETURN(size_t one, t.One(true));
      (void)one;
      PASSEND_ASSIGN_OR_RETURN(n.note, t.Text(0));
    }
    c_.needs.push_back(std::move(n));
    return Ok();
  }

  // The one answer of a required child item.
  static Result<Answers> Required(
      const std::map<std::string, std::pair<const json*, std::string>>& children,
      std::string_view id, const std::string& path) {
    auto it = children.find(std::string(id));
    if (it == children.end())
      return Invalid("De vraag '" + std::string(id) + "' ontbreekt", At(path, "item"));
    Answers a(*it->second.first, it->second.second);
    PASSEND_ASSIGN_OR_RETURN(size_t n, a.One(true));
    (void)n;
    return a;
  }

  Status PlaceGroup(const json& group, const std::string& path) {
    PASSEND_ASSIGN_OR_RETURN(
        auto children, Children(group, path,
                                {link::kPlaceKind, link::kPlaceLabel, link::kPlaceLat,
                                 link::kPlaceLon, link::kPlaceMaxKm, link::kPlaceImportance}));
    d::Place p;
    PASSEND_ASSIGN_OR_RETURN(Answers kind, Required(children, link::kPlaceKind, path));
    PASSEND_ASSIGN_OR_RETURN(p.kind, EnumCode<d::PlaceKind>(kind, 0, "plek", d::ParsePlaceKind));
    if (children.count(std::string(link::kPlaceLabel))) {
      PASSEND_ASSIGN_OR_RETURN(Answers label, Required(children, link::kPlaceLabel, path));
      PASSEND_ASSIGN_OR_RETURN(p.label, label.Text(0));
    }
    PASSEND_ASSIGN_OR_RETURN(Answers lat, Required(children, link::kPlaceLat, path));
    PASSEND_ASSIGN_OR_RETURN(p.position.lat, lat.Number(0, "Decimal"));
    PASSEND_ASSIGN_OR_RETURN(Answers lon, Required(children, link::kPlaceLon, path));
    PASSEND_ASSIGN_OR_RETURN(p.position.lon, lon.Number(0, "Decimal"));
    PASSEND_ASSIGN_OR_RETURN(Answers km, Required(children, link::kPlaceMaxKm, path));
    PASSEND_ASSIGN_OR_RETURN(p.max_km, km.Number(0, "Decimal"));
    PASSEND_ASSIGN_OR_RETURN(Answers importance, Required(children, link::kPlaceImportance, path));
    PASSEND_ASSIGN_OR_RETURN(p.importance, ImportanceCode(importance, 0));
    c_.places.push_back(std::move(p));
    return Ok();
  }

  Status Situation(const json& group, const std::string& path) {
    if (situation_seen_)
      return Invalid("De groep 'situatie' staat er twee keer", At(path, "linkId"));
    situation_seen_ = true;
    PASSEND_ASSIGN_OR_RETURN(
        auto children,
        Children(group, path,
                 {link::kSector, link::kIndication, link::kProfile, link::kCareStatus,
                  link::kCareProvider, link::kSeeking, link::kForms}));
    PASSEND_ASSIGN_OR_RETURN(Answers sector, Required(children, link::kSector, path));
    PASSEND_ASSIGN_OR_RETURN(c_.sector, EnumCode<d::Sector>(sector, 0, "sector", d::ParseSector));
    PASSEND_ASSIGN_OR_RETURN(Answers indication, Required(children, link::kIndication, path));
    PASSEND_ASSIGN_OR_RETURN(
        c_.indication,
        EnumCode<d::IndicationStatus>(indication, 0, "indicatie", d::ParseIndicationStatus));
    if (children.count(std::string(link::kProfile))) {
      PASSEND_ASSIGN_OR_RETURN(Answers profile, Required(children, link::kProfile, path));
      PASSEND_ASSIGN_OR_RETURN(c_.profile, profile.Code(0, PassendSystem("zorgprofiel")));
    }
    PASSEND_ASSIGN_OR_RETURN(Answers status, Required(children, link::kCareStatus, path));
    PASSEND_ASSIGN_OR_RETURN(c_.care_status,
                             EnumCode<d::CareStatus>(status, 0, "zorgstatus", d::ParseCareStatus));
    if (children.count(std::string(link::kCareProvider))) {
      PASSEND_ASSIGN_OR_RETURN(Answers provider, Required(children, link::kCareProvider, path));
      PASSEND_ASSIGN_OR_RETURN(c_.care_provider_id, provider.Text(0));
    }
    if (auto it = children.find(std::string(link::kSeeking)); it != children.end()) {
      Answers a(*it->second.first, it->second.second);
      PASSEND_ASSIGN_OR_RETURN(size_t n, a.Count(true));
      for (size_t i = 0; i < n; ++i) {
        PASSEND_ASSIGN_OR_RETURN(d::OfferKind k,
                                 EnumCode<d::OfferKind>(a, i, "aanbod", d::ParseOfferKind));
        c_.seeking.push_back(k);
      }
    }
    if (auto it = children.find(std::string(link::kForms)); it != children.end()) {
      Answers a(*it->second.first, it->second.second);
      PASSEND_ASSIGN_OR_RETURN(size_t n, a.Count(true));
      for (size_t i = 0; i < n; ++i) {
        PASSEND_ASSIGN_OR_RETURN(
            d::DeliveryForm f,
            EnumCode<d::DeliveryForm>(a, i, "leveringsvorm", d::ParseDeliveryForm));
        c_.preferred_forms.push_back(f);
      }
    }
    return Ok();
  }

 public:
  // Wishes for features first (in the Questionnaire's order), then those in own words.
  std::vector<d::Wish> TakeWishes() {
    for (auto& w : own_words_) wishes_.push_back(std::move(w));
    return std::move(wishes_);
  }

 private:
  const d::ReferenceData& ref_;
  d::Client& c_;
  std::set<std::string> groups_;  // the life-domain and question groups of the Questionnaire
  std::vector<d::Wish> wishes_, own_words_;
  bool situation_seen_ = false;
};

Status ReadPatient(const json& p, const std::string& path, d::Client& c) {
  if (p.contains("identifier")) {
    PASSEND_ASSIGN_OR_RETURN(const json* ids, ArrayAt(p, "identifier", path, true));
    for (size_t i = 0; i < ids->size(); ++i) {
      const json& id = (*ids)[i];
      if (id.is_object() && id.value("system", "") == kClientIdSystem) {
        PASSEND_ASSIGN_OR_RETURN(c.id, StringAt(id, "value", At(path, "identifier", i)));
      }
    }
  }
  if (p.contains("name")) {
    PASSEND_ASSIGN_OR_RETURN(const json* names, ArrayAt(p, "name", path, true));
    if (!names->empty()) {
      const json& n = (*names)[0];
      const std::string np = At(path, "name", 0);
      if (!n.is_object() || !n.contains("text"))
        return Invalid("Passend leest de naam uit name[0].text", At(np, "text"));
      PASSEND_ASSIGN_OR_RETURN(c.name, StringAt(n, "text", np));
    }
  }
  if (p.contains("birthDate")) {
    PASSEND_ASSIGN_OR_RETURN(std::string date, StringAt(p, "birthDate", path));
    // Passend keeps the year only; a full date is read as its year.
    if (date.size() < 4 || !std::all_of(date.begin(), date.begin() + 4,
                                        [](unsigned char ch) { return ch >= '0' && ch <= '9'; }))
      return Invalid("Verwacht een datum (JJJJ, JJJJ-MM of JJJJ-MM-DD)", At(path, "birthDate"));
    c.birth_year = std::stoi(date.substr(0, 4));
  }
  PASSEND_ASSIGN_OR_RETURN(const json* addresses, ArrayAt(p, "address", path, true));
  if (addresses->empty()) return Invalid("Het woonadres ontbreekt", At(path, "address"));
  const json& address = (*addresses)[0];
  const std::string ap = At(path, "address", 0);
  if (!address.is_object()) return Invalid("Verwacht een object", ap);
  PASSEND_ASSIGN_OR_RETURN(const json* extensions, ArrayAt(address, "extension", ap, true));
  bool municipality = false, home = false;
  for (size_t i = 0; i < extensions->size(); ++i) {
    const json& e = (*extensions)[i];
    const std::string ep = At(ap, "extension", i);
    if (!e.is_object()) return Invalid("Verwacht een object", ep);
    const std::string url = e.value("url", "");
    if (url == kMunicipalityExtension) {
      PASSEND_ASSIGN_OR_RETURN(c.municipality_code, StringAt(e, "valueCode", ep));
      municipality = true;
    } else if (url == kGeolocationExtension) {
      PASSEND_ASSIGN_OR_RETURN(const json* parts, ArrayAt(e, "extension", ep, true));
      bool lat = false, lon = false;
      for (size_t k = 0; k < parts->size(); ++k) {
        const json& part = (*parts)[k];
        const std::string pp = At(ep, "extension", k);
        if (!part.is_object() || !part.contains("valueDecimal") ||
            !part["valueDecimal"].is_number())
          return Invalid("Verwacht valueDecimal", At(pp, "valueDecimal"));
        const std::string which = part.value("url", "");
        if (which == "latitude") c.home.lat = part["valueDecimal"].get<double>(), lat = true;
        if (which == "longitude") c.home.lon = part["valueDecimal"].get<double>(), lon = true;
      }
      if (!lat || !lon) return Invalid("latitude en longitude zijn verplicht", At(ep, "extension"));
      home = true;
    }
  }
  if (!municipality)
    return Invalid(
        "De gemeentecode ontbreekt (extension " + std::string(kMunicipalityExtension) + ")",
        At(ap, "extension"));
  if (!home)
    return Invalid("De plek van het woonadres ontbreekt (extension geolocation)",
                   At(ap, "extension"));
  return Ok();
}

Status ReadRelatedPerson(const json& r, const std::string& path, d::Client& c) {
  d::Representative rep;
  PASSEND_ASSIGN_OR_RETURN(const json* names, ArrayAt(r, "name", path, true));
  if (names->empty() || !(*names)[0].is_object())
    return Invalid("De naam van de vertegenwoordiger ontbreekt", At(path, "name"));
  PASSEND_ASSIGN_OR_RETURN(rep.name, StringAt((*names)[0], "text", At(path, "name", 0)));
  if (r.contains("relationship")) {
    PASSEND_ASSIGN_OR_RETURN(const json* rel, ArrayAt(r, "relationship", path, true));
    if (!rel->empty() && (*rel)[0].is_object() && (*rel)[0].contains("text")) {
      PASSEND_ASSIGN_OR_RETURN(rep.relation,
                               StringAt((*rel)[0], "text", At(path, "relationship", 0)));
    }
  }
  c.representative = std::move(rep);
  return Ok();
}

}  // namespace

json DossierBundle(const intake::ClientVersion& v, const d::Guideline& g,
                   const d::ReferenceData& ref) {
  const d::Client& c = v.record;
  const std::string patient_url = StableUuid(c.id, "Patient");
  json entries = json::array();
  entries.push_back({{"fullUrl", StableUuid(c.id, "QuestionnaireResponse")},
                     {"resource", QuestionnaireResponse(v, g, ref, patient_url)}});
  entries.push_back({{"fullUrl", patient_url}, {"resource", Patient(c, ref)}});
  if (c.representative) {
    json rp = {{"resourceType", "RelatedPerson"}, {"patient", {{"reference", patient_url}}}};
    rp["name"] = {{{"text", c.representative->name}}};
    if (!c.representative->relation.empty())
      rp["relationship"] = {{{"text", c.representative->relation}}};
    entries.push_back(
        {{"fullUrl", StableUuid(c.id, "RelatedPerson")}, {"resource", std::move(rp)}});
  }
  json bundle = {{"resourceType", "Bundle"}, {"type", "collection"}};
  if (!v.info.recorded_at.empty()) bundle["timestamp"] = v.info.recorded_at;
  bundle["entry"] = std::move(entries);
  return bundle;
}

Result<d::Client> DossierFromBundle(const json& bundle, const d::Guideline& g,
                                    const d::ReferenceData& ref) {
  if (!bundle.is_object() || bundle.value("resourceType", "") != "Bundle")
    return Invalid("Stuur een FHIR Bundle met de QuestionnaireResponse en de Patient",
                   "resourceType");
  PASSEND_ASSIGN_OR_RETURN(const json* entries, ArrayAt(bundle, "entry", "", true));
  const json* response = nullptr;
  const json* patient = nullptr;
  const json* related = nullptr;
  std::string response_path, patient_path, related_path;
  for (size_t i = 0; i < entries->size(); ++i) {
    const std::string p = At("", "entry", i);
    const json& e = (*entries)[i];
    if (!e.is_object() || !e.contains("resource") || !e["resource"].is_object())
      return Invalid("Elke entry heeft een resource", At(p, "resource"));
    const std::string rp = At(p, "resource");
    PASSEND_ASSIGN_OR_RETURN(std::string type, StringAt(e["resource"], "resourceType", rp));
    const json** slot = type == "QuestionnaireResponse" ? &response
                        : type == "Patient"             ? &patient
                        : type == "RelatedPerson"       ? &related
                                                        : nullptr;
    if (slot == nullptr)
      return Invalid("Passend leest QuestionnaireResponse, Patient en RelatedPerson, geen " + type,
                     At(rp, "resourceType"));
    if (*slot != nullptr) return Invalid("Eén " + type + " per dossier", At(rp, "resourceType"));
    *slot = &e["resource"];
    (type == "QuestionnaireResponse" ? response_path
     : type == "Patient"             ? patient_path
                                     : related_path) = rp;
  }
  if (response == nullptr) return Invalid("De QuestionnaireResponse ontbreekt", "entry");
  if (patient == nullptr) return Invalid("De Patient ontbreekt", "entry");

  d::Client c;
  PASSEND_ASSIGN_OR_RETURN(std::string questionnaire,
                           StringAt(*response, "questionnaire", response_path));
  if (questionnaire.substr(0, questionnaire.find('|')) != kQuestionnaireUrl)
    return Invalid("Passend leest antwoorden op " + std::string(kQuestionnaireUrl),
                   At(response_path, "questionnaire"));
  PASSEND_RETURN_IF_ERROR(ReadPatient(*patient, patient_path, c));
  if (related != nullptr) PASSEND_RETURN_IF_ERROR(ReadRelatedPerson(*related, related_path, c));
  ResponseReader reader(g, ref, c);
  PASSEND_RETURN_IF_ERROR(reader.Items(*response, response_path));
  PASSEND_RETURN_IF_ERROR(reader.Finish(response_path));
  c.wishes = reader.TakeWishes();
  return c;
}

namespace {
// `current`'s order for the elements of `imported` equal to one of them, the rest after.
template <typename T>
void Reorder(const std::vector<T>& current, std::vector<T>& imported) {
  std::vector<T> ordered;
  std::vector<bool> used(imported.size(), false);
  for (const T& x : current) {
    for (size_t i = 0; i < imported.size(); ++i) {
      if (!used[i] && imported[i] == x) {
        used[i] = true;
        ordered.push_back(imported[i]);
        break;
      }
    }
  }
  for (size_t i = 0; i < imported.size(); ++i)
    if (!used[i]) ordered.push_back(std::move(imported[i]));
  imported = std::move(ordered);
}
}  // namespace

void KeepOrder(const d::Client& current, d::Client& imported) {
  Reorder(current.wishes, imported.wishes);
  Reorder(current.needs, imported.needs);
  Reorder(current.places, imported.places);
}

}  // namespace passend::interop::fhir
