// Places that matter: family, work, day activity, club and church, near home, each with
// the distance the client is willing to live from it.
#include <cmath>

#include "generate/client_parts.h"

namespace passend::generate {
namespace {

using domain::PlaceKind;
using domain::Sector;

constexpr const char* kClubsAny[] = {"voetbalclub", "zangkoor",   "biljartclub",       "kaartclub",
                                     "zwemclub",    "wandelclub", "handbalvereniging", "buurthuis"};
constexpr const char* kClubsLimburg[] = {"harmonie", "schutterij", "carnavalsvereniging",
                                         "mannenkoor"};
constexpr const char* kWork[] = {"werk bij de supermarkt", "werk bij de fietsenmaker",
                                 "werk in de kantine",     "werk bij de kinderboerderij",
                                 "werk bij de gemeente",   "werk in het tuincentrum"};
constexpr const char* kDagbesteding[] = {"dagbesteding De Vlinder", "dagbesteding Het Atelier",
                                         "dagbesteding op de boerderij", "ontmoetingscentrum"};

double MaxKm(Rng& rng) {
  const double options[] = {3, 5, 10, 15, 20};
  const double w[] = {0.15, 0.3, 0.3, 0.15, 0.1};
  return options[rng.Weighted(w)];
}

domain::Importance PlaceImportance(Rng& rng) {
  const double u = rng.Uniform();
  return u < 0.3 ? domain::Importance::kMust
                 : (u < 0.8 ? domain::Importance::kImportant : domain::Importance::kNice);
}

// Family: about half live within 5 km, a long tail further away (a son in another part
// of the country): log-normal with median 5 km (sd of the log 1.1: 5% beyond 30 km),
// at most 150 km.
domain::GeoPoint FamilyNear(Rng& rng, domain::GeoPoint home) {
  const double km = std::min(150.0, 5.0 * std::exp(rng.Normal(0, 1.1)));
  return Near(rng, home, km * 0.95, km * 1.05 + 0.1);
}

std::string FamilyLabel(Rng& rng, const domain::Client& c, const Person& p) {
  const bool elderly = c.sector == Sector::kVV;
  const bool child = p.age < 18;
  const char* relation;
  bool female;
  if (elderly) {
    const double u = rng.Uniform();
    relation = u < 0.4 ? "dochter" : (u < 0.75 ? "zoon" : (u < 0.9 ? "zus" : "kleindochter"));
    female = relation[0] != 'z' || relation[1] == 'u';
  } else if (child || rng.Bernoulli(0.6)) {
    return "ouders";
  } else {
    relation = rng.Bernoulli(0.5) ? "zus" : "broer";
    female = relation[0] == 'z';
  }
  const int birth_year = elderly ? kReferenceYear - p.age + 30 : kReferenceYear - p.age;
  return std::string(relation) + " " + FirstName(rng, female, birth_year, p.background);
}

}  // namespace

std::vector<domain::Place> DrawPlaces(Rng& rng, const domain::Client& c, const Person& p) {
  std::vector<domain::Place> out;
  const bool elderly = c.sector == Sector::kVV;
  const double family_p = elderly ? 0.8 : (c.sector == Sector::kVG ? 0.7 : 0.55);
  if (rng.Bernoulli(family_p)) {
    const int n = rng.Bernoulli(0.25) ? 2 : 1;
    for (int k = 0; k < n; ++k)
      out.push_back({PlaceKind::kFamilie, FamilyLabel(rng, c, p), FamilyNear(rng, c.home),
                     MaxKm(rng), PlaceImportance(rng)});
  }
  // People with profound multiple disabilities (8VG) do not go out to work.
  const bool adult_working_age = p.age >= 18 && p.age < 67 && c.profile != "8VG";
  const double work_p = !adult_working_age                                     ? 0
                        : c.sector == Sector::kLVG                             ? 0.35
                        : (c.sector == Sector::kVG || c.sector == Sector::kLG) ? 0.18
                        : c.sector == Sector::kGgzW                            ? 0.1
                                                                               : 0.05;
  if (rng.Bernoulli(work_p))
    out.push_back({PlaceKind::kWerk, rng.Pick(kWork), Near(rng, c.home, 1, 12), MaxKm(rng) + 5,
                   PlaceImportance(rng)});
  const double day_p = Seeks(c, domain::OfferKind::kDagbesteding) ? 0.3 : (elderly ? 0.1 : 0.35);
  if (rng.Bernoulli(day_p))
    out.push_back({PlaceKind::kDagbesteding, rng.Pick(kDagbesteding), Near(rng, c.home, 0.5, 10),
                   MaxKm(rng), PlaceImportance(rng)});
  if (rng.Bernoulli(elderly ? 0.15 : 0.2)) {
    // Harmonie, schutterij and carnival clubs belong to the Catholic south.
    const bool local = (p.context.limburg || p.context.brabant) && rng.Bernoulli(0.5);
    out.push_back({PlaceKind::kClub, local ? rng.Pick(kClubsLimburg) : rng.Pick(kClubsAny),
                   Near(rng, c.home, 0.3, 6), MaxKm(rng), PlaceImportance(rng)});
  }
  const bool muslim = IsMuslimBackground(p.background);
  const bool catholic_south = p.context.limburg || p.context.brabant;
  const double church_p =
      muslim ? 0.4
             : (catholic_south ? 0.3 : (p.context.bible_belt ? 0.3 : 0.12)) * (elderly ? 1 : 0.4);
  if (rng.Bernoulli(church_p)) {
    const char* label = muslim ? "moskee" : (catholic_south ? "parochiekerk" : "kerk");
    out.push_back(
        {PlaceKind::kKerk, label, Near(rng, c.home, 0.3, 5), MaxKm(rng), PlaceImportance(rng)});
  }
  return out;
}

}  // namespace passend::generate
