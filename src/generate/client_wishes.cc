// Wishes: what matters to the client, per sector group, in their own words where the
// table has a phrase; plus culture-bound wishes (faith, dialect, language) from region
// and background, and free-text wishes that fit no feature of the vocabulary.
#include <span>
#include <string_view>

#include "generate/client_parts.h"
#include "generate/feature_rules.h"

namespace passend::generate {
namespace {

using domain::OfferKind;

enum class When : uint8_t { kAny, kWonen, kDagbesteding, kLogeren, kZorgThuis };

// Who can hold the wish: a child does not wish an own apartment or paid work, a woman
// does not ask not to be washed by a man... (issue 18: wishes follow age, sex, profile).
enum class Who : uint8_t {
  kAll,
  kAdult,  // 18 and over
  kChild,  // under 18
  kWoman,
  kMan,
  kWorkable,    // adult, not 8VG (profound multiple disabilities): work-type activities
  kYoungWoman,  // a woman of 18 to 45 (mother-and-child housing)
};

struct WishChance {
  std::string_view id;
  double p;           // share of clients (of this group, seeking the kind) with the wish
  double must = 0.2;  // of those, the share for whom it is a must
  When when = When::kAny;
  int lo = 1, hi = 1;  // wished level or amount
  std::string_view text = {};
  Who who = Who::kAll;
};

// Elderly care. Demand for small-scale living and pets deliberately exceeds the offer.
const WishChance kElderly[] = {
    {"kleinschalig_wonen", 0.40, 0.3, When::kWonen, 1, 1,
     "Liever een kleine groep, geen groot huis"},
    {"eigen_kamer", 0.6, 0.4, When::kWonen},
    {"eigen_badkamer", 0.45, 0.3, When::kWonen, 1, 1, "Een eigen wc en douche"},
    {"huisdier_toegestaan", 0.12, 0.45, When::kWonen, 1, 1, "Mijn kat moet mee kunnen"},
    {"tuin", 0.35, 0.15, When::kWonen},
    {"tuin_wandelen", 0.25, 0.2, When::kWonen},
    {"rustige_omgeving", 0.3, 0.15, When::kAny, 2, 3},
    {"levendige_omgeving", 0.1, 0.1, When::kWonen, 2, 3, "Ik wil wat te zien hebben"},
    {"eigen_meubels", 0.4, 0.2, When::kWonen, 1, 1, "Mijn eigen stoel en kast meenemen"},
    {"samenwonen_partner", 0.06, 0.6, When::kWonen, 1, 1, "Samen met mijn man blijven wonen"},
    {"stadscentrum", 0.15, 0.1, When::kWonen},
    {"landelijk", 0.12, 0.1, When::kWonen},
    {"bezoek_altijd_welkom", 0.4, 0.3},
    {"logeerkamer_familie", 0.08, 0.1, When::kWonen},
    {"familieparticipatie", 0.2, 0.2},
    {"gezamenlijke_maaltijd", 0.25, 0.1},
    {"vaste_begeleiders", 0.35, 0.3, When::kAny, 1, 1, "Vaste gezichten om me heen"},
    {"zelf_opstaan_tijd", 0.25, 0.25, When::kAny, 1, 1, "Uitslapen als ik dat wil"},
    {"zelf_bedtijd", 0.2, 0.2},
    {"vroeg_ontbijt", 0.10, 0.3, When::kWonen, 1, 1, "Vroeg ontbijten, ik ben altijd vroeg op"},
    {"warme_maaltijd_avond", 0.12, 0.1},
    {"alcohol_toegestaan", 0.15, 0.1, When::kAny, 1, 1, "Op zondag een borreltje"},
    {"rookruimte", 0.05, 0.4, When::kWonen},
    {"muziek_en_zang", 0.2, 0.1},
    {"uitstapjes", 0.15, 0.1},
    {"computer_internet", 0.08, 0.2, When::kAny, 1, 1, "Beeldbellen met mijn kleinkinderen"},
    {"valpreventie", 0.1, 0.2},
    {"dagbesteding_op_locatie", 0.15, 0.2, When::kWonen},
    {"ouderen_groep", 0.5, 0.2, When::kDagbesteding},
    {"muziek", 0.2, 0.1, When::kDagbesteding},
    {"dagbesteding_dagen", 0.6, 0.2, When::kDagbesteding, 2, 4},
    {"vervoer_geregeld", 0.5, 0.3, When::kDagbesteding, 1, 1, "Iemand die me ophaalt en brengt"},
    {"zorgboerderij", 0.08, 0.2, When::kDagbesteding},
    {"logeren_vakantie", 0.5, 0.3, When::kLogeren, 1, 1, "Als mijn dochter op vakantie is"},
    {"logeren_weekend", 0.4, 0.2, When::kLogeren},
    {"logeren_nachten", 0.6, 0.2, When::kLogeren, 2, 7},
    {"nachtzorg_oproep", 0.4, 0.4, When::kZorgThuis},
    {"personenalarmering", 0.3, 0.3, When::kZorgThuis},
    {"zorg_uren_week", 0.5, 0.2, When::kZorgThuis, 4, 20},
    {"hulp_huishouden", 0.3, 0.2, When::kZorgThuis},
    {"verzorging_door_vrouw", 0.15, 0.5, When::kAny, 1, 1, "Niet door een man gewassen worden",
     Who::kWoman},
    {"verzorging_door_man", 0.03, 0.3, When::kAny, 1, 1, {}, Who::kMan},
    {"warme_begeleiding", 0.3, 0.2, When::kAny, 1, 1, "Iemand die echt de tijd neemt"},
    {"vrij_in_groepsactiviteiten", 0.12, 0.2, When::kWonen, 1, 1,
     "Niet verplicht meedoen met de bingo"},
    {"eigen_maaltijdtijden", 0.08, 0.2, When::kWonen},
    {"ruimte_eigen_spullen", 0.15, 0.2, When::kWonen},
    {"geestelijke_verzorging", 0.08, 0.1},
    {"vegetarisch_eten", 0.03, 0.5},
    {"eigen_huisarts", 0.15, 0.3, When::kAny, 1, 1, "Mijn eigen huisarts houden"},
    {"levenseinde_euthanasie_bespreekbaar", 0.04, 0.5, When::kWonen},
    {"wzd_terughoudend", 0.05, 0.3, When::kWonen},
    {"partner_blijft_slapen", 0.03, 0.3, When::kWonen},
    {"voorlopig_thuis_wonen", 0.35, 0.4, When::kZorgThuis, 1, 1, "Zo lang het kan thuis blijven"},
    {"lotgenotencontact", 0.05, 0.1},
};

// Intellectual disability (VG, LVG): living on one's own is wished far more often than it
// is offered; the experiments warn against sweeping that wish off the table.
const WishChance kIntellectual[] = {
    {"eigen_kamer", 0.5, 0.4, When::kWonen},
    {"eigen_appartement", 0.25, 0.3, When::kWonen, 1, 1, "Op mezelf wonen, met mijn eigen voordeur",
     Who::kAdult},
    {"zelfstandig_wonen_begeleiding", 0.2, 0.3, When::kWonen, 1, 1, {}, Who::kAdult},
    {"vaste_begeleiders", 0.55, 0.4, When::kAny, 1, 1, "Begeleiders die ik ken"},
    {"structuur_dagritme", 0.35, 0.3, When::kAny, 2, 3},
    {"prikkelarm", 0.15, 0.3, When::kAny},
    {"rustige_omgeving", 0.3, 0.2, When::kAny, 2, 3},
    {"huisdier_toegestaan", 0.1, 0.3, When::kWonen, 1, 1, "Mijn konijn mag mee"},
    {"sport_bewegen", 0.3, 0.1},
    {"muziek", 0.25, 0.1},
    {"computer_internet", 0.3, 0.2, When::kAny, 1, 1, "Gamen op mijn kamer"},
    {"arbeidsmatige_dagbesteding", 0.35, 0.3, When::kDagbesteding, 1, 1, "Echt werk doen",
     Who::kWorkable},
    {"zorgboerderij", 0.12, 0.3, When::kDagbesteding},
    {"dieren_verzorgen", 0.15, 0.2, When::kDagbesteding},
    {"technisch_werk", 0.1, 0.2, When::kDagbesteding, 1, 1, {}, Who::kWorkable},
    {"winkel_horeca_werk", 0.1, 0.2, When::kDagbesteding, 1, 1, {}, Who::kWorkable},
    {"zintuiglijke_activiteiten", 0.15, 0.2, When::kDagbesteding},
    {"kinderdagcentrum", 0.6, 0.4, When::kDagbesteding, 1, 1, {}, Who::kChild},
    {"school_samenwerking", 0.35, 0.3, When::kAny, 1, 1, "Dat school en zorg samenwerken",
     Who::kChild},
    {"gezinshuis", 0.3, 0.3, When::kWonen, 1, 1, "Opgroeien in een gezin", Who::kChild},
    {"kamer_op_slot", 0.1, 0.2, When::kWonen, 1, 1, "Een kamer die ik op slot kan doen",
     Who::kAdult},
    {"relaties_intimiteit", 0.08, 0.2, When::kWonen, 1, 1, {}, Who::kAdult},
    {"partner_blijft_slapen", 0.05, 0.3, When::kWonen, 1, 1, "Mijn vriendin mag blijven slapen",
     Who::kAdult},
    {"warme_begeleiding", 0.2, 0.2},
    {"vrij_in_groepsactiviteiten", 0.08, 0.1, When::kWonen, 1, 1, {}, Who::kAdult},
    {"wzd_terughoudend", 0.08, 0.3, When::kWonen},
    {"creatieve_activiteiten", 0.25, 0.1, When::kDagbesteding},
    {"vervoer_geregeld", 0.4, 0.3, When::kDagbesteding},
    {"dagbesteding_dagen", 0.6, 0.2, When::kDagbesteding, 3, 5},
    {"logeren_weekend", 0.6, 0.4, When::kLogeren, 1, 1, "Eens per maand een weekend logeren"},
    {"logeren_nachten", 0.5, 0.2, When::kLogeren, 2, 8},
    {"contact_buurt", 0.2, 0.1},
    {"familieparticipatie", 0.35, 0.3, When::kAny, 1, 1, "Mijn ouders blijven betrokken"},
    {"bezoek_altijd_welkom", 0.3, 0.2},
    {"gezamenlijke_maaltijd", 0.3, 0.1},
    {"eigen_geld_beheer", 0.1, 0.2, When::kAny, 1, 1, {}, Who::kAdult},
    {"training_zelfstandigheid", 0.1, 0.3},
    {"budget_in_tijd", 0.05, 0.1},
    {"lhbti_vriendelijk", 0.02, 0.3, When::kAny, 1, 1, {}, Who::kAdult},
    {"zorg_uren_week", 0.4, 0.2, When::kZorgThuis, 3, 12},
};

// Young adults with a mild intellectual disability (LVG, 18-23).
const WishChance kYoungLvb[] = {
    {"eigen_appartement", 0.5, 0.4, When::kWonen, 1, 1,
     "Later zelf een huisje, met hulp als het nodig is"},
    {"training_zelfstandigheid", 0.5, 0.3},
    {"eigen_geld_beheer", 0.35, 0.3, When::kAny, 1, 1, "Zelf mijn geld regelen"},
    {"jongeren_groep", 0.6, 0.3, When::kAny, 1, 1, "Bij jongeren van mijn leeftijd"},
    {"betaald_werk_begeleiding", 0.3, 0.3, When::kAny, 1, 1, "Een echte baan"},
    {"sport_bewegen", 0.35, 0.1},
    {"computer_internet", 0.5, 0.3},
    {"vaste_begeleiders", 0.4, 0.3},
    {"rookruimte", 0.2, 0.3, When::kWonen},
    {"stadscentrum", 0.25, 0.1, When::kWonen},
    {"technisch_werk", 0.25, 0.2, When::kDagbesteding},
    {"winkel_horeca_werk", 0.2, 0.2, When::kDagbesteding},
    {"moeder_kind_intensief", 0.03, 0.7, When::kWonen, 1, 1, "Samen met mijn baby wonen",
     Who::kYoungWoman},
    {"relaties_intimiteit", 0.12, 0.2, When::kWonen},
};

// Physical and sensory disability.
const WishChance kPhysical[] = {
    {"eigen_appartement", 0.5, 0.5, When::kWonen, 1, 1, "Mijn eigen voordeur", Who::kAdult},
    {"rolstoeltoegankelijk", 0.6, 0.7, When::kAny},
    {"domotica", 0.4, 0.2, When::kAny, 1, 1, "Zelf deuren en licht bedienen"},
    {"zelfstandigheid_ruimte", 0.4, 0.3, When::kAny, 3, 3},
    {"eigen_keuken", 0.3, 0.2, When::kWonen, 1, 1, {}, Who::kAdult},
    {"sportclub_bereikbaar", 0.15, 0.2},
    {"computer_internet", 0.4, 0.2},
    {"stadscentrum", 0.25, 0.1, When::kWonen},
    {"samenwonen_partner", 0.08, 0.6, When::kWonen, 1, 1, {}, Who::kAdult},
    {"huisdier_toegestaan", 0.1, 0.4, When::kWonen, 1, 1, "Mijn hulphond woont bij mij"},
    {"betaald_werk_begeleiding", 0.1, 0.2, When::kDagbesteding, 1, 1, {}, Who::kWorkable},
    {"sport_bewegen", 0.3, 0.1, When::kDagbesteding},
    {"creatieve_activiteiten", 0.2, 0.1, When::kDagbesteding},
    {"nachtzorg_oproep", 0.4, 0.4, When::kZorgThuis},
    {"zorg_uren_week", 0.5, 0.2, When::kZorgThuis, 8, 30},
    {"zelf_opstaan_tijd", 0.35, 0.3, When::kAny, 1, 1, "Zelf bepalen wanneer ik word geholpen"},
    {"zelf_bedtijd", 0.3, 0.2},
    {"logeren_weekend", 0.4, 0.2, When::kLogeren},
    {"verzorging_door_vrouw", 0.2, 0.5, When::kAny, 1, 1, {}, Who::kWoman},
    {"verzorging_door_man", 0.1, 0.4, When::kAny, 1, 1, {}, Who::kMan},
    {"relaties_intimiteit", 0.08, 0.2, When::kWonen, 1, 1, {}, Who::kAdult},
    {"partner_blijft_slapen", 0.08, 0.3, When::kWonen, 1, 1, {}, Who::kAdult},
    {"kamer_op_slot", 0.1, 0.2, When::kWonen},
    {"lotgenotencontact", 0.1, 0.1},
    {"eigen_huisarts", 0.2, 0.3},
    {"school_samenwerking", 0.4, 0.3, When::kAny, 1, 1, {}, Who::kChild},
    {"kinderdagcentrum", 0.4, 0.3, When::kDagbesteding, 1, 1, {}, Who::kChild},
};

// Mental health (GGZ).
const WishChance kMental[] = {
    {"eigen_appartement", 0.4, 0.4, When::kWonen},
    {"eigen_kamer", 0.6, 0.5, When::kWonen},
    {"rustige_omgeving", 0.35, 0.3, When::kAny, 2, 3},
    {"prikkelarm", 0.2, 0.3},
    {"rookruimte", 0.3, 0.4, When::kWonen, 1, 1, "Roken moet kunnen"},
    {"huisdier_toegestaan", 0.12, 0.4, When::kWonen, 1, 1, "Mijn hond gaat overal mee"},
    {"vaste_begeleiders", 0.4, 0.3},
    {"eigen_geld_beheer", 0.2, 0.3},
    {"hulp_administratie", 0.3, 0.2},
    {"arbeidsmatige_dagbesteding", 0.25, 0.2, When::kDagbesteding},
    {"creatieve_activiteiten", 0.2, 0.1, When::kDagbesteding},
    {"natuur_dichtbij", 0.2, 0.1},
    {"zelfstandigheid_ruimte", 0.3, 0.3, When::kAny, 2, 3},
    {"kamer_op_slot", 0.2, 0.3, When::kWonen, 1, 1, "Een deur die ik op slot kan doen"},
    {"relaties_intimiteit", 0.1, 0.2, When::kWonen},
    {"vrij_in_groepsactiviteiten", 0.15, 0.2},
    {"lotgenotencontact", 0.1, 0.1},
    {"vegetarisch_eten", 0.05, 0.4},
    {"moeder_kind_intensief", 0.015, 0.8, When::kWonen, 1, 1, {}, Who::kYoungWoman},
};

// Wishes in the client's own words that the vocabulary has no feature for, with who says
// them: a man speaks of his wife at home, carnival and the parish belong to the Catholic
// south. (Wishes that now have a feature — care by a woman, a room that locks, a partner
// who stays the night — are in the tables above, with the client's words as text.)
enum class Said : uint8_t { kAnyone, kMan, kCatholicSouth, kAdult };
struct FreeText {
  std::string_view text;
  Said by = Said::kAnyone;
};
constexpr FreeText kFreeElderly[] = {
    {"Ontbijt om zes uur met spek en eieren, zoals op de boerderij"},
    {"Elke zondag naar de mis in mijn eigen parochie", Said::kCatholicSouth},
    {"Mijn duiven blijven houden; ik ben al zestig jaar duivenmelker"},
    {"Mijn eigen schommelstoel bij het raam"},
    {"Elke dag even buiten een sigaartje roken"},
    {"Blijven kaarten met mijn vaste clubje op donderdag"},
    {"Mijn vrouw elke dag kunnen zien, zij woont nog thuis", Said::kMan},
    {"Op vrijdag vis eten, zoals altijd"},
    {"Mijn piano meenemen"},
    {"'s Avonds laat nog naar het journaal kijken met een kopje thee"},
    {"Zelf mijn rozen blijven snoeien"},
    {"Een krant op papier, elke ochtend"},
    {"Met carnaval gewoon feestvieren", Said::kCatholicSouth},
};
constexpr FreeText kFreeYounger[] = {
    {"Elke week zwemmen met mijn vader"},
    {"Een eigen plek voor mijn treinbaan"},
    {"Werken bij de kinderboerderij, zoals nu"},
    {"Mijn muziek hard kunnen zetten op mijn kamer"},
    {"Op vrijdag patat eten"},
    {"Zelf met de bus naar mijn werk", Said::kAdult},
    {"Mijn handbike kwijt kunnen en zelf opladen"},
    {"Zaterdag naar de wedstrijd van mijn club"},
    {"Niet in een groep met alleen maar oudere mensen"},
};

bool Says(Said by, const Person& p) {
  switch (by) {
    case Said::kAnyone: return true;
    case Said::kMan: return !p.female;
    case Said::kCatholicSouth: return p.context.limburg || p.context.brabant;
    case Said::kAdult: return p.age >= 18;
  }
  return false;
}

bool Fits(Who who, const domain::Client& c, const Person& p) {
  switch (who) {
    case Who::kAll: return true;
    case Who::kAdult: return p.age >= 18;
    case Who::kChild: return p.age < 18;
    case Who::kWoman: return p.female;
    case Who::kMan: return !p.female;
    case Who::kWorkable: return p.age >= 18 && c.profile != "8VG";
    case Who::kYoungWoman: return p.female && p.age >= 18 && p.age <= 45;
  }
  return false;
}

bool Applies(When w, const domain::Client& c) {
  switch (w) {
    case When::kAny: return true;
    case When::kWonen: return Seeks(c, OfferKind::kWonen);
    case When::kDagbesteding: return Seeks(c, OfferKind::kDagbesteding);
    case When::kLogeren: return Seeks(c, OfferKind::kLogeren);
    case When::kZorgThuis: return Seeks(c, OfferKind::kZorgThuis);
  }
  return false;
}

domain::Importance DrawImportance(Rng& rng, double must) {
  if (rng.Bernoulli(must)) return domain::Importance::kMust;
  return rng.Bernoulli(0.6) ? domain::Importance::kImportant : domain::Importance::kNice;
}

void FromPool(Rng& rng, const domain::Client& c, const Person& p, const domain::ReferenceData& ref,
              std::span<const WishChance> pool, std::vector<domain::Wish>& out) {
  for (const WishChance& w : pool) {
    if (!Applies(w.when, c) || !Fits(w.who, c, p) || !rng.Bernoulli(w.p)) continue;
    const domain::Feature* f = ref.FindFeature(std::string(w.id));
    if (f == nullptr) continue;
    // Never a pair that contradicts (quiet and lively, two faiths, a closed ward and
    // living on one's own): the first wish or the need stands.
    if (ContradictsClient(c, out, w.id)) continue;
    domain::Wish wish;
    wish.feature_id = f->id;
    wish.importance = DrawImportance(rng, w.must);
    if (f->kind != domain::FeatureKind::kYesNo) wish.value = rng.UniformInt(w.lo, w.hi);
    wish.text = std::string(w.text);
    out.push_back(std::move(wish));
  }
}

// Faith: at most one, by background and region (a client does not wish two); the Catholic
// south, the Protestant north and the orthodox-Protestant belt; Hindu identity mostly among
// people of Surinamese-Hindustani origin. Language: the regional language of the oldest
// (Limburgs, Frisian, Nedersaksisch, Brabants, Zeeuws) and the first language of people
// of migrant origin. Shares are invented but follow where these communities live.
void Culture(Rng& rng, const domain::Client& c, const Person& p, const domain::ReferenceData& ref,
             std::vector<domain::Wish>& out) {
  const bool elderly = c.sector == domain::Sector::kVV;
  const double age_factor = elderly ? 1.0 : 0.4;
  const PlaceContext& x = p.context;
  // The finer origin within the two migrant backgrounds of names.h.
  enum class Origin { kNone, kTurkish, kMoroccan, kSurinameseCreole, kHindustani, kAntillean };
  Origin origin = Origin::kNone;
  if (p.background == Background::kTurkishMoroccan) {
    origin = rng.Bernoulli(0.45) ? Origin::kTurkish : Origin::kMoroccan;
  } else if (p.background == Background::kSurinameseAntillean) {
    const double u = rng.Uniform();
    origin =
        u < 0.4 ? Origin::kSurinameseCreole : (u < 0.75 ? Origin::kHindustani : Origin::kAntillean);
  }
  const bool muslim = IsMuslimBackground(p.background);
  const bool south = x.limburg || x.brabant;
  struct Faith {
    std::string_view id;
    double w;
    std::string_view text;
  };
  const Faith faiths[] = {
      {"islamitische_identiteit", muslim ? 0.6 : (origin == Origin::kHindustani ? 0.1 : 0.002),
       "Halal eten en een plek om te bidden"},
      {"hindoeistische_identiteit", origin == Origin::kHindustani ? 0.35 : 0.0005, {}},
      {"katholieke_identiteit",
       muslim ? 0 : (south ? 0.25 : (x.protestant_north ? 0.02 : 0.06)) * age_factor,
       {}},
      {"protestantse_identiteit",
       muslim ? 0
              : (origin == Origin::kSurinameseCreole
                     ? 0.15
                     : (south ? 0.01 : (x.protestant_north ? 0.12 : (x.bible_belt ? 0.1 : 0.06)))) *
                    age_factor,
       {}},
      {"reformatorische_identiteit", muslim ? 0 : (x.bible_belt ? 0.07 : 0.004) * age_factor,
       "Een huis waar de zondag wordt geëerbiedigd"},
      {"joodse_identiteit", x.big_city ? 0.004 : 0.001, {}},
      {"boeddhistische_identiteit", 0.002, {}},
      {"humanistisch", 0.02 * age_factor, {}},
  };
  std::vector<double> w;
  double total = 0;
  for (const Faith& f : faiths) {
    w.push_back(f.w);
    total += f.w;
  }
  w.push_back(std::max(0.0, 1 - total));  // no faith wish
  const size_t pick = rng.Weighted(w);
  std::vector<WishChance> wishes;
  if (pick < std::size(faiths))
    wishes.push_back({faiths[pick].id, 1, faiths[pick].id == "islamitische_identiteit" ? 0.5 : 0.2,
                      When::kAny, 1, 1, faiths[pick].text});
  if (pick == 0) wishes.push_back({"halal_eten", 0.5, 0.6});
  if (pick < std::size(faiths) && faiths[pick].id == "joodse_identiteit")
    wishes.push_back({"koosjer_eten", 0.6, 0.6});
  const double first_language = elderly ? 0.3 : 0.05;
  const double regional = elderly ? 1.0 : 0.3;
  const bool dutch = p.background == Background::kDutch || p.background == Background::kLimburg;
  wishes.insert(
      wishes.end(),
      {
          {"turks_sprekend", origin == Origin::kTurkish ? first_language : 0, 0.4},
          {"arabisch_sprekend", origin == Origin::kMoroccan ? first_language * 0.45 : 0, 0.4},
          {"tamazight_sprekend", origin == Origin::kMoroccan ? first_language * 0.55 : 0, 0.4},
          {"sranan_sprekend", origin == Origin::kSurinameseCreole ? first_language * 0.6 : 0, 0.3},
          {"sarnami_sprekend", origin == Origin::kHindustani ? first_language * 0.7 : 0, 0.3},
          {"papiaments_sprekend", origin == Origin::kAntillean ? first_language : 0, 0.3},
          // Dialect matters most to the oldest; few offers promise it.
          {"limburgs_dialect", p.background == Background::kLimburg ? (elderly ? 0.35 : 0.1) : 0,
           0.25, When::kAny, 1, 1, "Plat kunnen praten met de mensen om me heen"},
          {"fries_sprekend", dutch && x.friesland ? 0.3 * regional : 0, 0.3, When::kAny, 1, 1,
           "Fries praten, dat is mijn eigen taal"},
          {"nedersaksisch_sprekend", dutch && x.low_saxon ? 0.15 * regional : 0, 0.2},
          {"brabants_dialect", dutch && x.brabant ? 0.12 * regional : 0, 0.2},
          {"zeeuws_dialect", dutch && x.zeeland ? 0.12 * regional : 0, 0.2},
          {"pools_sprekend", dutch && !elderly ? 0.004 : 0, 0.4},
          {"chinees_sprekend", dutch && x.big_city ? 0.003 : 0, 0.4},
          {"moluks_maleis_sprekend", dutch && elderly ? 0.002 : 0, 0.3},
      });
  FromPool(rng, c, p, ref, wishes, out);
}

}  // namespace

std::vector<std::string_view> WishAndNeedFeatureIds() {
  std::vector<std::string_view> ids = {"katholieke_identiteit",
                                       "protestantse_identiteit",
                                       "islamitische_identiteit",
                                       "reformatorische_identiteit",
                                       "hindoeistische_identiteit",
                                       "joodse_identiteit",
                                       "boeddhistische_identiteit",
                                       "humanistisch",
                                       "halal_eten",
                                       "koosjer_eten",
                                       "turks_sprekend",
                                       "arabisch_sprekend",
                                       "tamazight_sprekend",
                                       "sranan_sprekend",
                                       "sarnami_sprekend",
                                       "papiaments_sprekend",
                                       "limburgs_dialect",
                                       "fries_sprekend",
                                       "nedersaksisch_sprekend",
                                       "brabants_dialect",
                                       "zeeuws_dialect",
                                       "pools_sprekend",
                                       "chinees_sprekend",
                                       "moluks_maleis_sprekend"};
  const std::span<const WishChance> pools[] = {kElderly, kIntellectual, kYoungLvb, kPhysical,
                                               kMental};
  for (std::span<const WishChance> pool : pools)
    for (const WishChance& w : pool) ids.push_back(w.id);
  for (std::string_view id : NeedFeatureIds()) ids.push_back(id);
  return ids;
}

std::vector<domain::Wish> DrawWishes(Rng& rng, const domain::Client& c, const Person& p,
                                     const domain::ReferenceData& ref) {
  std::vector<domain::Wish> out;
  out.reserve(10);
  switch (c.sector) {
    case domain::Sector::kVV: FromPool(rng, c, p, ref, kElderly, out); break;
    case domain::Sector::kVG: FromPool(rng, c, p, ref, kIntellectual, out); break;
    case domain::Sector::kLVG:
      FromPool(rng, c, p, ref, kYoungLvb, out);
      FromPool(rng, c, p, ref, kIntellectual, out);
      break;
    case domain::Sector::kLG:
    case domain::Sector::kZGaud:
    case domain::Sector::kZGvis: FromPool(rng, c, p, ref, kPhysical, out); break;
    case domain::Sector::kGgzB:
    case domain::Sector::kGgzW: FromPool(rng, c, p, ref, kMental, out); break;
  }
  Culture(rng, c, p, ref, out);
  // Remove a second wish for the same feature (LVG draws from two pools).
  for (size_t i = 0; i < out.size(); ++i)
    for (size_t j = out.size(); j-- > i + 1;)
      if (!out[i].feature_id.empty() && out[j].feature_id == out[i].feature_id)
        out.erase(out.begin() + static_cast<std::ptrdiff_t>(j));
  // About one client in five says something the vocabulary has no word for.
  const int free_texts = rng.Bernoulli(0.2) ? (rng.Bernoulli(0.15) ? 2 : 1) : 0;
  const std::span<const FreeText> pool = c.sector == domain::Sector::kVV
                                             ? std::span<const FreeText>(kFreeElderly)
                                             : std::span<const FreeText>(kFreeYounger);
  for (int k = 0; k < free_texts; ++k) {
    domain::Wish w;
    w.importance = DrawImportance(rng, 0.25);
    const FreeText& said = pool[rng.UniformInt(0, static_cast<int>(pool.size()) - 1)];
    if (!Says(said.by, p)) continue;  // drawn, but not this person's words
    w.text = std::string(said.text);
    if (k == 1 && !out.empty() && out.back().text == w.text) continue;
    out.push_back(std::move(w));
  }
  return out;
}

}  // namespace passend::generate
