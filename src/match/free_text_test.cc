#include "match/free_text.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "refdata/refdata.h"

namespace passend::embedded {
std::string_view kenmerk_synoniemen_csv();
}  // namespace passend::embedded

namespace passend::match {
namespace {

std::vector<std::string> Ids(const FreeTextSuggester& s, std::string_view text) {
  std::vector<std::string> ids;
  for (uint32_t f : s.Suggest(text)) ids.push_back(refdata::BuiltIn().features()[f].id);
  return ids;
}

// The rows of the built-in table as they are written: (feature id, its words joined by '|').
std::vector<std::pair<std::string_view, std::string_view>> TableRows() {
  std::vector<std::pair<std::string_view, std::string_view>> rows;
  std::string_view csv = embedded::kenmerk_synoniemen_csv();
  for (csv.remove_prefix(csv.find('\n') + 1); !csv.empty();) {
    const size_t eol = csv.find('\n');
    const std::string_view line = csv.substr(0, eol);
    csv = eol == std::string_view::npos ? std::string_view() : csv.substr(eol + 1);
    const size_t comma = line.find(',');
    if (comma != std::string_view::npos)
      rows.emplace_back(line.substr(0, comma), line.substr(comma + 1));
  }
  return rows;
}

// Whether `text` suggests `feature` (among whatever else it suggests).
bool Suggests(const FreeTextSuggester& s, std::string_view text, std::string_view feature) {
  const std::vector<std::string> ids = Ids(s, text);
  return std::find(ids.begin(), ids.end(), feature) != ids.end();
}

TEST(FreeTextTest, NormalisesCaseDiacriticsAndSeparators) {
  EXPECT_EQ(NormaliseNl("Om ZES uur, met spek & eieren!"), " om zes uur met spek eieren ");
  EXPECT_EQ(NormaliseNl("Café — Ëlla's"), " cafe ellas ");
  EXPECT_EQ(NormaliseNl(""), " ");
}

TEST(FreeTextTest, OwnWordsSuggestFeaturesToConfirm) {
  auto s = FreeTextSuggester::BuiltIn(refdata::BuiltIn());
  ASSERT_TRUE(s.ok()) << s.error().ToString();
  EXPECT_EQ(Ids(*s, "Om zes uur ontbijten, met spek en eieren zoals op de boerderij"),
            (std::vector<std::string>{"zorgboerderij", "vroeg_ontbijt"}));  // vocabulary order
  EXPECT_EQ(Ids(*s, "Mijn KAT Minoes moet mee"), (std::vector<std::string>{"huisdier_toegestaan"}));
  // Whole words only: "katholiek" is not "kat".
  EXPECT_EQ(Ids(*s, "katholiek"), (std::vector<std::string>{"katholieke_identiteit"}));
  EXPECT_TRUE(Ids(*s, "iets heel anders").empty());
}

// Dutch words change their ending (katholieke, kerken, katten, wandelingen): the stems of the
// words are compared, so a keyword written once finds its inflected forms.
TEST(FreeTextTest, InflectedWordsFindTheirKeyword) {
  EXPECT_EQ(StemNl(NormaliseNl("Katholieke kerken, katten")), " katholiek kerk kat ");
  EXPECT_EQ(StemNl(" "), " ");
  auto s = FreeTextSuggester::BuiltIn(refdata::BuiltIn());
  ASSERT_TRUE(s.ok()) << s.error().ToString();
  EXPECT_EQ(Ids(*s, "Elke zondag naar de katholieke mis"),
            (std::vector<std::string>{"katholieke_identiteit"}));
  EXPECT_EQ(Ids(*s, "Mijn twee katten gaan mee"),
            (std::vector<std::string>{"huisdier_toegestaan"}));
  EXPECT_TRUE(Ids(*s, "Ik mis mijn man").empty());
}

// Every feature of the vocabulary has words a client or supporter would use, and everyday
// sentences from the field suggest the feature they are about.
TEST(FreeTextTest, EveryFeatureHasEverydayWords) {
  std::set<std::string, std::less<>> with_words;
  for (const auto& [feature, words] : TableRows()) with_words.emplace(feature);
  for (const auto& f : refdata::BuiltIn().features())
    EXPECT_TRUE(with_words.contains(f.id)) << f.id << " has no words in kenmerk_synoniemen.csv";
  auto s = FreeTextSuggester::BuiltIn(refdata::BuiltIn());
  ASSERT_TRUE(s.ok()) << s.error().ToString();
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"Mijn man zorgt voor mij en moet soms even rust hebben", "mantelzorg_ondersteuning"},
      {"Ze is erg vergeetachtig en raakt in de war", "dementie_expertise"},
      {"Hij kan agressief worden als het te druk is", "gedragsproblematiek_ernstig"},
      {"Ik zit sinds vorig jaar in een rolstoel", "rolstoeltoegankelijk"},
      {"Ze is dit jaar drie keer gevallen", "valpreventie"},
      {"Hij heeft epilepsie en soms zware aanvallen", "epilepsie_expertise"},
      {"Na zijn beroerte praat hij moeilijk", "nah_expertise"},
      {"Mijn vader heeft de ziekte van Parkinson", "parkinson_expertise"},
      {"Hij wil een echte baan met salaris", "betaald_werk_begeleiding"},
      {"Het liefst met leeftijdsgenoten, niet tussen ouderen", "jongeren_groep"},
      {"Hulp bij wassen en aankleden in de ochtend", "hulp_persoonlijke_verzorging"},
      {"Ik ben homo en wil dat open kunnen zijn", "lhbti_vriendelijk"},
      {"Als wij op vakantie gaan moet hij ergens logeren", "logeren_vakantie"},
      {"Ze heeft structuur en een vast ritme nodig", "structuur_dagritme"},
      {"Hij is doof en praat met gebarentaal", "doof_gebarentaal"},
      {"Wij willen geen extra kosten", "geen_eigen_bijdrage_extra"},
      {"Ik wil zelf mijn geld beheren met mijn eigen pinpas", "eigen_geld_beheer"},
      {"Ze heeft diabetes en spuit insuline", "diabetes_zorg"},
      {"Hij is verslaafd geweest aan drugs", "verslaving_expertise"},
      {"Ik wil graag elke dag een ommetje maken", "tuin_wandelen"},
  };
  for (const auto& [text, feature] : cases)
    EXPECT_TRUE(Suggests(*s, text, feature)) << "\"" << text << "\" suggests no " << feature;
}

TEST(FreeTextTest, BuiltInTableNamesOnlyKnownFeatures) {
  std::vector<std::string> unknown;
  auto s =
      FreeTextSuggester::Parse(embedded::kenmerk_synoniemen_csv(), refdata::BuiltIn(), &unknown);
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(unknown.empty()) << unknown.front();
  EXPECT_FALSE(FreeTextSuggester::Parse("woorden\nkat\n", refdata::BuiltIn()).ok());
}

// The 42 kenmerken added with the 2025 vocabulary each have Dutch words a client or
// supporter would use, and those words suggest that feature.
TEST(FreeTextTest, OwnWordsSuggestTheNewKenmerken) {
  auto s = FreeTextSuggester::BuiltIn(refdata::BuiltIn());
  ASSERT_TRUE(s.ok()) << s.error().ToString();
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"Ik wil met mijn baby in een moeder-en-kindhuis wonen", "moeder_kind_intensief"},
      {"Hij kan het best opgroeien in een gezinshuis", "gezinshuis"},
      {"Ik wil een eigen sleutel van mijn kamer", "kamer_op_slot"},
      {"Mijn kamer moet op slot kunnen", "kamer_op_slot"},
      {"Ik wil al mijn spullen meenemen", "ruimte_eigen_spullen"},
      {"Zo lang mogelijk thuis blijven wonen", "voorlopig_thuis_wonen"},
      {"Onze dochter gaat nu naar het KDC", "kinderdagcentrum"},
      {"Hij moet ook naar school kunnen", "school_samenwerking"},
      {"Ze geniet van snoezelen", "zintuiglijke_activiteiten"},
      {"Mijn man moet bij mij kunnen blijven overnachten", "partner_blijft_slapen"},
      {"Ruimte voor intimiteit met mijn vriendin", "relaties_intimiteit"},
      {"Ik wil praten met mensen zoals ik", "lotgenotencontact"},
      {"Liefdevol, met veel geduld", "warme_begeleiding"},
      {"Ik wil mijn eigen huisarts houden", "eigen_huisarts"},
      {"Hij heeft fysiotherapie en logopedie nodig", "wlz_behandeling"},
      {"Zorg terwijl ik wacht op een plek", "overbruggingszorg"},
      {"Mijn vader heeft de ziekte van Huntington", "huntington_expertise"},
      {"Ik heb MS", "ms_expertise"},
      {"Sinds vorig jaar de diagnose ALS", "als_expertise"},
      {"Over euthanasie moet je kunnen praten", "levenseinde_euthanasie_bespreekbaar"},
      {"Ik wil niet door een man gewassen worden", "verzorging_door_vrouw"},
      {"Liever een man als verzorger", "verzorging_door_man"},
      {"Ik ben vegetariër", "vegetarisch_eten"},
      {"Alleen halal eten", "halal_eten"},
      {"Koosjer eten graag", "koosjer_eten"},
      {"Eten als ik honger heb", "eigen_maaltijdtijden"},
      {"Ik wil niet hoeven meedoen met de bingo", "vrij_in_groepsactiviteiten"},
      {"Een gesprek met een geestelijk verzorger", "geestelijke_verzorging"},
      {"Wij zijn reformatorisch", "reformatorische_identiteit"},
      {"Ze is hindoe en viert Diwali", "hindoeistische_identiteit"},
      {"Elke ochtend mediteren", "boeddhistische_identiteit"},
      {"Mem praat alleen Fries", "fries_sprekend"},
      {"Hij spreekt Twents", "nedersaksisch_sprekend"},
      {"Iemand die Brabants praat", "brabants_dialect"},
      {"Ze praat Zeeuws", "zeeuws_dialect"},
      {"Mijn moeder spreekt alleen Berbers", "tamazight_sprekend"},
      {"Papiamentu is zijn moedertaal", "papiaments_sprekend"},
      {"Ze spreekt Sranantongo", "sranan_sprekend"},
      {"Sarnami is de taal thuis", "sarnami_sprekend"},
      {"Hij spreekt alleen Pools", "pools_sprekend"},
      {"Begeleiders die Kantonees spreken", "chinees_sprekend"},
      {"Hij is Molukker en spreekt Maleis", "moluks_maleis_sprekend"},
      {"Geen dwang, niet vastbinden", "wzd_terughoudend"},
  };
  std::set<std::string> covered;
  for (const auto& [text, feature] : cases) {
    EXPECT_TRUE(Suggests(*s, text, feature)) << "\"" << text << "\" suggests no " << feature;
    covered.insert(feature);
  }
  EXPECT_EQ(covered.size(), 42u);
  // Words that read alike but mean something else do not suggest these.
  EXPECT_EQ(Ids(*s, "Ik wil niet door een man gewassen worden"),
            (std::vector<std::string>{"verzorging_door_vrouw"}));
  const std::vector<std::string> meals = Ids(*s, "Eten als ik honger heb");
  EXPECT_EQ(std::find(meals.begin(), meals.end(), "als_expertise"), meals.end());
  const std::vector<std::string> evening = Ids(*s, "Warm eten s avonds");
  EXPECT_EQ(std::find(evening.begin(), evening.end(), "warme_begeleiding"), evening.end());
}

// Suggest looks phrases up by the word they begin with; it finds exactly what searching the
// stemmed normalised text for every stemmed phrase of the table finds. Texts: every phrase alone,
// between other words, cut at its first letter, and next to the following phrase of the table.
TEST(FreeTextTest, LookingUpByFirstWordFindsWhatSearchingEveryPhraseFinds) {
  auto s = FreeTextSuggester::BuiltIn(refdata::BuiltIn());
  ASSERT_TRUE(s.ok()) << s.error().ToString();
  std::vector<std::pair<std::string, uint32_t>> phrases;  // the table, read here on its own
  for (const auto& [feature, all_words] : TableRows()) {
    const auto f = refdata::BuiltIn().FeatureIndex(std::string(feature));
    ASSERT_TRUE(f.has_value());
    for (std::string_view words = all_words; !words.empty();) {
      const size_t bar = words.find('|');
      phrases.emplace_back(std::string(words.substr(0, bar)), *f);
      words = bar == std::string_view::npos ? std::string_view() : words.substr(bar + 1);
    }
  }
  ASSERT_GT(phrases.size(), 400u);
  std::vector<std::string> stemmed;  // each phrase as Suggest compares it
  for (const auto& phrase : phrases) stemmed.push_back(StemNl(NormaliseNl(phrase.first)));
  auto searched = [&](const std::string& text) {
    const std::string norm = StemNl(NormaliseNl(text));
    std::set<uint32_t> found;
    for (size_t i = 0; i < phrases.size(); ++i)
      if (stemmed[i].size() > 2 && norm.find(stemmed[i]) != std::string::npos)
        found.insert(phrases[i].second);
    return std::vector<uint32_t>(found.begin(), found.end());
  };
  for (size_t i = 0; i < phrases.size(); ++i) {
    const std::string& p = phrases[i].first;
    for (const std::string& text : {p, "ik wil " + p + " graag", p.substr(1), "x" + p,
                                    p + " " + phrases[(i + 1) % phrases.size()].first})
      EXPECT_EQ(s->Suggest(text), searched(text)) << '"' << text << '"';
  }
}

}  // namespace
}  // namespace passend::match
