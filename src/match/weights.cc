#include "match/weights.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

#include "refdata/csv.h"

namespace passend::embedded {
std::string_view matchgewichten_csv();
}  // namespace passend::embedded

namespace passend::match {

double Weights::Wish(domain::Importance i) const {
  switch (i) {
    case domain::Importance::kMust: return wish_must;
    case domain::Importance::kImportant: return wish_important;
    case domain::Importance::kNice: return wish_nice;
  }
  return 0;
}

double Weights::Place(domain::Importance i) const {
  switch (i) {
    case domain::Importance::kMust: return place_must;
    case domain::Importance::kImportant: return place_important;
    case domain::Importance::kNice: return place_nice;
  }
  return 0;
}

Result<Weights> Weights::Parse(std::string_view csv) {
  PASSEND_ASSIGN_OR_RETURN(refdata::CsvTable t, refdata::ParseCsv(csv, "matchgewichten.csv"));
  const int key_col = t.Column("sleutel"), value_col = t.Column("waarde");
  if (key_col < 0 || value_col < 0)
    return InvalidArgument("matchgewichten.csv: kolommen 'sleutel' en 'waarde' zijn nodig");
  Weights w;
  const std::map<std::string, double*, std::less<>> fields = {
      {"wens_moet", &w.wish_must},
      {"wens_belangrijk", &w.wish_important},
      {"wens_fijn", &w.wish_nice},
      {"deels_factor", &w.partly_factor},
      {"onbekend_factor", &w.unknown_factor},
      {"getal_marge", &w.number_margin},
      {"plek_moet", &w.place_must},
      {"plek_belangrijk", &w.place_important},
      {"plek_fijn", &w.place_nice},
      {"afstand_afbouw_km", &w.distance_decay_km},
      {"reis", &w.travel},
      {"reis_dagbesteding_max_km", &w.travel_dagbesteding_max_km},
      {"reis_logeren_max_km", &w.travel_logeren_max_km},
      {"wachten", &w.wait},
      {"wachten_nul_weken", &w.wait_zero_weeks},
      {"contract", &w.contract},
      {"pgb_factor", &w.pgb_factor},
      {"kwaliteit", &w.quality},
      {"kwaliteit_onbekend", &w.quality_unknown},
      {"een_aanbieder", &w.one_provider},
      {"thuis", &w.home},
      {"thuis_bereik_vv_km", &w.home_reach_vv_km},
      {"thuis_bereik_km", &w.home_reach_other_km},
      {"reis_dagbesteding_grens_km", &w.travel_dagbesteding_limit_km},
      {"reis_logeren_grens_km", &w.travel_logeren_limit_km},
  };
  std::map<std::string, int, std::less<>> seen;
  for (const auto& row : t.rows) {
    const std::string& key = row[key_col];
    auto it = fields.find(key);
    if (it == fields.end())
      return InvalidArgument("matchgewichten.csv: onbekende sleutel '" + key + "'");
    if (seen[key]++ > 0)
      return InvalidArgument("matchgewichten.csv: sleutel '" + key + "' staat er twee keer in");
    const std::string& s = row[value_col];
    double v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size() || v < 0)
      return InvalidArgument("matchgewichten.csv: '" + key + "' moet een getal >= 0 zijn, niet '" +
                             s + "'");
    *it->second = v;
  }
  for (const auto& [key, ptr] : fields)
    if (!seen.count(key))
      return InvalidArgument("matchgewichten.csv: sleutel '" + key + "' ontbreekt");
  if (w.distance_decay_km <= 0 || w.wait_zero_weeks <= 0)
    return InvalidArgument(
        "matchgewichten.csv: afstand_afbouw_km en wachten_nul_weken moeten > 0 zijn");
  if (w.partly_factor > 1 || w.unknown_factor > 1 || w.pgb_factor > 1 || w.quality_unknown > 1)
    return InvalidArgument("matchgewichten.csv: factoren liggen tussen 0 en 1");
  if (w.unknown_factor < w.partly_factor)
    return InvalidArgument(
        "matchgewichten.csv: onbekend_factor mag niet kleiner zijn dan deels_factor");
  return w;
}

const Weights& Weights::BuiltIn() {
  static const Weights* weights = [] {
    auto r = Parse(embedded::matchgewichten_csv());
    if (!r.ok()) {
      std::fprintf(stderr, "%s\n", r.error().ToString().c_str());
      std::abort();
    }
    return new Weights(*r);
  }();
  return *weights;
}

}  // namespace passend::match
