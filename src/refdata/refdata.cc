#include "refdata/refdata.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "refdata/csv.h"

namespace passend::embedded {
std::string_view municipalities_csv();
std::string_view municipality_code_changes_csv();
std::string_view zorgprofielen_csv();
std::string_view kenmerken_csv();
}  // namespace passend::embedded

namespace passend::refdata {
namespace {

Result<double> ToDouble(const std::string& s, std::string_view where) {
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size())
    return InvalidArgument(std::string(where) + ": geen getal: '" + s + "'");
  return v;
}

Result<int64_t> ToInt(const std::string& s, std::string_view where) {
  if (s.empty()) return int64_t{0};
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size())
    return InvalidArgument(std::string(where) + ": geen geheel getal: '" + s + "'");
  return v;
}

// Looks up required columns once so each row is read by index.
Result<std::vector<int>> Columns(const CsvTable& t, std::initializer_list<const char*> names,
                                 std::string_view source) {
  std::vector<int> idx;
  for (const char* n : names) {
    int c = t.Column(n);
    if (c < 0) return InvalidArgument(std::string(source) + ": kolom '" + n + "' ontbreekt");
    idx.push_back(c);
  }
  return idx;
}

// The care-office region Westland Schieland Delfland (CBS ZK33) joined Delft Westland
// Oostland (5519) and Nieuwe Waterweg Noord (5522); no four-digit code for it is public.
// Passend gives it 5519, the code of the predecessor with most inhabitants (data/README.md).
constexpr const char* kMergedRegionCbs = "ZK33";
constexpr const char* kMergedRegionCode = "5519";

// The 2025 municipalities (data/municipalities_2025.csv, copied unchanged). Gaps are filled
// by the rules of data/README.md, each marked: inhabitants from CBS 2025 where given, else
// the about-2014 figure summed onto 2025 borders, else the median of the region's
// municipalities; elderly-care client counts, where the source has none, from the region's
// rate per inhabitant.
Result<std::vector<domain::Municipality>> ParseMunicipalities(std::string_view text) {
  constexpr const char* kSource = "municipalities_2025.csv";
  PASSEND_ASSIGN_OR_RETURN(CsvTable t, ParseCsv(text, kSource));
  PASSEND_ASSIGN_OR_RETURN(
      std::vector<int> c,
      Columns(t,
              {"cbs_code", "name", "zorgkantoor", "zorgkantoor_code", "cbs_zk_code", "inhabitants",
               "inhabitants_2014_summed", "vv_zzp1_4_clients", "vv_zzp5_10_clients_2020_forecast",
               "lat", "lon"},
              kSource));
  std::vector<domain::Municipality> out;
  std::vector<bool> vv_known;
  for (const auto& r : t.rows) {
    domain::Municipality m;
    m.code = r[c[0]];
    m.name = r[c[1]];
    m.zorgkantoor_name = "Zorgkantoor " + r[c[2]];
    m.zorgkantoor_code = r[c[3]];
    if (m.zorgkantoor_code.empty() && r[c[4]] == kMergedRegionCbs)
      m.zorgkantoor_code = kMergedRegionCode;
    const std::string where = std::string(kSource) + " " + m.code;
    if (m.zorgkantoor_code.empty()) return InvalidArgument(where + ": geen zorgkantoorregio");
    if (!r[c[5]].empty()) {
      PASSEND_ASSIGN_OR_RETURN(m.inhabitants, ToInt(r[c[5]], where));
      m.inhabitants_source = "cbs_2025";
    } else if (!r[c[6]].empty()) {
      PASSEND_ASSIGN_OR_RETURN(m.inhabitants, ToInt(r[c[6]], where));
      m.inhabitants_source = "summed_2014";
    }
    vv_known.push_back(!r[c[7]].empty() || !r[c[8]].empty());
    PASSEND_ASSIGN_OR_RETURN(m.vv_light_clients, ToInt(r[c[7]], where));
    PASSEND_ASSIGN_OR_RETURN(m.vv_heavy_clients_forecast, ToInt(r[c[8]], where));
    PASSEND_ASSIGN_OR_RETURN(m.centroid.lat, ToDouble(r[c[9]], where));
    PASSEND_ASSIGN_OR_RETURN(m.centroid.lon, ToDouble(r[c[10]], where));
    out.push_back(std::move(m));
  }
  // Per region: the known inhabitants (for the median) and the known elderly-care rates.
  struct RegionFigures {
    std::vector<int64_t> inhabitants;
    int64_t people = 0, light = 0, heavy = 0;  // over municipalities with client counts
  };
  std::map<std::string, RegionFigures> regions;
  for (size_t i = 0; i < out.size(); ++i) {
    const auto& m = out[i];
    if (m.inhabitants_source.empty()) continue;
    RegionFigures& f = regions[m.zorgkantoor_code];
    f.inhabitants.push_back(m.inhabitants);
    if (vv_known[i]) {
      f.people += m.inhabitants;
      f.light += m.vv_light_clients;
      f.heavy += m.vv_heavy_clients_forecast;
    }
  }
  for (size_t i = 0; i < out.size(); ++i) {
    auto& m = out[i];
    RegionFigures& f = regions[m.zorgkantoor_code];
    if (m.inhabitants_source.empty()) {
      if (f.inhabitants.empty())
        return InvalidArgument(std::string(kSource) + " " + m.code +
                               ": geen inwonertal in de hele regio");
      std::vector<int64_t> sorted = f.inhabitants;
      std::sort(sorted.begin(), sorted.end());
      m.inhabitants = sorted[sorted.size() / 2];
      m.inhabitants_source = "estimate";
    }
    if (!vv_known[i] && f.people > 0) {
      m.vv_light_clients = f.light * m.inhabitants / f.people;
      m.vv_heavy_clients_forecast = f.heavy * m.inhabitants / f.people;
      m.vv_clients_estimated = true;
    }
  }
  return out;
}

Result<std::vector<domain::MunicipalityCodeChange>> ParseCodeChanges(std::string_view text) {
  constexpr const char* kSource = "municipality_code_changes_2015_2025.csv";
  PASSEND_ASSIGN_OR_RETURN(CsvTable t, ParseCsv(text, kSource));
  PASSEND_ASSIGN_OR_RETURN(std::vector<int> c,
                           Columns(t, {"old_code", "new_code", "address_share"}, kSource));
  std::vector<domain::MunicipalityCodeChange> out;
  for (const auto& r : t.rows) {
    // An empty share is unknown (Maasdonk, split in 2015): 0, so only the position decides.
    domain::MunicipalityCodeChange change{r[c[0]], r[c[1]], 0};
    if (!r[c[2]].empty()) {
      PASSEND_ASSIGN_OR_RETURN(change.address_share,
                               ToDouble(r[c[2]], std::string(kSource) + " " + change.old_code));
    }
    out.push_back(std::move(change));
  }
  return out;
}

Result<std::vector<domain::CareProfile>> ParseProfiles(std::string_view text) {
  PASSEND_ASSIGN_OR_RETURN(CsvTable t, ParseCsv(text, "zorgprofielen.csv"));
  PASSEND_ASSIGN_OR_RETURN(std::vector<int> c, Columns(t,
                                                       {"code", "sector", "name_nl", "pgb_possible",
                                                        "meerzorg_possible", "vektis_cod163"},
                                                       "zorgprofielen.csv"));
  std::vector<domain::CareProfile> out;
  for (const auto& r : t.rows) {
    domain::CareProfile p;
    p.code = r[c[0]];
    auto sector = domain::ParseSector(r[c[1]]);
    if (!sector)
      return InvalidArgument("zorgprofielen.csv " + p.code + ": onbekende sector " + r[c[1]]);
    p.sector = *sector;
    p.name_nl = r[c[2]];
    p.pgb_possible = r[c[3]] == "yes";
    p.meerzorg_possible = r[c[4]] == "yes";
    PASSEND_ASSIGN_OR_RETURN(int64_t vektis, ToInt(r[c[5]], "zorgprofielen.csv " + p.code));
    p.vektis_code = static_cast<int>(vektis);
    out.push_back(std::move(p));
  }
  // 10VV (palliative-terminal care) is in Vektis COD163 but not in the GF code system;
  // it is indicated to elderly clients, so Passend knows it (data/README.md).
  out.push_back({"10VV", domain::Sector::kVV,
                 "Beschermd verblijf met intensieve palliatief-terminale zorg", true, false, 759});
  return out;
}

Result<std::vector<domain::Feature>> ParseFeatures(std::string_view text) {
  PASSEND_ASSIGN_OR_RETURN(CsvTable t, ParseCsv(text, "kenmerken.csv"));
  PASSEND_ASSIGN_OR_RETURN(std::vector<int> c,
                           Columns(t,
                                   {"id", "life_domain", "kind", "level_max", "higher_is_better",
                                    "unit", "label_nl", "label_en"},
                                   "kenmerken.csv"));
  std::vector<domain::Feature> out;
  for (const auto& r : t.rows) {
    domain::Feature f;
    f.id = r[c[0]];
    const std::string where = "kenmerken.csv " + f.id;
    auto domain = domain::ParseLifeDomain(r[c[1]]);
    auto kind = domain::ParseFeatureKind(r[c[2]]);
    if (!domain || !kind) return InvalidArgument(where + ": onbekend levensdomein of soort");
    f.domain = *domain;
    f.kind = *kind;
    PASSEND_ASSIGN_OR_RETURN(int64_t level_max, ToInt(r[c[3]], where));
    f.level_max = static_cast<int>(level_max);
    if (f.kind == domain::FeatureKind::kLevel && f.level_max < 2)
      return InvalidArgument(where + ": een niveau-kenmerk heeft level_max >= 2");
    f.higher_is_better = r[c[4]] != "false";
    f.unit = r[c[5]];
    f.label_nl = r[c[6]];
    f.label_en = r[c[7]];
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace

Result<domain::ReferenceData> Parse(std::string_view municipalities_csv,
                                    std::string_view profiles_csv, std::string_view features_csv,
                                    std::string_view code_changes_csv) {
  PASSEND_ASSIGN_OR_RETURN(auto municipalities, ParseMunicipalities(municipalities_csv));
  PASSEND_ASSIGN_OR_RETURN(auto profiles, ParseProfiles(profiles_csv));
  PASSEND_ASSIGN_OR_RETURN(auto features, ParseFeatures(features_csv));
  std::vector<domain::MunicipalityCodeChange> changes;
  if (!code_changes_csv.empty()) {
    PASSEND_ASSIGN_OR_RETURN(changes, ParseCodeChanges(code_changes_csv));
  }
  return domain::ReferenceData(std::move(municipalities), std::move(profiles), std::move(features),
                               std::move(changes));
}

const domain::ReferenceData& BuiltIn() {
  static const domain::ReferenceData* data = [] {
    auto parsed = Parse(embedded::municipalities_csv(), embedded::zorgprofielen_csv(),
                        embedded::kenmerken_csv(), embedded::municipality_code_changes_csv());
    if (!parsed.ok()) {
      std::fprintf(stderr, "ingebouwde referentiedata ongeldig: %s\n",
                   parsed.error().ToString().c_str());
      std::abort();
    }
    return new domain::ReferenceData(std::move(parsed).value());
  }();
  return *data;
}

}  // namespace passend::refdata
