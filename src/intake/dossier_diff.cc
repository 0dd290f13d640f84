#include "intake/dossier_diff.h"

#include <cstdio>
#include <functional>
#include <map>

#include "domain/geo.h"

namespace passend::intake {

namespace d = passend::domain;

namespace {

std::string FeatureName(const std::string& id, const d::ReferenceData& ref) {
  const d::Feature* f = ref.FindFeature(id);
  return f ? f->label_nl : id;
}

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

template <typename E>
std::string JoinLabels(const std::vector<E>& values) {
  std::string out;
  for (E v : values) out += (out.empty() ? "" : ", ") + std::string(d::ToString(v));
  return out;
}

std::string WishText(const d::Wish& w, const d::ReferenceData& ref) {
  std::string out = std::string(d::LabelNl(w.importance)) + ": ";
  out += w.feature_id.empty() ? "eigen woorden" : FeatureName(w.feature_id, ref);
  if (w.value) out += " (" + Number(*w.value) + ")";
  if (!w.text.empty()) out += ", '" + w.text + "'";
  return out;
}

std::string NeedText(const d::Need& n, const d::ReferenceData& ref) {
  std::string out = FeatureName(n.feature_id, ref);
  if (!n.note.empty()) out += ", '" + n.note + "'";
  return out;
}

// A distance as people read it: "1,2 km".
std::string KmNl(double km) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f km", km);
  std::string out = buf;
  for (char& c : out)
    if (c == '.') c = ',';
  return out;
}

// Where a place is, in words rather than coordinates: the municipality whose centre is
// nearest, and how far from that centre when it is not on it (a place the web app adds sits
// on its municipality's centre). A move changes the text, so the versions still show it.
std::string WhereText(const d::GeoPoint& at, const d::ReferenceData& ref) {
  const d::Municipality* nearest = nullptr;
  double best = 0;
  for (const d::Municipality& m : ref.municipalities()) {
    const double km = d::DistanceKm(at, m.centroid);
    if (!nearest || km < best) {
      nearest = &m;
      best = km;
    }
  }
  if (!nearest) return "op " + Number(at.lat) + ", " + Number(at.lon);
  if (best < 0.05) return "in " + nearest->name;
  return KmNl(best) + " van het centrum van " + nearest->name;
}

std::string PlaceText(const d::Place& p, const d::ReferenceData& ref) {
  return std::string(d::LabelNl(p.importance)) + ": " + std::string(d::LabelNl(p.kind)) + " '" +
         p.label + "' " + WhereText(p.position, ref) + ", binnen " + Number(p.max_km) + " km";
}

class Differ {
 public:
  explicit Differ(std::vector<FieldChange>& out) : out_(out) {}

  void Field(const std::string& field, const std::string& label, const std::string& before,
             const std::string& after) {
    if (before == after) return;
    FieldChange::Kind kind = FieldChange::Kind::kChanged;
    if (before.empty()) kind = FieldChange::Kind::kAdded;
    if (after.empty()) kind = FieldChange::Kind::kRemoved;
    out_.push_back({field, kind, label, before, after});
  }

  // Items of a list matched by key; the text of each says what it holds.
  template <typename T>
  void List(const std::string& field, const std::string& label, const std::vector<T>& from,
            const std::vector<T>& to, const std::function<std::string(const T&)>& key,
            const std::function<std::string(const T&)>& text) {
    std::map<std::string, std::string> before, after;
    std::vector<std::string> order;  // keys in the order of `to`, then those only in `from`
    for (const T& t : to) {
      if (after.emplace(key(t), text(t)).second) order.push_back(key(t));
    }
    for (const T& t : from) {
      if (before.emplace(key(t), text(t)).second && !after.count(key(t))) order.push_back(key(t));
    }
    for (const auto& k : order) {
      auto b = before.find(k);
      auto a = after.find(k);
      Field(field + "." + k, label, b == before.end() ? "" : b->second,
            a == after.end() ? "" : a->second);
    }
  }

 private:
  std::vector<FieldChange>& out_;
};

}  // namespace

std::string_view ToString(FieldChange::Kind kind) {
  switch (kind) {
    case FieldChange::Kind::kAdded: return "added";
    case FieldChange::Kind::kRemoved: return "removed";
    case FieldChange::Kind::kChanged: return "changed";
  }
  return "changed";
}

std::vector<FieldChange> DiffClients(const d::Client& from, const d::Client& to,
                                     const d::ReferenceData& ref) {
  std::vector<FieldChange> out;
  Differ diff(out);
  auto year = [](int y) { return y == 0 ? std::string() : std::to_string(y); };
  auto municipality = [&](const std::string& code) {
    const d::Municipality* m = ref.FindMunicipality(code);
    return m ? m->name + " (" + code + ")" : code;
  };
  auto point = [](const d::GeoPoint& p) { return Number(p.lat) + ", " + Number(p.lon); };
  auto representative = [](const std::optional<d::Representative>& r) {
    if (!r) return std::string();
    return r->name + (r->relation.empty() ? "" : " (" + r->relation + ")");
  };
  diff.Field("name", "Naam", from.name, to.name);
  diff.Field("birth_year", "Geboortejaar", year(from.birth_year), year(to.birth_year));
  diff.Field("municipality_code", "Gemeente", municipality(from.municipality_code),
             municipality(to.municipality_code));
  diff.Field("home", "Woonplek", point(from.home), point(to.home));
  diff.Field("sector", "Sector", std::string(d::ToString(from.sector)),
             std::string(d::ToString(to.sector)));
  diff.Field("indication", "Indicatie", std::string(d::ToString(from.indication)),
             std::string(d::ToString(to.indication)));
  diff.Field("profile", "Zorgprofiel", from.profile, to.profile);
  diff.Field("care_status", "Zorgstatus", std::string(d::LabelNl(from.care_status)),
             std::string(d::LabelNl(to.care_status)));
  diff.Field("care_provider_id", "Zorgaanbieder nu", from.care_provider_id, to.care_provider_id);
  diff.Field("preferred_forms", "Leveringsvormen", JoinLabels(from.preferred_forms),
             JoinLabels(to.preferred_forms));
  diff.Field("seeking", "Zoekt", JoinLabels(from.seeking), JoinLabels(to.seeking));
  diff.Field("representative", "Vertegenwoordiger of contactpersoon",
             representative(from.representative), representative(to.representative));
  diff.List<d::Wish>(
      "wishes", "Wens", from.wishes, to.wishes,
      [](const d::Wish& w) { return w.feature_id.empty() ? "tekst:" + w.text : w.feature_id; },
      [&](const d::Wish& w) { return WishText(w, ref); });
  diff.List<d::Need>(
      "needs", "Behoefte", from.needs, to.needs, [](const d::Need& n) { return n.feature_id; },
      [&](const d::Need& n) { return NeedText(n, ref); });
  diff.List<d::Place>(
      "places", "Plek", from.places, to.places,
      [](const d::Place& p) { return std::string(d::ToString(p.kind)) + ":" + p.label; },
      [&](const d::Place& p) { return PlaceText(p, ref); });
  return out;
}

}  // namespace passend::intake
