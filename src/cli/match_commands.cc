// passend match | mismatch: the best offers for one client, and the mismatch map of a
// region. Readable Dutch text by default; the same data as JSON with --json (CSV for the
// map with --csv).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <vector>

#include "cli/command.h"
#include "domain/dutch_number.h"
#include "match/json/match_json.h"
#include "match/match_service.h"
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
                p.travel_km ? (" Reisafstand " + domain::KmNl(*p.travel_km) + ".").c_str() : "");
  }
}

void PrintMatch(const match::MatchIndex& ix, const domain::Client& c, const match::MatchResult& r,
                bool arrangements_asked) {
  const auto* m = ix.ref().FindMunicipality(c.municipality_code);
  std::string kinds;
  for (auto k : c.seeking) kinds += (kinds.empty() ? "" : ", ") + std::string(LabelNl(k));
  std::printf("Passend aanbod voor %s (%s), profiel %s, %s\nGezocht: %s\n\n", c.name.c_str(),
              c.id.c_str(), c.profile.empty() ? "onbekend" : c.profile.c_str(),
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
  std::string db, client;
  bool json = false, arrangements = false;
  int limit = 10;
};

Status RunMatch(const MatchArgs& a) {
  if (a.limit < 1 || a.limit > 1000)
    return InvalidArgument("--limit moet 1 tot 1000 zijn", "limit");
  PASSEND_ASSIGN_OR_RETURN(auto db, OpenExisting(a.db));
  PASSEND_ASSIGN_OR_RETURN(auto service, match::MatchService::Open(*db, refdata::BuiltIn()));
  match::MatchOptions opt;
  opt.limit = static_cast<size_t>(a.limit);
  opt.arrangements = a.arrangements ? static_cast<size_t>(a.limit) : 0;
  auto m = service->MatchStoredClient(a.client, opt);
  if (!m.ok() && m.error().code() == ErrorCode::kNotFound)
    return NotFound("Cliënt '" + a.client + "' bestaat niet", "client");
  if (!m.ok()) return m.error();
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
  std::printf("\xEF\xBB\xBF");
  std::printf("niveau;code;naam;sleutel;omschrijving;clienten_getroffen;clienten;aandeel\n");
  auto label = [&](const std::string& k) {
    auto it = m.labels.find(k);
    return it == m.labels.end() ? k : it->second;
  };
  auto row = [&](const char* level, const std::string& code, const std::string& name,
                 const std::string& key, const std::string& lab, int64_t n, int64_t total) {
    std::printf(
        "%s;%s;%s;%s;%s;%lld;%s;%s\n", level, CsvField(code).c_str(), CsvField(name).c_str(),
        CsvField(key).c_str(), CsvField(lab).c_str(), static_cast<long long>(n),
        CountText(total, m.min_clients, domain::Thousands::kNone).c_str(),
        total > 0 ? domain::NumberNl(match::Share(n, total), 4, domain::Thousands::kNone).c_str()
                  : "");
  };
  for (const auto& [k, v] : m.per_wish) row("totaal", "", scope_name, k, label(k), v, m.clients);
  for (const auto& [code, a] : m.regions)
    for (const auto& [k, v] : a.per_wish)
      row("zorgkantoor", code, a.name, k, label(k), v, a.clients);
  for (const auto& [code, a] : m.municipalities)
    for (const auto& [k, v] : a.per_wish) row("gemeente", code, a.name, k, label(k), v, a.clients);
  for (const auto& [t, v] : m.free_texts) row("vrije_tekst", "", scope_name, "", t, v, m.clients);
}

void PrintMapText(const match::MismatchMap& m, const std::string& scope_name, double seconds) {
  const auto pct = [](int64_t n, int64_t of) {
    if (n == match::kSuppressed || of <= 0) return std::string();
    return " (" + domain::PercentNl(100 * match::Share(n, of), 0) + ")";
  };
  std::printf(
      "Mismatchkaart %s: %s cliënten, bij %s%s kan het beste aanbod niet alles bieden "
      "(%s)\n",
      scope_name.c_str(), CountText(m.clients, m.min_clients).c_str(),
      CountText(m.clients_with_mismatch, m.min_clients).c_str(),
      pct(m.clients_with_mismatch, m.clients).c_str(), domain::SecondsNl(seconds).c_str());
  std::printf("Aantallen van minder dan %lld cliënten worden niet getoond (%lld weggelaten).\n\n",
              static_cast<long long>(m.min_clients), static_cast<long long>(m.suppressed_cells));
  std::vector<std::pair<int64_t, std::string>> top;
  for (const auto& [k, v] : m.per_wish) top.push_back({-v, k});
  std::sort(top.begin(), top.end());
  std::printf("Wensen die het beste aanbod het vaakst niet kan bieden:\n");
  for (size_t i = 0; i < top.size() && i < 25; ++i)
    std::printf("  %7s  %6s  %s\n", domain::IntegerNl(-top[i].first).c_str(),
                domain::PercentNl(100 * match::Share(-top[i].first, m.clients)).c_str(),
                m.labels.at(top[i].second).c_str());
  std::printf("\nPer zorgkantoorregio (cliënten met mismatch):\n");
  for (const auto& [code, a] : m.regions)
    std::printf("  %s %-36s %7s van %7s%s\n", code.c_str(), a.name.c_str(),
                CountText(a.clients_with_mismatch, m.min_clients).c_str(),
                domain::IntegerNl(a.clients).c_str(),
                pct(a.clients_with_mismatch, a.clients).c_str());
  std::printf("\nPer gemeente: zie --csv of --json (%zu gemeenten).\n", m.municipalities.size());
  std::printf(
      "\nWensen in eigen woorden die bij geen kenmerk passen (door minstens %lld cliënten "
      "geschreven): %zu verschillende\n",
      static_cast<long long>(m.min_clients), m.free_texts.size());
  size_t shown = 0;
  for (const auto& [t, v] : m.free_texts)
    if (shown++ < 15) std::printf("  %6s  \"%s\"\n", domain::IntegerNl(v).c_str(), t.c_str());
  if (m.clients_invalid != 0)
    std::printf("\nOvergeslagen wegens fouten in het dossier: %s\n",
                CountText(m.clients_invalid, m.min_clients).c_str());
}

Status RunMismatch(const MismatchArgs& a) {
  if (a.json && a.csv) return InvalidArgument("Kies --json of --csv, niet allebei", "csv");
  if (a.min_clients < match::kMinPublishedClients)
    return InvalidArgument("--min-clients is minstens " +
                               std::to_string(match::kMinPublishedClients) +
                               ": kleinere aantallen wijzen naar personen",
                           "min_clients");
  if (!a.region.empty() && refdata::BuiltIn().FindRegion(a.region) == nullptr)
    return InvalidArgument("Onbekende zorgkantoorregio '" + a.region + "'", "region");
  const auto t0 = std::chrono::steady_clock::now();
  PASSEND_ASSIGN_OR_RETURN(auto db, OpenExisting(a.db));
  PASSEND_ASSIGN_OR_RETURN(auto service, match::MatchService::Open(*db, refdata::BuiltIn()));
  PASSEND_ASSIGN_OR_RETURN(match::RegionMismatch r,
                           service->ComputeMap(a.region, [](int64_t done, int64_t total) {
                             Progress("mismatch: cliënten", done, total);
                           }));
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  // Small cells left out before anything is shown (match::Publishable).
  const match::MismatchMap m = match::Publishable(r.map, a.min_clients);
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
  mc->add_option("--db", ma->db, "SQLite-bestand")->required();
  mc->add_option("--client", ma->client, "Id van de cliënt")->required();
  mc->add_flag("--json", ma->json, "Dezelfde gegevens als JSON");
  mc->add_flag("--arrangements", ma->arrangements, "Ook combinaties van aanbieders");
  mc->add_option("--limit", ma->limit, "Aantal resultaten")->capture_default_str();
  mc->callback([&inv, ma] { inv.run = [ma] { return RunMatch(*ma); }; });

  auto* mm = app.add_subcommand("mismatch", "Mismatchkaart: welke wensen het aanbod niet vervult");
  auto mo = std::make_shared<MismatchArgs>();
  mm->add_option("--db", mo->db, "SQLite-bestand")->required();
  mm->add_option("--region", mo->region,
                 "Zorgkantoorregio (code, bijv. 5531); standaard alle cliënten in de database");
  mm->add_flag("--json", mo->json, "Als JSON");
  mm->add_flag("--csv", mo->csv,
               "Als CSV voor Nederlandse Excel (';', UTF-8 met BOM, decimale komma)");
  mm->add_option("--min-clients", mo->min_clients,
                 "Aantallen van minder cliënten niet tonen (minstens 5)")
      ->capture_default_str();
  mm->callback([&inv, mo] { inv.run = [mo] { return RunMismatch(*mo); }; });
}

}  // namespace passend::cli
