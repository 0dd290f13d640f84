// Wishes: what matters to the client, per sector group, in their own words where the
// table has a phrase; plus culture-bound wishes (faith, dialect, language) from region
// and background, and free-text wishes that fit no feature of the vocabulary.
#include <span>
#include <string_view>

#include "generate/client_parts.h"

namespace passend::generate {
namespace {

using domain::OfferKind;

enum class When : uint8_t { kAny, kWonen, kDagbesteding, kLogeren, kZorgThuis };

struct WishChance {
  std::string_view id;
  double p;           // share of clients (of this group, seeking the kind) with the wish
  double must = 0.2;  // of those, the share for whom it is a must
  When when = When::kAny;
  int lo = 1, hi = 1;  // wished level or amount
  std::string_view text = {};
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
};

// Intellectual disability (VG, LVG): living on one's own is wished far more often than it
// is offered; the experiments warn against sweeping that wish off the table.
const WishChance kIntellectual[] = {
    {"eigen_kamer", 0.5, 0.4, When::kWonen},
    {"eigen_appartement", 0.25, 0.3, When::kWonen, 1, 1,
     "Op mezelf wonen, met mijn eigen voordeur"},
    {"zelfstandig_wonen_begeleiding", 0.2, 0.3, When::kWonen},
    {"vaste_begeleiders", 0.55, 0.4, When::kAny, 1, 1, "Begeleiders die ik ken"},
    {"structuur_dagritme", 0.35, 0.3, When::kAny, 2, 3},
    {"prikkelarm", 0.15, 0.3, When::kAny},
    {"rustige_omgeving", 0.3, 0.2, When::kAny, 2, 3},
    {"huisdier_toegestaan", 0.1, 0.3, When::kWonen, 1, 1, "Mijn konijn mag mee"},
    {"sport_bewegen", 0.3, 0.1},
    {"muziek", 0.25, 0.1},
    {"computer_internet", 0.3, 0.2, When::kAny, 1, 1, "Gamen op mijn kamer"},
    {"arbeidsmatige_dagbesteding", 0.35, 0.3, When::kDagbesteding, 1, 1, "Echt werk doen"},
    {"zorgboerderij", 0.12, 0.3, When::kDagbesteding},
    {"dieren_verzorgen", 0.15, 0.2, When::kDagbesteding},
    {"technisch_werk", 0.1, 0.2, When::kDagbesteding},
    {"winkel_horeca_werk", 0.1, 0.2, When::kDagbesteding},
    {"creatieve_activiteiten", 0.25, 0.1, When::kDagbesteding},
    {"vervoer_geregeld", 0.4, 0.3, When::kDagbesteding},
    {"dagbesteding_dagen", 0.6, 0.2, When::kDagbesteding, 3, 5},
    {"logeren_weekend", 0.6, 0.4, When::kLogeren, 1, 1, "Eens per maand een weekend logeren"},
    {"logeren_nachten", 0.5, 0.2, When::kLogeren, 2, 8},
    {"contact_buurt", 0.2, 0.1},
    {"familieparticipatie", 0.35, 0.3, When::kAny, 1, 1, "Mijn ouders blijven betrokken"},
    {"bezoek_altijd_welkom", 0.3, 0.2},
    {"gezamenlijke_maaltijd", 0.3, 0.1},
    {"eigen_geld_beheer", 0.1, 0.2},
    {"training_zelfstandigheid", 0.1, 0.3},
    {"budget_in_tijd", 0.05, 0.1},
    {"lhbti_vriendelijk", 0.02, 0.3},
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
};

// Physical and sensory disability.
const WishChance kPhysical[] = {
    {"eigen_appartement", 0.5, 0.5, When::kWonen, 1, 1, "Mijn eigen voordeur"},
    {"rolstoeltoegankelijk", 0.6, 0.7, When::kAny},
    {"domotica", 0.4, 0.2, When::kAny, 1, 1, "Zelf deuren en licht bedienen"},
    {"zelfstandigheid_ruimte", 0.4, 0.3, When::kAny, 3, 3},
    {"eigen_keuken", 0.3, 0.2, When::kWonen},
    {"sportclub_bereikbaar", 0.15, 0.2},
    {"computer_internet", 0.4, 0.2},
    {"stadscentrum", 0.25, 0.1, When::kWonen},
    {"samenwonen_partner", 0.08, 0.6, When::kWonen},
    {"huisdier_toegestaan", 0.1, 0.4, When::kWonen, 1, 1, "Mijn hulphond woont bij mij"},
    {"betaald_werk_begeleiding", 0.1, 0.2, When::kDagbesteding},
    {"sport_bewegen", 0.3, 0.1, When::kDagbesteding},
    {"creatieve_activiteiten", 0.2, 0.1, When::kDagbesteding},
    {"nachtzorg_oproep", 0.4, 0.4, When::kZorgThuis},
    {"zorg_uren_week", 0.5, 0.2, When::kZorgThuis, 8, 30},
    {"zelf_opstaan_tijd", 0.35, 0.3, When::kAny, 1, 1, "Zelf bepalen wanneer ik word geholpen"},
    {"zelf_bedtijd", 0.3, 0.2},
    {"logeren_weekend", 0.4, 0.2, When::kLogeren},
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
};

// Wishes in the client's own words that the vocabulary has no feature for.
constexpr std::string_view kFreeElderly[] = {
    "Ontbijt om zes uur met spek en eieren, zoals op de boerderij",
    "Elke zondag naar de mis in mijn eigen parochie",
    "Mijn duiven blijven houden; ik ben al zestig jaar duivenmelker",
    "Mijn eigen schommelstoel bij het raam",
    "Elke dag even buiten een sigaartje roken",
    "Blijven kaarten met mijn vaste clubje op donderdag",
    "Mijn vrouw elke dag kunnen zien, zij woont nog thuis",
    "Op vrijdag vis eten, zoals altijd",
    "Niet door een man gewassen worden",
    "Mijn piano meenemen",
    "'s Avonds laat nog naar het journaal kijken met een kopje thee",
    "Zelf mijn rozen blijven snoeien",
    "Een krant op papier, elke ochtend",
    "Met carnaval gewoon feestvieren",
};
constexpr std::string_view kFreeYounger[] = {
    "Elke week zwemmen met mijn vader",
    "Een eigen plek voor mijn treinbaan",
    "Werken bij de kinderboerderij, zoals nu",
    "Mijn muziek hard kunnen zetten op mijn kamer",
    "Op vrijdag patat eten",
    "Zelf met de bus naar mijn werk",
    "Mijn handbike kwijt kunnen en zelf opladen",
    "Een kamer die ik op slot kan doen",
    "Zaterdag naar de wedstrijd van mijn club",
    "Mijn vriendin mag blijven slapen",
    "Niet in een groep met alleen maar oudere mensen",
};

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

template <size_t N>
void FromPool(Rng& rng, const domain::Client& c, const domain::ReferenceData& ref,
              const WishChance (&pool)[N], std::vector<domain::Wish>& out) {
  for (const WishChance& w : pool) {
    if (!Applies(w.when, c) || !rng.Bernoulli(w.p)) continue;
    const domain::Feature* f = ref.FindFeature(std::string(w.id));
    if (f == nullptr) continue;
    domain::Wish wish;
    wish.feature_id = f->id;
    wish.importance = DrawImportance(rng, w.must);
    if (f->kind != domain::FeatureKind::kYesNo) wish.value = rng.UniformInt(w.lo, w.hi);
    wish.text = std::string(w.text);
    out.push_back(std::move(wish));
  }
}

void Culture(Rng& rng, const domain::Client& c, const Person& p, const domain::ReferenceData& ref,
             std::vector<domain::Wish>& out) {
  const bool elderly = c.sector == domain::Sector::kVV;
  const bool muslim = IsMuslimBackground(p.background);
  const WishChance wishes[] = {
      {"katholieke_identiteit", p.context.limburg ? (elderly ? 0.25 : 0.08) : 0.06, 0.2},
      {"protestantse_identiteit", p.context.limburg ? 0.02 : 0.07, 0.2},
      {"islamitische_identiteit", muslim ? 0.6 : 0.002, 0.5, When::kAny, 1, 1,
       muslim ? "Halal eten en een plek om te bidden" : ""},
      {"turks_sprekend", muslim && elderly ? 0.25 : 0.0, 0.4},
      {"arabisch_sprekend", muslim && elderly ? 0.15 : 0.0, 0.4},
      // Dialect matters most to the oldest people in Limburg; few offers promise it.
      {"limburgs_dialect", p.background == Background::kLimburg ? (elderly ? 0.35 : 0.1) : 0, 0.25,
       When::kAny, 1, 1, "Plat kunnen praten met de mensen om me heen"},
  };
  FromPool(rng, c, ref, wishes, out);
}

}  // namespace

std::vector<std::string_view> WishAndNeedFeatureIds() {
  std::vector<std::string_view> ids = {"katholieke_identiteit",   "protestantse_identiteit",
                                       "islamitische_identiteit", "turks_sprekend",
                                       "arabisch_sprekend",       "limburgs_dialect"};
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
    case domain::Sector::kVV: FromPool(rng, c, ref, kElderly, out); break;
    case domain::Sector::kVG: FromPool(rng, c, ref, kIntellectual, out); break;
    case domain::Sector::kLVG:
      FromPool(rng, c, ref, kYoungLvb, out);
      FromPool(rng, c, ref, kIntellectual, out);
      break;
    case domain::Sector::kLG:
    case domain::Sector::kZGaud:
    case domain::Sector::kZGvis: FromPool(rng, c, ref, kPhysical, out); break;
    case domain::Sector::kGgzB:
    case domain::Sector::kGgzW: FromPool(rng, c, ref, kMental, out); break;
  }
  Culture(rng, c, p, ref, out);
  // Remove a second wish for the same feature (LVG draws from two pools).
  for (size_t i = 0; i < out.size(); ++i)
    for (size_t j = out.size(); j-- > i + 1;)
      if (!out[i].feature_id.empty() && out[j].feature_id == out[i].feature_id)
        out.erase(out.begin() + static_cast<std::ptrdiff_t>(j));
  // About one client in five says something the vocabulary has no word for.
  const int free_texts = rng.Bernoulli(0.2) ? (rng.Bernoulli(0.15) ? 2 : 1) : 0;
  for (int k = 0; k < free_texts; ++k) {
    domain::Wish w;
    w.importance = DrawImportance(rng, 0.25);
    w.text = c.sector == domain::Sector::kVV ? std::string(rng.Pick(kFreeElderly))
                                             : std::string(rng.Pick(kFreeYounger));
    if (k == 1 && out.back().text == w.text) continue;
    out.push_back(std::move(w));
  }
  return out;
}

}  // namespace passend::generate
