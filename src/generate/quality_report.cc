#include "generate/quality_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "domain/dutch_number.h"
#include "generate/feature_rules.h"

namespace passend::generate {
namespace {

using domain::CareStatus;
using domain::OfferKind;
using domain::Sector;

// Public figures (/work/shared/data/wlz_figures.md, quoted in docs/generator.md).
constexpr double kVvIndications = 191303;        // Q3 2023, ActiZ via skipr.nl
constexpr double kGhzIndications = 144045;       // VG 113,190 + LG 27,550 + ZG 3,305, 2019
constexpr double kGgzbIndications = 5955;        // psychiatric with stay, 2019
constexpr double kVvPlaces = 124985;             // VV in an institution, 2019
constexpr double kGhzPlaces = 73830;             // GHZ in an institution, 2019
constexpr double kGgzPlaces = 4510;              // GGZ in an institution, 2019
constexpr double kHomePackages = 13215 + 41380;  // VPT + MPT, 2019
constexpr double kPeopleInCare2019 = 205270 + 13215 + 41380 + 45200;  // all forms, 2019
constexpr const char* kStaatVenz = "staatvenz.nl kerncijfers zorg met verblijf, 2019";
constexpr const char* kMonitor = "monitorlangdurigezorg.nl toegankelijkheid, 2023 Q3";
constexpr const char* kInKind = "monitorlangdurigezorg.nl gebruik Wlz-zorg in natura, 2019";

bool Ghz(Sector s) {
  return s == Sector::kVG || s == Sector::kLVG || s == Sector::kLG || s == Sector::kZGaud ||
         s == Sector::kZGvis;
}

bool Waiting(CareStatus s) {
  return s == CareStatus::kUrgent || s == CareStatus::kActive || s == CareStatus::kPreference;
}

double Pct(int64_t part, int64_t whole) {
  return whole > 0 ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0;
}

// Three standard deviations of a share measured on n clients, in percentage points, plus
// `rounding` for the rounding of the generator's weights.
double SamplingTolerance(double published_pct, int64_t n, double rounding) {
  const double p = published_pct / 100;
  const double sd = n > 0 ? std::sqrt(p * (1 - p) / static_cast<double>(n)) : 1;
  return 300 * sd + rounding;
}

QualityFigure Share(std::string name, int64_t part, int64_t whole, double published,
                    std::string source, double rounding = 0.3) {
  QualityFigure f;
  f.name = std::move(name);
  f.generated = Pct(part, whole);
  f.published = published;
  f.tolerance = SamplingTolerance(published, whole, rounding);
  f.unit = "%";
  f.source = std::move(source);
  f.why = "3 sd steekproefruis bij n = " + domain::IntegerNl(whole) + ", + " +
          domain::NumberNl(rounding, 1) + " pt afronding";
  return f;
}

QualityFigure Ratio(std::string name, double generated, double published, double relative,
                    std::string unit, std::string source, std::string why) {
  return {std::move(name), generated,         published,     published * relative,
          std::move(unit), std::move(source), std::move(why)};
}

}  // namespace

bool QualityFigure::ok() const { return std::abs(generated - published) <= tolerance + 1e-9; }

bool QualityReport::ok() const {
  if (contradictory_clients > 0) return false;
  for (const QualityFigure& f : figures)
    if (!f.ok()) return false;
  return true;
}

QualityReport CheckQuality(const domain::Dataset& d, RegionPreset preset,
                           const domain::ReferenceData& ref) {
  (void)ref;
  QualityReport r;
  // Clients by sector and status.
  int64_t total = 0, vv = 0, ghz = 0, ggzb = 0, ggz = 0;
  int64_t granted = 0, waiting = 0;
  int64_t vv_granted = 0, vv_waiting = 0, vv_placement = 0, vv_precaution = 0, vv_bridged = 0;
  int64_t ghz_granted = 0, ghz_waiting = 0;
  int64_t forms[4] = {0, 0, 0, 0};
  int64_t vg_lvg = 0, lg = 0, zg = 0, ggzw = 0;
  int64_t six = 0, seven = 0, eight = 0;
  for (const domain::Client& c : d.clients) {
    ++total;
    const bool is_vv = c.sector == Sector::kVV;
    vv += is_vv;
    ghz += Ghz(c.sector);
    ggzb += c.sector == Sector::kGgzB;
    ggzw += c.sector == Sector::kGgzW;
    ggz += c.sector == Sector::kGgzB || c.sector == Sector::kGgzW;
    vg_lvg += c.sector == Sector::kVG || c.sector == Sector::kLVG;
    lg += c.sector == Sector::kLG;
    zg += c.sector == Sector::kZGaud || c.sector == Sector::kZGvis;
    six += c.profile == "6VV";
    seven += c.profile == "7VV";
    eight += c.profile == "8VV";
    if (!c.preferred_forms.empty()) ++forms[static_cast<int>(c.preferred_forms.front())];
    if (c.indication == domain::IndicationStatus::kGranted) {
      ++granted;
      waiting += Waiting(c.care_status);
      if (is_vv) {
        ++vv_granted;
        vv_waiting += Waiting(c.care_status);
        vv_placement +=
            c.care_status == CareStatus::kUrgent || c.care_status == CareStatus::kActive;
        vv_precaution += c.care_status == CareStatus::kPrecaution;
        vv_bridged += Waiting(c.care_status) && !c.care_provider_id.empty();
      }
      if (Ghz(c.sector)) {
        ++ghz_granted;
        ghz_waiting += Waiting(c.care_status);
      }
    }
    if (auto pair = ContradictoryPair(c)) {
      if (r.contradictory_clients++ == 0)
        r.first_contradiction = c.id + ": " + pair->first + " + " + pair->second;
    }
  }
  // Places by group.
  double vv_places = 0, ghz_places = 0, ggzb_places = 0, home_places = 0;
  double vv_waiting_people = 0;
  for (const domain::Offer& o : d.offers) {
    if (o.sectors.empty()) continue;
    const Sector s = o.sectors.front();
    if (o.kind == OfferKind::kWonen) {
      if (s == Sector::kVV) {
        vv_places += o.capacity;
        vv_waiting_people += o.waiting_people;
      }
      if (Ghz(s)) ghz_places += o.capacity;
      if (s == Sector::kGgzB) ggzb_places += o.capacity;
    }
    if (o.kind == OfferKind::kZorgThuis) home_places += o.capacity;
  }

  const bool nl = preset == RegionPreset::kNl;
  if (nl) {
    const double all = 191303 + 113190 + 27550 + 3305 + 27000 + 5955;
    r.figures.push_back(Share("Aandeel VV (ouderenzorg)", vv, total, 100 * 191303 / all,
                              "ActiZ 2023 Q3; staatvenz.nl 2019; Kamerstuk 25424-651"));
    r.figures.push_back(Share("Aandeel VG en LVG", vg_lvg, total, 100 * 113190 / all, kStaatVenz));
    r.figures.push_back(Share("Aandeel LG", lg, total, 100 * 27550 / all, kStaatVenz));
    r.figures.push_back(Share("Aandeel ZG", zg, total, 100 * 3305 / all, kStaatVenz));
    r.figures.push_back(Share("Aandeel GGZ-W", ggzw, total, 100 * 27000 / all,
                              "Kamerstuk 25424-651, april 2023 (meer dan 27.000)"));
    r.figures.push_back(Share("Aandeel GGZ-B", ggzb, total, 100 * 5955 / all, kStaatVenz));
    const char* names[] = {"Eerste voorkeur verblijf", "Eerste voorkeur VPT", "Eerste voorkeur MPT",
                           "Eerste voorkeur pgb"};
    const double people[] = {205270, 13215, 41380, 45200};
    for (int i = 0; i < 4; ++i) {
      QualityFigure f = Share(names[i], forms[i], total, 100 * people[i] / kPeopleInCare2019,
                              std::string(kInKind) + "; staatvenz.nl pgb");
      // The preference of a client is not the form received, and the sector mix of 2019
      // differs from the generated one: a fixed margin on top of sampling noise.
      f.tolerance += 2.5;
      f.why = "voorkeur is niet de ontvangen vorm, andere jaarmix: 2,5 pt + " + f.why;
      r.figures.push_back(std::move(f));
    }
    r.figures.push_back(Share("Wachtend (urgent, actief, voorkeur) van wie een indicatie heeft",
                              waiting, granted, 100.0 * 23679 / 358490,
                              std::string(kMonitor) + "; CBS 84529NED 2022"));
  }
  if (vv >= 1000) {
    if (six + seven + eight > 0)
      r.figures.push_back(Share("6VV binnen 6VV+7VV+8VV", six, six + seven + eight,
                                100.0 * 47900 / (47900 + 16105 + 3150),
                                "WOZO-monitor via skipr.nl, 2024"));
    r.figures.push_back(Share("VV wachtend van wie een indicatie heeft", vv_waiting, vv_granted,
                              100 * 21209 / kVvIndications, kMonitor));
    r.figures.push_back(Share("VV urgent of actief van wie wacht", vv_placement, vv_waiting,
                              100.0 * 4080 / 21209, kMonitor));
    r.figures.push_back(Share("VV wacht uit voorzorg van wie een indicatie heeft", vv_precaution,
                              vv_granted, 100 * 10820 / kVvIndications, "ActiZ, 1 oktober 2023"));
    r.figures.push_back(Share("VV wachtend met overbruggingszorg", vv_bridged, vv_waiting, 94,
                              "ActiZ, 2023 (ongeveer 94%)", 3.0));
    r.figures.push_back(Ratio(
        "VV-woonplaatsen per VV-cliënt", vv > 0 ? vv_places / static_cast<double>(vv) : 0,
        kVvPlaces / kVvIndications, 0.05, "per cliënt", std::string(kInKind) + " / ActiZ 2023 Q3",
        "capaciteit wordt hierop geschaald; 5% voor afronding op hele plaatsen"));
    r.figures.push_back(
        Ratio("VV wachtenden per woonplaats", vv_places > 0 ? vv_waiting_people / vv_places : 0,
              21209 / kVvPlaces, 0.3, "per plaats", std::string(kMonitor) + " / " + kInKind,
              "wachtlijsten per aanbod getrokken (lognormaal): 30% van het totaal"));
  }
  if (ghz >= 1000) {
    r.figures.push_back(Share("Gehandicaptenzorg wachtend van wie een indicatie heeft", ghz_waiting,
                              ghz_granted, 100.0 * 1808 / kGhzIndications, kMonitor));
    r.figures.push_back(Ratio("Woonplaatsen gehandicaptenzorg per cliënt",
                              ghz_places / static_cast<double>(ghz), kGhzPlaces / kGhzIndications,
                              0.05, "per cliënt", kInKind,
                              "capaciteit wordt hierop geschaald; 5% voor afronding"));
  }
  if (ggzb >= 500)
    r.figures.push_back(Ratio("Woonplaatsen GGZ-B per GGZ-B-cliënt",
                              ggzb_places / static_cast<double>(ggzb),
                              kGgzPlaces / kGgzbIndications, 0.05, "per cliënt", kInKind,
                              "capaciteit wordt hierop geschaald; 5% voor afronding"));
  if (total > 0)
    r.figures.push_back(Ratio("Plaatsen zorg thuis (VPT+MPT) per cliënt",
                              home_places / static_cast<double>(total),
                              kHomePackages / kPeopleInCare2019, 0.05, "per cliënt", kInKind,
                              "capaciteit wordt hierop geschaald; 5% voor afronding"));
  (void)ggz;
  return r;
}

std::string FormatQualityReport(const QualityReport& r) {
  std::string out =
      "Datakwaliteit: gegenereerd tegenover publiek (verzonnen data, echte bronnen)\n";
  char line[512];
  for (const QualityFigure& f : r.figures) {
    const bool pct = f.unit == "%";
    const int decimals = pct ? 1 : 3;
    std::snprintf(line, sizeof line, "  %-62s %8s %8s  ±%-6s %-4s %s  (%s)\n", f.name.c_str(),
                  domain::NumberNl(f.generated, decimals).c_str(),
                  domain::NumberNl(f.published, decimals).c_str(),
                  domain::NumberNl(f.tolerance, decimals).c_str(), pct ? "%" : "",
                  f.ok() ? "ok" : "BUITEN MARGE", f.source.c_str());
    out += line;
  }
  std::snprintf(line, sizeof line, "  %-62s %8lld %8d  %s\n", "Cliënten met tegenstrijdige wensen",
                static_cast<long long>(r.contradictory_clients), 0,
                r.contradictory_clients == 0 ? "ok" : ("FOUT, " + r.first_contradiction).c_str());
  out += line;
  return out;
}

}  // namespace passend::generate
