#include "generate/feature_rules.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>

#include "refdata/csv.h"

namespace passend::embedded {
std::string_view kenmerk_relaties_csv();
std::string_view standaardkenmerken_csv();
}  // namespace passend::embedded

namespace passend::generate {
namespace {

template <typename T>
const std::vector<T>& BuiltIn(Result<std::vector<T>> (*parse)(std::string_view),
                              std::string_view text, const char* what) {
  auto parsed = parse(text);
  if (!parsed.ok()) {
    std::fprintf(stderr, "ingebouwde %s ongeldig: %s\n", what, parsed.error().ToString().c_str());
    std::abort();
  }
  return *new std::vector<T>(std::move(parsed).value());
}

Result<std::vector<int>> Columns(const refdata::CsvTable& t,
                                 std::initializer_list<const char*> names, const char* source) {
  std::vector<int> idx;
  for (const char* n : names) {
    const int c = t.Column(n);
    if (c < 0) return InvalidArgument(std::string(source) + ": kolom '" + n + "' ontbreekt");
    idx.push_back(c);
  }
  return idx;
}

domain::FeatureValue* Find(std::vector<domain::FeatureValue>& fs, std::string_view id) {
  for (auto& f : fs)
    if (f.feature_id == id) return &f;
  return nullptr;
}

bool Excluding(RelationKind k) {
  return k == RelationKind::kExcludes || k == RelationKind::kWishExcludes;
}

// A wish or need asks for the feature (yes/no wishes have no value; levels from 2).
bool Asks(const domain::Wish& w) { return !w.feature_id.empty() && (!w.value || *w.value >= 2); }

// Per feature, the features it excludes (both directions). Lookups only: no iteration
// over the hash map, so nothing depends on its order.
const std::unordered_map<std::string, std::vector<std::string>>& ExclusionIndex() {
  static const auto* index = [] {
    auto* m = new std::unordered_map<std::string, std::vector<std::string>>();
    for (const FeatureRelation& r : FeatureRelations()) {
      if (!Excluding(r.kind)) continue;
      (*m)[r.feature].push_back(r.other);
      (*m)[r.other].push_back(r.feature);
    }
    return m;
  }();
  return *index;
}

bool Excludes(std::string_view a, std::string_view b) {
  const auto& index = ExclusionIndex();
  auto it = index.find(std::string(a));
  if (it == index.end()) return false;
  return std::find(it->second.begin(), it->second.end(), b) != it->second.end();
}

}  // namespace

Result<std::vector<FeatureRelation>> ParseFeatureRelations(std::string_view csv) {
  constexpr const char* kSource = "kenmerk_relaties.csv";
  PASSEND_ASSIGN_OR_RETURN(refdata::CsvTable t, refdata::ParseCsv(csv, kSource));
  PASSEND_ASSIGN_OR_RETURN(std::vector<int> c,
                           Columns(t, {"feature", "relation", "other"}, kSource));
  std::vector<FeatureRelation> out;
  for (const auto& r : t.rows) {
    FeatureRelation rel{r[c[0]], RelationKind::kImplies, r[c[2]]};
    const std::string& kind = r[c[1]];
    if (kind == "excludes") {
      rel.kind = RelationKind::kExcludes;
    } else if (kind == "wish_excludes") {
      rel.kind = RelationKind::kWishExcludes;
    } else if (kind != "implies") {
      return InvalidArgument(std::string(kSource) + " " + rel.feature + ": relatie '" + kind +
                             "' is niet implies, excludes of wish_excludes");
    }
    out.push_back(std::move(rel));
  }
  return out;
}

Result<std::vector<StandardFeature>> ParseStandardFeatures(std::string_view csv) {
  constexpr const char* kSource = "standaardkenmerken.csv";
  PASSEND_ASSIGN_OR_RETURN(refdata::CsvTable t, refdata::ParseCsv(csv, kSource));
  PASSEND_ASSIGN_OR_RETURN(std::vector<int> c,
                           Columns(t, {"applies_to", "kind", "feature", "value"}, kSource));
  std::vector<StandardFeature> out;
  for (const auto& r : t.rows) {
    StandardFeature s;
    const std::string where = std::string(kSource) + " " + r[c[2]];
    std::string_view words = r[c[0]];
    while (!words.empty()) {
      const size_t sp = std::min(words.find(' '), words.size());
      if (sp > 0) s.applies_to.emplace_back(words.substr(0, sp));
      words.remove_prefix(std::min(sp + 1, words.size()));
    }
    auto kind = domain::ParseOfferKind(r[c[1]]);
    if (!kind) return InvalidArgument(where + ": onbekende soort aanbod '" + r[c[1]] + "'");
    s.kind = *kind;
    s.feature = r[c[2]];
    if (r[c[3]] != "0" && r[c[3]] != "1") return InvalidArgument(where + ": waarde is 0 of 1");
    s.value = r[c[3]] == "1" ? 1 : 0;
    out.push_back(std::move(s));
  }
  return out;
}

const std::vector<FeatureRelation>& FeatureRelations() {
  static const std::vector<FeatureRelation>& all =
      BuiltIn(&ParseFeatureRelations, embedded::kenmerk_relaties_csv(), "kenmerkrelaties");
  return all;
}

const std::vector<StandardFeature>& StandardFeatures() {
  static const std::vector<StandardFeature>& all =
      BuiltIn(&ParseStandardFeatures, embedded::standaardkenmerken_csv(), "standaardkenmerken");
  return all;
}

bool Applies(const StandardFeature& s, const domain::Offer& o, std::string_view template_key) {
  if (s.kind != o.kind) return false;
  for (const std::string& token : s.applies_to) {
    if (token == template_key) return true;
    if (auto sector = domain::ParseSector(token)) {
      if (std::find(o.sectors.begin(), o.sectors.end(), *sector) != o.sectors.end()) return true;
    } else if (std::find(o.profiles.begin(), o.profiles.end(), token) != o.profiles.end()) {
      return true;
    }
  }
  return false;
}

void ApplyRelations(std::vector<domain::FeatureValue>& features, const domain::ReferenceData& ref) {
  // Implications first, repeated for chains (clustered -> apartment -> own room).
  for (bool changed = true; changed;) {
    changed = false;
    for (const FeatureRelation& r : FeatureRelations()) {
      if (r.kind != RelationKind::kImplies) continue;
      const domain::FeatureValue* a = Find(features, r.feature);
      if (a == nullptr || a->value < 1) continue;
      domain::FeatureValue* b = Find(features, r.other);
      if (b == nullptr) {
        features.push_back({r.other, 1});
        changed = true;
      } else if (b->value < 1) {
        b->value = 1;
        changed = true;
      }
    }
  }
  for (const FeatureRelation& r : FeatureRelations()) {
    if (r.kind != RelationKind::kExcludes) continue;
    for (int side = 0; side < 2; ++side) {
      const std::string& yes = side == 0 ? r.feature : r.other;
      const std::string& no = side == 0 ? r.other : r.feature;
      const domain::FeatureValue* a = Find(features, yes);
      if (a == nullptr || a->value < 1) continue;
      const domain::Feature* f = ref.FindFeature(no);
      const bool yes_no = f != nullptr && f->kind == domain::FeatureKind::kYesNo;
      domain::FeatureValue* b = Find(features, no);
      if (yes_no && b == nullptr) {
        features.push_back({no, 0});
      } else if (yes_no) {
        b->value = 0;
      } else if (b != nullptr) {
        features.erase(features.begin() + (b - features.data()));
      }
      break;  // the first side that is yes wins
    }
  }
}

bool ContradictsClient(const domain::Client& c, const std::vector<domain::Wish>& wishes,
                       std::string_view feature) {
  if (!ExclusionIndex().contains(std::string(feature))) return false;
  for (const domain::Wish& w : wishes)
    if (Asks(w) && Excludes(w.feature_id, feature)) return true;
  for (const domain::Need& n : c.needs)
    if (Excludes(n.feature_id, feature)) return true;
  return false;
}

std::optional<std::pair<std::string, std::string>> ContradictoryPair(const domain::Client& c) {
  // Only features that exclude something can form a pair.
  const auto& index = ExclusionIndex();
  std::vector<std::string_view> asked;
  for (const domain::Need& n : c.needs)
    if (index.contains(n.feature_id)) asked.push_back(n.feature_id);
  for (const domain::Wish& w : c.wishes)
    if (Asks(w) && index.contains(w.feature_id)) asked.push_back(w.feature_id);
  for (size_t i = 0; i < asked.size(); ++i)
    for (size_t j = i + 1; j < asked.size(); ++j)
      if (Excludes(asked[i], asked[j]))
        return std::make_pair(std::string(asked[i]), std::string(asked[j]));
  return std::nullopt;
}

}  // namespace passend::generate
