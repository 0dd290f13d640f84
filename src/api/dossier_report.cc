#include "api/dossier_report.h"

#include "access/local_time.h"
#include "access/principal.h"
#include "api/record_schemas.h"
#include "domain/dutch_number.h"

namespace passend::api {
namespace {

namespace d = passend::domain;
using nlohmann::json;

std::string FeatureLabel(const d::ReferenceData& ref, const std::string& id) {
  const d::Feature* f = ref.FindFeature(id);
  return f ? f->label_nl : id;
}

std::string MunicipalityName(const d::ReferenceData& ref, const std::string& code) {
  const d::Municipality* m = ref.FindMunicipality(code);
  return m ? m->name : code;
}

// The parts of the dossier a report and a form both show: who the client is and what
// matters to them. Home coordinates and the places' positions are left out: nobody needs
// them to read the story, and a form holds no more than it must.
json DossierParts(const d::Client& c, const d::ReferenceData& ref) {
  json forms = json::array();
  for (auto f : c.preferred_forms)
    forms.push_back({{"id", d::ToString(f)}, {"label_nl", d::LabelNl(f)}});
  json client = {
      {"id", c.id},
      {"name", c.name},
      {"birth_year", c.birth_year},
      {"municipality",
       {{"code", c.municipality_code}, {"name", MunicipalityName(ref, c.municipality_code)}}},
      {"sector", d::ToString(c.sector)},
      {"indication", d::ToString(c.indication)},
      {"profile", c.profile},
      {"care_status", d::ToString(c.care_status)},
      {"preferred_forms", std::move(forms)},
      {"representative", c.representative ? json{{"name", c.representative->name},
                                                 {"relation", c.representative->relation}}
                                          : json(nullptr)}};
  json wishes = json::array(), needs = json::array(), places = json::array();
  for (const auto& w : c.wishes)
    wishes.push_back({{"feature_id", w.feature_id},
                      {"label_nl", w.feature_id.empty() ? "" : FeatureLabel(ref, w.feature_id)},
                      {"importance", d::ToString(w.importance)},
                      {"importance_nl", d::LabelNl(w.importance)},
                      {"text", w.text}});
  for (const auto& n : c.needs)
    needs.push_back({{"feature_id", n.feature_id},
                     {"label_nl", FeatureLabel(ref, n.feature_id)},
                     {"note", n.note}});
  for (const auto& p : c.places)
    places.push_back({{"kind", d::ToString(p.kind)},
                      {"kind_nl", d::LabelNl(p.kind)},
                      {"label", p.label},
                      {"max_km", p.max_km},
                      {"importance", d::ToString(p.importance)}});
  return {{"client", std::move(client)},
          {"wishes", std::move(wishes)},
          {"needs", std::move(needs)},
          {"places", std::move(places)}};
}

json DossierPartsSchema() {
  using namespace schema;
  json named = Object({{"id", String()}, {"label_nl", String()}});
  json client =
      Object({{"id", String()},
              {"name", String()},
              {"birth_year", Integer("0: onbekend")},
              {"municipality", Object({{"code", String()}, {"name", String()}})},
              {"sector", Enum(d::kAllSectors)},
              {"indication", Enum(d::kAllIndicationStatuses)},
              {"profile", String()},
              {"care_status", Enum(d::kAllCareStatuses)},
              {"preferred_forms", ArrayOf(named)},
              {"representative", Nullable(Object({{"name", String()}, {"relation", String()}}))}});
  json wish = Object({{"feature_id", String("Leeg: alleen eigen woorden")},
                      {"label_nl", String()},
                      {"importance", Enum(d::kAllImportances)},
                      {"importance_nl", String()},
                      {"text", String("De eigen woorden van de cliënt")}});
  json need = Object({{"feature_id", String()}, {"label_nl", String()}, {"note", String()}});
  json place = Object({{"kind", Enum(d::kAllPlaceKinds)},
                       {"kind_nl", String()},
                       {"label", String()},
                       {"max_km", Number()},
                       {"importance", Enum(d::kAllImportances)}});
  return Object({{"client", client},
                 {"wishes", ArrayOf(wish)},
                 {"needs", ArrayOf(need)},
                 {"places", ArrayOf(place)}});
}

// --- HTML ---

constexpr const char* kStyle = R"(
body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #111; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.2rem; border-bottom: 1px solid #999; margin-top: 2rem; }
.meta { color: #444; }
q { font-style: italic; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.25rem 0.5rem 0.25rem 0; }
section { break-inside: avoid-page; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  section.deel { break-before: page; }
  a { color: inherit; text-decoration: none; }
  @page { margin: 2cm; }
}
)";

std::string Page(const std::string& title, const std::string& body) {
  return "<!doctype html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
         EscapeHtml(title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n" + body +
         "</body>\n</html>\n";
}

std::string Quote(const std::string& words) {
  return words.empty() ? "" : " <q>" + EscapeHtml(words) + "</q>";
}

std::string VersionLine(const intake::ClientVersionInfo& v) {
  std::string when = "ingelezen";
  if (auto t = access::ParseUtc(v.recorded_at)) when = access::FormatAmsterdam(*t);
  return "versie " + std::to_string(v.version) + " (" + EscapeHtml(when) + ")";
}

std::string DossierHtml(const d::Client& c, const d::ReferenceData& ref) {
  std::string h = "<section>\n<h2>Over de cliënt</h2>\n<table>\n";
  auto row = [&h](const char* label, const std::string& value) {
    h += "<tr><th scope=\"row\">" + std::string(label) + "</th><td>" + value + "</td></tr>\n";
  };
  row("Naam", EscapeHtml(c.name));
  row("Geboortejaar", c.birth_year ? std::to_string(c.birth_year) : "onbekend");
  row("Gemeente", EscapeHtml(MunicipalityName(ref, c.municipality_code)));
  row("Zorgprofiel", c.profile.empty() ? "nog niet bekend" : EscapeHtml(c.profile));
  row("Zorgstatus", EscapeHtml(std::string(d::LabelNl(c.care_status))));
  std::string forms;
  for (auto f : c.preferred_forms)
    forms += (forms.empty() ? "" : ", ") + EscapeHtml(std::string(d::LabelNl(f)));
  row("Voorkeur voor", forms.empty() ? "geen voorkeur" : forms);
  if (c.representative)
    row("Vertegenwoordiger",
        EscapeHtml(c.representative->name) + " (" + EscapeHtml(c.representative->relation) + ")");
  h += "</table>\n</section>\n";

  h += "<section class=\"deel\">\n<h2>Wat belangrijk is (wensen)</h2>\n";
  if (c.wishes.empty()) h += "<p>Nog geen wensen vastgelegd.</p>\n";
  for (d::Importance imp : d::kAllImportances) {
    std::string items;
    for (const auto& w : c.wishes) {
      if (w.importance != imp) continue;
      items += "<li>" +
               (w.feature_id.empty() ? std::string("In eigen woorden:")
                                     : EscapeHtml(FeatureLabel(ref, w.feature_id))) +
               Quote(w.text) + "</li>\n";
    }
    if (!items.empty())
      h += "<h3>" + EscapeHtml(std::string(d::LabelNl(imp))) + "</h3>\n<ul>\n" + items + "</ul>\n";
  }
  h += "</section>\n<section>\n<h2>Wat nodig is (vastgelegd door een professional)</h2>\n";
  if (c.needs.empty())
    h += "<p>Nog geen behoeften vastgelegd.</p>\n";
  else {
    h += "<ul>\n";
    for (const auto& n : c.needs)
      h += "<li>" + EscapeHtml(FeatureLabel(ref, n.feature_id)) +
           (n.note.empty() ? "" : ": " + EscapeHtml(n.note)) + "</li>\n";
    h += "</ul>\n";
  }
  h += "</section>\n<section>\n<h2>Plekken die ertoe doen</h2>\n";
  if (c.places.empty())
    h += "<p>Geen plekken vastgelegd.</p>\n";
  else {
    h += "<ul>\n";
    for (const auto& p : c.places)
      h += "<li>" + EscapeHtml(std::string(d::LabelNl(p.kind))) + ": " + EscapeHtml(p.label) +
           ", hooguit " + EscapeHtml(d::KmNl(p.max_km)) + " weg (" +
           EscapeHtml(std::string(d::LabelNl(p.importance))) + ")</li>\n";
    h += "</ul>\n";
  }
  h += "</section>\n";
  return h;
}

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += ch;
    }
  }
  return out;
}

json ReportJson(const intake::DossierReport& r, const d::ReferenceData& ref) {
  json out = DossierParts(r.current.record, ref);
  json participants = json::array();
  for (const auto& p : r.participants)
    participants.push_back({{"id", p.author_id},
                            {"name", p.author_name},
                            {"role", p.author_role},
                            {"first_version", p.version}});
  out["made_at"] = access::FormatUtc(r.made_at);
  out["version"] = VersionJson(r.current.info);
  out["participants"] = std::move(participants);
  return out;
}

namespace {

// One who took part, for people: "Sanne Jansen, cliëntondersteuner (OCO)" rather than the
// role's wire name ("oco"); Passend's own versions (an import, author role "system") by name.
std::string ParticipantHtml(const intake::ClientVersionInfo& p) {
  std::string out = EscapeHtml(p.author_name);
  const auto role = access::ParseRole(p.author_role);
  if (!role) return out;
  std::string label(access::LabelNl(*role));
  // "Cliënt" mid-sentence as "cliënt"; an abbreviation ("CIZ-indicatiesteller") stays.
  if (label.size() > 1 && label[0] >= 'A' && label[0] <= 'Z' &&
      !(label[1] >= 'A' && label[1] <= 'Z'))
    label[0] = static_cast<char>(label[0] - 'A' + 'a');
  return out + ", " + EscapeHtml(label);
}

}  // namespace

std::string ReportHtml(const intake::DossierReport& r, const d::ReferenceData& ref) {
  const d::Client& c = r.current.record;
  std::string body = "<h1>Verslag van het gesprek: " + EscapeHtml(c.name) + "</h1>\n";
  body += "<p class=\"meta\">Gemaakt op " + EscapeHtml(access::FormatAmsterdam(r.made_at)) + ", " +
          VersionLine(r.current.info) + ". Wie meededen: ";
  std::string who;
  for (const auto& p : r.participants) who += (who.empty() ? "" : "; ") + ParticipantHtml(p);
  body += who + ".</p>\n" + DossierHtml(c, ref);
  return Page("Verslag " + c.name, body);
}

json FormJson(const intake::RegistrationForm& f, const d::ReferenceData& ref) {
  json out = DossierParts(f.current.record, ref);
  out["made_at"] = access::FormatUtc(f.made_at);
  out["version"] = VersionJson(f.current.info);
  out["offer"] = {{"id", f.offer.id},
                  {"name", f.offer.name},
                  {"kind", d::ToString(f.offer.kind)},
                  {"provider_id", f.offer.provider_id},
                  {"provider_name", f.provider_name}};
  out["consent_id"] = f.consent_id;
  return out;
}

std::string FormHtml(const intake::RegistrationForm& f, const d::ReferenceData& ref) {
  const d::Client& c = f.current.record;
  std::string body = "<h1>Aanmelding: " + EscapeHtml(c.name) + "</h1>\n";
  body += "<p class=\"meta\">Voor " + EscapeHtml(f.offer.name) + " van " +
          EscapeHtml(f.provider_name) + ". Gemaakt op " +
          EscapeHtml(access::FormatAmsterdam(f.made_at)) + ", " + VersionLine(f.current.info) +
          ", met toestemming van de cliënt (" + EscapeHtml(f.consent_id) + ").</p>\n";
  body += DossierHtml(c, ref);
  return Page("Aanmelding " + c.name, body);
}

json VersionJson(const intake::ClientVersionInfo& v) {
  return {{"version", v.version},
          {"recorded_at", v.recorded_at.empty() ? json(nullptr) : json(v.recorded_at)},
          {"author", {{"id", v.author_id}, {"name", v.author_name}, {"role", v.author_role}}},
          {"reason", v.reason}};
}

json VersionSchema() {
  using namespace schema;
  json recorded = Nullable(DateTime("Wanneer (UTC); null voor de stand van vóór het dossier"));
  json author = Object({{"id", String("Gebruiker; 'system' voor een ingelezen bestand")},
                        {"name", String()},
                        {"role", String("Rol van de auteur (oco, client, ...) of 'system'")}});
  return Object({{"version", Integer()},
                 {"recorded_at", recorded},
                 {"author", author},
                 {"reason", String("Waarom het dossier veranderde")}});
}

json ReportSchema() {
  using namespace schema;
  json s = DossierPartsSchema();
  s["properties"]["made_at"] = DateTime();
  s["properties"]["version"] = VersionSchema();
  s["properties"]["participants"] = ArrayOf(Object(
      {{"id", String()}, {"name", String()}, {"role", String()}, {"first_version", Integer()}}));
  for (const char* k : {"made_at", "version", "participants"}) s["required"].push_back(k);
  return s;
}

json FormSchema() {
  using namespace schema;
  json s = DossierPartsSchema();
  s["properties"]["made_at"] = DateTime();
  s["properties"]["version"] = VersionSchema();
  s["properties"]["offer"] = Object({{"id", String()},
                                     {"name", String()},
                                     {"kind", Enum(d::kAllOfferKinds)},
                                     {"provider_id", String()},
                                     {"provider_name", String()}});
  s["properties"]["consent_id"] = String("De toestemming waarop dit formulier rust");
  for (const char* k : {"made_at", "version", "offer", "consent_id"}) s["required"].push_back(k);
  return s;
}

}  // namespace passend::api
