#include "interop/catalog_csv.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "domain/validation.h"
#include "interop/native_json.h"
#include "refdata/csv.h"

namespace passend::interop {

namespace d = passend::domain;

std::string FormatProblem(const ImportProblem& p) {
  std::string s = p.record;
  if (!p.field.empty()) s += (s.empty() ? "" : ", ") + p.field;
  return s + ": " + p.message;
}

namespace {

enum Part { kProvider, kLocation, kOffer };

// A column: its Dutch name, the record it belongs to and the native field it carries
// (the field path domain validation names).
struct Column {
  std::string_view name;
  Part part;
  std::string_view field;
};

constexpr Column kColumns[] = {
    {"aanbieder_id", kProvider, "id"},
    {"aanbieder_naam", kProvider, "name"},
    {"agb_code", kProvider, "agb_code"},
    {"kvk_nummer", kProvider, "kvk_number"},
    {"ura_nummer", kProvider, "ura_number"},
    {"website", kProvider, "website"},
    {"gevestigd", kProvider, "established"},
    {"locatie_id", kLocation, "id"},
    {"locatie_naam", kLocation, "name"},
    {"adres", kLocation, "address"},
    {"gemeentecode", kLocation, "municipality_code"},
    {"breedtegraad", kLocation, "position.lat"},
    {"lengtegraad", kLocation, "position.lon"},
    {"aanbod_id", kOffer, "id"},
    {"aanbod_naam", kOffer, "name"},
    {"soort", kOffer, "kind"},
    {"omschrijving", kOffer, "description"},
    {"sectoren", kOffer, "sectors"},
    {"zorgprofielen", kOffer, "profiles"},
    {"leveringsvormen", kOffer, "delivery_forms"},
    {"capaciteit", kOffer, "capacity"},
    {"vrije_plaatsen", kOffer, "free_places"},
    {"wachtenden", kOffer, "waiting_people"},
    {"wachttijd_weken", kOffer, "waiting_weeks"},
    {"zorgkantoren_in_natura", kOffer, "contracted_regions"},
    {"kenmerken", kOffer, "features"},
    // Quality: the newest review score and the newest IGJ inspection (docs/formats.md).
    {"cijfer_clienten", kOffer, "quality"},
    {"aantal_beoordelingen", kOffer, "quality.reviews"},
    {"cijfer_bron", kOffer, "quality.source"},
    {"cijfer_datum", kOffer, "quality.measured"},
    {"inspectie_uitkomst", kOffer, "quality.outcome"},
    {"inspectie_datum", kOffer, "quality.inspected"},
    {"inspectie_link", kOffer, "quality.link"},
    {"werkgebied_km", kOffer, "service_radius_km"},
    {"tijdelijk", kOffer, "temporary"},
    {"intake_contact", kOffer, "intake_contact"},
    {"intake_eisen", kOffer, "intake_requirements"},
    {"plaatsen_bijgewerkt", kOffer, "places_updated"},
    {"gegevens_bijgewerkt", kOffer, "details_updated"},
};
constexpr size_t kColumnCount = sizeof kColumns / sizeof kColumns[0];

// The column of a field path from domain validation ("features[2].value" -> kenmerken).
std::string ColumnOf(Part part, const std::string& path) {
  if (path == "provider_id") return "aanbieder_id";
  if (path == "location_id") return "locatie_id";
  if (path == "position") return "breedtegraad";
  if (path.rfind("quality[", 0) == 0 && path.find("].") != std::string::npos)
    return ColumnOf(part, "quality." + path.substr(path.find("].") + 2));
  for (const Column& c : kColumns)
    if (c.part == part && path == c.field) return std::string(c.name);
  const std::string head = path.substr(0, path.find_first_of(".["));
  for (const Column& c : kColumns)
    if (c.part == part && head == c.field) return std::string(c.name);
  return path;
}

std::string Trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

std::string Lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::optional<int> ParseInt(const std::string& s) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

// A decimal comma or point; no thousands separators.
std::optional<double> ParseDecimal(std::string s) {
  if (std::count(s.begin(), s.end(), ',') + std::count(s.begin(), s.end(), '.') > 1)
    return std::nullopt;
  std::replace(s.begin(), s.end(), ',', '.');
  if (!s.empty() && s.front() == '+') s.erase(0, 1);
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<bool> ParseYesNo(const std::string& s) {
  const std::string l = Lower(s);
  if (l == "ja" || l == "j" || l == "yes" || l == "true" || l == "waar" || l == "1") return true;
  if (l == "nee" || l == "n" || l == "no" || l == "false" || l == "onwaar" || l == "0")
    return false;
  return std::nullopt;
}

std::vector<std::string> Split(const std::string& s, std::string_view separators) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    const size_t end = s.find_first_of(separators, start);
    std::string part = Trim(std::string_view(s).substr(
        start, end == std::string::npos ? std::string::npos : end - start));
    if (!part.empty()) out.push_back(std::move(part));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

// Shortest text that reads back as the same double, with a decimal comma.
std::string DecimalNl(double v) {
  char buf[64];
  auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v);
  std::string s(buf, ec == std::errc() ? p : buf);
  std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

// One data row being read: its cells by column and the problems found in it.
class RowReader {
 public:
  RowReader(const std::vector<int>& index, const std::vector<std::string>& cells, std::string row)
      : index_(index), cells_(cells), row_(std::move(row)) {}

  std::string Cell(size_t column) const {
    const int i = index_[column];
    return i < 0 || static_cast<size_t>(i) >= cells_.size() ? std::string() : Trim(cells_[i]);
  }
  // Whether any column of `part` is filled.
  bool Any(Part part) const {
    for (size_t c = 0; c < kColumnCount; ++c)
      if (kColumns[c].part == part && !Cell(c).empty()) return true;
    return false;
  }
  void Problem(std::string column, std::string message) {
    problems.push_back({row_, std::move(column), std::move(message)});
  }
  void Problem(Part part, const Error& e) {
    problems.push_back({row_, ColumnOf(part, e.field()), e.message()});
  }

  std::string Text(size_t c) const { return Cell(c); }
  int Int(size_t c) {
    const std::string s = Cell(c);
    if (s.empty()) return 0;
    auto v = ParseInt(s);
    if (!v) Problem(std::string(kColumns[c].name), "Vul een geheel getal in, niet '" + s + "'");
    return v.value_or(0);
  }
  std::optional<double> Decimal(size_t c) {
    const std::string s = Cell(c);
    if (s.empty()) return std::nullopt;
    auto v = ParseDecimal(s);
    if (!v)
      Problem(std::string(kColumns[c].name), "Vul een getal in (zoals 50,85), niet '" + s + "'");
    return v;
  }
  bool YesNo(size_t c, bool otherwise) {
    const std::string s = Cell(c);
    if (s.empty()) return otherwise;
    auto v = ParseYesNo(s);
    if (!v) Problem(std::string(kColumns[c].name), "Vul ja of nee in, niet '" + s + "'");
    return v.value_or(otherwise);
  }
  // Excel drops the leading zeros of a number it thinks is one: 8 digits are restored.
  std::string RegisterNumber(size_t c) {
    std::string s = Cell(c);
    if (!s.empty() && s.size() < 8 && s.find_first_not_of("0123456789") == std::string::npos)
      s.insert(0, 8 - s.size(), '0');
    return s;
  }
  template <typename E, typename ParseFn>
  std::vector<E> EnumList(size_t c, ParseFn parse) {
    std::vector<E> out;
    for (const std::string& name : Split(Cell(c), ",;| \t")) {
      auto e = parse(name);
      if (!e) e = parse(Lower(name));
      if (!e) {
        std::string upper = name;
        for (char& ch : upper)
          if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
        e = parse(upper);
      }
      if (e)
        out.push_back(*e);
      else
        Problem(std::string(kColumns[c].name), "Onbekende waarde '" + name + "'");
    }
    return out;
  }

  std::vector<ImportProblem> problems;

 private:
  const std::vector<int>& index_;
  const std::vector<std::string>& cells_;
  std::string row_;
};

size_t Col(std::string_view name) {
  for (size_t c = 0; c < kColumnCount; ++c)
    if (kColumns[c].name == name) return c;
  return kColumnCount;  // unreachable for the names used below
}

d::Provider ReadProvider(RowReader& r) {
  d::Provider p;
  p.id = r.Text(Col("aanbieder_id"));
  p.name = r.Text(Col("aanbieder_naam"));
  p.agb_code = r.RegisterNumber(Col("agb_code"));
  p.kvk_number = r.RegisterNumber(Col("kvk_nummer"));
  p.ura_number = r.RegisterNumber(Col("ura_nummer"));
  p.website = r.Text(Col("website"));
  p.established = r.YesNo(Col("gevestigd"), true);
  return p;
}

d::Location ReadLocation(RowReader& r, const std::string& provider_id) {
  d::Location l;
  l.id = r.Text(Col("locatie_id"));
  l.provider_id = provider_id;
  l.name = r.Text(Col("locatie_naam"));
  l.address = r.Text(Col("adres"));
  l.municipality_code = r.Text(Col("gemeentecode"));
  auto lat = r.Decimal(Col("breedtegraad"));
  auto lon = r.Decimal(Col("lengtegraad"));
  if (!lat) r.Problem("breedtegraad", "Dit veld is verplicht");
  if (!lon) r.Problem("lengtegraad", "Dit veld is verplicht");
  l.position = {lat.value_or(0), lon.value_or(0)};
  return l;
}

// The review columns go together: a score is never read without its count, source and date.
// An inspection is the IGJ's, its outcome in words ("voldoet deels") or as its code.
void ReadQuality(RowReader& r, std::vector<d::QualityNote>& out) {
  const char* review_columns[] = {"cijfer_clienten", "aantal_beoordelingen", "cijfer_bron",
                                  "cijfer_datum"};
  bool any = false;
  for (const char* c : review_columns) any |= !r.Text(Col(c)).empty();
  if (any) {
    d::QualityNote n;
    n.kind = d::QualityKind::kReviews;
    n.score = r.Decimal(Col("cijfer_clienten")).value_or(0);
    n.reviews = r.Int(Col("aantal_beoordelingen"));
    n.source = r.Text(Col("cijfer_bron"));
    n.measured = r.Text(Col("cijfer_datum"));
    for (const char* c : review_columns)
      if (r.Text(Col(c)).empty())
        r.Problem(c, "Bij een cijfer horen het aantal beoordelingen, de bron en de datum");
    out.push_back(std::move(n));
  }
  const std::string outcome = Lower(r.Text(Col("inspectie_uitkomst")));
  if (outcome.empty()) {
    for (const char* c : {"inspectie_datum", "inspectie_link"})
      if (!r.Text(Col(c)).empty()) r.Problem("inspectie_uitkomst", "Vul de uitkomst in");
    return;
  }
  d::QualityNote n;
  n.kind = d::QualityKind::kInspection;
  n.source = d::kInspectorate;
  n.measured = r.Text(Col("inspectie_datum"));
  n.link = r.Text(Col("inspectie_link"));
  if (n.measured.empty()) r.Problem("inspectie_datum", "Bij een inspectie hoort de datum");
  std::optional<d::InspectionOutcome> o = d::ParseInspectionOutcome(outcome);
  for (d::InspectionOutcome v : d::kAllInspectionOutcomes)
    if (outcome == d::LabelNl(v)) o = v;
  if (!o) {
    r.Problem("inspectie_uitkomst",
              "Kies voldoet, voldoet deels, voldoet niet of verscherpt "
              "toezicht, niet '" +
                  outcome + "'");
    return;
  }
  n.outcome = *o;
  out.push_back(std::move(n));
}

// The newest note of a kind, or nullptr.
const d::QualityNote* Newest(const std::vector<d::QualityNote>& notes, d::QualityKind kind) {
  const d::QualityNote* best = nullptr;
  for (const auto& n : notes)
    if (n.kind == kind && (best == nullptr || n.measured > best->measured)) best = &n;
  return best;
}

d::Offer ReadOffer(RowReader& r, const std::string& provider_id, const std::string& location_id) {
  d::Offer o;
  o.id = r.Text(Col("aanbod_id"));
  o.provider_id = provider_id;
  o.location_id = location_id;
  o.name = r.Text(Col("aanbod_naam"));
  const std::string kind = r.Text(Col("soort"));
  if (kind.empty()) {
    r.Problem("soort", "Dit veld is verplicht");
  } else if (auto k = d::ParseOfferKind(Lower(kind))) {
    o.kind = *k;
  } else {
    r.Problem("soort",
              "Onbekende soort '" + kind + "': kies wonen, dagbesteding, logeren of zorg_thuis");
  }
  o.description = r.Text(Col("omschrijving"));
  o.sectors = r.EnumList<d::Sector>(Col("sectoren"), d::ParseSector);
  o.profiles = Split(r.Text(Col("zorgprofielen")), ",;| \t");
  o.delivery_forms = r.EnumList<d::DeliveryForm>(Col("leveringsvormen"), d::ParseDeliveryForm);
  o.capacity = r.Int(Col("capaciteit"));
  o.free_places = r.Int(Col("vrije_plaatsen"));
  o.waiting_people = r.Int(Col("wachtenden"));
  o.waiting_weeks = r.Int(Col("wachttijd_weken"));
  o.contracted_regions = Split(r.Text(Col("zorgkantoren_in_natura")), ",;| \t");
  for (const std::string& item : Split(r.Text(Col("kenmerken")), ";|\n")) {
    const size_t eq = item.find_first_of("=:");
    const std::string id = Trim(item.substr(0, eq));
    const std::string value = eq == std::string::npos ? "" : Trim(item.substr(eq + 1));
    std::optional<double> v;
    if (auto yes = ParseYesNo(value)) v = *yes ? 1 : 0;
    if (!v) v = ParseDecimal(value);
    if (id.empty() || !v) {
      r.Problem("kenmerken", "Schrijf een kenmerk als naam=waarde (tuin=ja), niet '" + item + "'");
      continue;
    }
    o.features.push_back({id, *v});
  }
  ReadQuality(r, o.quality);
  o.service_radius_km = r.Decimal(Col("werkgebied_km")).value_or(0);
  o.temporary = r.YesNo(Col("tijdelijk"), false);
  o.intake_contact = r.Text(Col("intake_contact"));
  o.intake_requirements = r.Text(Col("intake_eisen"));
  o.places_updated = r.Text(Col("plaatsen_bijgewerkt"));
  o.details_updated = r.Text(Col("gegevens_bijgewerkt"));
  return o;
}

// The first native field in which two versions of a record differ, or "".
std::string FirstDifference(const nlohmann::json& a, const nlohmann::json& b) {
  for (auto it = a.begin(); it != a.end(); ++it)
    if (!b.contains(it.key()) || b[it.key()] != it.value()) return it.key();
  return {};
}

// A record first seen on `row` with these values.
template <typename T>
struct Seen {
  T record;
  int64_t row;
  bool written = false;
};

}  // namespace

const std::vector<std::string_view>& CatalogCsvColumns() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> v;
    for (const Column& c : kColumns) v.push_back(c.name);
    return v;
  }();
  return names;
}

FormatImport ParseCatalogCsv(std::string_view text, const d::ReferenceData& ref) {
  FormatImport result;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  // Excel's "sep=;" line names the delimiter.
  char delimiter = 0;
  if (text.substr(0, 4) == "sep=" && text.size() > 4) {
    delimiter = text[4];
    const size_t nl = text.find('\n');
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
  }
  if (delimiter == 0) {
    // The header row holds no quoted delimiters: whichever of the two it has most.
    const std::string_view header = text.substr(0, text.find('\n'));
    delimiter = std::count(header.begin(), header.end(), ';') >
                        std::count(header.begin(), header.end(), ',')
                    ? ';'
                    : ',';
  }
  auto records = refdata::ParseCsvRecords(text, "csv", delimiter);
  if (!records.ok()) {
    result.problems.push_back({"bestand", "", "Een aanhalingsteken (\") is niet afgesloten"});
    return result;
  }
  if (records->empty()) {
    result.problems.push_back(
        {"bestand", "", "Het bestand is leeg: de eerste rij noemt de kolommen"});
    return result;
  }
  // Columns by name (any order, any case); unknown names are reported and ignored.
  std::vector<int> index(kColumnCount, -1);
  const auto& header = records->front();
  for (size_t i = 0; i < header.size(); ++i) {
    const std::string name = Lower(Trim(header[i]));
    if (name.empty()) continue;
    const size_t c = Col(name);
    if (name == "waardering") {
      result.problems.push_back(
          {"kop", name,
           "Een cijfer zonder bron en datum wordt niet gelezen: gebruik cijfer_clienten, "
           "aantal_beoordelingen, cijfer_bron en cijfer_datum"});
    } else if (c == kColumnCount) {
      result.problems.push_back({"kop", name, "Onbekende kolom (docs/formats.md noemt ze)"});
    } else if (index[c] >= 0) {
      result.problems.push_back({"kop", name, "Deze kolom staat er twee keer"});
    } else {
      index[c] = static_cast<int>(i);
    }
  }
  if (index[Col("aanbieder_id")] < 0)
    result.problems.push_back({"kop", "aanbieder_id", "Deze kolom is verplicht"});

  std::map<std::string, Seen<d::Provider>> providers;
  std::map<std::string, Seen<d::Location>> locations;
  std::map<std::string, int64_t> offer_rows;
  std::map<std::string, std::pair<std::string, std::string>>
      numbers;  // "agb:..." -> provider, column
  for (size_t r = 1; r < records->size(); ++r) {
    const auto& cells = (*records)[r];
    if (std::all_of(cells.begin(), cells.end(),
                    [](const std::string& s) { return Trim(s).empty(); }))
      continue;  // spreadsheets leave empty rows
    const int64_t row_number = static_cast<int64_t>(r) + 1;
    ++result.records_read;
    RowReader row(index, cells, "rij " + std::to_string(row_number));
    if (cells.size() > header.size())
      row.Problem("", "Deze rij heeft " + std::to_string(cells.size()) + " velden, de kop " +
                          std::to_string(header.size()));
    const bool has_offer = row.Any(kOffer), has_location = row.Any(kLocation) || has_offer;

    d::Provider p = ReadProvider(row);
    if (auto s = d::ValidateProvider(p); !s.ok()) row.Problem(kProvider, s.error());
    bool provider_known = false;
    if (auto it = providers.find(p.id); it != providers.end()) {
      provider_known = true;
      const std::string field = FirstDifference(ToJson(p), ToJson(it->second.record));
      if (!field.empty())
        row.Problem(ColumnOf(kProvider, field),
                    "Anders dan bij dezelfde aanbieder op rij " + std::to_string(it->second.row));
    } else {
      for (const auto& [kind, number, column] : {std::tuple{"agb", &p.agb_code, "agb_code"},
                                                 std::tuple{"kvk", &p.kvk_number, "kvk_nummer"},
                                                 std::tuple{"ura", &p.ura_number, "ura_nummer"}}) {
        if (number->empty()) continue;
        auto n = numbers.find(std::string(kind) + ":" + *number);
        if (n != numbers.end() && n->second.first != p.id)
          row.Problem(column, "Dit nummer hoort al bij aanbieder " + n->second.first);
      }
    }

    d::Location l;
    if (has_location) {
      l = ReadLocation(row, p.id);
      d::Location current = l;  // an old municipality code is read as today's, as Import does
      if (ref.FindMunicipality(current.municipality_code) == nullptr) {
        std::string now = ref.CurrentMunicipalityCode(current.municipality_code, current.position);
        if (!now.empty()) current.municipality_code = now;
      }
      if (auto s = d::ValidateLocation(current, ref); !s.ok()) row.Problem(kLocation, s.error());
      if (auto it = locations.find(l.id); it != locations.end()) {
        const std::string field = FirstDifference(ToJson(l), ToJson(it->second.record));
        if (!field.empty())
          row.Problem(ColumnOf(kLocation, field),
                      "Anders dan bij dezelfde locatie op rij " + std::to_string(it->second.row));
      }
    }
    d::Offer o;
    if (has_offer) {
      o = ReadOffer(row, p.id, l.id);
      if (auto s = d::ValidateOffer(o, ref); !s.ok()) row.Problem(kOffer, s.error());
      if (auto it = offer_rows.find(o.id); it != offer_rows.end())
        row.Problem("aanbod_id", "Dit aanbod staat ook op rij " + std::to_string(it->second));
    }

    if (!row.problems.empty()) {
      ++result.records_left_out;
      for (auto& pr : row.problems) result.problems.push_back(std::move(pr));
      continue;
    }
    // A valid row: its records join the data set, each once.
    if (!provider_known) {
      providers.emplace(p.id, Seen<d::Provider>{p, row_number});
      for (const auto& [kind, number] :
           {std::pair{"agb", &p.agb_code}, std::pair{"kvk", &p.kvk_number},
            std::pair{"ura", &p.ura_number}})
        if (!number->empty())
          numbers.emplace(std::string(kind) + ":" + *number, std::pair{p.id, ""});
      result.dataset.providers.push_back(p);
    }
    if (has_location && locations.find(l.id) == locations.end()) {
      locations.emplace(l.id, Seen<d::Location>{l, row_number});
      result.dataset.locations.push_back(l);
    }
    if (has_offer) {
      offer_rows.emplace(o.id, row_number);
      result.dataset.offers.push_back(std::move(o));
    }
  }
  return result;
}

// --- writing ---

namespace {

constexpr char kDelimiter = ';';

std::string Cell(const std::string& s) {
  if (s.find_first_of(";\"\r\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

template <typename E>
std::string JoinEnums(const std::vector<E>& v) {
  std::string s;
  for (E e : v) s += (s.empty() ? "" : ", ") + std::string(d::ToString(e));
  return s;
}

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& e : v) s += (s.empty() ? "" : ", ") + e;
  return s;
}

void WriteRow(std::ostream& out, const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out << kDelimiter;
    out << Cell(cells[i]);
  }
  out << "\r\n";
}

}  // namespace

CatalogCsvWriter::CatalogCsvWriter(std::ostream& out, const d::ReferenceData& ref)
    : out_(out), ref_(ref) {
  out_ << "\xEF\xBB\xBF";
  std::vector<std::string> header;
  for (const Column& c : kColumns) header.emplace_back(c.name);
  WriteRow(out_, header);
}

void CatalogCsvWriter::Add(const d::Provider& p) {
  provider_index_.emplace(p.id, providers_.size());
  providers_.push_back(p);
  provider_used_.push_back(false);
}

void CatalogCsvWriter::Add(const d::Location& l) {
  location_index_.emplace(l.id, locations_.size());
  locations_.push_back(l);
  location_used_.push_back(false);
}

void CatalogCsvWriter::Add(const d::Offer& o) {
  Row(UseProvider(o.provider_id), UseLocation(o.location_id), &o);
}

const d::Provider* CatalogCsvWriter::UseProvider(const std::string& id) {
  auto it = provider_index_.find(id);
  if (it == provider_index_.end()) return nullptr;
  provider_used_[it->second] = true;
  return &providers_[it->second];
}

const d::Location* CatalogCsvWriter::UseLocation(const std::string& id) {
  auto it = location_index_.find(id);
  if (it == location_index_.end()) return nullptr;
  location_used_[it->second] = true;
  return &locations_[it->second];
}

void CatalogCsvWriter::Finish() {
  for (size_t i = 0; i < locations_.size(); ++i) {
    if (location_used_[i]) continue;
    Row(UseProvider(locations_[i].provider_id), &locations_[i], nullptr);
  }
  for (size_t i = 0; i < providers_.size(); ++i)
    if (!provider_used_[i]) Row(&providers_[i], nullptr, nullptr);
}

void CatalogCsvWriter::Row(const d::Provider* p, const d::Location* l, const d::Offer* o) {
  std::vector<std::string> c(kColumnCount);
  auto set = [&](std::string_view name, std::string value) { c[Col(name)] = std::move(value); };
  if (p != nullptr) {
    set("aanbieder_id", p->id);
    set("aanbieder_naam", p->name);
    set("agb_code", p->agb_code);
    set("kvk_nummer", p->kvk_number);
    set("ura_nummer", p->ura_number);
    set("website", p->website);
    set("gevestigd", p->established ? "ja" : "nee");
  }
  if (l != nullptr) {
    set("locatie_id", l->id);
    set("locatie_naam", l->name);
    set("adres", l->address);
    set("gemeentecode", l->municipality_code);
    set("breedtegraad", DecimalNl(l->position.lat));
    set("lengtegraad", DecimalNl(l->position.lon));
  }
  if (o != nullptr) {
    set("aanbod_id", o->id);
    set("aanbod_naam", o->name);
    set("soort", std::string(d::ToString(o->kind)));
    set("omschrijving", o->description);
    set("sectoren", JoinEnums(o->sectors));
    set("zorgprofielen", Join(o->profiles));
    set("leveringsvormen", JoinEnums(o->delivery_forms));
    set("capaciteit", std::to_string(o->capacity));
    set("vrije_plaatsen", std::to_string(o->free_places));
    set("wachtenden", std::to_string(o->waiting_people));
    set("wachttijd_weken", std::to_string(o->waiting_weeks));
    set("zorgkantoren_in_natura", Join(o->contracted_regions));
    std::string features;
    for (const auto& f : o->features) {
      const d::Feature* def = ref_.FindFeature(f.feature_id);
      const bool yes_no = def != nullptr && def->kind == d::FeatureKind::kYesNo;
      features += (features.empty() ? "" : "; ") + f.feature_id + "=" +
                  (yes_no ? (f.value != 0 ? "ja" : "nee") : DecimalNl(f.value));
    }
    set("kenmerken", features);
    if (const d::QualityNote* n = Newest(o->quality, d::QualityKind::kReviews)) {
      set("cijfer_clienten", DecimalNl(n->score));
      set("aantal_beoordelingen", std::to_string(n->reviews));
      set("cijfer_bron", n->source);
      set("cijfer_datum", n->measured);
    }
    if (const d::QualityNote* n = Newest(o->quality, d::QualityKind::kInspection)) {
      set("inspectie_uitkomst", std::string(d::LabelNl(n->outcome)));
      set("inspectie_datum", n->measured);
      set("inspectie_link", n->link);
    }
    set("werkgebied_km", DecimalNl(o->service_radius_km));
    set("tijdelijk", o->temporary ? "ja" : "nee");
    set("intake_contact", o->intake_contact);
    set("intake_eisen", o->intake_requirements);
    set("plaatsen_bijgewerkt", o->places_updated);
    set("gegevens_bijgewerkt", o->details_updated);
  }
  WriteRow(out_, c);
}

std::string CatalogCsvTemplate(const d::ReferenceData& ref) {
  // The example: a care home in Maastricht (or the first municipality the reference data
  // has), with a profile and a feature the reference data knows.
  const d::Municipality* m = ref.FindMunicipality("GM0935");
  if (m == nullptr && !ref.municipalities().empty()) m = &ref.municipalities().front();
  const d::CareProfile* profile = ref.FindProfile("5VV");
  if (profile == nullptr && !ref.profiles().empty()) profile = &ref.profiles().front();
  d::Provider p;
  p.id = "prv-voorbeeld";
  p.name = "Zorggroep Voorbeeld";
  p.website = "https://www.voorbeeld.nl";
  p.kvk_number = "12345678";
  d::Location l;
  l.id = "loc-voorbeeld";
  l.provider_id = p.id;
  l.name = "Huize De Linde";
  l.address = "Lindelaan 1";
  if (m != nullptr) {
    l.municipality_code = m->code;
    l.position = m->centroid;
  }
  d::Offer o;
  o.id = "off-voorbeeld";
  o.provider_id = p.id;
  o.location_id = l.id;
  o.kind = d::OfferKind::kWonen;
  o.name = "Kleinschalig wonen";
  o.description = "Wonen in een groep van acht, met een eigen kamer";
  if (profile != nullptr) {
    o.sectors = {profile->sector};
    o.profiles = {profile->code};
  }
  o.delivery_forms = {d::DeliveryForm::kVerblijf, d::DeliveryForm::kPgb};
  o.capacity = 16;
  o.free_places = 2;
  o.waiting_people = 3;
  o.waiting_weeks = 6;
  if (m != nullptr) o.contracted_regions = {m->zorgkantoor_code};
  for (const auto& f : ref.features())
    if (o.features.size() < 2 && f.kind == d::FeatureKind::kYesNo) o.features.push_back({f.id, 1});
  o.intake_contact = "043 123 45 67";
  o.intake_requirements = "Een indicatie van het CIZ";
  std::ostringstream out;
  CatalogCsvWriter w(out, ref);
  w.Add(p);
  w.Add(l);
  w.Add(o);
  w.Finish();
  return out.str();
}

}  // namespace passend::interop
