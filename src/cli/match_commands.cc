// passend match | mismatch: the best offers for one client, and the mismatch map of a
// region. Readable Dutch text by default; the same data as JSON with --json (CSV for the
// map with --csv).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>
#include <vector>

#include "catalog/catalog_service.h"
#include "cli/command.h"
#include "cli/operator.h"
#include "domain/dutch_number.h"
#include "match/json/match_json.h"
#include "match/match_service.h"
#include "monitor/monitor_service.h"
#include "refdata/refdata.h"

namespace passend::cli {
namespace {

using nlohmann::json;

Result<std::unique_ptr<store::Database>> OpenExisting(const std::string& path) {
  return store::OpenExistingDatabase(path);
}

// ---- text ---------------------------------------------------------------------------

void PrintExplanation(const match::Explanation& e, const char* indent) {
  for (const auto& s : e.summary) std::printf("%s- %s\n", indent, s.c_str());
  for (const auto& w : e.wishes)
    std::printf("%s  [%s] %s (%s): %s\n", indent,
                w.status    ? match::StatusNl(*w.status).c_str()
                : w.applies ? "eigen woorden"
                            : "hoort niet hierbij",
                w.label.c_str(), std::string(domain::LabelNl(w.importance)).c_str(),
                w.reason.c_str());
  for (const auto& n : e.needs)
    std::printf("%s  [%s] %s (nodig)\n", indent,
                n.applies ? match::StatusNl(n.status).c_str() : "hoort niet hierbij",
                n.label.c_str());
  for (const auto& p : e.parts) {
    std::string forms;
    for (auto f : p.possible_forms) forms += (forms.empty() ? "" : ", ") + std::string(LabelNl(f));
    std::printf("%s  %s: %s. Vormen: %s.%s\n", indent, p.offer_name.c_str(),
                p.contracting_reason.c_str(), forms.empty() ? "geen" : forms.c_str(),
                p.travel_km ? (" Reisafstand " + domain::KmNl(*p.travel_km) + ".").c_str()
                : p.home_km ? (" Van uw huis: " + domain::KmNl(*p.home_km) + ".").c_str()
                            : "");
  }
}

void PrintMatch(const match::MatchIndex& ix, const domain::Client& c, const match::MatchResult& r,
                bool arrangements_asked) {
  const auto* m = ix.ref().FindMunicipality(c.municipality_code);
  std::string kinds;
  for (auto k : c.seeking) kinds += (kinds.empty() ? "" : ", ") + std::string(LabelNl(k));
  std::printf("Passend aanbod voor %s (%s), zorgprofiel %s, %s\nGezocht: %s\n\n", c.name.c_str(),
              c.id.c_str(),
              c.profile.empty() ? "onbekend" : domain::ProfileInWords(ix.ref(), c.profile).c_str(),
              m ? m->name.c_str() : c.municipality_code.c_str(),
              kinds.empty() ? "Wonen" : kinds.c_str());
  // Someone who seeks several kinds of care sees the best combinations first.
  if (arrangements_asked && r.arrangements.empty()) {
    if (c.seeking.size() < 2)
      std::printf(
          "Combinaties: %s zoekt één soort zorg (%s). Een combinatie over aanbieders ontstaat\n"
          "pas bij twee of meer soorten, bijvoorbeeld zorg thuis + dagbesteding + logeren.\n\n",
          c.name.c_str(), kinds.empty() ? "Wonen" : kinds.c_str());
    else
      std::printf("Combinaties: geen combinatie van %s gevonden.\n\n", kinds.c_str());
  }
  if (!r.arrangements.empty()) std::printf("Combinaties (de beste eerst):\n");
  for (size_t i = 0; i < r.arrangements.size(); ++i) {
    const auto& a = r.arrangements[i];
    std::string parts;
    for (uint32_t o : a.offers)
      parts +=
          (parts.empty() ? "" : " + ") + std::string(LabelNl(ix.kind(o))) + ": " + ix.offer(o).name;
    std::printf("%zu. %s\n   %s; hoe goed de rest past: %.0f van 100\n", i + 1, parts.c_str(),
                a.explanation.headline.c_str(), a.assessment.score);
    PrintExplanation(a.explanation, "   ");
    std::printf("\n");
  }
  // One heading per tier (what decides the place); within it the score says how well the
  // rest fits, so a number never contradicts the order under its heading.
  for (size_t i = 0; i < r.offers.size(); ++i) {
    const auto& o = r.offers[i];
    if (i == 0 || o.explanation.headline != r.offers[i - 1].explanation.headline)
      std::printf("== %s ==\n\n", o.explanation.headline.c_str());
    std::printf("%zu. %s — %s (%s)\n   Hoe goed de rest past: %.0f van 100\n", i + 1,
                ix.offer(o.offer).name.c_str(), ix.provider(o.offer).name.c_str(),
                std::string(LabelNl(ix.kind(o.offer))).c_str(), o.assessment.score);
    PrintExplanation(o.explanation, "   ");
    std::printf("\n");
  }
  if (r.offers.empty()) std::printf("Geen aanbod van de gezochte soort gevonden.\n\n");
  // The other kinds sought, each with its best few: never the headline.
  for (const match::KindMatches& km : r.other_kinds) {
    std::printf("Ook gezocht: %s\n\n", std::string(LabelNl(km.kind)).c_str());
    if (km.offers.empty()) std::printf("   Geen aanbod van deze soort gevonden.\n\n");
    for (size_t i = 0; i < km.offers.size(); ++i) {
      const auto& o = km.offers[i];
      std::printf("%zu. %s — %s\n   %s; hoe goed de rest past: %.0f van 100\n", i + 1,
                  ix.offer(o.offer).name.c_str(), ix.provider(o.offer).name.c_str(),
                  o.explanation.headline.c_str(), o.assessment.score);
      PrintExplanation(o.explanation, "   ");
      std::printf("\n");
    }
  }
  std::printf("Wat zelfs het beste aanbod niet kan bieden (mismatch):\n");
  if (r.mismatch.items.empty() && r.mismatch.free_text_wishes.empty())
    std::printf("  niets: het beste aanbod voldoet aan alle wensen\n");
  for (const auto& item : r.mismatch.items) {
    std::printf("  - %s (%s, %s)", item.label.c_str(),
                std::string(domain::LabelNl(item.importance)).c_str(),
                match::StatusNl(item.status).c_str());
    if (item.nearest)
      std::printf(": dichtstbijzijnde aanbod dat het wel heeft: %s, %s, %s\n",
                  ix.offer(item.nearest->offer).name.c_str(),
                  domain::KmNl(item.nearest->distance_km).c_str(),
                  item.nearest->wait_weeks == 0
                      ? "geen wachttijd"
                      : ("ongeveer " + domain::CountNl(item.nearest->wait_weeks, "week", "weken") +
                         " wachten")
                            .c_str());
    else if (item.kind == match::MismatchKind::kProfile)
      std::printf(": er is geen aanbod van de soort die u zoekt voor dit profiel\n");
    else
      std::printf(": geen aanbod van de soort die u zoekt en voor uw profiel biedt dit\n");
    if (item.reachable_unknown > 0)
      std::printf("    Van %s binnen bereik is dit niet bekend: vraag het de aanbieder.\n",
                  match::CountNl(item.reachable_unknown, "aanbieding", "aanbiedingen").c_str());
  }
  for (uint32_t w : r.mismatch.free_text_wishes)
    std::printf("  - \"%s\": in eigen woorden, niet beoordeeld; vraag ernaar bij de aanbieder\n",
                c.wishes[w].text.c_str());
}

struct MatchArgs {
  std::string db, client, audit_key_file;
  OperatorOptions op;
  bool json = false, arrangements = false;
  int limit = 10;
  // When an offer counts as "mogelijk verouderd", as `passend serve` has it.
  int outdated_places_days = 30, outdated_details_days = 365;
};

Status RunMatch(const OpenModules& open_existing, const MatchArgs& a) {
  if (a.limit < 1 || a.limit > 1000)
    return InvalidArgument("--limit moet 1 tot 1000 zijn", "limit");
  for (auto [days, name] : {std::pair{a.outdated_places_days, "outdated-places-days"},
                            std::pair{a.outdated_details_days, "outdated-details-days"}})
    if (days < 1 || days > 3650)
      return InvalidArgument("--" + std::string(name) + " moet tussen 1 en 3650 liggen.", name);
  PASSEND_RETURN_IF_ERROR(RequireReason(a.op, "het dossier van een cliënt matcht"));
  // Offers not kept up to date are marked and ranked as in the API (catalog's cutoffs).
  ModuleOptions options;
  options.outdated_places_days = a.outdated_places_days;
  options.outdated_details_days = a.outdated_details_days;
  PASSEND_ASSIGN_OR_RETURN(auto modules, OpenKeyed(open_existing, a.db, a.audit_key_file, options));
  catalog::CatalogService& catalog = modules->catalog();
  PASSEND_ASSIGN_OR_RETURN(access::Principal who, Operator(*modules, a.op));
  match::MatchServiceOptions service_options;
  service_options.freshness = [&catalog] { return catalog.Cutoffs(); };
  PASSEND_ASSIGN_OR_RETURN(auto service,
                           match::MatchService::Open(modules->db(), refdata::BuiltIn(), nullptr,
                                                     std::move(service_options)));
  match::MatchOptions opt;
  opt.limit = static_cast<size_t>(a.limit);
  opt.arrangements = a.arrangements ? static_cast<size_t>(a.limit) : 0;
  auto m = service->MatchStoredClient(a.client, opt);
  if (!m.ok() && m.error().code() == ErrorCode::kNotFound)
    return NotFound("Cliënt '" + a.client + "' bestaat niet", "client");
  if (!m.ok()) return m.error();
  // As the API's match.read: the dossier was read to rank the offers.
  PASSEND_RETURN_IF_ERROR(LogClients(*modules, who, {a.client}, "match", "read", a.op.reason));
  const match::MatchIndex& ix = m->snapshot->index;
  if (!a.json) {
    PrintMatch(ix, m->client, m->result, a.arrangements);
    return Ok();
  }
  json j = match::MatchResultToJson(ix, m->client, m->result, a.arrangements);
  std::cout << j.dump(2) << "\n";
  return Ok();
}

// ---- mismatch map -------------------------------------------------------------------

struct MismatchArgs {
  std::string db, region;
  bool json = false, csv = false;
  bool keep = false, trend = false;  // --bewaar: keep this moment; --trend: the moments kept
  int min_clients = static_cast<int>(match::kMinPublishedClients);
};

// CSV for Dutch Excel: ';' between fields (the comma is the decimal sign), a UTF-8 byte
// order mark so accents show right, decimal commas.
std::string CsvField(const std::string& s) {
  if (s.find_first_of(";\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// A count for people: "<5" when it was left out (match::Publishable). CSV cells have no
// thousands point (domain/dutch_number.h).
std::string CountText(int64_t n, int64_t min_clients,
                      domain::Thousands t = domain::Thousands::kPoint) {
  return n == match::kSuppressed ? "<" + std::to_string(min_clients) : domain::IntegerNl(n, t);
}

void PrintMapCsv(const match::MismatchMap& m, const std::string& scope_name) {
  constexpr auto kNone = domain::Thousands::kNone;
  std::printf("\xEF\xBB\xBF");
  std::printf(
      "niveau;code;naam;sleutel;omschrijving;clienten_getroffen;waarvan_moet;clienten;aandeel;"
      "aanbod;vrije_plekken;mediane_wachttijd_weken\n");
  auto label = [&](const std::string& k) {
    auto it = m.labels.find(k);
    return it == m.labels.end() ? k : it->second;
  };
  auto count = [&](int64_t n) { return CountText(n, m.min_clients, kNone); };
  auto supply = [&](const match::Supply* s) {
    if (s == nullptr) return std::string(";;");
    return std::to_string(s->offers) + ";" + std::to_string(s->free_places) + ";" +
           domain::NumberNl(s->median_wait_weeks, 1, kNone);
  };
  auto row = [&](const char* level, const std::string& code, const std::string& name,
                 const std::string& key, const std::string& lab, int64_t n, const std::string& must,
                 int64_t total, const match::Supply* s) {
    std::printf(
        "%s;%s;%s;%s;%s;%s;%s;%s;%s;%s\n", level, CsvField(code).c_str(), CsvField(name).c_str(),
        CsvField(key).c_str(), CsvField(lab).c_str(), count(n).c_str(), must.c_str(),
        count(total).c_str(),
        n >= 0 && total > 0 ? domain::NumberNl(match::Share(n, total), 4, kNone).c_str() : "",
        supply(s).c_str());
  };
  auto must_of = [&](const std::map<std::string, int64_t>& per_must, const std::string& k) {
    auto it = per_must.find(k);
    return count(it == per_must.end() ? 0 : it->second);
  };
  for (const auto& [k, v] : m.per_wish) {
    auto s = m.supply.find(k);
    row("totaal", "", scope_name, k, label(k), v, must_of(m.per_must, k), m.clients,
        s == m.supply.end() ? nullptr : &s->second);
  }
  auto areas = [&](const char* level, const std::map<std::string, match::MismatchArea>& of) {
    for (const auto& [code, a] : of)
      for (const auto& [k, v] : a.per_wish)
        row(level, code, a.name, k, label(k), v, must_of(a.per_must, k), a.clients, nullptr);
  };
  areas("zorgkantoor", m.regions);
  areas("gemeente", m.municipalities);
  areas("zorgprofiel", m.profiles);
  areas("soort_zorg", m.kinds);
  // Seekers against places: per kind of care and care profile, those with a must gap.
  for (const auto* of : {&m.kinds, &m.profiles})
    for (const auto& [code, a] : *of)
      row(of == &m.kinds ? "zoekenden_soort_zorg" : "zoekenden_zorgprofiel", code, a.name, "",
          "zoekenden met een ontbrekende moet-wens of behoefte", a.clients_with_must_gap, "",
          a.clients, a.supply ? &*a.supply : nullptr);
  for (const auto& [k, v] : m.unchangeable)
    row("niet_door_inkoop", "", scope_name, k, label(k), v, "", m.clients, nullptr);
  for (const auto& [t, v] : m.free_texts)
    row("vrije_tekst", "", scope_name, "", t, v, "", m.clients, nullptr);
  for (const auto& [k, v] : m.free_text_features)
    row("vrije_tekst_lijkt_op", "", scope_name, k, label(k), v, "", m.clients, nullptr);
}

void PrintMapText(const match::MismatchMap& m, const std::string& scope_name, double seconds) {
  const auto pct = [](int64_t n, int64_t of) {
    if (n == match::kSuppressed || of <= 0) return std::string();
    return " (" + domain::PercentNl(100 * match::Share(n, of), 0) + ")";
  };
  const auto supply = [](const match::Supply& s) {
    return domain::IntegerNl(s.offers) + " aanbod, " + domain::IntegerNl(s.free_places) +
           " vrij, wachten " + domain::NumberNl(s.median_wait_weeks, 0) + " wk";
  };
  std::printf(
      "Mismatchkaart %s: %s cliënten die zorg zoeken (%s).\n"
      "  Bij %s%s ontbreekt een moet-wens of behoefte (of past geen aanbod bij het profiel);\n"
      "  bij %s%s kan het beste aanbod iets niet bieden dat ook geen aanbod binnen bereik "
      "heeft.\n",
      scope_name.c_str(), CountText(m.clients, m.min_clients).c_str(),
      domain::SecondsNl(seconds).c_str(), CountText(m.clients_with_must_gap, m.min_clients).c_str(),
      pct(m.clients_with_must_gap, m.clients).c_str(),
      CountText(m.clients_with_mismatch, m.min_clients).c_str(),
      pct(m.clients_with_mismatch, m.clients).c_str());
  std::printf("Aantallen van minder dan %lld cliënten worden niet getoond (%lld weggelaten).\n\n",
              static_cast<long long>(m.min_clients), static_cast<long long>(m.suppressed_cells));
  // Musts and needs first: what the care office should buy.
  std::vector<std::tuple<int64_t, int64_t, std::string>> top;
  for (const auto& [k, v] : m.per_wish) {
    auto must = m.per_must.find(k);
    const int64_t n = must == m.per_must.end() || must->second < 0 ? 0 : must->second;
    top.push_back({-n, -v, k});
  }
  std::sort(top.begin(), top.end());
  std::printf(
      "Wat ontbreekt (moet = als moet-wens of behoefte; aanbod = aanbod in het gebied dat het "
      "biedt):\n");
  std::printf("  %7s  %7s  %6s  %-50s  %s\n", "cliënten", "moet", "aandeel", "wens", "aanbod");
  for (size_t i = 0; i < top.size() && i < 25; ++i) {
    const auto& [must, all, key] = top[i];
    auto s = m.supply.find(key);
    std::printf("  %7s  %7s  %6s  %-50s  %s\n", domain::IntegerNl(-all).c_str(),
                domain::IntegerNl(-must).c_str(),
                domain::PercentNl(100 * match::Share(-all, m.clients)).c_str(),
                m.labels.at(key).c_str(), s == m.supply.end() ? "" : supply(s->second).c_str());
  }
  std::printf(
      "\nZoekenden tegenover het aanbod, per soort zorg (hoofdsoort die de cliënt zoekt):\n");
  for (const auto& [code, a] : m.kinds)
    std::printf("  %-22s %7s zoekenden, %7s met een ontbrekende moet-wens; %s\n", a.name.c_str(),
                domain::IntegerNl(a.clients).c_str(),
                CountText(a.clients_with_must_gap, m.min_clients).c_str(),
                a.supply ? supply(*a.supply).c_str() : "");
  std::printf("\nPer zorgprofiel (aanbod: woonplekken die het profiel aannemen):\n");
  for (const auto& [code, a] : m.profiles)
    std::printf("  %-28s %7s zoekenden, %7s met een ontbrekende moet-wens; %s\n", a.name.c_str(),
                domain::IntegerNl(a.clients).c_str(),
                CountText(a.clients_with_must_gap, m.min_clients).c_str(),
                a.supply ? supply(*a.supply).c_str() : "");
  std::printf("\nPer zorgkantoorregio (cliënten met mismatch):\n");
  for (const auto& [code, a] : m.regions)
    std::printf("  %s %-36s %7s van %7s%s\n", code.c_str(), a.name.c_str(),
                CountText(a.clients_with_mismatch, m.min_clients).c_str(),
                domain::IntegerNl(a.clients).c_str(),
                pct(a.clients_with_mismatch, a.clients).c_str());
  std::printf("\nPer gemeente: zie --csv of --json (%zu gemeenten).\n", m.municipalities.size());
  if (!m.unchangeable.empty()) {
    std::printf("\nWat geen inkoop verandert (niet meegeteld als mismatch):\n");
    for (const auto& [k, v] : m.unchangeable)
      std::printf("  %7s  %6s  %s\n", domain::IntegerNl(v).c_str(),
                  domain::PercentNl(100 * match::Share(v, m.clients)).c_str(),
                  m.labels.at(k).c_str());
  }
  std::printf(
      "\nWensen in eigen woorden die bij geen kenmerk passen (door minstens %lld cliënten "
      "geschreven): %zu verschillende\n",
      static_cast<long long>(m.min_clients), m.free_texts.size());
  size_t shown = 0;
  for (const auto& [t, v] : m.free_texts)
    if (shown++ < 15) std::printf("  %6s  \"%s\"\n", domain::IntegerNl(v).c_str(), t.c_str());
  if (!m.free_text_features.empty()) {
    std::printf("\nWat cliënten in eigen woorden schrijven, lijkt op (nog niet bevestigd):\n");
    for (const auto& [k, v] : m.free_text_features)
      std::printf("  %7s  %6s  %s\n", domain::IntegerNl(v).c_str(),
                  domain::PercentNl(100 * match::Share(v, m.clients)).c_str(),
                  m.labels.count(k) ? m.labels.at(k).c_str() : k.c_str());
  }
  if (m.clients_invalid != 0)
    std::printf("\nOvergeslagen wegens fouten in het dossier: %s\n",
                CountText(m.clients_invalid, m.min_clients).c_str());
}

// The trend over the moments kept (`passend mismatch --bewaar`): per moment the clients and
// those with a mismatch ("<5" where left out), per wish the clients affected ("-" where the
// wish was not on that moment's map: no mismatch then, or a small cell left out).
// `s` cut to and padded to `width` characters (UTF-8: "Cliënten" is 8 wide, not 9).
std::string Column(const std::string& s, size_t width) {
  std::string out;
  size_t chars = 0;
  for (size_t i = 0; i < s.size() && chars <= width; ++i) {
    const bool starts_char = (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
    if (starts_char && ++chars > width) break;
    out += s[i];
  }
  return out + std::string(width - std::min(chars, width), ' ');
}

void PrintTrend(const json& t, bool csv) {
  const json& moments = t["moments"];
  auto cell = [](const json& v) {
    return v.is_number() ? domain::IntegerNl(v.get<int64_t>(), domain::Thousands::kNone)
                         : std::string(v.is_null() ? "<5" : "-");
  };
  auto date = [](const json& m) { return m["taken_at"].get<std::string>().substr(0, 10); };
  if (csv) {
    std::printf("\xEF\xBB\xBF");
    std::string head = "niveau;sleutel;omschrijving";
    for (const auto& m : moments) head += ";" + date(m);
    std::printf("%s\n", head.c_str());
    for (const char* total : {"clients", "clients_with_mismatch", "clients_with_must_gap"}) {
      std::string row = std::string("totaal;") + total + ";";
      for (const auto& m : moments) row += ";" + cell(m[total]);
      std::printf("%s\n", row.c_str());
    }
    for (const auto& w : t["per_wish"]) {
      std::string row = "wens;" + CsvField(w["key"].get<std::string>()) + ";" +
                        CsvField(w["label"].get<std::string>());
      for (const auto& v : w["clients"]) row += ";" + cell(v.is_null() ? json("") : v);
      std::printf("%s\n", row.c_str());
    }
    return;
  }
  if (moments.empty()) {
    std::printf(
        "Nog geen bewaarde momenten voor %s. Bewaar er een met passend mismatch "
        "--bewaar (bijvoorbeeld elk kwartaal).\n",
        t["region"].get<std::string>().empty()
            ? "de hele database"
            : ("regio " + t["region"].get<std::string>()).c_str());
    return;
  }
  std::printf("Mismatchkaart door de tijd (%zu %s):\n\n", moments.size(),
              moments.size() == 1 ? "moment" : "momenten");
  std::printf("  %s", Column("", 44).c_str());
  for (const auto& m : moments) std::printf(" %10s", date(m).c_str());
  std::printf("\n");
  const std::pair<const char*, const char*> totals[] = {
      {"clients", "Cliënten die zorg zoeken"},
      {"clients_with_mismatch", "Met een mismatch"},
      {"clients_with_must_gap", "Met een ontbrekende moet-wens of behoefte"}};
  for (const auto& [key, label] : totals) {
    std::printf("  %s", Column(label, 44).c_str());
    for (const auto& m : moments) std::printf(" %10s", cell(m[key]).c_str());
    std::printf("\n");
  }
  std::printf(
      "\nPer wens, cliënten getroffen (-: niet op de kaart van dat moment, of minder dan 5 "
      "cliënten):\n");
  for (const auto& w : t["per_wish"]) {
    std::printf("  %s", Column(w["label"].get<std::string>(), 44).c_str());
    for (const auto& v : w["clients"])
      std::printf(" %10s", cell(v.is_null() ? json("") : v).c_str());
    std::printf("\n");
  }
}

Status RunMismatch(const MismatchArgs& a) {
  if (a.json && a.csv) return InvalidArgument("Kies --json of --csv, niet allebei", "csv");
  if (a.keep && a.trend) return InvalidArgument("Kies --bewaar of --trend, niet allebei", "trend");
  if (a.min_clients < match::kMinPublishedClients)
    return InvalidArgument("--min-clients is minstens " +
                               std::to_string(match::kMinPublishedClients) +
                               ": kleinere aantallen wijzen naar personen",
                           "min_clients");
  if (!a.region.empty() && refdata::BuiltIn().FindRegion(a.region) == nullptr)
    return InvalidArgument("Onbekende zorgkantoorregio '" + a.region + "'", "region");
  const auto t0 = std::chrono::steady_clock::now();
  PASSEND_ASSIGN_OR_RETURN(auto db, OpenExisting(a.db));
  monitor::MonitorService monitor(db->map_history(), access::SystemNow);
  if (a.trend) {
    PASSEND_ASSIGN_OR_RETURN(json t, monitor.Trend(a.region));
    if (a.json)
      std::cout << t.dump(2) << "\n";
    else
      PrintTrend(t, a.csv);
    return Ok();
  }
  PASSEND_ASSIGN_OR_RETURN(auto service, match::MatchService::Open(*db, refdata::BuiltIn()));
  PASSEND_ASSIGN_OR_RETURN(match::RegionMismatch r,
                           service->ComputeMap(a.region, [](int64_t done, int64_t total) {
                             Progress("mismatch: cliënten", done, total);
                           }));
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  // Small cells left out before anything is shown (match::Publishable).
  const match::MismatchMap m = match::Publishable(r.map, a.min_clients);
  if (a.keep) {
    PASSEND_ASSIGN_OR_RETURN(monitor::MapMoment kept, monitor.KeepMoment(r, a.min_clients));
    std::fprintf(stderr, "Bewaard: de kaart van %s op %s (zie passend mismatch --trend).\n",
                 r.scope.c_str(), kept.taken_at.c_str());
  }
  if (a.csv) {
    PrintMapCsv(m, r.scope);
  } else if (a.json) {
    json j = match::MismatchMapToJson(m, r.scope);
    std::cout << j.dump(2) << "\n";
  } else {
    PrintMapText(m, r.scope, seconds);
    if (r.clients_in_care > 0)
      std::printf(
          "\nNiet meegeteld: %s cliënten die al zorg krijgen (zorgstatus in_care).\n",
          CountText(r.clients_in_care < m.min_clients ? match::kSuppressed : r.clients_in_care,
                    m.min_clients)
              .c_str());
  }
  return Ok();
}

}  // namespace

void RegisterMatchCommands(CLI::App& app, Invocation& inv) {
  auto* mc = app.add_subcommand("match", "Het best passende aanbod voor één cliënt, met uitleg");
  auto ma = std::make_shared<MatchArgs>();
  mc->add_option("--db", ma->db, kDbHelp)->required();
  mc->add_option("--client", ma->client, "Id van de cliënt")->required();
  mc->add_flag("--json", ma->json, "Dezelfde gegevens als JSON");
  mc->add_flag("--arrangements", ma->arrangements, "Ook combinaties van aanbieders");
  mc->add_option("--limit", ma->limit, "Aantal resultaten")->capture_default_str();
  mc->add_option("--outdated-places-days", ma->outdated_places_days,
                 "Vrije plaatsen en wachttijd zo veel dagen niet bijgewerkt: mogelijk verouderd")
      ->capture_default_str();
  mc->add_option("--outdated-details-days", ma->outdated_details_days,
                 "De rest van het aanbod zo veel dagen niet bijgewerkt: mogelijk verouderd")
      ->capture_default_str();
  mc->add_option("--audit-key", ma->audit_key_file,
                 "Sleutelbestand van het toegangslog (buiten de database; docs/access.md)");
  AddOperatorOptions(mc, ma->op);
  mc->callback([&inv, ma] { inv.run = [&inv, ma] { return RunMatch(inv.open_existing, *ma); }; });

  auto* mm = app.add_subcommand("mismatch", "Mismatchkaart: welke wensen het aanbod niet vervult");
  auto mo = std::make_shared<MismatchArgs>();
  mm->add_option("--db", mo->db, kDbHelp)->required();
  mm->add_option("--region", mo->region,
                 "Zorgkantoorregio (code, bijv. 5531); standaard alle cliënten in de database");
  mm->add_flag("--json", mo->json, "Als JSON");
  mm->add_flag("--csv", mo->csv,
               "Als CSV voor Nederlandse Excel (';', UTF-8 met BOM, decimale komma)");
  mm->add_option("--min-clients", mo->min_clients,
                 "Aantallen van minder cliënten niet tonen (minstens 5)")
      ->capture_default_str();
  mm->add_flag("--bewaar", mo->keep,
               "Bewaar de kaart van nu als moment (bijv. elk kwartaal), voor de trend");
  mm->add_flag("--trend", mo->trend,
               "Toon de bewaarde momenten naast elkaar (de nieuwste 8), zonder opnieuw te rekenen");
  mm->callback([&inv, mo] { inv.run = [mo] { return RunMismatch(*mo); }; });
}

}  // namespace passend::cli
