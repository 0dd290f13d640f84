#include "generate/offer_templates.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <iterator>

#include "refdata/csv.h"

namespace passend::embedded {
std::string_view aanbodsjablonen_csv();
}  // namespace passend::embedded

namespace passend::generate {

namespace {

Result<double> Number(std::string_view s, const std::string& where) {
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || p != s.data() + s.size())
    return InvalidArgument(where + ": geen getal '" + std::string(s) + "'");
  return v;
}

Result<int> Whole(std::string_view s, const std::string& where) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || p != s.data() + s.size())
    return InvalidArgument(where + ": geen geheel getal '" + std::string(s) + "'");
  return v;
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    const size_t j = std::min(s.find(' ', i), s.size());
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// "id", "id@0.5", "id=6-8", "id@0.8=2-3", "id=4".
Result<FeatureChance> ParseChance(std::string_view w, const std::string& where) {
  FeatureChance fc;
  const size_t eq = w.find('=');
  if (eq != std::string_view::npos) {
    std::string_view range = w.substr(eq + 1);
    const size_t dash = range.find('-');
    PASSEND_ASSIGN_OR_RETURN(fc.lo, Whole(range.substr(0, dash), where));
    fc.hi = fc.lo;
    if (dash != std::string_view::npos) {
      PASSEND_ASSIGN_OR_RETURN(fc.hi, Whole(range.substr(dash + 1), where));
    }
    w = w.substr(0, eq);
  }
  const size_t at = w.find('@');
  if (at != std::string_view::npos) {
    PASSEND_ASSIGN_OR_RETURN(fc.p, Number(w.substr(at + 1), where));
    w = w.substr(0, at);
  }
  if (w.empty()) return InvalidArgument(where + ": kenmerk zonder id");
  fc.id = std::string(w);
  return fc;
}

}  // namespace

Result<std::vector<OfferTemplate>> ParseOfferTemplates(std::string_view csv) {
  constexpr const char* kSource = "aanbodsjablonen.csv";
  PASSEND_ASSIGN_OR_RETURN(refdata::CsvTable t, refdata::ParseCsv(csv, kSource));
  const char* names[] = {"key",    "kind",   "sectors",       "profiles", "weight", "name",
                         "cap_lo", "cap_hi", "wait_pressure", "turnover", "small",  "features"};
  int c[std::size(names)];
  for (size_t i = 0; i < std::size(names); ++i)
    if ((c[i] = t.Column(names[i])) < 0)
      return InvalidArgument(std::string(kSource) + ": kolom '" + names[i] + "' ontbreekt");
  std::vector<OfferTemplate> out;
  for (const auto& r : t.rows) {
    OfferTemplate tp;
    tp.key = r[c[0]];
    const std::string where = std::string(kSource) + " " + tp.key;
    auto kind = domain::ParseOfferKind(r[c[1]]);
    if (!kind) return InvalidArgument(where + ": onbekende soort aanbod '" + r[c[1]] + "'");
    tp.kind = *kind;
    for (std::string_view w : Words(r[c[2]])) {
      auto sector = domain::ParseSector(w);
      if (!sector) return InvalidArgument(where + ": onbekende sector '" + std::string(w) + "'");
      tp.sectors.push_back(*sector);
    }
    for (std::string_view w : Words(r[c[3]])) tp.profiles.emplace_back(w);
    PASSEND_ASSIGN_OR_RETURN(tp.weight, Number(r[c[4]], where));
    tp.name = r[c[5]];
    PASSEND_ASSIGN_OR_RETURN(tp.cap_lo, Whole(r[c[6]], where));
    PASSEND_ASSIGN_OR_RETURN(tp.cap_hi, Whole(r[c[7]], where));
    PASSEND_ASSIGN_OR_RETURN(tp.wait_pressure, Number(r[c[8]], where));
    PASSEND_ASSIGN_OR_RETURN(tp.turnover, Number(r[c[9]], where));
    if (r[c[10]] != "yes" && r[c[10]] != "no")
      return InvalidArgument(where + ": small is yes of no");
    tp.small = r[c[10]] == "yes";
    for (std::string_view w : Words(r[c[11]])) {
      PASSEND_ASSIGN_OR_RETURN(FeatureChance fc, ParseChance(w, where));
      tp.features.push_back(std::move(fc));
    }
    out.push_back(std::move(tp));
  }
  return out;
}

const std::vector<OfferTemplate>& OfferTemplates() {
  static const std::vector<OfferTemplate> all = [] {
    auto parsed = ParseOfferTemplates(embedded::aanbodsjablonen_csv());
    if (!parsed.ok()) {
      std::fprintf(stderr, "ingebouwde aanbodsjablonen ongeldig: %s\n",
                   parsed.error().ToString().c_str());
      std::abort();
    }
    return std::move(parsed).value();
  }();
  return all;
}

const std::vector<FeatureChance>& CommonFeatures(domain::OfferKind kind) {
  // Pets, early breakfast and one's own rhythm are rare on purpose: the experiments found
  // that daily-life wishes like these are the ones the offer meets least (scarcity).
  static const std::vector<FeatureChance> wonen = {
      {"tuin", 0.6},
      {"bezoek_altijd_welkom", 0.7},
      {"eigen_meubels", 0.55},
      {"huisdier_toegestaan", 0.05},
      {"vroeg_ontbijt", 0.025},
      {"zelf_opstaan_tijd", 0.3},
      {"zelf_bedtijd", 0.35},
      {"rookruimte", 0.2},
      {"alcohol_toegestaan", 0.5},
      {"computer_internet", 0.4},
      {"lhbti_vriendelijk", 0.08},
      {"logeerkamer_familie", 0.12},
      {"vrijwilligers", 0.5},
      {"stadscentrum", 0.3},
      {"landelijk", 0.2},
      {"natuur_dichtbij", 0.3},
      {"warme_maaltijd_avond", 0.3},
      {"dieet_maaltijden", 0.5},
      {"valpreventie", 0.4},
      {"cameratoezicht_op_verzoek", 0.25},
      {"uitstapjes", 0.45},
      {"muziek_en_zang", 0.35},
      {"rolstoeltoegankelijk", 0.7},
      {"budget_in_tijd", 0.04},
      {"geen_eigen_bijdrage_extra", 0.55},
      {"engels_sprekend", 0.1},
      {"verzorging_door_vrouw", 0.5},
      {"verzorging_door_man", 0.3},
      {"kamer_op_slot", 0.35},
      {"ruimte_eigen_spullen", 0.4},
      {"vegetarisch_eten", 0.6},
      {"halal_eten", 0.05},
      {"eigen_maaltijdtijden", 0.15},
      {"partner_blijft_slapen", 0.4},
      {"relaties_intimiteit", 0.3},
      {"vrij_in_groepsactiviteiten", 0.5},
      {"geestelijke_verzorging", 0.5},
      {"warme_begeleiding", 0.3},
      {"levenseinde_euthanasie_bespreekbaar", 0.45},
      {"wzd_terughoudend", 0.55},
  };
  static const std::vector<FeatureChance> dagbesteding = {
      {"dagbesteding_dagen", 1, 3, 5},
      {"dagbesteding_weekend", 0.05},
      {"vervoer_geregeld", 0.6},
      {"gezamenlijke_maaltijd", 0.5},
      {"uitstapjes", 0.4},
      {"rolstoeltoegankelijk", 0.6},
      {"vaste_begeleiders", 0.5},
      {"lotgenotencontact", 0.2},
      {"zintuiglijke_activiteiten", 0.2},
      {"vrij_in_groepsactiviteiten", 0.3},
      {"warme_begeleiding", 0.3},
  };
  static const std::vector<FeatureChance> logeren = {
      {"bezoek_altijd_welkom", 0.5},
      {"tuin", 0.5},
      {"rolstoeltoegankelijk", 0.6},
      {"vaste_begeleiders", 0.3},
  };
  static const std::vector<FeatureChance> zorg_thuis = {
      {"vaste_begeleiders", 0.35},       {"zelf_opstaan_tijd", 0.3},
      {"mantelzorg_ondersteuning", 0.4}, {"budget_in_tijd", 0.08},
      {"verzorging_door_vrouw", 0.6},    {"verzorging_door_man", 0.3},
      {"overbruggingszorg", 0.4},        {"warme_begeleiding", 0.3},
  };
  switch (kind) {
    case domain::OfferKind::kWonen: return wonen;
    case domain::OfferKind::kDagbesteding: return dagbesteding;
    case domain::OfferKind::kLogeren: return logeren;
    case domain::OfferKind::kZorgThuis: return zorg_thuis;
  }
  return wonen;
}

}  // namespace passend::generate
