#include "generate/offer_templates.h"

namespace passend::generate {

const std::vector<OfferTemplate>& OfferTemplates() {
  static const std::vector<OfferTemplate> all = [] {
    std::vector<OfferTemplate> v = ElderlyCareTemplates();
    for (auto* part : {&DisabilityCareTemplates, &DisabilityDayAndHomeTemplates,
                       &MentalHealthAndSensoryTemplates})
      for (OfferTemplate& t : part()) v.push_back(std::move(t));
    return v;
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
  };
  static const std::vector<FeatureChance> dagbesteding = {
      {"dagbesteding_dagen", 1, 3, 5},
      {"dagbesteding_weekend", 0.05},
      {"vervoer_geregeld", 0.6},
      {"gezamenlijke_maaltijd", 0.5},
      {"uitstapjes", 0.4},
      {"rolstoeltoegankelijk", 0.6},
      {"vaste_begeleiders", 0.5},
  };
  static const std::vector<FeatureChance> logeren = {
      {"bezoek_altijd_welkom", 0.5},
      {"tuin", 0.5},
      {"rolstoeltoegankelijk", 0.6},
      {"vaste_begeleiders", 0.3},
  };
  static const std::vector<FeatureChance> zorg_thuis = {
      {"vaste_begeleiders", 0.35},
      {"zelf_opstaan_tijd", 0.3},
      {"mantelzorg_ondersteuning", 0.4},
      {"budget_in_tijd", 0.08},
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
