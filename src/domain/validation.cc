#include "domain/validation.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace passend::domain {
namespace {

std::string Indexed(const char* name, size_t i) {
  return std::string(name) + "[" + std::to_string(i) + "]";
}

Status CheckId(const std::string& id, const char* field) {
  if (!IsValidId(id))
    return InvalidArgument("Ongeldige id: gebruik 1 tot 64 letters, cijfers, '-' of '_'", field);
  return Ok();
}

Status CheckText(const std::string& s, const char* field, bool required, size_t max = 2000) {
  if (required && s.empty()) return InvalidArgument("Dit veld is verplicht", field);
  if (s.size() > max)
    return InvalidArgument("Tekst is te lang (meer dan " + std::to_string(max) + " tekens)", field);
  return Ok();
}

// Empty (not known) or "YYYY-MM-DDTHH:MM:SSZ", the one shape stored, so that text order
// stays time order.
Status CheckUtcTimestamp(const std::string& s, const char* field) {
  if (s.empty()) return Ok();
  static constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:ddZ";
  bool ok = s.size() == kShape.size();
  for (size_t i = 0; ok && i < s.size(); ++i)
    ok = kShape[i] == 'd' ? std::isdigit(static_cast<unsigned char>(s[i])) != 0 : s[i] == kShape[i];
  if (ok) {
    const int month = std::stoi(s.substr(5, 2)), day = std::stoi(s.substr(8, 2));
    const int hour = std::stoi(s.substr(11, 2)), minute = std::stoi(s.substr(14, 2));
    const int second = std::stoi(s.substr(17, 2));
    ok = month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour < 24 && minute < 60 &&
         second < 60;
  }
  if (!ok)
    return InvalidArgument("Tijdstip in UTC als JJJJ-MM-DDTuu:mm:ssZ (2026-03-01T09:30:00Z)",
                           field);
  return Ok();
}

// "YYYY-MM-DD", a calendar date (text order is time order).
Status CheckDate(const std::string& s, const char* field) {
  bool ok = s.size() == 10 && s[4] == '-' && s[7] == '-';
  for (size_t i = 0; ok && i < s.size(); ++i)
    ok = i == 4 || i == 7 || std::isdigit(static_cast<unsigned char>(s[i])) != 0;
  if (ok) {
    const int month = std::stoi(s.substr(5, 2)), day = std::stoi(s.substr(8, 2));
    ok = s.substr(0, 4) >= "1990" && month >= 1 && month <= 12 && day >= 1 && day <= 31;
  }
  if (!ok) return InvalidArgument("Datum als JJJJ-MM-DD (2026-03-14)", field);
  return Ok();
}

Status CheckPosition(GeoPoint p, const char* field) {
  if (!std::isfinite(p.lat) || !std::isfinite(p.lon) || !InNetherlands(p))
    return InvalidArgument("Coördinaten liggen niet in Nederland (WGS84, graden noord en oost)",
                           field);
  return Ok();
}

Status CheckMunicipality(const std::string& code, const ReferenceData& ref, const char* field) {
  if (ref.FindMunicipality(code) == nullptr)
    return InvalidArgument("Onbekende gemeentecode '" + code + "'", field);
  return Ok();
}

// Checks a feature value against the vocabulary: known id, value in range for its kind.
Status CheckFeatureValue(const std::string& feature_id, std::optional<double> value,
                         const ReferenceData& ref, const std::string& prefix) {
  const Feature* f = ref.FindFeature(feature_id);
  if (f == nullptr)
    return InvalidArgument("Onbekend kenmerk '" + feature_id + "'", prefix + "feature_id");
  if (!value) return Ok();
  const double v = *value;
  const std::string field = prefix + "value";
  if (!std::isfinite(v)) return InvalidArgument("Waarde is geen getal", field);
  switch (f->kind) {
    case FeatureKind::kYesNo:
      if (v != 0 && v != 1) return InvalidArgument("Ja/nee-kenmerk heeft waarde 0 of 1", field);
      break;
    case FeatureKind::kLevel:
      if (v < 1 || v > f->level_max || v != std::floor(v))
        return InvalidArgument(
            "Niveau moet een geheel getal van 1 tot " + std::to_string(f->level_max) + " zijn",
            field);
      break;
    case FeatureKind::kNumber:
      if (v < 0) return InvalidArgument("Waarde mag niet negatief zijn", field);
      break;
  }
  return Ok();
}

}  // namespace

bool IsValidId(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) return false;
  return true;
}

bool IsValidRegisterNumber(const std::string& number) {
  if (number.empty()) return true;
  if (number.size() != 8) return false;
  for (char c : number)
    if (c < '0' || c > '9') return false;
  return true;
}

Status ValidateProvider(const Provider& p) {
  PASSEND_RETURN_IF_ERROR(CheckId(p.id, "id"));
  PASSEND_RETURN_IF_ERROR(CheckText(p.name, "name", true, 200));
  PASSEND_RETURN_IF_ERROR(CheckText(p.website, "website", false, 500));
  const std::pair<const std::string*, const char*> numbers[] = {
      {&p.agb_code, "agb_code"}, {&p.kvk_number, "kvk_number"}, {&p.ura_number, "ura_number"}};
  for (const auto& [number, field] : numbers)
    if (!IsValidRegisterNumber(*number))
      return InvalidArgument(
          "Gebruik precies 8 cijfers (met voorloopnullen), zonder spaties of "
          "punten",
          field);
  return Ok();
}

Status ValidateLocation(const Location& l, const ReferenceData& ref) {
  PASSEND_RETURN_IF_ERROR(CheckId(l.id, "id"));
  PASSEND_RETURN_IF_ERROR(CheckId(l.provider_id, "provider_id"));
  PASSEND_RETURN_IF_ERROR(CheckText(l.name, "name", true, 200));
  PASSEND_RETURN_IF_ERROR(CheckText(l.address, "address", false, 300));
  PASSEND_RETURN_IF_ERROR(CheckMunicipality(l.municipality_code, ref, "municipality_code"));
  PASSEND_RETURN_IF_ERROR(CheckPosition(l.position, "position"));
  return Ok();
}

Status ValidateQualityNote(const QualityNote& n) {
  if (n.source.empty())
    return InvalidArgument(
        "Een kwaliteitsgegeven heeft een bron (bijvoorbeeld " +
            std::string(n.kind == QualityKind::kReviews ? kZorgkaart : kInspectorate) + ")",
        "source");
  PASSEND_RETURN_IF_ERROR(CheckText(n.source, "source", true, 200));
  if (n.measured.empty())
    return InvalidArgument("Een kwaliteitsgegeven heeft een datum (JJJJ-MM-DD)", "measured");
  PASSEND_RETURN_IF_ERROR(CheckDate(n.measured, "measured"));
  if (n.kind == QualityKind::kReviews) {
    if (!std::isfinite(n.score) || n.score < 1 || n.score > 10)
      return InvalidArgument("Een cijfer van cliënten ligt tussen 1 en 10", "score");
    if (n.reviews < 1)
      return InvalidArgument("Bij een cijfer hoort het aantal beoordelingen (minstens 1)",
                             "reviews");
    if (!n.link.empty())
      return InvalidArgument("Alleen een inspectie heeft een link naar het rapport", "link");
    return Ok();
  }
  if (n.score != 0 || n.reviews != 0)
    return InvalidArgument("Een inspectie heeft geen cijfer of aantal beoordelingen", "score");
  PASSEND_RETURN_IF_ERROR(CheckText(n.link, "link", false, 500));
  if (!n.link.empty() && n.link.rfind("https://", 0) != 0 && n.link.rfind("http://", 0) != 0)
    return InvalidArgument("Een link begint met https://", "link");
  return Ok();
}

Status ValidateOffer(const Offer& o, const ReferenceData& ref) {
  PASSEND_RETURN_IF_ERROR(CheckId(o.id, "id"));
  PASSEND_RETURN_IF_ERROR(CheckId(o.provider_id, "provider_id"));
  PASSEND_RETURN_IF_ERROR(CheckId(o.location_id, "location_id"));
  PASSEND_RETURN_IF_ERROR(CheckText(o.name, "name", true, 200));
  PASSEND_RETURN_IF_ERROR(CheckText(o.description, "description", false, 4000));
  if (o.sectors.empty())
    return InvalidArgument("Een aanbod hoort bij minstens één sector", "sectors");
  for (size_t i = 0; i < o.profiles.size(); ++i) {
    const CareProfile* p = ref.FindProfile(o.profiles[i]);
    const std::string field = Indexed("profiles", i);
    if (p == nullptr) return InvalidArgument("Onbekend zorgprofiel '" + o.profiles[i] + "'", field);
    bool in_sector = false;
    for (Sector s : o.sectors) in_sector |= (s == p->sector);
    if (!in_sector)
      return InvalidArgument(
          "Zorgprofiel " + p->code + " hoort niet bij de sectoren van dit aanbod", field);
  }
  if (o.delivery_forms.empty())
    return InvalidArgument("Een aanbod heeft minstens één leveringsvorm", "delivery_forms");
  if (o.capacity < 0) return InvalidArgument("Capaciteit mag niet negatief zijn", "capacity");
  if (o.free_places < 0)
    return InvalidArgument("Vrije plaatsen mag niet negatief zijn", "free_places");
  if (o.free_places > o.capacity)
    return InvalidArgument("Er zijn meer vrije plaatsen dan de capaciteit", "free_places");
  if (o.waiting_people < 0)
    return InvalidArgument("Wachtlijst mag niet negatief zijn", "waiting_people");
  if (o.waiting_weeks < 0)
    return InvalidArgument("Wachttijd mag niet negatief zijn", "waiting_weeks");
  for (size_t i = 0; i < o.contracted_regions.size(); ++i)
    if (ref.FindRegion(o.contracted_regions[i]) == nullptr)
      return InvalidArgument("Onbekende zorgkantoorregio '" + o.contracted_regions[i] + "'",
                             Indexed("contracted_regions", i));
  std::unordered_set<std::string> seen;
  for (size_t i = 0; i < o.features.size(); ++i) {
    const std::string prefix = Indexed("features", i) + ".";
    PASSEND_RETURN_IF_ERROR(
        CheckFeatureValue(o.features[i].feature_id, o.features[i].value, ref, prefix));
    if (!seen.insert(o.features[i].feature_id).second)
      return InvalidArgument("Kenmerk staat twee keer in de lijst", prefix + "feature_id");
  }
  for (size_t i = 0; i < o.quality.size(); ++i) {
    Status s = ValidateQualityNote(o.quality[i]);
    if (!s.ok()) return s.error().WithFieldPrefix(Indexed("quality", i));
  }
  if (!std::isfinite(o.service_radius_km) || o.service_radius_km < 0 || o.service_radius_km > 300)
    return InvalidArgument("Werkgebied (km) ligt tussen 0 en 300", "service_radius_km");
  PASSEND_RETURN_IF_ERROR(CheckText(o.intake_contact, "intake_contact", false, 300));
  PASSEND_RETURN_IF_ERROR(CheckText(o.intake_requirements, "intake_requirements", false, 2000));
  PASSEND_RETURN_IF_ERROR(CheckUtcTimestamp(o.places_updated, "places_updated"));
  PASSEND_RETURN_IF_ERROR(CheckUtcTimestamp(o.details_updated, "details_updated"));
  return Ok();
}

Status ValidateWish(const Wish& w, const ReferenceData& ref) {
  PASSEND_RETURN_IF_ERROR(CheckText(w.text, "text", false, 1000));
  if (w.feature_id.empty()) {
    if (w.text.empty())
      return InvalidArgument("Een wens heeft een kenmerk of een eigen omschrijving", "text");
    return Ok();
  }
  return CheckFeatureValue(w.feature_id, w.value, ref, "");
}

Status CheckClientSize(const domain::Client& c) {
  auto too_many = [](const char* field, const char* what, size_t max) {
    return InvalidArgument("Te veel " + std::string(what) + ": hoogstens " + std::to_string(max),
                           field);
  };
  if (c.wishes.size() > kMaxWishes) return too_many("wishes", "wensen", kMaxWishes);
  const auto free_texts = std::count_if(c.wishes.begin(), c.wishes.end(),
                                        [](const Wish& w) { return w.feature_id.empty(); });
  if (static_cast<size_t>(free_texts) > kMaxFreeTextWishes)
    return too_many("wishes", "wensen in eigen woorden", kMaxFreeTextWishes);
  if (c.needs.size() > kMaxNeeds) return too_many("needs", "behoeften", kMaxNeeds);
  if (c.places.size() > kMaxPlaces) return too_many("places", "plekken", kMaxPlaces);
  if (c.seeking.size() > kMaxSeekingKinds) return too_many("seeking", "soorten", kMaxSeekingKinds);
  if (c.preferred_forms.size() > kMaxSeekingKinds)
    return too_many("preferred_forms", "vormen", kMaxSeekingKinds);
  return Ok();
}

Status ValidateClient(const Client& c, const ReferenceData& ref) {
  PASSEND_RETURN_IF_ERROR(CheckClientSize(c));
  PASSEND_RETURN_IF_ERROR(CheckId(c.id, "id"));
  PASSEND_RETURN_IF_ERROR(CheckText(c.name, "name", false, 200));
  if (c.birth_year != 0 && (c.birth_year < 1900 || c.birth_year > 2030))
    return InvalidArgument("Geboortejaar ligt tussen 1900 en 2030", "birth_year");
  PASSEND_RETURN_IF_ERROR(CheckMunicipality(c.municipality_code, ref, "municipality_code"));
  PASSEND_RETURN_IF_ERROR(CheckPosition(c.home, "home"));
  if (!c.profile.empty()) {
    const CareProfile* p = ref.FindProfile(c.profile);
    if (p == nullptr) return InvalidArgument("Onbekend zorgprofiel '" + c.profile + "'", "profile");
    if (p->sector != c.sector)
      return InvalidArgument(
          "Zorgprofiel " + p->code + " hoort niet bij sector " + std::string(ToString(c.sector)),
          "profile");
  } else if (c.indication == IndicationStatus::kGranted) {
    return InvalidArgument("Bij een toegekende indicatie hoort een zorgprofiel", "profile");
  }
  if (!c.care_provider_id.empty()) {
    PASSEND_RETURN_IF_ERROR(CheckId(c.care_provider_id, "care_provider_id"));
    if (c.care_status == CareStatus::kOrienting)
      return InvalidArgument(
          "Een aanbieder die nu zorg geeft past niet bij 'oriënteert zich': kies in_care of een "
          "wachtstatus",
          "care_provider_id");
  }
  if (c.care_status != CareStatus::kOrienting && c.care_status != CareStatus::kInCare &&
      c.indication != IndicationStatus::kGranted)
    return InvalidArgument("Op een wachtlijst staan kan pas met een toegekende indicatie",
                           "care_status");
  if (c.care_status == CareStatus::kInCare && c.indication != IndicationStatus::kGranted)
    return InvalidArgument("Wlz-zorg krijgen kan pas met een toegekende indicatie", "care_status");
  if (c.representative) {
    PASSEND_RETURN_IF_ERROR(CheckText(c.representative->name, "representative.name", true, 200));
    PASSEND_RETURN_IF_ERROR(
        CheckText(c.representative->relation, "representative.relation", false, 100));
  }
  for (size_t i = 0; i < c.wishes.size(); ++i) {
    Status s = ValidateWish(c.wishes[i], ref);
    if (!s.ok()) return s.error().WithFieldPrefix(Indexed("wishes", i));
  }
  for (size_t i = 0; i < c.needs.size(); ++i) {
    const std::string prefix = Indexed("needs", i) + ".";
    PASSEND_RETURN_IF_ERROR(CheckFeatureValue(c.needs[i].feature_id, std::nullopt, ref, prefix));
  }
  for (size_t i = 0; i < c.places.size(); ++i) {
    const Place& p = c.places[i];
    const std::string prefix = Indexed("places", i);
    Status s = CheckPosition(p.position, "position");
    if (!s.ok()) return s.error().WithFieldPrefix(prefix);
    if (!std::isfinite(p.max_km) || p.max_km < 0)
      return InvalidArgument("Afstand mag niet negatief zijn", prefix + ".max_km");
    s = CheckText(p.label, "label", false, 200);
    if (!s.ok()) return s.error().WithFieldPrefix(prefix);
  }
  return Ok();
}

Status ValidateDataset(const Dataset& d, const ReferenceData& ref) {
  std::unordered_set<std::string> providers, locations, offers, clients;
  // One identity per provider: a register number names one provider in the data set.
  std::unordered_set<std::string> register_numbers;
  for (size_t i = 0; i < d.providers.size(); ++i) {
    const Provider& p = d.providers[i];
    const std::string prefix = Indexed("providers", i);
    Status s = ValidateProvider(p);
    if (!s.ok()) return s.error().WithFieldPrefix(prefix);
    if (!providers.insert(p.id).second)
      return InvalidArgument("Id komt twee keer voor", prefix + ".id");
    const std::pair<const std::string*, const char*> numbers[] = {
        {&p.agb_code, "agb_code"}, {&p.kvk_number, "kvk_number"}, {&p.ura_number, "ura_number"}};
    for (const auto& [number, field] : numbers)
      if (!number->empty() && !register_numbers.insert(std::string(field) + ":" + *number).second)
        return InvalidArgument("Dit nummer hoort al bij een andere aanbieder in het bestand",
                               prefix + "." + field);
  }
  std::unordered_map<std::string, const Location*> location_by_id;
  for (size_t i = 0; i < d.locations.size(); ++i) {
    const Location& l = d.locations[i];
    const std::string prefix = Indexed("locations", i);
    Status s = ValidateLocation(l, ref);
    if (!s.ok()) return s.error().WithFieldPrefix(prefix);
    if (!location_by_id.emplace(l.id, &l).second)
      return InvalidArgument("Id komt twee keer voor", prefix + ".id");
    if (!providers.contains(l.provider_id))
      return InvalidArgument("Onbekende aanbieder '" + l.provider_id + "'",
                             prefix + ".provider_id");
  }
  for (size_t i = 0; i < d.offers.size(); ++i) {
    const Offer& o = d.offers[i];
    const std::string prefix = Indexed("offers", i);
    Status s = ValidateOffer(o, ref);
    if (!s.ok()) return s.error().WithFieldPrefix(prefix);
    if (!offers.insert(o.id).second)
      return InvalidArgument("Id komt twee keer voor", prefix + ".id");
    if (!providers.contains(o.provider_id))
      return InvalidArgument("Onbekende aanbieder '" + o.provider_id + "'",
                             prefix + ".provider_id");
    auto loc = location_by_id.find(o.location_id);
    if (loc == location_by_id.end())
      return InvalidArgument("Onbekende locatie '" + o.location_id + "'", prefix + ".location_id");
    if (loc->second->provider_id != o.provider_id)
      return InvalidArgument("Locatie hoort bij een andere aanbieder", prefix + ".location_id");
  }
  for (size_t i = 0; i < d.clients.size(); ++i) {
    const std::string prefix = Indexed("clients", i);
    Status s = ValidateClient(d.clients[i], ref);
    if (!s.ok()) return s.error().WithFieldPrefix(prefix);
    if (!clients.insert(d.clients[i].id).second)
      return InvalidArgument("Id komt twee keer voor", prefix + ".id");
    const std::string& carer = d.clients[i].care_provider_id;
    if (!carer.empty() && !providers.contains(carer))
      return InvalidArgument("Onbekende aanbieder '" + carer + "'", prefix + ".care_provider_id");
  }
  return Ok();
}

Status ValidateGuideline(const Guideline& g, const ReferenceData& ref) {
  if (g.domains.size() != std::size(kAllLifeDomains))
    return InvalidArgument("De leidraad heeft elk levensdomein precies één keer", "domains");
  std::unordered_set<std::string> ids;
  for (size_t i = 0; i < g.domains.size(); ++i) {
    const GuidelineDomain& d = g.domains[i];
    const std::string prefix = Indexed("domains", i);
    if (d.domain != kAllLifeDomains[i])
      return InvalidArgument("Verwacht levensdomein " + std::string(ToString(kAllLifeDomains[i])),
                             prefix + ".domain");
    if (d.title_nl.empty() || d.title_en.empty() || d.intro_nl.empty() || d.intro_en.empty())
      return InvalidArgument("Titel en inleiding in het Nederlands en Engels", prefix + ".title");
    if (d.questions.empty()) return InvalidArgument("Geen vragen", prefix + ".questions");
    for (size_t q = 0; q < d.questions.size(); ++q) {
      const GuidelineQuestion& question = d.questions[q];
      const std::string qp = prefix + "." + Indexed("questions", q);
      PASSEND_RETURN_IF_ERROR(CheckId(question.id, (qp + ".id").c_str()));
      if (!ids.insert(question.id).second)
        return InvalidArgument("Id komt twee keer voor", qp + ".id");
      if (question.text_nl.empty() || question.text_en.empty())
        return InvalidArgument("De vraag in het Nederlands en Engels", qp + ".text_nl");
      if (question.feature_ids.empty())
        return InvalidArgument("Een vraag hoort bij minstens één kenmerk", qp + ".feature_ids");
      for (size_t f = 0; f < question.feature_ids.size(); ++f) {
        if (ref.FindFeature(question.feature_ids[f]) == nullptr)
          return InvalidArgument("Onbekend kenmerk '" + question.feature_ids[f] + "'",
                                 qp + "." + Indexed("feature_ids", f));
      }
    }
  }
  return Ok();
}

}  // namespace passend::domain
