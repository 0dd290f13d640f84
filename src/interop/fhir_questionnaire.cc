#include "interop/fhir_questionnaire.h"

#include <set>

namespace passend::interop::fhir {
namespace {

using nlohmann::json;
namespace d = passend::domain;

std::string_view ImportanceEn(d::Importance v) {
  switch (v) {
    case d::Importance::kMust: return "must";
    case d::Importance::kImportant: return "important";
    case d::Importance::kNice: return "nice to have";
  }
  return "?";
}

json Translation(std::string_view en) {
  return {
      {"extension",
       {{{"url", kTranslationExtension},
         {"extension",
          {{{"url", "lang"}, {"valueCode", "en"}}, {{"url", "content"}, {"valueString", en}}}}}}}};
}

json Item(std::string link_id, std::string_view type, std::string_view nl, std::string_view en) {
  json item = {{"linkId", std::move(link_id)}, {"type", type}};
  PutTranslated(item, "text", nl, en);
  return item;
}

json Option(std::string_view system, std::string_view code, std::string_view display_nl,
            std::string_view display_en = {}) {
  json coding = {{"system", system}, {"code", code}};
  if (!display_nl.empty()) {
    if (display_en.empty()) {
      coding["display"] = display_nl;
    } else {
      PutTranslated(coding, "display", display_nl, display_en);
    }
  }
  return {{"valueCoding", std::move(coding)}};
}

// must / important / nice, and "weet ik nog niet" where a wish may be left open.
json ImportanceOptions(bool with_unknown) {
  json options = json::array();
  for (d::Importance i : d::kAllImportances)
    options.push_back(Option(kImportanceSystem, d::ToString(i), d::LabelNl(i), ImportanceEn(i)));
  if (with_unknown)
    options.push_back(
        Option(kImportanceSystem, kUnknownCode, d::kUnknownAnswerNl, d::kUnknownAnswerEn));
  return options;
}

template <typename E, size_t N, typename LabelFn>
json EnumOptions(std::string_view system_name, const E (&all)[N], LabelFn label) {
  json options = json::array();
  const std::string system = PassendSystem(system_name);
  for (E v : all) options.push_back(Option(system, d::ToString(v), label(v)));
  return options;
}

json FeatureOptions(const d::ReferenceData& ref) {
  json options = json::array();
  for (const auto& f : ref.features())
    options.push_back(Option(kFeatureSystem, f.id, f.label_nl, f.label_en));
  return options;
}

json Extension(std::string_view url, const char* value_key, json value) {
  return {{"url", url}, {value_key, std::move(value)}};
}

// One feature as a repeating choice: each answer is one wish, its level or amount and the
// client's words nested under it.
json FeatureItem(const d::Feature& f) {
  json item = Item(FeatureLinkId(f.id), "choice", f.label_nl, f.label_en);
  item["code"] = {{{"system", kFeatureSystem}, {"code", f.id}, {"display", f.label_nl}}};
  item["repeats"] = true;
  item["answerOption"] = ImportanceOptions(true);
  json children = json::array();
  if (f.kind == d::FeatureKind::kLevel) {
    json value = Item(FeatureValueLinkId(f.id), "integer", "Welk niveau?", "Which level?");
    value["extension"] = json::array(
        {Extension("http://hl7.org/fhir/StructureDefinition/minValue", "valueInteger", 1),
         Extension("http://hl7.org/fhir/StructureDefinition/maxValue", "valueInteger",
                   f.level_max)});
    children.push_back(std::move(value));
  } else if (f.kind == d::FeatureKind::kNumber) {
    json value = Item(FeatureValueLinkId(f.id), "decimal", "Hoeveel?", "How much?");
    // json::array: a braced list of one json is a copy of it under clang, an array under GCC.
    value["extension"] = json::array(
        {Extension("http://hl7.org/fhir/StructureDefinition/minValue", "valueDecimal", 0)});
    if (!f.unit.empty())
      value["extension"].push_back(
          Extension("http://hl7.org/fhir/StructureDefinition/questionnaire-unit", "valueCoding",
                    json{{"display", f.unit}}));
    children.push_back(std::move(value));
  } else {
    children.push_back(Item(FeatureValueLinkId(f.id), "boolean",
                            "Wilt u dit (ja), of juist niet (nee)?",
                            "Do you want this (yes), or rather not (no)?"));
  }
  children.push_back(
      Item(FeatureWordsLinkId(f.id), "text", "In uw eigen woorden", "In your own words"));
  item["item"] = std::move(children);
  return item;
}

json Group(std::string_view link_id, std::string_view nl, std::string_view en, json children,
           bool repeats = false) {
  json g = Item(std::string(link_id), "group", nl, en);
  if (repeats) g["repeats"] = true;
  g["item"] = std::move(children);
  return g;
}

json Required(json item) {
  item["required"] = true;
  return item;
}

json Choice(std::string_view link_id, std::string_view nl, std::string_view en, json options,
            bool repeats = false) {
  json item = Item(std::string(link_id), "choice", nl, en);
  if (repeats) item["repeats"] = true;
  item["answerOption"] = std::move(options);
  return item;
}

json FixedGroups(const d::ReferenceData& ref) {
  json groups = json::array();
  groups.push_back(
      Group(link::kOwnWords, "Wat wilt u nog meer vertellen, in uw eigen woorden?",
            "What else would you like to tell, in your own words?",
            {Required(Item(std::string(link::kOwnWordsText), "text", "Uw wens", "Your wish")),
             Choice(link::kOwnWordsImportance, "Hoe belangrijk is dit?", "How important is this?",
                    ImportanceOptions(false))},
            true));
  groups.push_back(
      Group(link::kNeeds, "Behoeften, vastgelegd door een professional (indicatie of beoordeling)",
            "Needs, recorded by a professional (indication or assessment)",
            {Required(Choice(link::kNeedFeature, "Kenmerk", "Feature", FeatureOptions(ref))),
             Item(std::string(link::kNeedNote), "text", "Toelichting", "Note")},
            true));
  json max_km =
      Item(std::string(link::kPlaceMaxKm), "decimal", "Hoe ver mag u hier hooguit vandaan wonen?",
           "How far from it would you live at most?");
  max_km["extension"] = {
      Extension("http://hl7.org/fhir/StructureDefinition/minValue", "valueDecimal", 0),
      Extension("http://hl7.org/fhir/StructureDefinition/questionnaire-unit", "valueCoding",
                json{{"system", "http://unitsofmeasure.org"}, {"code", "km"}, {"display", "km"}})};
  groups.push_back(Group(
      link::kPlaces, "Plekken die ertoe doen", "Places that matter",
      {Required(Choice(
           link::kPlaceKind, "Wat voor plek?", "What kind of place?",
           EnumOptions("plek", d::kAllPlaceKinds, [](d::PlaceKind k) { return d::LabelNl(k); }))),
       Item(std::string(link::kPlaceLabel), "string", "Naam", "Name"),
       Required(Item(std::string(link::kPlaceLat), "decimal", "Breedtegraad", "Latitude")),
       Required(Item(std::string(link::kPlaceLon), "decimal", "Lengtegraad", "Longitude")),
       Required(std::move(max_km)),
       Required(Choice(link::kPlaceImportance, "Hoe belangrijk is deze plek?",
                       "How important is this place?", ImportanceOptions(false)))},
      true));
  json profiles = json::array();
  for (const auto& p : ref.profiles())
    profiles.push_back(Option(PassendSystem("zorgprofiel"), p.code, p.name_nl));
  auto code_only = [](auto) { return std::string_view{}; };
  groups.push_back(Group(
      link::kSituation, "Uw situatie", "Your situation",
      {Required(Choice(link::kSector, "Sector", "Sector",
                       EnumOptions("sector", d::kAllSectors, code_only))),
       Required(Choice(link::kIndication, "Indicatie van het CIZ", "Indication by the CIZ",
                       EnumOptions("indicatie", d::kAllIndicationStatuses, code_only))),
       Choice(link::kProfile, "Zorgprofiel", "Care profile", std::move(profiles)),
       Required(Choice(link::kCareStatus, "Zorgstatus", "Care status",
                       EnumOptions("zorgstatus", d::kAllCareStatuses,
                                   [](d::CareStatus s) { return d::LabelNl(s); }))),
       Item(std::string(link::kCareProvider), "string", "Zorgaanbieder die nu zorg geeft (id)",
            "Provider giving care now (id)"),
       Choice(
           link::kSeeking, "Wat zoekt u?", "What are you looking for?",
           EnumOptions("aanbod", d::kAllOfferKinds, [](d::OfferKind k) { return d::LabelNl(k); }),
           true),
       Choice(link::kForms, "Hoe wilt u de zorg krijgen?", "How would you like to receive care?",
              EnumOptions("leveringsvorm", d::kAllDeliveryForms,
                          [](d::DeliveryForm f) { return d::LabelNl(f); }),
              true)}));
  return groups;
}

}  // namespace

std::string DomainLinkId(d::LifeDomain v) { return "domein." + std::string(d::ToString(v)); }
std::string QuestionLinkId(const std::string& id) { return "vraag." + id; }
std::string FeatureLinkId(const std::string& id) { return "kenmerk." + id; }
std::string FeatureValueLinkId(const std::string& id) { return "kenmerk." + id + ".waarde"; }
std::string FeatureWordsLinkId(const std::string& id) { return "kenmerk." + id + ".eigen_woorden"; }
std::string PassendSystem(std::string_view name) {
  return std::string(kPassendSystemPrefix) + std::string(name);
}

void PutTranslated(json& j, const std::string& key, std::string_view nl, std::string_view en) {
  j[key] = nl;
  if (!en.empty() && en != nl) j["_" + key] = Translation(en);
}

std::map<std::string, std::string> FeatureQuestions(const d::Guideline& g,
                                                    const d::ReferenceData& ref) {
  std::map<std::string, std::string> where;
  for (const auto& domain : g.domains)
    for (const auto& q : domain.questions)
      for (const auto& f : q.feature_ids) where.emplace(f, QuestionLinkId(q.id));
  for (const auto& f : ref.features()) where.emplace(f.id, DomainLinkId(f.domain) + ".overige");
  return where;
}

json LeidraadQuestionnaire(const d::Guideline& g, const d::ReferenceData& ref) {
  const auto where = FeatureQuestions(g, ref);
  json domains = json::array();
  for (const auto& domain : g.domains) {
    json children = json::array();
    children.push_back(Item(DomainLinkId(domain.domain) + ".inleiding", "display", domain.intro_nl,
                            domain.intro_en));
    for (const auto& q : domain.questions) {
      json features = json::array();
      for (const auto& id : q.feature_ids) {
        const d::Feature* f = ref.FindFeature(id);
        if (f != nullptr && where.at(id) == QuestionLinkId(q.id))
          features.push_back(FeatureItem(*f));
      }
      if (features.empty()) continue;  // every feature already asked earlier
      children.push_back(Group(QuestionLinkId(q.id), q.text_nl, q.text_en, std::move(features)));
    }
    // Features of this domain that no question asks: still answerable.
    json rest = json::array();
    for (const auto& f : ref.features())
      if (f.domain == domain.domain && where.at(f.id) == DomainLinkId(domain.domain) + ".overige")
        rest.push_back(FeatureItem(f));
    if (!rest.empty())
      children.push_back(Group(DomainLinkId(domain.domain) + ".overige", "Andere wensen",
                               "Other wishes", std::move(rest)));
    domains.push_back(
        Group(DomainLinkId(domain.domain), domain.title_nl, domain.title_en, std::move(children)));
  }
  for (auto& group : FixedGroups(ref)) domains.push_back(std::move(group));

  json q = {{"resourceType", "Questionnaire"},
            {"id", "passend-leidraad"},
            {"language", "nl"},
            {"url", kQuestionnaireUrl},
            {"version", kQuestionnaireVersion},
            {"name", "PassendLeidraad"},
            {"status", "active"},
            {"subjectType", {"Patient"}}};
  PutTranslated(q, "title", "Leidraad voor vraagverheldering",
                "Guideline for clarifying the question");
  q["description"] =
      "Per levensdomein vragen naar wat voor u belangrijk is, niet naar wat er te krijgen is. "
      "Bij elke vraag mag u antwoorden met 'weet ik nog niet', en altijd in uw eigen woorden.";
  q["item"] = std::move(domains);
  return q;
}

}  // namespace passend::interop::fhir
