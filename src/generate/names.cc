#include "generate/names.h"

#include <cctype>

namespace passend::generate {
namespace {

// First names by generation. Old: born before 1950; middle: 1950-1975; young: after.
const char* const kWomenOld[] = {"Maria",    "Johanna",   "Anna",      "Wilhelmina", "Cornelia",
                                 "Hendrika", "Elisabeth", "Catharina", "Petronella", "Geertruida",
                                 "Riet",     "Truus",     "Mien",      "Annie",      "Bep",
                                 "Gerda",    "Corrie",    "Tiny",      "Jo",         "Nel"};
const char* const kMenOld[] = {"Johannes", "Hendrikus", "Cornelis", "Jan",    "Piet",
                               "Gerrit",   "Willem",    "Theo",     "Henk",   "Kees",
                               "Antonius", "Gerardus",  "Frans",    "Bertus", "Wim",
                               "Joop",     "Toon",      "Harry",    "Klaas",  "Dirk"};
const char* const kWomenMid[] = {"Marianne", "Monique", "Ingrid", "Yvonne",  "Annemarie",
                                 "Carla",    "Wilma",   "Petra",  "Margo",   "Els",
                                 "Marjan",   "Ria",     "Anita",  "Hanneke", "Jacqueline"};
const char* const kMenMid[] = {"Peter", "Hans", "Gerard", "Rob", "Frank", "Ton",  "Paul",  "Marcel",
                               "René",  "Erik", "Ad",     "Jos", "Leo",   "Ruud", "Wouter"};
const char* const kWomenYoung[] = {"Sanne", "Lisa",  "Anouk", "Fleur",  "Lotte", "Eva",
                                   "Iris",  "Femke", "Noor",  "Sophie", "Esmee", "Kim",
                                   "Laura", "Britt", "Naomi", "Jessica"};
const char* const kMenYoung[] = {"Daan",  "Thijs", "Bram",  "Luuk",  "Sem",    "Jesse",
                                 "Tim",   "Niels", "Ruben", "Stijn", "Jeroen", "Kevin",
                                 "Joris", "Bas",   "Milan", "Dennis"};
// Limburg forms, used for older people in Limburg alongside the general ones.
const char* const kWomenLimburg[] = {"Mia",  "Lies", "Gertie", "Truus", "Mariet",
                                     "Finy", "Jet",  "Thea",   "Lenie", "Sjaan"};
const char* const kMenLimburg[] = {"Sjef", "Jeu",  "Sjaak", "Harie", "Zjef", "Jup",
                                   "Sjra", "Huub", "Wiel",  "Lei",   "Bèr",  "Mathieu"};
const char* const kWomenTm[] = {"Fatima", "Aicha", "Khadija", "Ayşe",   "Hatice",  "Emine",
                                "Malika", "Naima", "Zeynep",  "Samira", "Yasmina", "Elif"};
const char* const kMenTm[] = {"Mohamed", "Ahmet",   "Mustafa", "Hassan", "Abdelkader", "Mehmet",
                              "Said",    "Youssef", "Hüseyin", "Ali",    "Omar",       "Ibrahim"};
const char* const kWomenSa[] = {"Sharda", "Shanti", "Gislaine", "Marisol", "Rita",
                                "Joyce",  "Sandra", "Priya",    "Anjali"};
const char* const kMenSa[] = {"Radjesh", "Ashwin", "Errol", "Ricardo", "Ramon",
                              "Glenn",   "Roy",    "Sunil", "Hugo"};

const char* const kSurnames[] = {
    "de Jong",       "Jansen",        "de Vries",   "van den Berg", "van Dijk",
    "Bakker",        "Visser",        "Smit",       "Meijer",       "de Boer",
    "Mulder",        "de Groot",      "Bos",        "Vos",          "Peters",
    "Hendriks",      "van Leeuwen",   "Dekker",     "Brouwer",      "de Wit",
    "Dijkstra",      "Smits",         "de Graaf",   "van der Meer", "van der Linden",
    "Kok",           "Jacobs",        "de Haan",    "Vermeulen",    "van den Heuvel",
    "van der Veen",  "van den Broek", "de Bruijn",  "de Bruin",     "van der Heijden",
    "Schouten",      "van Beek",      "Willems",    "van Vliet",    "van de Ven",
    "Hoekstra",      "Maas",          "Verhoeven",  "Koster",       "van Dam",
    "Prins",         "Blom",          "Huisman",    "Peeters",      "de Lange",
    "Kuipers",       "van Wijk",      "Postma",     "Veenstra",     "Kramer",
    "van den Bosch", "Vonk",          "Timmermans", "Groen",        "Sanders"};
const char* const kSurnamesLimburg[] = {
    "Janssen",  "Frijns",  "Coenen",     "Ramakers",  "Lemmens",     "Vrancken",  "Schepers",
    "Meertens", "Houben",  "Dassen",     "Notermans", "Kessels",     "Bemelmans", "Hermans",
    "Vliegen",  "Wetzels", "Crombach",   "Bessems",   "Geurts",      "Kusters",   "Pluijmen",
    "Schreurs", "Lenssen", "Knops",      "Habets",    "Brouns",      "Ubachs",    "Moonen",
    "Paffen",   "Rutten",  "Steinbusch", "Ortmans",   "Op den Camp", "Vossen"};
const char* const kSurnamesTm[] = {"Yilmaz", "El Amrani", "Kaya",   "Boukhari", "Demir",
                                   "Öztürk", "Bennani",   "Çelik",  "Aydın",    "El Idrissi",
                                   "Şahin",  "Ouali",     "Arslan", "Benali"};
const char* const kSurnamesSa[] = {"Rambaran", "Soekhlal",   "Martina",  "Pinas",
                                   "Ramdin",   "Jagessar",   "Doelwijt", "Sedney",
                                   "Kromo",    "Bhagwandin", "Isenia",   "Felida"};

const char* const kStreets[] = {"Kerkstraat",
                                "Molenweg",
                                "Dorpstraat",
                                "Stationsstraat",
                                "Julianastraat",
                                "Wilhelminalaan",
                                "Beatrixstraat",
                                "Lindelaan",
                                "Kastanjelaan",
                                "Eikenlaan",
                                "Schoolstraat",
                                "Hoofdstraat",
                                "Nieuwstraat",
                                "Markt",
                                "Prins Hendrikstraat",
                                "Irenestraat",
                                "Parklaan",
                                "Emmastraat",
                                "Akkerweg",
                                "Rozenstraat",
                                "Tulpstraat",
                                "Beukenlaan",
                                "Oranjestraat",
                                "Kloosterstraat",
                                "Veldweg",
                                "Burgemeester de Withstraat",
                                "Sportlaan",
                                "Zonnebloemstraat",
                                "Vlierweg",
                                "Kapelstraat"};

const char* const kProviderKinds[] = {"Zorggroep",  "Stichting",      "Woonzorg",
                                      "Zorgcentra", "Zorgcollectief", "Zorgpartners"};
const char* const kProviderWords[] = {
    "De Linde",     "Het Anker",  "De Horst",      "Maasduin",     "De Waterlelie", "Het Baken",
    "De Zonnehoek", "Het Kompas", "De Lindehof",   "Vitalis Oost", "De Boomgaard",  "Het Palet",
    "Samen Thuis",  "De Bron",    "Het Lichtpunt", "De Brug"};
const char* const kLimburgWords[] = {"Heuvelland", "Mergelland", "Geuldal",
                                     "Maasoever",  "Parkstad",   "Westelijke Mijnstreek",
                                     "Voerdal",    "Kempen"};
const char* const kSmallKinds[] = {"Zorgboerderij", "Kleinschalig Wonen", "Thuiszorg",
                                   "Woonhuis",      "Zorginitiatief",     "Logeerhuis"};
const char* const kSmallWords[] = {"De Hoeve",  "Het Erf",    "Klein Geluk",   "De Wei",
                                   "Het Nest",  "De Vlinder", "Ons Huis",      "De Kastanje",
                                   "Het Hofje", "Zonnewende", "De Appelgaard", "Bij Mien"};
const char* const kLocationKinds[] = {"Huize",     "Woonzorgcentrum", "Woonhuis", "Locatie",
                                      "Paviljoen", "Residentie",      "Woonpark"};
const char* const kLocationWords[] = {"De Bongerd", "De Wingerd",  "Het Hofje",   "De Weide",
                                      "Rozenhof",   "Lindenhof",   "De Kempkens", "Het Spectrum",
                                      "Zonneveld",  "De Haven",    "Beukenrode",  "De Meander",
                                      "Elzenhof",   "Het Bolwerk", "De Eik",      "Ter Linde"};
const char* const kSaints[] = {"Sint Jozef",        "Sint Anna",    "Sint Servaas",
                               "Maria Auxiliadora", "Sint Barbara", "Sint Hubertus"};

template <size_t N>
std::string Any(Rng& rng, const char* const (&a)[N]) {
  return a[static_cast<size_t>(rng.UniformInt(0, static_cast<int>(N) - 1))];
}

}  // namespace

Background DrawBackground(Rng& rng, PlaceContext ctx, int birth_year) {
  // Older generations are less often of migrant origin; big cities far more often.
  const bool older = birth_year < 1950;
  const double tm = ctx.big_city ? (older ? 0.08 : 0.20) : (older ? 0.01 : 0.05);
  const double sa = ctx.big_city ? (older ? 0.05 : 0.10) : (older ? 0.005 : 0.02);
  const double u = rng.Uniform();
  if (u < tm) return Background::kTurkishMoroccan;
  if (u < tm + sa) return Background::kSurinameseAntillean;
  return ctx.limburg && rng.Bernoulli(0.75) ? Background::kLimburg : Background::kDutch;
}

bool IsMuslimBackground(Background b) { return b == Background::kTurkishMoroccan; }

std::string FirstName(Rng& rng, bool female, int birth_year, Background b) {
  switch (b) {
    case Background::kTurkishMoroccan: return female ? Any(rng, kWomenTm) : Any(rng, kMenTm);
    case Background::kSurinameseAntillean: return female ? Any(rng, kWomenSa) : Any(rng, kMenSa);
    case Background::kLimburg:
      if (birth_year < 1960 && rng.Bernoulli(0.4))
        return female ? Any(rng, kWomenLimburg) : Any(rng, kMenLimburg);
      break;
    case Background::kDutch: break;
  }
  if (birth_year < 1950) return female ? Any(rng, kWomenOld) : Any(rng, kMenOld);
  if (birth_year < 1976) return female ? Any(rng, kWomenMid) : Any(rng, kMenMid);
  return female ? Any(rng, kWomenYoung) : Any(rng, kMenYoung);
}

std::string Surname(Rng& rng, Background b) {
  switch (b) {
    case Background::kTurkishMoroccan: return Any(rng, kSurnamesTm);
    case Background::kSurinameseAntillean: return Any(rng, kSurnamesSa);
    case Background::kLimburg:
      return rng.Bernoulli(0.65) ? Any(rng, kSurnamesLimburg) : Any(rng, kSurnames);
    case Background::kDutch: break;
  }
  return Any(rng, kSurnames);
}

std::string StreetAddress(Rng& rng) {
  return Any(rng, kStreets) + " " + std::to_string(rng.UniformInt(1, 180));
}

std::string ProviderName(Rng& rng, bool small, PlaceContext ctx, const std::string& town) {
  if (small) return Any(rng, kSmallKinds) + " " + Any(rng, kSmallWords);
  const double u = rng.Uniform();
  if (ctx.limburg && u < 0.35) return Any(rng, kProviderKinds) + " " + Any(rng, kLimburgWords);
  if (u < 0.6) return Any(rng, kProviderKinds) + " " + Any(rng, kProviderWords);
  return Any(rng, kProviderKinds) + " " + town;
}

std::string WebsiteFor(const std::string& provider_name) {
  std::string slug;
  for (unsigned char c : provider_name) {
    if (std::isalnum(c)) {
      slug += static_cast<char>(std::tolower(c));
    } else if (c < 0x80 && !slug.empty() && slug.back() != '-') {
      slug += '-';
    }  // non-ASCII letters (é, ü) are dropped from the host name
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return "https://" + slug + ".example";
}

std::string LocationName(Rng& rng, PlaceContext ctx) {
  if (ctx.limburg && rng.Bernoulli(0.25)) return "Woonzorgcentrum " + Any(rng, kSaints);
  return Any(rng, kLocationKinds) + " " + Any(rng, kLocationWords);
}

}  // namespace passend::generate
